/**
 * `campaign doctor`'s check of the units' social accounts (SOCIAL_ACCOUNTS_FILE): the file reads
 * and is valid, and which units have a Facebook Page or a Zalo OA configured — counts and unit
 * names only, never a token or a page id. With no file, every social pack goes to the
 * campaign's editors by email, which is a working setup, not a fault.
 */
import { readSocialAccounts } from './config.js';
import type { HealthCheck } from './health.js';

/** `unitName` gives a directory unit's name (undefined: not in the directory, or not known). */
export function checkSocialAccounts(file: string | undefined, unitName: (id: string) => string | undefined = () => undefined): HealthCheck {
  if (!file) {
    return { service: 'social', address: 'SOCIAL_ACCOUNTS_FILE chưa đặt', state: 'up', detail: 'chưa đơn vị nào cấu hình Trang Facebook hay Zalo OA: gói bài mạng xã hội gửi biên tập viên qua email để đăng tay' };
  }
  const check: HealthCheck = { service: 'social', address: file, state: 'down' };
  let units: [string, { facebook?: unknown; zalo?: unknown }][];
  try {
    units = Object.entries(readSocialAccounts(file).units);
  } catch (err) {
    check.detail = (err as Error).message;
    return check;
  }
  check.state = 'up';
  const facebook = units.filter(([, a]) => a.facebook).length;
  const zalo = units.filter(([, a]) => a.zalo).length;
  const configured = units.filter(([, a]) => a.facebook || a.zalo);
  if (configured.length === 0) {
    check.detail = 'tệp hợp lệ nhưng chưa đơn vị nào có Trang Facebook hay Zalo OA: gói bài mạng xã hội gửi biên tập viên qua email để đăng tay';
    return check;
  }
  const unknown = configured.filter(([id]) => !unitName(id)).map(([id]) => id);
  const list = configured
    .filter(([id]) => unitName(id))
    .map(([id, a]) => `${unitName(id)} (${[a.facebook && 'Trang Facebook', a.zalo && 'Zalo OA'].filter(Boolean).join(', ')})`);
  check.detail =
    `tệp hợp lệ; ${facebook} đơn vị có Trang Facebook, ${zalo} đơn vị có Zalo OA` +
    (list.length ? `: ${list.join('; ')}` : '') +
    (unknown.length ? `; không có trong danh bạ (kiểm tra lại mã đơn vị trong tệp): ${unknown.join(', ')}` : '') +
    '; các đơn vị khác nhận gói bài qua email';
  return check;
}
