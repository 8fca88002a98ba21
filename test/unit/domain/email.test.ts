import { describe, expect, it } from 'vitest';
import { isEmailAddress, isMailbox, normalizeEmail, parseMailbox, senderDomain } from '../../../domain/email.js';
import { parseMediaList } from '../../../domain/media-list.js';
import { parseConfig } from '../../../infra/config.js';

/** Text that holds two addresses, a quoted local part, or no real domain: never one address. */
const NOT_ONE_ADDRESS = [
  'a,b@x.org', // nodemailer sends this to "a" and "b@x.org"
  'a;b@x.org',
  'a b@x.org',
  '"a b"@x.org',
  '"a"@x.org',
  'a@x',
  'a@x.',
  'a@.x.org',
  'a@x..org',
  'a@-x.org',
  'a@x-.org',
  'a@1.2.3.4',
  'a..b@x.org',
  '.a@x.org',
  'a.@x.org',
  'a@b@x.org',
  '<a@x.org>',
  'a@x.org>',
  'Tên <a@x.org>',
  'a@x.org, b@x.org',
  'a(chú thích)@x.org',
  'a\\b@x.org',
  'a:b@x.org',
  'nguyễn@x.org',
  'a@bộ.vn',
  'a@x.org\n',
  'a@x.org\r\nBcc: evil@example.com',
  '@x.org',
  'a@',
  '',
  `${'a'.repeat(65)}@x.org`,
  `a@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.${'e'.repeat(60)}.org`,
];

describe('isEmailAddress', () => {
  it('accepts ordinary addresses', () => {
    for (const ok of [
      'bientap.vhxh@example.org',
      'Duc.TM@Example.org',
      'so-gddt@langson.gov.vn',
      'tin_bai+20-11@bao.example.com',
      "o'brien@example.net",
      'a@x.io',
      'a1@sub.domain-x.example.org',
      `${'a'.repeat(64)}@x.org`,
    ]) {
      expect(isEmailAddress(ok), ok).toBe(true);
    }
  });

  it('refuses lists, quoted local parts, spaces, brackets and domains without a dot', () => {
    for (const bad of NOT_ONE_ADDRESS) expect(isEmailAddress(bad), JSON.stringify(bad)).toBe(false);
    expect(isEmailAddress(42)).toBe(false);
    expect(isEmailAddress(undefined)).toBe(false);
  });

  it('holds addresses to 254 characters', () => {
    const local = 'a'.repeat(64);
    const domain = (n: number) => `${'b'.repeat(n - 4)}.org`;
    const at = (total: number) => `${local}@${['c'.repeat(63), 'd'.repeat(63), domain(total - 64 - 1 - 128)].join('.')}`;
    expect(at(254)).toHaveLength(254);
    expect(isEmailAddress(at(254))).toBe(true);
    expect(isEmailAddress(at(255))).toBe(false);
  });

  it('normalises by trimming and lower-casing', () => {
    expect(normalizeEmail('  Duc.TM@Example.org ')).toBe('duc.tm@example.org');
  });
});

describe('mailboxes (SMTP_FROM)', () => {
  it('reads an address with or without a display name', () => {
    expect(parseMailbox('noreply@example.org')).toEqual({ address: 'noreply@example.org' });
    expect(parseMailbox('Ban Biên tập truyền thông <noreply@example.org>')).toEqual({ name: 'Ban Biên tập truyền thông', address: 'noreply@example.org' });
    expect(parseMailbox('"Sở GD&ĐT, tỉnh Lạng Sơn" <noreply@langson.gov.vn>')).toEqual({ name: 'Sở GD&ĐT, tỉnh Lạng Sơn', address: 'noreply@langson.gov.vn' });
    expect(parseMailbox('<noreply@example.org>')).toEqual({ address: 'noreply@example.org' });
  });

  it('refuses two senders, a comma in an unquoted name and a bad address in brackets', () => {
    for (const bad of [
      'Ban A <a@x.org>, Ban B <b@x.org>',
      'Sở GD, ĐT <a@x.org>',
      'Ban; biên tập <a@x.org>',
      'Ban <a,b@x.org>',
      'Ban <a@x>',
      'Ban <"a b"@x.org>',
      'Ban a@x.org',
      'Ban <a@x.org',
      '"Ban "x"" <a@x.org>',
      'Ban\r\nBcc: evil@example.com <a@x.org>',
      // (a mailbox is trimmed first: 'a@x.org\n' is one)
      ...NOT_ONE_ADDRESS.filter((a) => !['<a@x.org>', 'Tên <a@x.org>', 'a@x.org\n'].includes(a)),
    ]) {
      expect(isMailbox(bad), JSON.stringify(bad)).toBe(false);
    }
  });

  it('gives the sender domain for message ids', () => {
    expect(senderDomain('Ban Biên tập <NoReply@Example.ORG>')).toBe('example.org');
    expect(senderDomain('không có địa chỉ')).toBe('campaign-ops.local');
  });

  it('SMTP_FROM with two addresses is a configuration problem', () => {
    const result = parseConfig({ SMTP_FROM: 'Ban A <a,b@example.org>' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.variable)).toEqual(['SMTP_FROM']);
    expect(parseConfig({ SMTP_FROM: '"Sở GD&ĐT, tỉnh Lạng Sơn" <noreply@example.org>' }).ok).toBe(true);
  });
});

describe('files checked with the same rule', () => {
  it('a media list refuses "a,b@example.org"', () => {
    const text = 'sample: true\nowner: X\njournalists:\n  - { id: a, name: A, outlet: B, email: "a,b@example.org", beats: [giáo dục] }\n';
    const result = parseMediaList(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.message)).toContainEqual(expect.stringContaining('phải là địa chỉ email'));
  });
});
