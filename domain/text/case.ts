/** Letter case of Vietnamese text. Pure. */

/** Upper-cases the first letter (Vietnamese-aware, whole code point): "ngày 20…" → "Ngày 20…", "đẩy" → "Đẩy". */
export function capitalize(s: string): string {
  const first = s.codePointAt(0);
  if (first === undefined) return s;
  const ch = String.fromCodePoint(first);
  return ch.toLocaleUpperCase('vi') + s.slice(ch.length);
}
