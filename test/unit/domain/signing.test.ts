import { describe, expect, it } from 'vitest';
import { csrfFor, csrfMatches } from '../../../domain/approval-token.js';
import { sign, SigningPurpose, verify } from '../../../domain/signing.js';
import { createUnsubscribeToken, verifyUnsubscribeToken } from '../../../channels/press-briefing/render/index.js';
import { csrfForSession, readSession } from '../../../web/dashboard/auth.js';

const secret = 'campaign-ops-test-secret-0123456789abcdef';

describe('sign and verify', () => {
  it('a signature verifies for its secret, purpose and value only', () => {
    const s = sign(secret, SigningPurpose.unsubscribe, 'duc.tm@example.org');
    expect(s).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(verify(secret, SigningPurpose.unsubscribe, 'duc.tm@example.org', s)).toBe(true);
    expect(verify(secret, SigningPurpose.unsubscribe, 'trang.lt@example.org', s)).toBe(false);
    expect(verify('x'.repeat(40), SigningPurpose.unsubscribe, 'duc.tm@example.org', s)).toBe(false);
    expect(verify('', SigningPurpose.unsubscribe, 'duc.tm@example.org', s)).toBe(false);
    for (const bad of [undefined, 42, '', `${s}=`, s.slice(1), `${s.slice(0, -1)}${s.endsWith('A') ? 'B' : 'A'}`]) {
      expect(verify(secret, SigningPurpose.unsubscribe, 'duc.tm@example.org', bad)).toBe(false);
    }
  });

  it('a signature made for one purpose never verifies for another', () => {
    const purposes = Object.values(SigningPurpose);
    expect(new Set(purposes).size).toBe(purposes.length);
    for (const a of purposes) {
      const s = sign(secret, a, 'same-value');
      for (const b of purposes) expect(verify(secret, b, 'same-value', s), `${a} → ${b}`).toBe(a === b);
    }
  });

  it('refuses to sign without a secret', () => {
    expect(() => sign('', SigningPurpose.session, 'x')).toThrow();
  });
});

describe('signatures already issued keep verifying (format unchanged)', () => {
  it('an unsubscribe link sent in an earlier email', () => {
    // Issued by the implementation before domain/signing.ts, for Duc.TM@Example.org.
    const sent = 'ZHVjLnRtQGV4YW1wbGUub3Jn.VqVtJjS65HiOwNgvpMmHA5PfEEJ6LkWSOjsHg2NMyag';
    expect(createUnsubscribeToken('Duc.TM@Example.org', secret)).toBe(sent);
    expect(verifyUnsubscribeToken(sent, secret)).toBe('duc.tm@example.org');
  });

  it('the approval page CSRF value', () => {
    const tokenHash = 'a'.repeat(64);
    expect(csrfFor(secret, tokenHash)).toBe('Z87seMDYV-mmIsmj6JjLyJzcPaJhh3063Hz4G4Ycpfk');
    expect(csrfMatches(secret, tokenHash, 'Z87seMDYV-mmIsmj6JjLyJzcPaJhh3063Hz4G4Ycpfk')).toBe(true);
  });

  it('a dashboard session cookie and its CSRF value', () => {
    const cookie =
      'eyJlIjoiYmllbnRhcC52aHhoQGV4YW1wbGUub3JnIiwiaSI6IkFBQUFBQUFBQUFBQUFBQUFBQUFBQUEiLCJ4IjoxNzk1MzkyMDAwMDAwfQ.pN4n3iESS-a2sCmogwo3IrxG8B69xcWzWHrULS0Ary0';
    const session = readSession(secret, cookie, new Date('2026-01-01T00:00:00Z'));
    expect(session).toEqual({ email: 'bientap.vhxh@example.org', id: 'AAAAAAAAAAAAAAAAAAAAAA', expiresAt: 1795392000000 });
    expect(csrfForSession(secret, session!)).toBe('bJLykxwrFgRWLf1dCMmt7J6F44u-jClrx-Jy_igLzCo');
  });
});
