/**
 * Email: the embedded SMTP server with a web inbox (maildev, keeping mail under the data
 * folder), the nodemailer transport used by activities, and an SMTP greeting probe for health.
 */
import { mkdirSync } from 'node:fs';
import net from 'node:net';
import tls from 'node:tls';
import nodemailer, { type Transporter } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';

export interface EmbeddedSmtpHandle {
  smtpUrl: string;
  inboxUrl: string;
  stop(): Promise<void>;
}

/** Starts maildev: SMTP on `smtpPort`, web inbox + `/api/email` on `webPort`, mail stored in `directory`. */
export async function startEmbeddedSmtp(options: { directory: string; smtpPort: number; webPort: number }): Promise<EmbeddedSmtpHandle> {
  mkdirSync(options.directory, { recursive: true });
  const { MailDev } = await import('maildev');
  const maildev = new MailDev({
    smtp: options.smtpPort,
    web: options.webPort,
    ip: '127.0.0.1',
    webIp: '127.0.0.1',
    mailDirectory: options.directory,
    silent: true,
  });
  await maildev.start();
  return {
    smtpUrl: `smtp://127.0.0.1:${options.smtpPort}`,
    inboxUrl: `http://127.0.0.1:${options.webPort}`,
    async stop() {
      await maildev.stop();
    },
  };
}

/** A nodemailer transport for the configured SMTP URL; pooled for bulk sending. */
export function createMailTransport(smtpUrl: string, options: { pool?: boolean } = {}): Transporter {
  const url = new URL(smtpUrl);
  const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  return nodemailer.createTransport({
    host: url.hostname,
    port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)),
    secure: url.protocol === 'smtps:',
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    // The embedded server speaks plain SMTP on loopback; real servers get STARTTLS as offered.
    ignoreTLS: local,
    pool: options.pool ?? false,
    maxConnections: options.pool ? 3 : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
}

/**
 * The raw message (RFC 5322, CRLF line ends) nodemailer builds for these options — the same
 * bytes the SMTP transport would send, for a .eml file a mail client opens.
 */
export async function composeMessage(mail: Mail.Options): Promise<Buffer> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const info = await transport.sendMail(mail);
  return info.message as Buffer;
}

/** Connects, reads the 220 greeting, and says QUIT. Returns the greeting text (names the server). */
export function smtpGreeting(smtpUrl: string, timeoutMs = 3_000): Promise<string> {
  const url = new URL(smtpUrl);
  const port = Number(url.port || (url.protocol === 'smtps:' ? 465 : 587));
  return new Promise((resolve, reject) => {
    const socket: net.Socket =
      url.protocol === 'smtps:' ? tls.connect({ host: url.hostname, port, servername: url.hostname }) : net.connect({ host: url.hostname, port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`không có lời chào SMTP sau ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('data', (buf) => {
      clearTimeout(timer);
      const line = buf.toString('utf8').split('\r\n')[0] ?? '';
      socket.end('QUIT\r\n');
      if (line.startsWith('220')) resolve(line.slice(4).trim());
      else reject(new Error(`lời chào SMTP lạ: ${line}`));
    });
    socket.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}
