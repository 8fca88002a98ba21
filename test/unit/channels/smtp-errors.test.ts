import { describe, expect, it } from 'vitest';
import { SMTP_CODE_KINDS, classifySmtpError } from '../../../activities/smtp-errors.js';

const err = (code: string | undefined, responseCode?: number, command?: string) => Object.assign(new Error(`${code} ${responseCode ?? ''}`), { code, responseCode, command });

describe('classifySmtpError', () => {
  it.each([
    ['ECONNECTION', undefined, undefined, 'transient'],
    ['ETIMEDOUT', undefined, undefined, 'transient'],
    ['ESOCKET', undefined, undefined, 'transient'],
    ['EDNS', undefined, undefined, 'transient'],
    ['EAUTH', 535, 'AUTH PLAIN', 'fatal'],
    ['EAUTH', undefined, undefined, 'fatal'],
    ['ENOAUTH', undefined, undefined, 'fatal'],
    ['EENVELOPE', undefined, 'API', 'permanent'], // malformed address, refused before sending
    ['EENVELOPE', 550, 'RCPT TO', 'permanent'], // mailbox unavailable
    ['EENVELOPE', 553, 'RCPT TO', 'permanent'],
    ['EENVELOPE', 450, 'RCPT TO', 'transient'], // greylisting / mailbox busy
    ['EENVELOPE', 452, 'RCPT TO', 'transient'],
    ['EENVELOPE', 550, 'MAIL FROM', 'fatal'], // our sender is refused: no one will get mail
    ['EMESSAGE', 554, 'DATA', 'permanent'],
    ['EMESSAGE', 451, 'DATA', 'transient'],
    ['EPROTOCOL', 503, undefined, 'transient'], // bad sequence: a session problem
    ['EPROTOCOL', 421, undefined, 'transient'],
    [undefined, undefined, undefined, 'transient'], // unknown: let the retry policy decide
  ] as const)('%s %s %s → %s', (code, responseCode, command, kind) => {
    const f = classifySmtpError(err(code, responseCode, command));
    expect(f.kind).toBe(kind);
    expect(f.code).toBe(code ?? 'EUNKNOWN');
    expect(f.responseCode).toBe(responseCode);
  });

  it('covers the codes the brief names', () => {
    expect(SMTP_CODE_KINDS).toMatchObject({ EENVELOPE: 'permanent', EAUTH: 'fatal', ECONNECTION: 'transient', ETIMEDOUT: 'transient', ESOCKET: 'transient' });
  });

  it('copes with things that are not errors', () => {
    expect(classifySmtpError('boom')).toEqual({ kind: 'transient', code: 'EUNKNOWN', message: 'boom' });
    expect(classifySmtpError(undefined).kind).toBe('transient');
  });
});
