/**
 * Input hygiene shared by web posts and briefings: every text field cleaned by the one text
 * cleaner (domain/text/clean.ts: nothing that must never reach HTML, XML or a mail header, NFC,
 * whitespace collapsed; emoji kept, mail and web pages can show them), then held to the
 * documented limits. Problems are collected so the editor sees all of them at once, each naming
 * its field in Vietnamese.
 */
import { formatVnNumber } from '../../domain/numbers.js';
import { cleanText } from '../../domain/text/clean.js';
import { TEXT_LIMITS, type TextLimitName } from './limits.js';

/** One problem with one field: `path` for developers, `message` in Vietnamese for editors. */
export interface InputProblem {
  path: string;
  message: string;
}

/** Input that cannot be rendered; carries every problem found. Not worth retrying. */
export class ContentInputError extends Error {
  constructor(readonly problems: InputProblem[]) {
    super(`Nội dung không hợp lệ (${problems.length} lỗi):\n${problems.map((p) => `  - ${p.path}: ${p.message}`).join('\n')}`);
    this.name = 'ContentInputError';
  }
}

/** Collects problems while cleaning many fields; `throwIfAny` raises one ContentInputError. */
export class ProblemCollector {
  readonly problems: InputProblem[] = [];

  add(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  /**
   * Cleans `value` and checks it against the limit named `limit`. Returns the cleaned text
   * (possibly empty); records a problem when it is too long, not text, or required and empty.
   */
  text(path: string, value: unknown, limit: TextLimitName, options: { required?: boolean; label?: string } = {}): string {
    const { label = TEXT_LIMITS[limit].label, required = false } = options;
    const max = TEXT_LIMITS[limit].max;
    if (value === undefined || value === null) {
      if (required) this.add(path, `${label} là bắt buộc nhưng đang để trống.`);
      return '';
    }
    if (typeof value !== 'string') {
      this.add(path, `${label} phải là một đoạn văn bản.`);
      return '';
    }
    // Absurdly long raw input is refused before any regular expression runs over it.
    const clean = value.length > max * 4 + 1_000 ? value : cleanText(value);
    const length = [...clean].length;
    if (length > max) {
      this.add(path, `${label} dài ${formatVnNumber(length)} ký tự, vượt giới hạn ${formatVnNumber(max)} ký tự. Hãy rút gọn.`);
      return '';
    }
    if (required && clean === '') this.add(path, `${label} là bắt buộc nhưng đang để trống.`);
    return clean;
  }

  /** Like `text` but for optional fields: undefined when absent or empty after cleaning. */
  optionalText(path: string, value: unknown, limit: TextLimitName, options: { label?: string } = {}): string | undefined {
    if (value === undefined || value === null) return undefined;
    const clean = this.text(path, value, limit, options);
    return clean === '' ? undefined : clean;
  }

  /** Checks that `value` is an array of at most `max` items; returns it (or [] when it is not one). */
  list(path: string, value: unknown, limit: { label: string; max: number }, options: { min?: number } = {}): unknown[] {
    if (!Array.isArray(value)) {
      this.add(path, `${limit.label} phải là một danh sách.`);
      return [];
    }
    if (value.length > limit.max) {
      this.add(path, `${limit.label} có ${formatVnNumber(value.length)} mục, vượt giới hạn ${formatVnNumber(limit.max)} mục.`);
      return [];
    }
    if (options.min !== undefined && value.length < options.min) {
      this.add(path, `${limit.label} cần ít nhất ${options.min} mục.`);
    }
    return value;
  }

  /** Throws ContentInputError when any problem was recorded. */
  throwIfAny(): void {
    if (this.problems.length > 0) throw new ContentInputError(this.problems);
  }
}
