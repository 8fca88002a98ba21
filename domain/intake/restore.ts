/**
 * Restores the diacritics of Vietnamese text that lost them, and mends OCR garbling ("s6" →
 * "số", "Pay manh" → "Đẩy mạnh", "1a" → "là", "gido duc" → "giáo dục"), offline.
 *
 * For each word: candidate syllables from a list of Vietnamese syllables, each with an OCR cost
 * (a weighted edit distance in which a lost mark is cheap, the usual OCR confusions — "d" for
 * "ồ", "1" for "l", "ii" for "u" — cost less than any other change); then the sentence's most
 * likely sequence under a syllable bigram model trained on accented Vietnamese text (Viterbi).
 * Every word gets a confidence; words the model is unsure of are marked for review. Pure: the
 * caller supplies the syllable list and the training text.
 */
import { applyCase, baseLetter, hasMark, looksLikeSyllable, markedShare, type CasePattern } from './vietnamese.js';

/** One word of the input and what it became. */
export interface RestoredWord {
  /** Offsets in the input text. */
  start: number;
  end: number;
  /** Offsets in the restored text. */
  outStart: number;
  outEnd: number;
  original: string;
  restored: string;
  changed: boolean;
  /** 0–1: how sure the model is of `restored` among the candidates it weighed. */
  confidence: number;
  /** Below the confidence bar, or so garbled that no syllable fits well: review it. */
  low: boolean;
}

export interface RestoreResult {
  text: string;
  /** Every word considered, in order (numbers and abbreviations are left out). */
  words: RestoredWord[];
  /** "unaccented": the text had lost its diacritics and every word was weighed; "accented": only words that are no Vietnamese syllable were. */
  mode: 'unaccented' | 'accented';
}

export interface RestoreOptions {
  /** Force a mode; by default chosen from the share of words that carry marks. */
  mode?: 'unaccented' | 'accented';
  /**
   * How much to trust the letters as written (default 1). OCR of an accented page keeps most
   * marks right: weigh every word, but make changes cost more (e.g. 2.5).
   */
  trust?: number;
}

/** Characters OCR leaves inside words: junk that belongs to the word, not punctuation. */
const JUNK = "§¢€¥&}{‘’ﬁﬂ'";
const WORD = new RegExp(`[\\p{L}\\p{N}${JUNK}]+`, 'gu');
const SENTENCE_BREAK = /[.;:!?()]|\n\s*\n/u;

/** Document-symbol parts OCR reads without "Đ". */
const SYMBOL_FIXES: Record<string, string> = { QD: 'QĐ', GDDT: 'GDĐT', SGDDT: 'SGDĐT', BGDDT: 'BGDĐT', DT: 'ĐT', TTDT: 'TTĐT', HDND: 'HĐND' };
/** Codes of document symbols ("71-NQ/TW", "157/QĐ-TTg", "62/KH-UBND"). */
const SYMBOL_CODES = ['NQ', 'QĐ', 'TW', 'TTg', 'KH', 'UBND', 'HĐND', 'CTr', 'TU', 'TTr', 'SGDĐT', 'BGDĐT', 'BC', 'CV', 'CT', 'HD', 'TB', 'KL', 'NĐ', 'TT', 'BTTTT', 'BKHCN', 'VPCP', 'BCT', 'BTC', 'BNV'];
/** Letters OCR confuses inside symbols: "NG" for "NQ", "GĐ" for "QĐ". */
const SYMBOL_CONFUSIONS = new Set(['GQ', 'OQ', '0Q', 'DĐ', 'OD', '0O', 'IT', '1T', 'lT']);

/** A symbol code as written, or the known code it is one OCR confusion away from. */
function symbolCode(code: string): string {
  if (SYMBOL_CODES.includes(code)) return code;
  const near = SYMBOL_CODES.filter((k) => {
    const a = [...code];
    const b = [...k];
    if (a.length !== b.length) return false;
    const diff = a.map((c, i) => [c, b[i]!] as const).filter(([x, y]) => x !== y);
    return diff.length === 1 && SYMBOL_CONFUSIONS.has(`${diff[0]![0]}${diff[0]![1]}`);
  });
  return near.length === 1 ? near[0]! : code;
}

/**
 * Letters OCR puts where an accented vowel was ("gido" for "giáo", "chtrc" for "chức", "s6" for
 * "số"), each with the base vowels it usually stands for.
 */
const STANDINS: Record<string, string> = { d: 'oa', '6': 'o', '0': 'o', '4': 'a', '§': 'o', '¢': 'eo', '€': 'e', '&': 'e', '¥': 'y', '1': 'i', i: 'au', r: 'u', t: 'u', w: 'u', y: 'u', g: 'o', b: 'o' };
/** Consonants (and digits) OCR confuses, OCR letter → the letters it may stand for. */
const CONSONANT_CONFUSIONS: Record<string, string> = { '1': 'l', '5': 's', '8': 's', p: 'đ', b: 'đ', e: 'c', m: 'n', n: 'm', l: 'h', i: 'l', q: 'n', f: 'p', '0': 'o' };
/** Two OCR letters read for one letter of the word: "ii" for "u" ("ciia" → "của"), "ir" for "ư". */
const MERGES: Record<string, string> = { ii: 'u', ir: 'u', tr: 'u', ur: 'u', ia: 'a', rn: 'm', ll: 'u' };
const MAX_COST = 1.9;
const MAX_CANDIDATES = 32;
/** Weight of the OCR cost against the language model's log-probability. */
const COST_WEIGHT = 4.5;
const LOW_CONFIDENCE = 0.8;

interface VocabEntry {
  word: string;
  chars: string[];
  bases: string[];
  marked: boolean[];
  isVowel: boolean[];
}

const VOWELS = new Set([...'aeiouy']);

function entry(word: string): VocabEntry {
  const chars = [...word.normalize('NFC')];
  const bases = chars.map((c) => baseLetter(c));
  return { word, chars, bases, marked: chars.map(hasMark), isVowel: bases.map((b) => VOWELS.has(b)) };
}

function subCost(o: string, oBase: string, oMarked: boolean, c: VocabEntry, j: number): number {
  const cc = c.chars[j]!;
  if (o === cc) return 0;
  const cb = c.bases[j]!;
  if (oBase === cb) {
    // A plain letter says nothing about the marks it lost: the language model decides.
    if (!oMarked) return 0.05;
    if (!c.marked[j]) return 0.45;
    return 0.25;
  }
  if (c.isVowel[j]) {
    const stands = STANDINS[o];
    if (stands?.includes(cb)) return 0.45;
    if (VOWELS.has(oBase)) return 0.6;
    if (stands) return 0.9;
  }
  const conf = CONSONANT_CONFUSIONS[o];
  if (conf && (conf.includes(cc) || conf.includes(cb))) return 0.55;
  return 1.1;
}

/** A letter of the syllable that OCR left out: an accented vowel goes missing more often ("Ti" for "Tối"). */
function insCost(c: VocabEntry, j: number): number {
  return c.isVowel[j] && c.marked[j] ? INS_MARKED_VOWEL : 0.8;
}
const INS_MARKED_VOWEL = 0.6;

function delCost(o: string): number {
  if (JUNK.includes(o)) return 0.3;
  return 0.8;
}

/** An OCR word prepared once for comparing against many syllables. */
export interface PreparedWord {
  chars: string[];
  bases: string[];
  marked: boolean[];
  del: number[];
  /** For i ≥ 1: the letter the pair (i-1, i) may stand for, or "". */
  merge: string[];
}

export function prepare(ocr: string): PreparedWord {
  const chars = [...ocr];
  return {
    chars,
    bases: chars.map(baseLetter),
    marked: chars.map(hasMark),
    del: chars.map(delCost),
    merge: chars.map((c, i) => (i > 0 ? (MERGES[`${chars[i - 1]}${c}`] ?? '') : '')),
  };
}

let rowA = new Float64Array(16);
let rowB = new Float64Array(16);
let rowC = new Float64Array(16);

/** Weighted edit distance from an OCR word to a vocabulary syllable; Infinity past `limit`. */
export function ocrCost(ocr: string | PreparedWord, cand: VocabEntry, limit = MAX_COST): number {
  const w = typeof ocr === 'string' ? prepare(ocr) : ocr;
  const m = w.chars.length;
  const n = cand.chars.length;
  if (Math.abs(m - n) > 3) return Infinity;
  if (rowA.length < n + 1) {
    rowA = new Float64Array(n + 1);
    rowB = new Float64Array(n + 1);
    rowC = new Float64Array(n + 1);
  }
  let prev2 = rowC;
  let prev = rowA;
  let row = rowB;
  prev[0] = 0;
  for (let j = 1; j <= n; j++) prev[j] = prev[j - 1]! + insCost(cand, j - 1);
  for (let i = 1; i <= m; i++) {
    const oc = w.chars[i - 1]!;
    const ob = w.bases[i - 1]!;
    const om = w.marked[i - 1]!;
    const od = w.del[i - 1]!;
    const merge = w.merge[i - 1]!;
    row[0] = prev[0]! + od;
    let rowMin = row[0]!;
    for (let j = 1; j <= n; j++) {
      let best = prev[j - 1]! + subCost(oc, ob, om, cand, j - 1);
      const del = prev[j]! + od;
      if (del < best) best = del;
      const ins = row[j - 1]! + insCost(cand, j - 1);
      if (ins < best) best = ins;
      if (merge !== '' && i >= 2 && cand.bases[j - 1] === merge) {
        const v = prev2[j - 1]! + 0.5;
        if (v < best) best = v;
      }
      row[j] = best;
      if (best < rowMin) rowMin = best;
    }
    if (rowMin > limit) return Infinity;
    const t = prev2;
    prev2 = prev;
    prev = row;
    row = t;
  }
  const total = prev[n]!;
  return total > limit ? Infinity : total;
}

interface Candidate {
  word: string;
  cost: number;
}

const START = '<s>';
const UNK = '<unk>';
const NUM = '<num>';
const END = '</s>';

/** Splits accented training text into lowercase syllable sequences, one per sentence. */
export function trainingSentences(text: string): string[][] {
  return text
    .normalize('NFC')
    .split(/[.;:!?()"“”]+|\n\s*\n/u)
    .map((s) => (s.match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => (/^\p{N}+$/u.test(w) ? NUM : w.toLocaleLowerCase('vi'))))
    .filter((s) => s.length > 0);
}

/** A syllable bigram model with absolute discounting, backing off to smoothed unigrams. Words are numbered. */
export class BigramModel {
  private readonly ids = new Map<string, number>();
  private readonly uni: number[] = [];
  private readonly followers: number[] = [];
  private readonly bi = new Map<number, number>();
  private readonly memo = new Map<number, number>();
  private readonly inVocab: boolean[] = [];
  private total = 0;
  private readonly discount = 0.75;
  private readonly vocabSize: number;

  constructor(
    sentences: Iterable<string[]>,
    private readonly vocabulary: ReadonlySet<string>,
  ) {
    this.vocabSize = vocabulary.size;
    const start = this.id(START);
    const end = this.id(END);
    for (const s of sentences) {
      let prev = start;
      this.uni[start]!++;
      for (const word of s) {
        const w = this.id(word);
        this.uni[w]!++;
        this.total++;
        const key = prev * 0x100000 + w;
        const seen = this.bi.get(key) ?? 0;
        if (seen === 0) this.followers[prev]!++;
        this.bi.set(key, seen + 1);
        prev = w;
      }
      // The sentence end counts as a follower, so a word seen only last still backs off.
      const key = prev * 0x100000 + end;
      const seen = this.bi.get(key) ?? 0;
      if (seen === 0) this.followers[prev]!++;
      this.bi.set(key, seen + 1);
      this.uni[prev] = this.uni[prev]!;
    }
  }

  /** The number of a word (new words get one). */
  id(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.uni.length;
      this.ids.set(word, id);
      this.uni.push(0);
      this.followers.push(0);
      this.inVocab.push(this.vocabulary.has(word));
    }
    return id;
  }

  private unigramId(w: number): number {
    const c = this.uni[w] ?? 0;
    const prior = this.inVocab[w] ? 0.3 : c > 0 ? 0 : 0.002;
    return (c + prior) / (this.total + 0.3 * this.vocabSize);
  }

  /** Smoothed unigram probability; words outside the vocabulary and the corpus get a floor. */
  unigram(word: string): number {
    return this.unigramId(this.id(word));
  }

  /** log P(w | prev), by word numbers. */
  logProbId(prev: number, w: number): number {
    const key = prev * 0x100000 + w;
    const hit = this.memo.get(key);
    if (hit !== undefined) return hit;
    const cPrev = this.uni[prev] ?? 0;
    const pu = this.unigramId(w);
    let v: number;
    if (cPrev === 0) v = Math.log(pu);
    else {
      const c = this.bi.get(key) ?? 0;
      const lambda = (this.discount * (this.followers[prev] ?? 0)) / cPrev;
      v = Math.log(Math.max(c - this.discount, 0) / cPrev + lambda * pu);
    }
    this.memo.set(key, v);
    return v;
  }

  logProb(prev: string, w: string): number {
    return this.logProbId(this.id(prev), this.id(w));
  }

  /** How many times the corpus has the word. */
  count(w: string): number {
    const id = this.ids.get(w);
    return id === undefined ? 0 : (this.uni[id] ?? 0);
  }
}

interface Token {
  start: number;
  end: number;
  text: string;
  /** Kept as written: numbers, abbreviations, symbol parts. */
  fixed?: string;
  /** A sentence break falls before this token. */
  breakBefore: boolean;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    const end = start + m[0].length;
    const between = text.slice(last, start);
    tokens.push({ start, end, text: m[0], breakBefore: tokens.length === 0 || SENTENCE_BREAK.test(between) });
    last = end;
  }
  for (const t of tokens) {
    const before = text[t.start - 1] ?? '';
    const after = text[t.end] ?? '';
    const letters = t.text.replace(/[^\p{L}]/gu, '');
    if (letters === '' && !/[§¢€¥&]/u.test(t.text)) {
      t.fixed = t.text; // a number
      continue;
    }
    const upper = letters.length >= 2 && letters === letters.toUpperCase();
    const lineStart = t.start === 0 || /\n[ \t]*$/u.test(text.slice(Math.max(0, t.start - 8), t.start));
    // A section number as OCR reads it: "lII." for "III.".
    if (lineStart && /^[IVXl1|]{1,4}$/u.test(t.text) && /^[.,]/u.test(after)) {
      t.fixed = t.text.replace(/[l1|]/gu, 'I');
      continue;
    }
    const inSymbol = /[/-]/u.test(before) || /[/-]/u.test(after);
    if (inSymbol && /\p{Lu}/u.test(t.text) && !looksLikeSyllable(t.text.toLowerCase())) {
      t.fixed = SYMBOL_FIXES[t.text] ?? symbolCode(t.text);
      continue;
    }
    if (upper && !looksLikeSyllable(t.text.toLowerCase())) {
      t.fixed = SYMBOL_FIXES[t.text] ?? t.text;
      continue;
    }
    // Single letters: list markers "a)", initials, roman numerals.
    // Single letters: list markers "a)", initials "C,", roman numerals; a lone capital before a
    // word ("B Chính trị") is a garbled syllable and is restored.
    if ([...t.text].length === 1 && /\p{L}/u.test(t.text) && (/[).,]/u.test(after) || /^[IVX]$/u.test(t.text) || (t.text === t.text.toLowerCase() && /\p{L}/u.test(t.text) && /[).]/u.test(after)))) {
      t.fixed = t.text;
    }
  }
  return tokens;
}

/**
 * How an OCR word is cased: all capitals ("PiCH" in a heading: its last letter is a capital and
 * at most one is not), a capital first letter, or lowercase.
 */
function pattern(word: string): CasePattern {
  const letters = [...word].filter((c) => /\p{L}/u.test(c));
  if (letters.length === 0) return 'lower';
  const isUpper = (c: string) => c !== c.toLowerCase();
  const upper = letters.filter(isUpper).length;
  if (letters.length >= 2 && isUpper(letters[letters.length - 1]!) && upper >= letters.length - 1) return 'upper';
  return isUpper(letters[0]!) ? 'title' : 'lower';
}

/** A restorer built once from a syllable list and training text, then used on many documents. */
export class Restorer {
  private readonly entries: VocabEntry[];
  /** Syllables by first base letter and length. */
  private readonly byLength = new Map<string, VocabEntry[]>();
  private readonly vocab: Set<string>;
  private readonly model: BigramModel;
  private readonly cache = new Map<string, Candidate[]>();

  constructor(syllables: Iterable<string>, trainingTexts: Iterable<string>) {
    const sentences = [...trainingTexts].flatMap(trainingSentences);
    const vocab = new Set<string>();
    for (const s of syllables) {
      const w = s.normalize('NFC').toLocaleLowerCase('vi');
      if (looksLikeSyllable(w)) vocab.add(w);
    }
    for (const s of sentences) for (const w of s) if (looksLikeSyllable(w)) vocab.add(w);
    this.vocab = vocab;
    this.entries = [...vocab].map(entry);
    for (const e of this.entries) {
      const key = `${e.bases[0]}${e.chars.length}`;
      const list = this.byLength.get(key) ?? [];
      list.push(e);
      this.byLength.set(key, list);
    }
    this.model = new BigramModel(sentences, vocab);
  }

  /** Whether the lowercase word is a known Vietnamese syllable. */
  knows(word: string): boolean {
    return this.vocab.has(word.normalize('NFC').toLocaleLowerCase('vi'));
  }

  /** Candidate syllables for one OCR word, cheapest first. */
  candidates(word: string): Candidate[] {
    const lc = word.normalize('NFC').toLocaleLowerCase('vi');
    const cached = this.cache.get(lc);
    if (cached) return cached;
    const len = [...lc].length;
    const found: Candidate[] = [];
    const prepared = prepare(lc);
    // OCR keeps most first consonants; the first letters a syllable could start with here.
    const firsts = new Set<string>();
    for (const [k, c] of prepared.chars.slice(0, 2).entries()) {
      const b = baseLetter(c);
      firsts.add(b);
      if (k > 0) continue;
      for (const alt of CONSONANT_CONFUSIONS[c] ?? '') firsts.add(baseLetter(alt));
      if (VOWELS.has(b) || '¢€&604§¥'.includes(c)) for (const v of VOWELS) firsts.add(v);
    }
    for (let l = Math.max(1, len - 3); l <= len + 2; l++) {
      for (const e of [...firsts].flatMap((f) => this.byLength.get(`${f}${l}`) ?? [])) {
        const cost = ocrCost(prepared, e);
        if (cost !== Infinity) found.push({ word: e.word, cost });
      }
    }
    found.sort((x, y) => x.cost - y.cost || this.model.count(y.word) - this.model.count(x.word));
    const out = found.slice(0, MAX_CANDIDATES);
    this.cache.set(lc, out);
    return out;
  }

  restore(text: string, options: RestoreOptions = {}): RestoreResult {
    const input = text.normalize('NFC');
    const mode = options.mode ?? (markedShare(input) >= 0.3 ? 'accented' : 'unaccented');
    const tokens = tokenize(input);
    const words: RestoredWord[] = [];
    const out: string[] = [];
    let outLength = 0;
    let last = 0;
    // Sentences: runs of tokens between breaks.
    let i = 0;
    while (i < tokens.length) {
      let j = i + 1;
      while (j < tokens.length && !tokens[j]!.breakBefore) j++;
      const sentence = tokens.slice(i, j);
      const chosen = this.decode(sentence, mode, options.trust ?? 1);
      for (const [k, t] of sentence.entries()) {
        const gap = input.slice(last, t.start);
        out.push(gap);
        outLength += gap.length;
        const c = chosen[k]!;
        out.push(c.text);
        const outStart = outLength;
        outLength += c.text.length;
        last = t.end;
        if (t.fixed === undefined || c.text !== t.text) {
          words.push({ start: t.start, end: t.end, outStart, outEnd: outLength, original: t.text, restored: c.text, changed: c.text !== t.text, confidence: c.confidence, low: c.confidence < LOW_CONFIDENCE || c.cost > 1.2 });
        }
      }
      i = j;
    }
    out.push(input.slice(last));
    return { text: out.join(''), words, mode };
  }

  private decode(sentence: Token[], mode: 'unaccented' | 'accented', trust: number): { text: string; confidence: number; cost: number }[] {
    const weight = COST_WEIGHT * trust;
    // Per token: the options (lowercase LM word, shown word, OCR cost).
    const options = sentence.map((t) => {
      if (t.fixed !== undefined) {
        const lower = t.fixed.toLocaleLowerCase('vi');
        return [{ lm: /^\p{N}+$/u.test(t.fixed) ? NUM : this.model.count(lower) > 0 ? lower : UNK, shown: t.fixed, cost: 0 }];
      }
      const lc = t.text.toLocaleLowerCase('vi');
      if (mode === 'accented' && this.vocab.has(lc)) return [{ lm: lc, shown: t.text, cost: 0 }];
      const cands = this.candidates(t.text);
      const casing = pattern(t.text);
      // OCR of an accented page keeps marks: a mark it did not see costs more there.
      const seen = [...lc].filter(hasMark).length;
      const extra = (w: string) => (trust > 1 ? 0.3 * Math.max(0, [...w].filter(hasMark).length - seen) : 0);
      const scored = cands.map((c) => ({ ...c, cost: c.cost + extra(c.word) })).sort((a, b) => a.cost - b.cost);
      const best = scored[0]?.cost ?? 0;
      const opts = scored.filter((c) => c.cost <= best + 1.5).map((c) => ({ lm: c.word, shown: applyCase(c.word, casing), cost: c.cost }));
      // Keeping the word as written is always possible, at a price.
      if (!opts.some((o) => o.lm === lc)) opts.push({ lm: this.vocab.has(lc) ? lc : UNK, shown: t.text, cost: this.vocab.has(lc) ? 0 : 1.6 });
      return opts;
    });
    const n = options.length;
    if (n === 0) return [];
    const ids = options.map((opts) => opts.map((o) => this.model.id(o.lm)));
    const start = this.model.id(START);
    // Viterbi.
    const score: number[][] = [];
    const back: number[][] = [];
    for (let k = 0; k < n; k++) {
      const opts = options[k]!;
      score.push(new Array<number>(opts.length).fill(-Infinity));
      back.push(new Array<number>(opts.length).fill(0));
      for (const [a, o] of opts.entries()) {
        const emit = -weight * o.cost;
        const w = ids[k]![a]!;
        if (k === 0) {
          score[k]![a] = this.model.logProbId(start, w) + emit;
          continue;
        }
        const prevIds = ids[k - 1]!;
        const prevScore = score[k - 1]!;
        for (let b = 0; b < prevIds.length; b++) {
          const v = prevScore[b]! + this.model.logProbId(prevIds[b]!, w) + emit;
          if (v > score[k]![a]!) {
            score[k]![a] = v;
            back[k]![a] = b;
          }
        }
      }
    }
    const path = new Array<number>(n).fill(0);
    let best = 0;
    score[n - 1]!.forEach((v, a) => {
      if (v > score[n - 1]![best]!) best = a;
    });
    path[n - 1] = best;
    for (let k = n - 1; k > 0; k--) path[k - 1] = back[k]![path[k]!]!;
    // Confidence: the chosen option's share among the options, its neighbours held fixed.
    return path.map((a, k) => {
      const opts = options[k]!;
      const prev = k > 0 ? ids[k - 1]![path[k - 1]!]! : start;
      const next = k < n - 1 ? ids[k + 1]![path[k + 1]!]! : undefined;
      const local = opts.map((o, c) => this.model.logProbId(prev, ids[k]![c]!) - weight * o.cost + (next !== undefined ? this.model.logProbId(ids[k]![c]!, next) : 0));
      const max = Math.max(...local);
      const sum = local.reduce((s, v) => s + Math.exp(v - max), 0);
      const chosen = opts[a]!;
      return { text: chosen.shown, confidence: Math.exp(local[a]! - max) / sum, cost: chosen.cost };
    });
  }
}

