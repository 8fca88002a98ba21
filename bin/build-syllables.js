#!/usr/bin/env node
// Regenerates data/intake/syllables.txt, the list of Vietnamese syllables the plan import
// restores diacritics from: the words of the Hunspell Vietnamese dictionary (npm package
// dictionary-vi) and of tesseract's Vietnamese word list (vie.traineddata, unpacked with
// combine_tessdata and dawg2wordlist), lowercased, kept when they have the letter shape of one
// syllable. Run: node bin/build-syllables.js   (tesseract-ocr-vie must be installed)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.join(import.meta.dirname, '..');
const out = path.join(root, 'data', 'intake', 'syllables.txt');
const dic = readFileSync(path.join(root, 'node_modules', 'dictionary-vi', 'index.dic'), 'utf8');

const words = dic.split('\n').slice(1).map((l) => l.split('/')[0] ?? '');
const hunspell = new Set(words.map((w) => w.trim().normalize('NFC').toLocaleLowerCase('vi')));
const tesseractWords = [];

const tessdata = ['/usr/share/tesseract-ocr/5/tessdata', '/usr/share/tesseract-ocr/4.00/tessdata', '/usr/share/tessdata'].map((d) => path.join(d, 'vie.traineddata'));
const traineddata = tessdata.find((f) => spawnSync('test', ['-f', f]).status === 0);
if (!traineddata) {
  console.error('Không tìm thấy vie.traineddata; hãy cài tesseract-ocr-vie rồi chạy lại.');
  process.exit(1);
}
const dir = mkdtempSync(path.join(tmpdir(), 'vie-'));
try {
  const prefix = path.join(dir, 'vie.');
  if (spawnSync('combine_tessdata', ['-u', traineddata, prefix], { stdio: 'ignore' }).status !== 0) throw new Error('combine_tessdata failed');
  const list = path.join(dir, 'words.txt');
  if (spawnSync('dawg2wordlist', [`${prefix}lstm-unicharset`, `${prefix}lstm-word-dawg`, list], { stdio: 'ignore' }).status !== 0) throw new Error('dawg2wordlist failed');
  tesseractWords.push(...readFileSync(list, 'utf8').split('\n'));
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// Same shape test as domain/intake/vietnamese.ts looksLikeSyllable.
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;
const SYLLABLE = /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$/u;
const LETTERS = /^[a-zàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]+$/u;
const skeleton = (w) => w.replace(/đ/gu, 'd').normalize('NFD').replace(/\p{M}/gu, '');
const keep = new Set();
// Tesseract's list also has some words typed without their marks ("nhieu"): an unmarked word
// from it is kept only when the dictionary has it too.
const unmarked = (w) => w === skeleton(w);
for (const raw of [...words, ...tesseractWords.filter((w) => !unmarked(w.trim().normalize('NFC').toLocaleLowerCase('vi')) || hunspell.has(w.trim().normalize('NFC').toLocaleLowerCase('vi')))]) {
  const w = raw.trim().normalize('NFC').toLocaleLowerCase('vi');
  if (!w || !LETTERS.test(w) || (w.normalize('NFD').match(TONES)?.length ?? 0) > 1) continue;
  if (SYLLABLE.test(skeleton(w))) keep.add(w);
}
const sorted = [...keep].sort((a, b) => a.localeCompare(b, 'vi'));
writeFileSync(out, `${sorted.join('\n')}\n`);
console.log(`Đã ghi ${sorted.length} âm tiết vào ${path.relative(root, out)}.`);
