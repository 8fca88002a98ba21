/**
 * Fonts shipped with the project (Be Vietnam Pro TTFs from npm) and the text measurer used by
 * layout. Importing this module points fontconfig at a private fonts.conf that lists only the
 * shipped fonts, so rendering never depends on system fonts. It must be evaluated before sharp
 * is first imported: import sharp only through `render/sharp.ts`, which imports this first.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import * as fontkit from 'fontkit';
import { escapeXml } from './sanitize.js';

/** Family name to use in SVG `font-family`. */
export const FONT_FAMILY = 'Be Vietnam Pro';

/** Weights shipped with the project. */
export const FONT_WEIGHTS = [400, 600, 700, 800] as const;
export type FontWeight = (typeof FONT_WEIGHTS)[number];

const WEIGHT_DIRS: Record<FontWeight, string> = {
  400: '400Regular',
  600: '600SemiBold',
  700: '700Bold',
  800: '800ExtraBold',
};

/** Thrown when the shipped font files cannot be found (e.g. `npm ci` was not run). */
export class FontMissingError extends Error {
  override readonly name = 'FontMissingError';
}

const REPO_ROOT = resolve(import.meta.dirname, '..');
const FONT_PACKAGE_DIR = join(REPO_ROOT, 'node_modules', '@expo-google-fonts', 'be-vietnam-pro');

/** Absolute path of the TTF for one weight. */
export function fontPath(weight: FontWeight): string {
  const dir = WEIGHT_DIRS[weight];
  return join(FONT_PACKAGE_DIR, dir, `BeVietnamPro_${dir}.ttf`);
}

function checkFontFiles(): void {
  const missing = FONT_WEIGHTS.map(fontPath).filter((p) => !existsSync(p));
  if (missing.length > 0) {
    throw new FontMissingError(
      `Thiếu tệp phông chữ Be Vietnam Pro (${missing.join(', ')}). ` +
        'Hãy chạy "npm ci" để cài gói @expo-google-fonts/be-vietnam-pro.',
    );
  }
}

/**
 * Writes a fonts.conf listing only the shipped font directories (with a private, writable
 * cache dir) and returns its path. Idempotent: the file name depends on its content.
 */
function writeFontsConf(): string {
  const dirs = FONT_WEIGHTS.map((w) => dirname(fontPath(w)));
  const key = createHash('sha256').update(dirs.join('\n')).digest('hex').slice(0, 12);
  const base = join(tmpdir(), `campaign-fonts-${key}`);
  const cacheDir = join(base, 'cache');
  mkdirSync(cacheDir, { recursive: true });
  const conf = [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
    '<fontconfig>',
    ...dirs.map((d) => `  <dir>${escapeXml(d)}</dir>`),
    `  <cachedir>${escapeXml(cacheDir)}</cachedir>`,
    '  <config><rescan><int>0</int></rescan></config>',
    '</fontconfig>',
    '',
  ].join('\n');
  const file = join(base, 'fonts.conf');
  if (!existsSync(file) || readFileSync(file, 'utf8') !== conf) writeFileSync(file, conf);
  return file;
}

checkFontFiles();
/** Path of the generated fonts.conf that `FONTCONFIG_FILE` points at. */
export const FONTCONFIG_FILE = writeFontsConf();
process.env.FONTCONFIG_FILE = FONTCONFIG_FILE;

/** Font request for measuring: weight, size in px and optional letter spacing in px. */
export interface FontSpec {
  weight: FontWeight;
  size: number;
  letterSpacing?: number;
}

/** Measures the advance width (px) of a single line of text. */
export type TextMeasurer = (text: string, font: FontSpec) => number;

/** Vertical metrics of the font, as fractions of the font size. */
export interface FontMetrics {
  ascent: number;
  descent: number;
  capHeight: number;
}

const fonts = new Map<FontWeight, fontkit.Font>();

/** Loads (once) the fontkit font for a weight. */
export function loadFont(weight: FontWeight): fontkit.Font {
  let font = fonts.get(weight);
  if (!font) {
    const opened = fontkit.openSync(fontPath(weight));
    if (!('layout' in opened)) throw new FontMissingError(`Tệp phông chữ không hợp lệ: ${fontPath(weight)}`);
    font = opened;
    fonts.set(weight, font);
  }
  return font;
}

/** Font metrics (ascent, descent as positive fraction, cap height) for a weight. */
export function fontMetrics(weight: FontWeight): FontMetrics {
  const f = loadFont(weight);
  return { ascent: f.ascent / f.unitsPerEm, descent: -f.descent / f.unitsPerEm, capHeight: f.capHeight / f.unitsPerEm };
}

/** True when the shipped font has a glyph for the code point (any weight: they share coverage). */
export function fontHasGlyph(codePoint: number): boolean {
  return loadFont(400).hasGlyphForCodePoint(codePoint);
}

const MAX_CACHE_ENTRIES = 50_000;
const emCache = new Map<string, number>();

/** Width of `text` in em (kerning and shaping applied by fontkit's layout), cached. */
function widthEm(text: string, weight: FontWeight): number {
  const key = `${weight}\u0000${text}`;
  const hit = emCache.get(key);
  if (hit !== undefined) return hit;
  const font = loadFont(weight);
  const em = font.layout(text).advanceWidth / font.unitsPerEm;
  if (emCache.size >= MAX_CACHE_ENTRIES) emCache.clear();
  emCache.set(key, em);
  return em;
}

/**
 * Measurer backed by the shipped TTFs. Widths scale linearly with size, so the cache holds
 * widths in em per (weight, string) and serves every size from one entry.
 */
export const measureText: TextMeasurer = (text, font) => {
  if (text.length === 0) return 0;
  const spacing = font.letterSpacing ?? 0;
  const clusters = spacing === 0 ? 0 : [...text].length;
  return widthEm(text, font.weight) * font.size + spacing * clusters;
};
