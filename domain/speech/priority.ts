/**
 * Bulletin priority for grassroots loudspeaker systems, after Thông tư 39/2020/TT-BTTTT: a normal
 * bulletin is fitted into the commune's own schedule, a priority bulletin is slotted into the
 * programme, an emergency bulletin is played at once (natural disasters, fire, epidemics).
 */

/** Priorities, lowest first. */
export const BulletinPriority = {
  normal: 'normal',
  priority: 'priority',
  emergency: 'emergency',
} as const;
export type BulletinPriority = (typeof BulletinPriority)[keyof typeof BulletinPriority];

/** Vietnamese names, as the circular calls the bulletins ("bản tin thông thường" …). */
export const BULLETIN_PRIORITY_LABELS: Readonly<Record<BulletinPriority, string>> = {
  normal: 'thông thường',
  priority: 'ưu tiên',
  emergency: 'khẩn cấp',
};

/** Whether a value is one of the {@link BulletinPriority} values. */
export function isBulletinPriority(value: unknown): value is BulletinPriority {
  return typeof value === 'string' && Object.hasOwn(BULLETIN_PRIORITY_LABELS, value);
}
