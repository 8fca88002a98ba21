/**
 * The publish time and decision deadline of a start request (CLI `--publish-at`, the dashboard
 * form, occasion schedules): a time without a zone is Vietnam time on any host, and an
 * impossible one is refused with a message naming it.
 */
import { describe, expect, it } from 'vitest';
import { CampaignRequestError, resolveCampaignInput, type StartRequest } from '../../../infra/campaign-client.js';

const now = new Date('2026-10-25T03:00:00Z');
const request = (extra: Partial<StartRequest>): StartRequest => ({
  planId: 'phuong-bac-kan-2026',
  occasionId: 'ngay-nha-giao-20-11',
  date: '20/11/2026',
  approvers: ['bien-tap@example.org'],
  ...extra,
});

async function underTz<T>(tz: string, fn: () => Promise<T>): Promise<T> {
  const saved = process.env.TZ;
  process.env.TZ = tz;
  try {
    return await fn();
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
}

describe('times in a start request', () => {
  it('reads --publish-at without an offset as Vietnam time, also on a UTC server', async () => {
    for (const tz of ['UTC', 'Asia/Ho_Chi_Minh', 'America/New_York']) {
      const input = await underTz(tz, () => resolveCampaignInput(request({ publishAt: '2026-11-24T08:00', decideBy: '2026-11-23T17:00' }), now));
      expect(input.publishAt, tz).toBe('2026-11-24T01:00:00.000Z');
      expect(input.decideBy, tz).toBe('2026-11-23T10:00:00.000Z');
    }
    const withZone = await resolveCampaignInput(request({ publishAt: '2026-11-24T08:00:00+07:00' }), now);
    expect(withZone.publishAt).toBe('2026-11-24T01:00:00.000Z');
  });

  it('refuses an impossible date instead of moving it to March', async () => {
    const err = await resolveCampaignInput(request({ publishAt: '2026-02-31T08:00:00+07:00' }), now).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CampaignRequestError);
    expect((err as CampaignRequestError).problems).toEqual([
      { field: 'publishAt', message: '"2026-02-31T08:00:00+07:00" không phải ngày có thật: tháng 2 năm 2026 chỉ có 28 ngày' },
    ]);
    const late = await resolveCampaignInput(request({ decideBy: '2026-11-20T25:00' }), now).catch((e: unknown) => e);
    expect((late as CampaignRequestError).problems).toEqual([{ field: 'decideBy', message: '"2026-11-20T25:00" có giờ 25, nhưng giờ chỉ từ 0 đến 23' }]);
  });
});
