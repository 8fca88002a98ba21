/**
 * SOCIAL_ACCOUNTS_FILE in the configuration: checked at start with the variable named, carried
 * to the worker as a path (read again at each publish), and reported by `campaign doctor` as
 * counts and unit names — never a token.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { endpointsFromConfig, parseConfig, readSocialAccounts } from '../../../infra/config.js';
import { checkSocialAccounts } from '../../../infra/social-check.js';

const TOKEN = 'EAAB-bi-mat-khong-in-ra-0123456789';
const dir = mkdtempSync(path.join(tmpdir(), 'social-config-'));
function file(name: string, text: string): string {
  const f = path.join(dir, name);
  writeFileSync(f, text);
  return f;
}
const good = file(
  'accounts.yaml',
  `units:\n  phuong-bac-kan:\n    facebook: { pageId: "1234567890", accessToken: "${TOKEN}" }\n    zalo: { accessToken: "${TOKEN}" }\n  xa-huu-lung:\n    facebook: { pageId: "987654321", accessToken: "${TOKEN}" }\n  xa-da-sap-nhap:\n    zalo: { accessToken: "${TOKEN}" }\n`,
);
const names: Record<string, string> = { 'phuong-bac-kan': 'Phường Bắc Kạn', 'xa-huu-lung': 'Xã Hữu Lũng' };

describe('SOCIAL_ACCOUNTS_FILE', () => {
  it('is carried as an absolute path to the worker, which reads the units’ accounts from it', () => {
    const parsed = parseConfig({ SOCIAL_ACCOUNTS_FILE: good });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.config.socialAccountsFile).toBe(good);
    const endpoints = endpointsFromConfig(parsed.config, 'x'.repeat(32));
    expect(endpoints.socialAccountsFile).toBe(good);
    expect(Object.keys(readSocialAccounts(endpoints.socialAccountsFile).units)).toEqual(['phuong-bac-kan', 'xa-huu-lung', 'xa-da-sap-nhap']);
    expect(readSocialAccounts(undefined)).toEqual({ units: {} });
    const none = parseConfig({});
    expect(none.ok && none.config.socialAccountsFile).toBeUndefined();
  });

  it('refuses, by variable name and in Vietnamese, a file that is missing, not YAML, or not of the expected shape', () => {
    const cases: [string, RegExp][] = [
      [path.join(dir, 'khong-co.yaml'), /không đọc được tệp tài khoản mạng xã hội tại .*khong-co\.yaml \(không có tệp này\)/],
      [file('hong.yaml', 'units: [a, b\n'), /không phải YAML hợp lệ/],
      [file('sai.yaml', `units:\n  xa-a:\n    facebook: { pageId: "trang-cua-xa", accessToken: "${TOKEN}" }\n    tiktok: { accessToken: "${TOKEN}" }\n`), /chưa đúng mẫu: units\.xa-a\.facebook\.pageId: mã trang \(pageId\) là dãy số; units\.xa-a: khóa không dùng được ở đây: tiktok/],
    ];
    for (const [f, message] of cases) {
      const parsed = parseConfig({ SOCIAL_ACCOUNTS_FILE: f });
      expect(parsed.ok).toBe(false);
      if (parsed.ok) continue;
      expect(parsed.problems).toHaveLength(1);
      expect(parsed.problems[0]).toMatchObject({ variable: 'SOCIAL_ACCOUNTS_FILE', value: f, message: expect.stringMatching(message) });
      expect(parsed.problems[0]!.message).not.toContain(TOKEN);
    }
  });

  it('is reported by doctor: valid, which units have a Page or an OA, by name, with no token or page id', () => {
    const check = checkSocialAccounts(good, (id) => names[id]);
    expect(check).toMatchObject({ service: 'social', state: 'up', address: good });
    expect(check.detail).toBe(
      'tệp hợp lệ; 2 đơn vị có Trang Facebook, 2 đơn vị có Zalo OA: Phường Bắc Kạn (Trang Facebook, Zalo OA); Xã Hữu Lũng (Trang Facebook); không có trong danh bạ (kiểm tra lại mã đơn vị trong tệp): xa-da-sap-nhap; các đơn vị khác nhận gói bài qua email',
    );
    expect(JSON.stringify(check)).not.toContain(TOKEN);
    expect(JSON.stringify(check)).not.toContain('1234567890');
  });

  it('is reported by doctor when none is configured: packs go to the editors by email', () => {
    expect(checkSocialAccounts(undefined)).toEqual({ service: 'social', address: 'SOCIAL_ACCOUNTS_FILE chưa đặt', state: 'up', detail: 'chưa đơn vị nào cấu hình Trang Facebook hay Zalo OA: gói bài mạng xã hội gửi biên tập viên qua email để đăng tay' });
    expect(checkSocialAccounts(file('trong.yaml', 'units: {}\n')).detail).toContain('tệp hợp lệ nhưng chưa đơn vị nào có Trang Facebook hay Zalo OA');
  });
});
