/**
 * URL slugs made from Vietnamese titles: "Ngày Nhà giáo Việt Nam 20/11" → "ngay-nha-giao-viet-nam-20-11".
 *
 * Pure functions without I/O, usable from workflows, activities and the web server. Anything
 * that arrives from a URL is checked with `isSafeSlug` before it becomes part of a storage key.
 */

/** Longest slug `slugify` produces (it cuts at a word boundary at or before this length). */
export const MAX_SLUG_LENGTH = 80;

/** Used when a title has no letters or digits at all (e.g. only punctuation). */
export const FALLBACK_SLUG = 'bai-viet';

const SAFE_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Turns a (Vietnamese) title into a slug: diacritics removed (đ/Đ, and Ð/ð (U+00D0/U+00F0) that text converted from old Vietnamese encodings carries, → d), lower case, only
 * `[a-z0-9-]`, runs of anything else collapsed into one dash, no leading/trailing dash, at most
 * `MAX_SLUG_LENGTH` characters cut at a word boundary. Returns `FALLBACK_SLUG` when nothing is left.
 */
export function slugify(title: string): string {
  const ascii = String(title)
    .replace(/[đĐðÐ]/g, 'd')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  const dashed = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (dashed === '') return FALLBACK_SLUG;
  if (dashed.length <= MAX_SLUG_LENGTH) return dashed;
  const cut = dashed.slice(0, MAX_SLUG_LENGTH + 1);
  const lastDash = cut.lastIndexOf('-');
  // A single "word" longer than the limit is cut hard rather than dropped.
  const trimmed = lastDash > 0 ? cut.slice(0, lastDash) : dashed.slice(0, MAX_SLUG_LENGTH);
  return trimmed.replace(/-+$/g, '');
}

/**
 * `base` when it is not taken, else `base-2`, `base-3`, … (the first free one). The suffix never
 * pushes the slug past `MAX_SLUG_LENGTH`: the base is shortened to make room.
 */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  const clean = isSafeSlug(base) ? base : slugify(base);
  if (!taken.has(clean)) return clean;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const head = clean.slice(0, MAX_SLUG_LENGTH - suffix.length).replace(/-+$/g, '');
    const candidate = `${head}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * `base` with a short suffix derived from `owner` (e.g. a campaign id): the same owner always
 * gets the same slug and two owners practically never share one, so it settles a collision
 * without coordination (portals commonly end post addresses with an id like this).
 */
export function ownedSlug(base: string, owner: string): string {
  // FNV-1a, 32 bits: deterministic and tiny; this is an address, not a secret.
  let h = 0x811c9dc5;
  for (const ch of String(owner)) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  const suffix = `-${h.toString(36)}`;
  const clean = isSafeSlug(base) ? base : slugify(base);
  return `${clean.slice(0, MAX_SLUG_LENGTH - suffix.length).replace(/-+$/g, '')}${suffix}`;
}

/**
 * True for a slug this module could have produced: lower-case ASCII letters and digits in
 * dash-separated words, 1 to `MAX_SLUG_LENGTH` characters. Rejects `..`, slashes (encoded or
 * not), dots, spaces, upper case and everything else a URL could smuggle in.
 */
export function isSafeSlug(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 1 && value.length <= MAX_SLUG_LENGTH && SAFE_SLUG.test(value);
}

const SAFE_ID = /^[A-Za-z0-9](?:[A-Za-z0-9_-]|\.(?![.]|$)){0,199}$/;

/**
 * True for an identifier that may appear inside a storage key and the left part of a
 * Message-ID: ASCII letters, digits, `_`, `-` and single inner dots, 1–200 characters.
 */
export function isSafeId(value: unknown): value is string {
  return typeof value === 'string' && SAFE_ID.test(value);
}
