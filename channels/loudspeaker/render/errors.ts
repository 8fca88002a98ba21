/** Errors a loudspeaker script build throws. Messages are Vietnamese, for the editor. */
import { formatDuration, type SlotFit } from '../../../domain/speech/reading-time.js';

export { UnspeakableTextError } from '../../../domain/speech/speakable.js';

/** An input field is missing, of the wrong type, too long, or empty once cleaned. */
export class ScriptInputError extends Error {
  constructor(
    /** Path of the field, e.g. "brief.keyMessages[2]". */
    readonly field: string,
    message: string,
  ) {
    super(`Trường "${field}" ${message}`);
    this.name = 'ScriptInputError';
  }
}

/** The script takes longer to read than its broadcast slot. */
export class ScriptTooLongError extends Error {
  readonly durationSeconds: number;
  readonly slotSeconds: number;
  readonly overSeconds: number;

  constructor(fit: Extract<SlotFit, { ok: false }>, where: string) {
    super(`${fit.message} (${where}). Hãy rút gọn bản tin khoảng ${formatDuration(fit.overSeconds)} đọc hoặc chọn khung giờ dài hơn.`);
    this.name = 'ScriptTooLongError';
    this.durationSeconds = fit.seconds;
    this.slotSeconds = fit.slotSeconds;
    this.overSeconds = fit.overSeconds;
  }
}
