/**
 * Date logic at many "todays": the day before, of and after an occasion, the turn of a year,
 * 29/02 and the last days of December, each early and late in the Vietnamese day. Every
 * function here takes its "now" as an argument, so the suite means the same on any date.
 */
import { describe, expect, it } from 'vitest';
import { occasionsBetween } from '../../../domain/calendar/index.js';
import { addDays, daysBetween, isoParts, vnToday, type IsoDate } from '../../../domain/dates.js';
import { halfYearStart } from '../../../domain/report/period.js';
import { desiredSchedules, type DesiredOptions } from '../../../domain/schedules/desired.js';
import type { OccasionStartInput } from '../../../domain/schedules/occasion.js';
import { findOccasionInstance } from '../../../infra/briefs.js';
import { resolveCampaignInput } from '../../../infra/campaign-client.js';
import { loadLocalities, loadPlans } from '../../../infra/plan-store.js';

const LOCALITIES_FILE = 'test/fixtures/data/localities-file.yaml';
const MEDIA_LIST_FILE = 'test/fixtures/data/media-file.yaml';

const plans = await loadPlans();
const ward = plans.find((p) => p.id === 'phuong-bac-kan-2026')!;
const { localities } = await loadLocalities(LOCALITIES_FILE);
const options = (now: Date, extra: Partial<DesiredOptions> = {}): DesiredOptions => ({
  taskQueue: 'campaign-ops',
  localities,
  localitiesFile: LOCALITIES_FILE,
  mediaListFile: MEDIA_LIST_FILE,
  approvers: ['bien-tap@example.org'],
  reportTo: ['bao-cao@example.org'],
  now,
  ...extra,
});

const TODAYS: IsoDate[] = [
  '2026-11-19', '2026-11-20', '2026-11-21', // around 20/11
  '2026-12-01', '2026-12-30', '2026-12-31', '2027-01-01', // the turn of the year
  '2027-01-08', '2027-01-09', '2027-01-10', // around 9/1
  '2028-02-28', '2028-02-29', '2028-03-01', // a leap day
  '2027-12-31',
];
/** A wall-clock time in Vietnam on `day` as an instant. */
const at = (day: IsoDate, hhmm: string) => new Date(`${day}T${hhmm}:00+07:00`);
/** The next `dd/mm` on or after `today`, computed independently of the calendar code. */
function nextAnnual(today: IsoDate, month: number, day: number): IsoDate {
  const { year } = isoParts(today);
  const mmdd = `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return `${today.slice(5) <= mmdd ? year : year + 1}-${mmdd}`;
}

describe.each(TODAYS)('on %s', (today) => {
  it.each(['00:05', '23:55'])('at %s Vietnam time, "today" is that day whatever the host time zone', (hhmm) => {
    expect(vnToday(at(today, hhmm))).toBe(today);
  });

  it('the next 20/11 and 9/1 are the ones on or after today, never a past one', () => {
    const window = occasionsBetween(today, addDays(today, 400), plans);
    for (const o of window) expect(o.date >= today).toBe(true);
    expect(window.find((o) => o.occasionId === 'ngay-nha-giao-20-11')?.date).toBe(nextAnnual(today, 11, 20));
    expect(window.find((o) => o.occasionId === 'ngay-hssv-9-1')?.date).toBe(nextAnnual(today, 1, 9));
    expect(findOccasionInstance(ward, 'ngay-nha-giao-20-11', undefined, at(today, '23:55')).date).toBe(nextAnnual(today, 11, 20));
  });

  it('a campaign started today for 20/11 takes the id and deadline of the next instance', async () => {
    const next = nextAnnual(today, 11, 20);
    const input = await resolveCampaignInput({ planId: ward.id, occasionId: 'ngay-nha-giao-20-11', approvers: ['bien-tap@example.org'] }, at(today, '09:00'));
    expect(input.occasionDate).toBe(next);
    expect(input.campaignId).toBe(`campaign-${ward.id}-ngay-nha-giao-20-11-${next.slice(0, 4)}`);
    // It expires at the end of the occasion day, Vietnam time.
    expect(input.decideBy).toBe(new Date(`${next}T23:59:59+07:00`).toISOString());
  });

  it('the six-monthly report period starts on 01/01 or 01/07 of this half-year', () => {
    const start = halfYearStart(today);
    expect(start <= today).toBe(true);
    expect(['01-01', '07-01']).toContain(start.slice(5));
    expect(daysBetween(start, today)).toBeLessThan(184);
  });

  it('occasion schedules only name start dates still ahead', () => {
    for (const plan of plans) {
      const desired = desiredSchedules(plan, options(at(today, '08:00')));
      for (const s of desired.schedules.filter((x) => x.kind === 'occasion')) {
        const input = s.args[0] as OccasionStartInput;
        expect(input.startDaysBefore).toBeGreaterThan(0);
        for (const c of s.calendars) {
          if (c.year === undefined) continue;
          const date = `${c.year}-${String(c.month).padStart(2, '0')}-${String(c.dayOfMonth).padStart(2, '0')}`;
          expect(date >= today).toBe(true);
        }
      }
    }
  });
});

describe('a staging set of schedules', () => {
  it('starts its campaigns under its own prefix, apart from the real campaign of the occasion', async () => {
    const desired = desiredSchedules(ward, options(at('2026-12-01', '08:00'), { idPrefix: 'it1-' }));
    const occasion = desired.schedules.find((s) => s.kind === 'occasion' && s.id.endsWith('ngay-hssv-9-1'))!;
    const start = occasion.args[0] as OccasionStartInput;
    expect(start.idPrefix).toBe('it1-');
    const input = await resolveCampaignInput({ planId: ward.id, occasionId: start.occasionId, approvers: start.approvers, idPrefix: start.idPrefix }, at('2026-12-01', '08:00'));
    expect(input.campaignId).toBe(`campaign-it1-${ward.id}-ngay-hssv-9-1-2027`);
  });
});
