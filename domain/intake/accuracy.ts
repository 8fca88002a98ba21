/**
 * Word accuracy of a restored text against an accented reference: both split into words, aligned
 * by edit distance (so a merged or split OCR word costs only itself), and the share of reference
 * words that come out exactly (diacritics included; case ignored). Pure.
 */

const words = (text: string): string[] => (text.normalize('NFC').match(/[\p{L}\p{N}]*\p{L}[\p{L}\p{N}]*/gu) ?? []).map((w) => w.toLocaleLowerCase('vi'));

export interface WordAccuracy {
  correct: number;
  total: number;
  /** Reference words that came out wrong, with what came out instead ("" when nothing did). */
  wrong: { expected: string; got: string }[];
}

export function wordAccuracy(output: string, reference: string): WordAccuracy {
  const a = words(output);
  const b = words(reference);
  const n = a.length;
  const m = b.length;
  const d: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = 0; i <= n; i++) d[i]![0] = i;
  for (let j = 0; j <= m; j++) d[0]![j] = j;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  let i = n;
  let j = m;
  let correct = 0;
  const wrong: { expected: string; got: string }[] = [];
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && d[i]![j] === d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)) {
      if (a[i - 1] === b[j - 1]) correct++;
      else wrong.push({ expected: b[j - 1]!, got: a[i - 1]! });
      i--;
      j--;
    } else if (j > 0 && d[i]![j] === d[i]![j - 1]! + 1) {
      wrong.push({ expected: b[j - 1]!, got: '' });
      j--;
    } else {
      i--;
    }
  }
  return { correct, total: m, wrong: wrong.reverse() };
}
