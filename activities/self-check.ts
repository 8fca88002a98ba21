/**
 * The self-check: proves the whole chain (worker → object store → SMTP) works by writing a
 * probe object and sending a probe email. Used by `campaign doctor --deep` and by tests.
 */
import type { ActivityDeps } from './deps.js';

export interface ProbeInput {
  probeId: string;
  recipient: string;
  /** Text to store; defaults to a short Vietnamese probe line. */
  content?: string;
}

export function createSelfCheckActivities({ store, mailer, endpoints }: ActivityDeps) {
  return {
    /** Writes `self-check/<probeId>.txt` and returns its key and size. */
    async writeProbeObject(input: ProbeInput): Promise<{ key: string; bytes: number }> {
      const key = `self-check/${input.probeId}.txt`;
      const body = input.content ?? `Kiểm tra hệ thống ${input.probeId}: kho đối tượng hoạt động.\n`;
      await store.put(key, body, { contentType: 'text/plain; charset=utf-8', metadata: { probe: input.probeId } });
      return { key, bytes: Buffer.byteLength(body) };
    },

    /** Sends one probe email; the Message-ID is derived from the probe id so a retry is recognisable. */
    async sendProbeEmail(input: ProbeInput): Promise<{ messageId: string }> {
      const messageId = `<self-check.${input.probeId}@campaign-ops.local>`;
      await mailer.sendMail({
        from: endpoints.mailFrom,
        to: input.recipient,
        subject: `Kiểm tra hệ thống ${input.probeId}`,
        text: `Thư kiểm tra ${input.probeId}: máy chủ thư hoạt động.`,
        messageId,
      });
      return { messageId };
    },
  };
}
