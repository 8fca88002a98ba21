/**
 * Plan text → a draft plan in the shape of a plan file, with the provenance of every field:
 * stated (read as written), restored (read from words whose diacritics or OCR errors were
 * repaired), guessed (inferred by a rule from what the text states, e.g. "Phó Chủ tịch" from
 * "KT. CHỦ TỊCH"), or missing (the text does not state it: left empty, never made up).
 * Editorial fields of a plan file (key messages, occasion ties, target labels and evidence) are
 * not part of the issued document and are left for the editor. Pure.
 */
import { parseVnDate, toIsoDate } from '../dates.js';
import { readBound } from '../plan/bounds.js';
import { slugify } from '../slug.js';
import { toBlocks, type Block } from './blocks.js';
import { capitalize, leadingBodies, splitBodies } from './bodies.js';
import { fold } from './vietnamese.js';

export type Provenance = 'stated' | 'restored' | 'guessed' | 'missing';

/** What a review screen needs to know about one field of the draft. */
export interface FieldFlag {
  /** Path in the draft, e.g. "tasks[1].leadBody". */
  path: string;
  provenance: Provenance;
  /** Why it needs a look, in Vietnamese ("văn bản không nêu cơ quan chủ trì"). */
  note?: string;
  /** Offsets in the source text the value was read from. */
  start?: number;
  end?: number;
  /** Words in that span the restorer was unsure of. */
  uncertainWords?: string[];
}

/** A repaired word of the source text (offsets in the repaired text). */
export interface RepairedWord {
  start: number;
  end: number;
  original: string;
  restored: string;
  low: boolean;
}

type Json = Record<string, unknown>;

/** The draft: plan-file data (to write as YAML) and the flags on its fields. */
export interface PlanDraft {
  plan: Json;
  flags: FieldFlag[];
}

class Flags {
  readonly list: FieldFlag[] = [];
  constructor(private readonly repaired: readonly RepairedWord[]) {}

  /** Records a value read from `span`; stated, or restored when repaired words fall in it. */
  read(path: string, span?: { start: number; end: number }, note?: string): void {
    if (!span) {
      this.list.push({ path, provenance: 'stated', ...(note ? { note } : {}) });
      return;
    }
    const inside = this.repaired.filter((w) => w.start < span.end && w.end > span.start);
    const changed = inside.filter((w) => w.original !== w.restored);
    const low = inside.filter((w) => w.low).map((w) => `${w.restored} (gốc: ${w.original})`);
    this.list.push({
      path,
      provenance: changed.length > 0 ? 'restored' : 'stated',
      start: span.start,
      end: span.end,
      ...(note ? { note } : {}),
      ...(low.length > 0 ? { uncertainWords: low } : {}),
    });
  }

  guessed(path: string, note: string, span?: { start: number; end: number }): void {
    this.list.push({ path, provenance: 'guessed', note, ...(span ? { start: span.start, end: span.end } : {}) });
  }

  missing(path: string, note: string): void {
    this.list.push({ path, provenance: 'missing', note });
  }
}

const trimEnd = (s: string): string => s.trim().replace(/[\s;,.:]+$/u, '').trim();
const sentence = (s: string): string => {
  const t = s.trim().replace(/[;,:]+$/u, '').trim();
  return t === '' ? t : /[.!?]$/u.test(t) ? t : `${t}.`;
};
const span = (b: Block | Block[]): { start: number; end: number } => (Array.isArray(b) ? { start: b[0]!.start, end: b[b.length - 1]!.end } : { start: b.start, end: b.end });

/** Roman-numbered sections by what their heading says. */
type SectionKind = 'purpose' | 'objectives' | 'targets' | 'tasks' | 'funding' | 'organisation' | 'other';

function sectionKind(title: string): SectionKind {
  const t = fold(title);
  if (/mục đích|yêu cầu/u.test(t)) return 'purpose';
  if (/mục tiêu cụ thể/u.test(t)) return 'targets';
  if (/mục tiêu/u.test(t)) return 'objectives';
  if (/nhiệm vụ|giải pháp/u.test(t)) return 'tasks';
  if (/kinh ph/u.test(t)) return 'funding';
  if (/tổ chức/u.test(t)) return 'organisation';
  return 'other';
}

interface Section {
  kind: SectionKind;
  marker: string;
  heading: Block;
  blocks: Block[];
}

const DOC_KINDS = 'Nghị quyết|Quyết định|Chỉ thị|Kết luận|Chương trình hành động|Chương trình|Kế hoạch|Tờ trình|Thông tư|Nghị định|Luật|Công văn|Hướng dẫn|Thông báo|Đề án';
const DOC_REF = new RegExp(`(${DOC_KINDS})\\s+số\\s+([0-9]+[0-9A-Za-zĐđ/\\-]*)`, 'u');
const DATE_RE = /ngày\s+(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})|ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u;

function isoFrom(m: RegExpExecArray): string | undefined {
  const [d, mo, y] = m[1] ? [m[1], m[2], m[3]] : [m[4], m[5], m[6]];
  return parseVnDate(`${d}/${mo}/${y}`);
}

/** A referenced document read from "Quyết định số 157/QĐ-TTg ngày 20/01/2026 của Thủ tướng Chính phủ ban hành …". */
interface DocRef {
  kind: string;
  number: string;
  date?: string;
  issuer?: string;
  title?: string;
  relation: 'implements' | 'basis' | 'proposal';
}

function readRef(text: string, relation: DocRef['relation']): DocRef | undefined {
  const m = DOC_REF.exec(text);
  if (!m) return undefined;
  let rest = text.slice(m.index + m[0].length);
  const ref: DocRef = { kind: m[1]!, number: m[2]!.replace(/[.,;]+$/u, ''), relation };
  const d = DATE_RE.exec(rest);
  if (d && d.index < 3) {
    const iso = isoFrom(d);
    if (iso) ref.date = iso;
    rest = rest.slice(d.index + d[0].length);
  }
  const of = /^\s*(?:của|do)\s+(.+)$/u.exec(rest);
  if (of) {
    const body = of[1]!;
    const titleAt = /\s+(?:về việc|về|ban hành|phê duyệt|triển khai|thực hiện|,)\s*/u.exec(body);
    ref.issuer = trimEnd(titleAt ? body.slice(0, titleAt.index) : body);
    const title = titleAt ? trimEnd(body.slice(titleAt.index).replace(/^\s*,\s*/u, '')) : '';
    if (title && !title.startsWith(',')) ref.title = title;
  }
  return ref;
}

/** Text of a paragraph block as a plan paragraph (bullet markers dropped). */
const para = (b: Block): string => b.text.trim();

const ROMANS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

function splitSections(blocks: Block[]): { preamble: Block[]; sections: Section[]; closing: Block[] } {
  const preamble: Block[] = [];
  const sections: Section[] = [];
  const closing: Block[] = [];
  let current: Section | undefined;
  let closed = false;
  for (const b of blocks) {
    if (closed) {
      closing.push(b);
      continue;
    }
    if (/^(?:Trên đây là|Nơi nhận)/u.test(b.text) || (b.kind === 'plain' && /^Nơi nhận/u.test(b.text))) {
      closed = true;
      closing.push(b);
      continue;
    }
    if (b.kind === 'roman') {
      // Sections run I, II, III …; OCR may drop a stroke ("II." for "III."): number them in order.
      const marker = ROMANS[sections.length] ?? b.marker;
      current = { kind: sectionKind(b.text), marker, heading: b, blocks: [] };
      sections.push(current);
      continue;
    }
    if (current) current.blocks.push(b);
    else preamble.push(b);
  }
  return { preamble, sections, closing };
}

/** Groups the blocks of a section under its numbered items ("1. …" and what follows). */
function items(blocks: Block[], kind: 'number' | 'letter' = 'number'): { head: Block; body: Block[] }[] {
  const out: { head: Block; body: Block[] }[] = [];
  for (const b of blocks) {
    if (b.kind === kind && !b.marker.includes('.')) out.push({ head: b, body: [] });
    else out.at(-1)?.body.push(b);
  }
  return out;
}

const CHANNEL_WORDS: [string, RegExp][] = [
  ['loudspeaker', /truyền thanh|hệ thống thông tin cơ sở|loa/u],
  ['webPortal', /cổng thông tin|trang thông tin điện tử|cổng\/trang|website|trang tin/u],
  ['pressBriefing', /cung cấp thông tin[^.;]{0,40}(?:báo chí|phóng viên|thông tấn)|họp báo/u],
  ['press', /báo chí|báo in|báo điện tử|phát thanh|truyền hình|phóng sự/u],
  ['social', /mạng xã hội|zalo|fanpage|youtube|facebook|tiktok/u],
  ['eBoard', /bảng tin điện tử|màn hình led/u],
  ['poster', /pano|áp phích|băng rôn|khẩu hiệu|góc truyền thông/u],
  ['infographic', /infographic/u],
  ['video', /video/u],
  ['qaSet', /hỏi\s*-\s*đáp|hỏi đáp/u],
  ['meeting', /hội nghị|tọa đàm|sinh hoạt chuyên đề|sinh hoạt dưới cờ|họp tổ dân phố|sinh hoạt chi bộ|giao ban/u],
  ['foreignInformation', /thông tin đối ngoại|báo chí đối ngoại/u],
  ['aiChatbot', /chatbot|trợ lý ảo/u],
  ['livestream', /livestream|phát trực tiếp/u],
  ['motionGraphics', /motion graphic/u],
  ['eNewsletter', /bản tin điện tử|e-newsletter|newsletter/u],
  ['publication', /ấn phẩm|xuất bản|tờ gấp|sách/u],
];

const AUDIENCE_WORDS: [string, RegExp][] = [
  ['communicationStaff', /cán bộ[^,;.]{0,30}(?:làm|phụ trách)[^,;.]{0,20}(?:truyền thông|thông tin)|đội ngũ (?:làm|cán bộ làm) công tác truyền thông/u],
  ['pressAgencies', /cơ quan báo chí/u],
  ['officials', /cán bộ, công chức|công chức, viên chức|cán bộ, đảng viên|người lao động/u],
  ['partyMembers', /đảng viên/u],
  ['educators', /giáo viên|nhà giáo|cán bộ quản lý giáo dục/u],
  ['learners', /học sinh|sinh viên|người học|học viên/u],
  ['parents', /phụ huynh/u],
  ['public', /nhân dân|người dân|toàn xã hội/u],
  ['educationInstitutions', /cơ sở giáo dục|trường học/u],
  ['massOrganisations', /đoàn viên|hội viên/u],
  ['enterprises', /doanh nghiệp/u],
  ['scientists', /nhà khoa học|trí thức/u],
  ['stateAgencies', /cơ quan nhà nước|cơ quan, đơn vị nhà nước/u],
];

const matchAll = (table: [string, RegExp][], text: string): string[] => {
  const t = fold(text);
  return table.filter(([, re]) => re.test(t)).map(([code]) => code);
};

function periodOf(text: string): string | undefined {
  const range = /(\d{4})\s*[-–]\s*(\d{4})/u.exec(text);
  if (range) return `${range[1]}-${range[2]}`;
  const year = /năm\s+(\d{4})/iu.exec(text);
  return year?.[1];
}

/** The measurable form of a target: a percentage, a count, or a count per year. */
function readMeasure(text: string): Json | undefined {
  const pct = /(\d{1,3}(?:[.,]\d+)?)\s*%/u.exec(text);
  let metric: string;
  let value: number;
  let after: string;
  if (pct) {
    metric = 'percent';
    value = Number(pct[1]!.replace(',', '.'));
    after = text.slice(pct.index + pct[0].length);
  } else {
    const count = /(?<![\d/.\-])(\d{1,3}(?:\.\d{3})+|\d{1,5})(?![\d/%\-]|[.,]\d)\s+(?!năm|tháng|ngày|giờ)(\p{L}[\p{L} ]*)/u.exec(text);
    if (!count) return undefined;
    value = Number(count[1]!.replace(/\./gu, ''));
    if (value >= 1900 && value <= 2100) return undefined;
    metric = /hằng năm|hàng năm|mỗi năm|trong năm/iu.test(text) ? 'perYear' : 'count';
    after = text.slice(count.index + count[1]!.length);
  }
  const subject = trimEnd((after.split(/\s+(?:được|xây dựng|triển khai|có|tham gia|đạt|thực hiện|sử dụng|ứng dụng)\s/u)[0] ?? '').split(/[;.]/u)[0] ?? '');
  const measure: Json = { metric, value };
  const bound = readBound(text, metric as 'percent', value);
  if (bound?.bound) measure.bound = bound.bound;
  if (bound?.aim) measure.aim = true;
  const who = matchAll(AUDIENCE_WORDS, subject)[0];
  if (who) measure.audience = who;
  measure.subject = subject || text;
  if (metric !== 'percent') {
    const unit = /^\s*(\p{L}+(?:\s+\p{L}+)?)/u.exec(after)?.[1];
    if (unit) measure.unit = unit;
  }
  return measure;
}

const DELIVERABLE = /(đi vào vận hành|được đưa vào vận hành|đưa vào sử dụng|được hình thành|hình thành|được thành lập|hoàn thành)/u;

function readDeliverable(text: string): Json | undefined {
  const m = DELIVERABLE.exec(text);
  if (!m) return undefined;
  const before = trimEnd(text.slice(0, m.index));
  const after = trimEnd(text.slice(m.index + m[0].length));
  const what = before || trimEnd(after.split(/[;,.]/u)[0] ?? '');
  if (!what) return undefined;
  const by = /(?:trong|trước|đến)\s+(?:năm|tháng|quý)\s+[\dIVX/]+/u.exec(text)?.[0];
  return { what: capitalize(what), state: m[1]!, ...(by ? { by } : {}) };
}

/** "Thời gian thực hiện: …" → a timeframe, or undefined when the words are not understood. */
export function readTimeframe(raw: string): Json | undefined {
  const asWritten = trimEnd(raw);
  const t = fold(asWritten);
  const tentative = /dự kiến/u.test(t) ? { tentative: true } : {};
  if (/thường xuyên|liên tục/u.test(t)) return { kind: 'ongoing', asWritten };
  const after = /(?:ngay\s+)?sau khi\s+(.+)$/u.exec(asWritten);
  if (after) return { kind: 'afterEvent', asWritten, event: trimEnd(after[1]!) };
  const dates = [...asWritten.matchAll(/(\d{1,2})\/(\d{1,2})\/(\d{4})/gu)].map((d) => parseVnDate(d[0])).filter((d): d is string => d !== undefined);
  if (dates.length === 2 && /từ|đến|-/u.test(t)) return { kind: 'range', asWritten, from: dates[0], to: dates[1], ...tentative };
  if (dates.length > 0) return { kind: 'dates', asWritten, dates, ...tentative };
  if (/hằng năm|hàng năm|định kỳ hằng năm/u.test(t)) return { kind: 'yearly', asWritten };
  const quarter = /quý\s+(i{1,3}|iv|[1-4])\s*(?:\/|năm)\s*(\d{4})/u.exec(t);
  if (quarter) {
    const q = ({ i: 1, ii: 2, iii: 3, iv: 4 } as Record<string, number>)[quarter[1]!] ?? Number(quarter[1]);
    const y = Number(quarter[2]);
    const endMonth = q * 3;
    return { kind: 'range', asWritten, from: toIsoDate(y, endMonth - 2, 1), to: toIsoDate(y, endMonth, endMonth === 6 || endMonth === 9 ? 30 : 31), ...tentative };
  }
  const month = /tháng\s+(\d{1,2})\s*(?:\/|năm)\s*(\d{4})/u.exec(t);
  if (month) {
    const y = Number(month[2]);
    const mo = Number(month[1]);
    const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
    return { kind: 'range', asWritten, from: toIsoDate(y, mo, 1), to: toIsoDate(y, mo, last), ...tentative };
  }
  const years = /(\d{4})\s*[-–]\s*(\d{4})/u.exec(t);
  if (years) return { kind: 'range', asWritten, from: toIsoDate(Number(years[1]), 1, 1), to: toIsoDate(Number(years[2]), 12, 31), ...tentative };
  const year = /năm\s+(\d{4})/u.exec(t);
  if (year) return { kind: 'range', asWritten, from: toIsoDate(Number(year[1]), 1, 1), to: toIsoDate(Number(year[1]), 12, 31), ...tentative };
  return undefined;
}

/** "X chủ trì, phối hợp với A, B và C tổ chức thực hiện; D triển khai tại địa phương." */
function readAssignment(text: string): { lead?: string; coordinating: string[]; implementing: string[] } {
  const out: { lead?: string; coordinating: string[]; implementing: string[] } = { coordinating: [], implementing: [] };
  for (const clause of text.split(/;\s*/u)) {
    const lead = /^(.+?)\s+chủ trì(?=[\s,.;:)]|$)(.*)$/u.exec(clause);
    if (lead && !out.lead) {
      out.lead = capitalize(trimEnd(lead[1]!));
      const partners = /phối hợp với\s+(.+?)(?:\s+(?:tổ chức|triển khai|thực hiện|trong)(?=[\s,.;:)]|$).*)?$/u.exec(lead[2]!);
      if (partners) out.coordinating.push(...splitBodies(partners[1]!));
      continue;
    }
    const other = /^(.+?)\s+(phối hợp|triển khai|thực hiện|tổ chức)(?=[\s,.;:)]|$)/u.exec(clause);
    if (other && leadingBodies(other[1]!).length > 0) {
      (other[2] === 'phối hợp' ? out.coordinating : out.implementing).push(...splitBodies(other[1]!));
    }
  }
  return out;
}

/** Cadences a reporting sentence states. */
function cadencesOf(text: string): string[] {
  const t = fold(text);
  const out: string[] = [];
  if (/6 tháng|06 tháng|sáu tháng/u.test(t)) out.push('semiannual');
  else if (/hằng năm|hàng năm|01 năm|một năm/u.test(t) && /định kỳ|báo cáo/u.test(t)) out.push('annual');
  if (/hằng quý|hàng quý/u.test(t)) out.push('quarterly');
  if (/hằng tháng|hàng tháng/u.test(t)) out.push('monthly');
  if (/đột xuất/u.test(t)) out.push('adHoc');
  if (/kịp thời/u.test(t) && /vướng mắc|khó khăn|phát sinh|kiến nghị|tâm tư/u.test(t) && out.length === 0) out.push('whenNeeded');
  if (out.length === 0 && /định kỳ/u.test(t)) out.push('periodic');
  if (out.length === 0 && /theo quy định/u.test(t)) out.push('asRegulated');
  return out;
}

interface ReportingCandidate {
  duty: Json;
  span: { start: number; end: number };
  recipientsStated: boolean;
}

/** Reporting duties in one clause, with the body that owes them. */
function readReporting(clause: string, owner: string | undefined, where: string, at: { start: number; end: number }): ReportingCandidate | undefined {
  const t = clause.trim();
  if (!/báo cáo|phản ánh/u.test(t)) return undefined;
  const cadences = cadencesOf(t);
  const verb = /(?:báo cáo|phản ánh)(?:\s+(?:kết quả|tình hình)[^;]*?)?\s+(?:về|gửi|lên|cho)?\s*/u.exec(t);
  let recipients: string[] = [];
  if (verb) {
    const rest = t.slice(verb.index + verb[0].length);
    recipients = leadingBodies(rest);
    if (recipients.length === 0) {
      const to = /\s(?:về|gửi|lên)\s+(.+)$/u.exec(t.slice(verb.index));
      if (to) recipients = leadingBodies(to[1]!);
    }
    if (recipients.length === 0) {
      const target = /(?<![\p{L}])(UBND|Ủy ban nhân dân|Sở|Bộ)\s[^;.,]*/u.exec(t.slice(verb.index));
      if (target) recipients = leadingBodies(target[0]);
    }
  }
  recipients = recipients.map((r) => r.replace(/\s+theo quy định.*$/u, '').trim());
  const regime = /chế độ báo cáo/u.test(t);
  if (recipients.length === 0 && !regime && !cadences.includes('whenNeeded') && !/định kỳ/u.test(fold(t))) return undefined;
  if (cadences.length === 0) return undefined;
  const subject = /^(?:trong quá trình[^,]*,\s*)?(?:nếu[^,]*,\s*)?((?:các|Các)\s[^;]*?)\s+(?:kịp thời|thực hiện chế độ|định kỳ|chủ động)/u.exec(t);
  const body = subject ? capitalize(trimEnd(subject[1]!)) : owner;
  const dueDates = [...t.matchAll(/trước ngày\s+(\d{1,2})(?:\s*\/\s*|\s+tháng\s+)(\d{1,2})/gu)].map((m) => `${Number(m[1])}/${Number(m[2])}`);
  const duty: Json = {
    ...(body ? { reportingBody: body } : {}),
    recipients,
    cadence: cadences.length === 1 ? cadences[0] : cadences,
    cadenceAsWritten: sentence(t).replace(/\.$/u, ''),
    ...(dueDates.length > 0 ? { dueDates } : {}),
    content: capitalize(sentence(t).replace(/\.$/u, '')),
    source: where,
  };
  return { duty, span: at, recipientsStated: recipients.length > 0 };
}

const clauses = (text: string): string[] => text.split(/;\s*|\.\s+(?=\p{Lu})/u).filter((c) => c.trim() !== '');

export interface ExtractOptions {
  /** Words the restorer changed, to mark fields read from them (offsets in `text`). */
  repaired?: readonly RepairedWord[];
  /** Base name of the file, for the plan id when the text gives no issuer. */
  fileName?: string;
}

/** Reads a plan's text into a draft plan with a flag on every field. */
export function extractPlan(text: string, options: ExtractOptions = {}): PlanDraft {
  const flags = new Flags(options.repaired ?? []);
  const blocks = toBlocks(text);
  const { preamble, sections, closing } = splitSections(blocks);
  const plan: Json = {};

  // Header: issuer, number and symbol, place and date, title.
  const titleIdx = preamble.findIndex((b) => /^KẾ HOẠCH(?![\p{L}])/u.test(b.text) && b.upper);
  const header = titleIdx >= 0 ? preamble.slice(0, titleIdx) : [];
  const headerText = header.map((b) => b.text).join('\n');
  const intro = titleIdx >= 0 ? preamble.slice(titleIdx + 1) : preamble;
  const titleBlocks: Block[] = [];
  for (const b of intro) {
    if (/^(?:Căn cứ|Thực hiện|Xét đề nghị|Theo đề nghị)/u.test(b.text)) break;
    titleBlocks.push(b);
  }
  const basisBlocks = intro.slice(titleBlocks.length);
  const basisText = basisBlocks.map((b) => b.text).join(' ');

  // OCR may read "Số:" as "S6:" and the restorer give "Sở:"; the number and symbol still show.
  const numberMatch = /S[ốởoô6]\s*:\s*(\d*)\s*\/\s*([A-ZĐ0-9]+(?:-[A-ZĐ0-9]+)*)/u.exec(headerText);
  const headerBlock = header.find((b) => /S[ốởoô6]\s*:/u.test(b.text));
  if (numberMatch) {
    plan.number = numberMatch[1] ? Number(numberMatch[1]) : null;
    plan.symbol = numberMatch[2];
    if (numberMatch[1]) flags.read('number', headerBlock && span(headerBlock));
    else flags.missing('number', 'văn bản để trống số ("Số: /…"): điền số khi văn bản được ban hành');
    flags.read('symbol', headerBlock && span(headerBlock));
  } else {
    plan.number = null;
    plan.symbol = 'KH-UBND';
    flags.missing('number', 'bản sao không có dòng "Số: …"');
    flags.guessed('symbol', 'bản sao không có số, ký hiệu; ký hiệu "KH-UBND" là ký hiệu thông thường của kế hoạch do Ủy ban nhân dân ban hành');
  }
  const placeText = numberMatch ? headerText.slice(numberMatch.index + numberMatch[0].length) : headerText;
  const placeDate = /([\p{Lu}][\p{Ll}]*(?:\s[\p{Lu}][\p{Ll}]*)*)\s*,\s*ng\S*\s*(\d{0,2})\s*th\S*\s*(\d{0,2})\s*n\S*\s*(\d{4})/u.exec(placeText);
  const issued: Json = { place: null, date: null };
  if (placeDate) {
    issued.place = placeDate[1]!.trim();
    flags.read('issued.place', headerBlock && span(headerBlock));
    const iso = placeDate[2] && placeDate[3] ? parseVnDate(`${placeDate[2]}/${placeDate[3]}/${placeDate[4]}`) : undefined;
    if (iso) {
      issued.date = iso;
      flags.read('issued.date', headerBlock && span(headerBlock));
    } else {
      issued.year = Number(placeDate[4]);
      flags.missing('issued.date', `văn bản để trống ngày, tháng ban hành; chỉ ghi năm ${placeDate[4]}`);
    }
  } else {
    flags.missing('issued.place', 'bản sao không có dòng địa danh, ngày tháng');
    flags.missing('issued.date', 'bản sao không có ngày ban hành');
    const years = [...basisText.matchAll(/\/(\d{4})\b/gu)].map((m) => Number(m[1]));
    if (years.length > 0) {
      issued.year = Math.max(...years);
      flags.guessed('issued.year', `năm ban hành lấy theo văn bản mới nhất được viện dẫn (${issued.year}); cần kiểm tra`);
    }
  }
  plan.issued = issued;

  const title = titleBlocks.map((b) => b.text).join(' ').trim();
  if (title) {
    plan.title = title;
    flags.read('title', span(titleBlocks));
  } else flags.missing('title', 'không tìm thấy trích yếu sau chữ "KẾ HOẠCH"');

  // Issuer: the header's unit line, or "… ban hành Kế hoạch" in the opening, or the signature.
  const UNIT = '(tỉnh|thành phố|xã|phường|đặc khu)';
  const headerUnit = new RegExp(`(?:ỦY BAN NHÂN DÂN\\s+)?(?<![\\p{L}])(TỈNH|THÀNH PHỐ|XÃ|PHƯỜNG|ĐẶC KHU)\\s+([\\p{Lu}][\\p{Lu} ]*?)(?=\\s+(?:CỘNG HÒA|Độc lập|ĐỘC LẬP)|\\s*$|\\n)`, 'u').exec(headerText);
  const introUnit = new RegExp(`(?:Ủy ban nhân dân|UBND)\\s+${UNIT}((?:\\s+[\\p{Lu}][\\p{L}]*)*)\\s+ban hành`, 'u').exec(basisText);
  const titleCase = (s: string) => s.toLocaleLowerCase('vi').replace(/(^|\s)(\p{L})/gu, (_, sp: string, c: string) => sp + c.toLocaleUpperCase('vi'));
  let unit: string | undefined;
  let name: string | undefined;
  let issuerHow: 'stated' | 'guessed' = 'stated';
  if (headerUnit) {
    unit = headerUnit[1]!.toLocaleLowerCase('vi');
    name = titleCase(headerUnit[2]!.trim());
  } else if (introUnit) {
    unit = introUnit[1]!;
    name = introUnit[2]?.trim() || undefined;
  }
  if (unit && !name && typeof issued.place === 'string') {
    name = issued.place;
    issuerHow = 'guessed';
  }
  if (unit && name) {
    const area = `${unit} ${name}`;
    const tier = unit === 'tỉnh' ? 'province' : unit === 'thành phố' ? 'city' : 'commune';
    const issuer: Json = { name: `Ủy ban nhân dân ${area}`, shortName: `UBND ${area}`, tier, area };
    if (tier === 'commune') {
      const province = /(?:Ủy ban nhân dân|UBND|Tỉnh ủy)\s+tỉnh\s+((?:[\p{Lu}][\p{L}]*\s?)+)/u.exec(basisText) ?? /Tỉnh ủy\s+((?:[\p{Lu}][\p{L}]*\s?)+)/u.exec(basisText);
      if (province) {
        issuer.province = `tỉnh ${province[1]!.trim()}`;
        flags.guessed('issuer.province', `tỉnh lấy theo cơ quan cấp tỉnh được viện dẫn trong phần căn cứ (${issuer.province})`);
      } else flags.missing('issuer.province', 'văn bản không nêu tỉnh của đơn vị cấp xã');
    }
    plan.issuer = issuer;
    if (issuerHow === 'guessed') flags.guessed('issuer', `văn bản chỉ ghi "Ủy ban nhân dân ${unit}"; tên lấy theo địa danh ban hành (${name})`);
    else flags.read('issuer', headerUnit ? headerBlock && span(header) : basisBlocks.length ? span(basisBlocks) : undefined);
  } else flags.missing('issuer', 'không xác định được cơ quan ban hành');

  // Legal basis: each document the opening cites, with its relation.
  const refs: DocRef[] = [];
  let relation: DocRef['relation'] = 'basis';
  for (const seg of basisText.split(/;\s*/u)) {
    const s = seg.trim();
    if (/^Thực hiện/u.test(s)) relation = 'implements';
    else if (/^Căn cứ/u.test(s)) relation = 'basis';
    if (/^Xét đề nghị/u.test(s)) {
      const who = /^Xét đề nghị của\s+(.+?)\s+tại\s+/u.exec(s);
      const ref = readRef(s.replace(/,\s*(?:Ủy ban nhân dân|UBND)\s.*$/u, ''), 'proposal');
      if (ref) {
        if (who) ref.issuer = trimEnd(who[1]!);
        delete ref.title;
        refs.push(ref);
      }
      continue;
    }
    const ref = readRef(s.replace(/,\s*(?:Ủy ban nhân dân|UBND)\s+(?:tỉnh|thành phố|xã|phường|đặc khu)[^,]*ban hành.*$/u, ''), relation);
    if (ref && DOC_REF.exec(s)!.index < 40) refs.push(ref);
  }
  // The resolution: the Nghị quyết the title names (with its date, issuer and subject).
  const titleRef = /Nghị quyết\s+số\s+(\S+)\s+ngày\s+(\d{1,2}\/\d{1,2}\/\d{4})\s+của\s+(.+?)\s+(về\s+.+?)(?:\s+trên địa bàn.*)?$/u.exec(title) ?? /Nghị quyết\s+số\s+(\S+)\s+ngày\s+(\d{1,2}\/\d{1,2}\/\d{4})\s+của\s+(.+?)\s+(về\s+[^;]+?)(?:\s+trên địa bàn|;|$)/u.exec(basisText);
  const citedNq = refs.find((r) => r.kind === 'Nghị quyết' && (!titleRef || r.number === titleRef[1]));
  if (titleRef || citedNq) {
    const resolution: Json = {
      kind: 'Nghị quyết',
      number: citedNq?.number ?? titleRef![1]!,
      date: citedNq?.date ?? parseVnDate(titleRef![2]!),
      issuer: citedNq?.issuer ?? titleRef![3]!.trim(),
      title: citedNq?.title ?? titleRef![4]!.trim(),
      relation: citedNq?.relation ?? 'implements',
    };
    plan.resolution = resolution;
    flags.read('resolution', titleRef ? span(titleBlocks) : span(basisBlocks));
    if (!citedNq) flags.guessed('resolution.relation', 'nghị quyết chỉ được nêu trong trích yếu; quan hệ "thực hiện" lấy theo trích yếu');
  } else flags.missing('resolution', 'không tìm thấy nghị quyết mà kế hoạch thực hiện');
  plan.legalBasis = refs
    .filter((r) => r !== citedNq)
    .map((r) => ({ kind: r.kind, number: r.number, ...(r.date ? { date: r.date } : {}), issuer: r.issuer ?? '', ...(r.title ? { title: r.title } : {}), relation: r.relation }));
  (plan.legalBasis as Json[]).forEach((r, i) => {
    flags.read(`legalBasis[${i}]`, basisBlocks.length ? span(basisBlocks) : undefined);
    if (!r.date) flags.missing(`legalBasis[${i}].date`, `văn bản ${r.kind} số ${r.number} được viện dẫn không kèm ngày`);
    if (!r.issuer) flags.missing(`legalBasis[${i}].issuer`, `không rõ cơ quan ban hành ${r.kind} số ${r.number}`);
  });

  // Sections.
  const purpose: string[] = [];
  const requirements: string[] = [];
  const purposeSpans: { start: number; end: number }[] = [];
  const requirementSpans: { start: number; end: number }[] = [];
  const fundingSpans: { start: number; end: number }[] = [];
  const general: string[] = [];
  const periods: Json[] = [];
  const tasks: Json[] = [];
  const funding: string[] = [];
  const bodyDuties: Json[] = [];
  const reporting: ReportingCandidate[] = [];
  const closingNotes: Block[] = [];
  let leadBody: string | undefined;
  let leadSpan: { start: number; end: number } | undefined;

  for (const sec of sections) {
    if (sec.kind === 'purpose') {
      let into = purpose;
      let spans = purposeSpans;
      for (const b of sec.blocks) {
        if (b.kind === 'number' && /^Mục đích/iu.test(b.text)) [into, spans] = [purpose, purposeSpans];
        else if (b.kind === 'number' && /^Yêu cầu/iu.test(b.text)) [into, spans] = [requirements, requirementSpans];
        else {
          into.push(para(b));
          spans.push(span(b));
        }
      }
    } else if (sec.kind === 'objectives' || sec.kind === 'targets') {
      let mode: 'general' | 'targets' = sec.kind === 'targets' ? 'targets' : 'general';
      let period: Json | undefined;
      for (const b of sec.blocks) {
        const heading = b.kind === 'number' || b.kind === 'letter';
        if (heading && /mục tiêu chung/iu.test(b.text)) {
          mode = 'general';
          continue;
        }
        if (heading && /mục tiêu cụ thể/iu.test(b.text) && !periodOf(b.text)) {
          mode = 'targets';
          continue;
        }
        if (heading && periodOf(b.text) && b.text.length < 80) {
          mode = 'targets';
          const marker = b.kind === 'letter' ? `${b.marker})` : `${b.marker}.`;
          period = { period: periodOf(b.text), heading: `${marker} ${b.text}`, targets: [] };
          periods.push(period);
          flags.read(`objectives.periods[${periods.length - 1}]`, span(b));
          continue;
        }
        if (mode === 'general') {
          const p = para(b);
          if (general.includes(p)) {
            flags.guessed(`objectives.general`, 'văn bản in lặp một đoạn mục tiêu chung nguyên văn; đoạn lặp chỉ được giữ một lần');
            continue;
          }
          general.push(p);
          flags.read(`objectives.general[${general.length - 1}]`, span(b));
          continue;
        }
        if (!period) {
          period = { period: undefined, targets: [] };
          periods.push(period);
          flags.missing(`objectives.periods[${periods.length - 1}].period`, 'văn bản không nêu giai đoạn của các chỉ tiêu này');
        }
        const targets = period.targets as Json[];
        const pi = periods.indexOf(period);
        const ti = targets.length;
        const t: Json = { id: `${slugify(String(period.period ?? 'chi-tieu'))}-${ti + 1}`, text: sentence(para(b)) };
        const measure = readMeasure(t.text as string);
        const deliverable = measure ? undefined : readDeliverable(t.text as string);
        if (measure) t.measure = measure;
        if (deliverable) t.deliverable = deliverable;
        targets.push(t);
        const path = `objectives.periods[${pi}].targets[${ti}]`;
        flags.read(path, span(b));
        if (measure && !measure.audience) flags.missing(`${path}.measure.audience`, 'không xác định được nhóm đối tượng của chỉ tiêu từ câu chữ');
        if (!measure && !deliverable) flags.missing(`${path}.measure`, 'chỉ tiêu không có con số đo được');
      }
    } else if (sec.kind === 'tasks') {
      for (const { head, body } of items(sec.blocks)) {
        const index = tasks.length;
        const path = `tasks[${index}]`;
        // A title can wrap onto a plain line before the description starts.
        let titleText = head.text;
        const rest = [...body];
        const task: Json = { number: `${sec.marker}.${head.marker}` };
        const description: (string | Json)[] = [];
        const subItems: Json[] = [];
        let lead: string | undefined;
        let leadFrom: Block | undefined;
        let coordinating: string[] = [];
        let implementing: string[] = [];
        let timeframe: Json | undefined;
        let assignment: string | undefined;
        let timeBlock: Block | undefined;
        for (const b of rest) {
          const text = b.text;
          const leadLine = /^Cơ quan (?:thực hiện|chủ trì)\s*:\s*(.*)$/iu.exec(text);
          const coordLine = /^Cơ quan phối hợp\s*:\s*(.*)$/iu.exec(text);
          const timeLine = /^Thời gian(?: thực hiện)?\s*:\s*(.*)$/iu.exec(text);
          const assignLine = /^Phân công[^:]{0,25}:\s*(.*)$/u.exec(text);
          if (leadLine) {
            const names = leadLine[1]!.split(/;\s*/u).map(trimEnd).filter(Boolean);
            lead = names[0];
            leadFrom = b;
            implementing.push(...names.slice(1).flatMap(splitBodies));
          } else if (coordLine) coordinating.push(...splitBodies(coordLine[1]!));
          else if (timeLine) {
            timeframe = readTimeframe(timeLine[1]!) ?? { kind: 'unstated', asWritten: trimEnd(timeLine[1]!) };
            timeBlock = b;
          } else if (assignLine) {
            assignment = sentence(`Phân công thực hiện: ${assignLine[1]!}`);
            const a = readAssignment(assignLine[1]!);
            if (a.lead) {
              lead = a.lead;
              leadFrom = b;
            }
            coordinating = [...coordinating, ...a.coordinating];
            implementing = [...implementing, ...a.implementing];
          } else if (b.kind === 'letter') {
            const per = /^([^:]{3,120}):\s*(.*)$/u.exec(text);
            if (per && leadingBodies(per[1]!).length > 0) subItems.push({ label: `${b.marker})`, body: trimEnd(per[1]!), items: per[2] ? [sentence(per[2])] : [] });
            else subItems.push({ label: `${b.marker})`, items: [sentence(text)] });
          } else if (b.kind === 'plus') {
            const lastSub = subItems.at(-1);
            const prev = lastSub ? undefined : description.at(-1);
            if (lastSub) (lastSub.items as (string | Json)[]).push(sentence(text));
            else if (typeof prev === 'string' && /:$/u.test(prev)) description[description.length - 1] = { text: prev, items: [sentence(text)] };
            else if (prev && typeof prev === 'object') (prev.items as string[]).push(sentence(text));
            else description.push(sentence(text));
          } else if (b.kind === 'plain' && description.length === 0 && subItems.length === 0 && !/[.;:]$/u.test(titleText) && /^\p{Ll}/u.test(text)) {
            titleText = `${titleText} ${text}`;
          } else {
            const lastSub = subItems.at(-1);
            if (lastSub && b.kind === 'bullet') (lastSub.items as (string | Json)[]).push(sentence(text));
            else description.push(/:$/u.test(text) ? text : sentence(text));
          }
        }
        task.id = `nv-${slugify(String(task.number)).replace(/-+/gu, '-')}-${slugify(titleText).split('-').slice(0, 5).join('-')}`;
        task.title = trimEnd(titleText);
        // "Giao X chủ trì / tham mưu …" in the description names the lead body.
        if (!lead) {
          for (const p of description) {
            const s = typeof p === 'string' ? p : (p.text as string);
            const giao = /(?:^|\s)Giao\s+(.+?)\s+(?:chủ trì|tham mưu|thực hiện|phụ trách|là đầu mối)/u.exec(s);
            if (giao && leadingBodies(giao[1]!).length > 0) {
              lead = capitalize(trimEnd(giao[1]!));
              leadFrom = rest.find((b) => b.text.includes(giao[0].trim())) ?? head;
              break;
            }
          }
        }
        task.description = description.map((p) => (typeof p === 'string' ? p : { text: p.text, items: p.items }));
        if (subItems.length > 0) task.subItems = subItems.filter((s) => (s.items as unknown[]).length > 0);
        flags.read(`${path}.title`, span(head));
        if (lead) {
          task.leadBody = lead;
          flags.read(`${path}.leadBody`, leadFrom && span(leadFrom));
        } else flags.missing(`${path}.leadBody`, 'văn bản không nêu cơ quan chủ trì của nhiệm vụ này; để trống, không suy đoán');
        if (rest.length > 0) flags.read(`${path}.description`, span(rest));
        if (implementing.length > 0) task.implementingBodies = [...new Set(implementing)];
        if (coordinating.length > 0) {
          task.coordinatingBodies = [...new Set(coordinating)];
          flags.read(`${path}.coordinatingBodies`, leadFrom ? span(leadFrom) : span(rest));
        } else flags.missing(`${path}.coordinatingBodies`, 'văn bản không nêu cơ quan phối hợp của nhiệm vụ này');
        if (assignment) task.assignmentAsWritten = assignment;
        if (timeframe) {
          task.timeframe = timeframe;
          if (timeframe.kind === 'unstated') flags.missing(`${path}.timeframe`, `không hiểu được thời gian thực hiện "${String(timeframe.asWritten)}"`);
          else flags.read(`${path}.timeframe`, timeBlock && span(timeBlock));
        } else flags.missing(`${path}.timeframe`, 'văn bản không nêu thời gian thực hiện nhiệm vụ này');
        const all = [task.title, ...description.map((p) => (typeof p === 'string' ? p : `${p.text as string} ${(p.items as string[]).join(' ')}`)), ...subItems.flatMap((s) => s.items as string[])].join(' ');
        task.channels = matchAll(CHANNEL_WORDS, all);
        task.audiences = matchAll(AUDIENCE_WORDS, all);
        flags.read(`${path}.channels`, span([head, ...rest]), (task.channels as string[]).length === 0 ? 'nhiệm vụ không nêu kênh truyền thông nào' : undefined);
        tasks.push(task);
        for (const b of rest) for (const c of clauses(b.text)) {
          const r = readReporting(c, lead, String(task.number), span(b));
          if (r) reporting.push(r);
        }
      }
    } else if (sec.kind === 'funding') {
      for (const b of sec.blocks) {
        funding.push(para(b));
        fundingSpans.push(span(b));
      }
    } else if (sec.kind === 'organisation') {
      const numbered = items(sec.blocks);
      const trailing: Block[] = [];
      for (const [k, { head, body }] of numbered.entries()) {
        const number = `${sec.marker}.${head.marker}`;
        let bodyName = trimEnd(head.text);
        const duties: string[] = [];
        const split = /^(.{4,200}?)\s+(?=là cơ quan|là đầu mối|chủ trì|căn cứ|phối hợp|tham mưu|chủ động|có trách nhiệm|tổ chức triển khai)(.*)$/iu.exec(head.text);
        if (split && head.text.length > 90) {
          bodyName = trimEnd(split[1]!);
          duties.push(capitalize(sentence(split[2]!)));
        }
        for (const b of body) {
          if (k === numbered.length - 1 && b.kind === 'plain' && /^(?:Trong quá trình|Trên đây)/u.test(b.text)) {
            trailing.push(b);
            continue;
          }
          if (trailing.length > 0) trailing.push(b);
          else duties.push(sentence(b.text));
        }
        const i = bodyDuties.length;
        bodyDuties.push({ id: `tc-${slugify(number)}-${slugify(bodyName).split('-').slice(0, 6).join('-')}`, number, body: bodyName, duties });
        flags.read(`bodyDuties[${i}]`, span([head, ...body]));
        if (duties.length === 0) flags.missing(`bodyDuties[${i}].duties`, 'không tách được nhiệm vụ của cơ quan này');
        const dutyText = duties.join(' ');
        if (!leadBody && /cơ quan thường trực|cơ quan đầu mối|là đầu mối|chủ trì[^.;]{0,160}(?:tổ chức|triển khai)[^.;]{0,60}kế hoạch/u.test(fold(dutyText))) {
          leadBody = bodyName;
          leadSpan = span([head, ...body]);
        }
        for (const b of [head, ...body].filter((x) => !trailing.includes(x))) {
          const text = b === head && split ? (split[2] ?? '') : b.text;
          for (const c of clauses(text)) {
            const r = readReporting(c, bodyName.replace(/^Đề nghị\s+/u, ''), number, span(b));
            if (r) reporting.push(r);
          }
        }
      }
      // Unnumbered paragraphs (a plan may list duties without numbers) and the closing note.
      const loose = sec.blocks.filter((b) => !numbered.some((n) => n.head === b || n.body.includes(b)));
      closingNotes.push(...trailing, ...loose);
    }
  }
  for (const b of closingNotes) {
    for (const c of clauses(b.text)) {
      const r = readReporting(c, undefined, sectionOf(sections, b), span(b));
      if (r) reporting.push(r);
    }
  }

  plan.leadBody = leadBody;
  if (leadBody) flags.read('leadBody', leadSpan, 'cơ quan được giao là cơ quan thường trực / đầu mối chủ trì kế hoạch');
  else flags.missing('leadBody', 'văn bản không nêu cơ quan thường trực, chủ trì kế hoạch; để trống');
  plan.purpose = purpose;
  plan.requirements = requirements;
  purposeSpans.forEach((sp, i) => flags.read(`purpose[${i}]`, sp));
  requirementSpans.forEach((sp, i) => flags.read(`requirements[${i}]`, sp));
  fundingSpans.forEach((sp, i) => flags.read(`funding[${i}]`, sp));
  if (purpose.length === 0) flags.missing('purpose', 'văn bản không có mục "Mục đích"');
  plan.objectives = { general, periods };
  if (general.length === 0) flags.missing('objectives.general', 'văn bản không có mục tiêu chung (chỉ có chỉ tiêu cụ thể)');
  plan.tasks = tasks;
  if (tasks.length === 0) flags.missing('tasks', 'không tìm thấy nhiệm vụ nào (mục "Nhiệm vụ và giải pháp")');
  plan.funding = funding;
  if (funding.length === 0) flags.missing('funding', 'văn bản không có mục kinh phí');
  plan.bodyDuties = bodyDuties;
  const duties: Json[] = [];
  for (const r of reporting) {
    const i = duties.length;
    const d: Json = { id: `bc-${i + 1}`, ...r.duty };
    duties.push(d);
    flags.read(`reporting[${i}]`, r.span);
    if (!r.recipientsStated) flags.missing(`reporting[${i}].recipients`, `không rõ báo cáo gửi cơ quan nào ("${String(r.duty.cadenceAsWritten)}")`);
    if (!d.reportingBody) flags.missing(`reporting[${i}].reportingBody`, 'không rõ cơ quan nào báo cáo');
  }
  plan.reporting = duties;

  readClosing(closing, plan, flags);
  plan.id = planId(plan, options.fileName);
  return { plan: orderKeys(plan), flags: flags.list };
}

function sectionOf(sections: Section[], b: Block): string {
  return sections.find((s) => s.blocks.includes(b))?.marker ?? '';
}

/** Recipients (Nơi nhận) and the signature block. */
function readClosing(closing: Block[], plan: Json, flags: Flags): void {
  const recipients: string[] = [];
  const signLines: string[] = [];
  let group = '';
  let inRecipients = false;
  let recipientSpan: { start: number; end: number } | undefined;
  const SIGN = /(?<![\p{L}])(TM\.|KT\.|Q\.|TL\.|CHỦ TỊCH|PHÓ CHỦ TỊCH)/u;
  const add = (r: string) => {
    const t = trimEnd(r);
    recipients.push(/^Lưu/u.test(t) || group === '' ? t : `${t}${group}`);
  };
  for (const b of closing) {
    let text = b.text;
    if (/^Trên đây/u.test(text) && !/Nơi nhận/u.test(text)) continue;
    const noi = /Nơi nhận\s*:?\s*(.*)$/u.exec(text);
    if (noi) {
      inRecipients = true;
      recipientSpan = { start: b.start, end: b.end };
      text = noi[1]!;
      if (text === '') continue;
    }
    // Two columns merged by the copy: recipients on the left, the signature on the right.
    const sign = SIGN.exec(text);
    if (sign) {
      signLines.push(text.slice(sign.index).trim());
      text = text.slice(0, sign.index).trim();
    }
    if (!inRecipients || text === '') continue;
    if (recipientSpan) recipientSpan.end = b.end;
    // "Gửi bản điện tử:" / "Gửi bản giấy": the recipients below get that copy.
    if (/^Gửi bản điện tử/u.test(text)) group = ' (bản điện tử)';
    else if (/^Gửi bản giấy/u.test(text)) group = ' (bản giấy)';
    else if (b.kind === 'bullet') add(text);
    // A recipient wrapped onto the next line: "- C, PCVP UBND tỉnh," / "các phòng CM, TT TT;".
    else if (recipients.length > 0 && !sign && /^\p{Ll}/u.test(text)) recipients[recipients.length - 1] = trimEnd(`${recipients.at(-1)} ${text}`);
    else signLines.push(text);
  }
  plan.recipients = recipients.map((r) => r.replace(/\s*,$/u, ''));
  if (recipients.length > 0) flags.read('recipients', recipientSpan);
  else flags.missing('recipients', 'không tìm thấy mục "Nơi nhận"');

  const authority: string[] = [];
  let position: string | undefined;
  let signer: string | undefined;
  const sentenceCase = (s: string) => capitalize(s.toLocaleLowerCase('vi'));
  for (const raw of signLines) {
    for (const part of raw.split(/\s+(?=TM\.|KT\.|PHÓ CHỦ TỊCH)/u)) {
      const p = part.trim().replace(/[.,;]+$/u, '');
      const tm = /^(TM|KT|Q|TL)\.\s*(.+)$/u.exec(p);
      if (tm) authority.push(`${tm[1]}. ${sentenceCase(tm[2]!).replace(/ủy ban nhân dân/u, 'Ủy ban nhân dân')}`);
      else if (/^PHÓ CHỦ TỊCH$/u.test(p)) position = 'Phó Chủ tịch';
      else if (/^CHỦ TỊCH$/u.test(p)) position = position ?? 'Chủ tịch';
      else if (/^\p{Lu}[\p{Ll}]*(?:\s\p{Lu}[\p{Ll}]*){0,3}$/u.test(p)) signer = p;
    }
  }
  const authorityText = authority.join(', ').replace(/KT\. Chủ tịch/u, 'KT. Chủ tịch');
  if (authority.length > 0 || position || signer) {
    let how: 'stated' | 'guessed' = 'stated';
    if (!position && authority.some((a) => a.startsWith('KT.'))) {
      position = 'Phó Chủ tịch';
      how = 'guessed';
    } else if (!position && authority.some((a) => a.startsWith('TM.'))) {
      position = 'Chủ tịch';
      how = 'guessed';
    }
    plan.signer = { ...(authorityText ? { authority: authorityText } : {}), ...(position ? { position } : {}), name: signer ?? null };
    flags.read('signer');
    if (how === 'guessed') flags.guessed('signer.position', `chức vụ người ký lấy theo "${authority.join(', ')}" (ký thay Chủ tịch là Phó Chủ tịch)`);
    if (!signer) flags.missing('signer.name', 'bản sao không có tên người ký');
  } else flags.missing('signer', 'không tìm thấy phần ký');
}

function planId(plan: Json, fileName?: string): string {
  const issuer = plan.issuer as Json | undefined;
  const issued = plan.issued as Json;
  const year = typeof issued.date === 'string' ? issued.date.slice(0, 4) : issued.year ? String(issued.year) : '';
  const area = issuer ? slugify(String(issuer.area).replace(/^(tỉnh|thành phố)\s+/u, '')) : slugify(fileName ?? 'ke-hoach');
  const number = plan.number ? `${plan.number}-${slugify(String(plan.symbol))}` : '';
  return [area, number, year].filter(Boolean).join('-');
}

/** Keys in the order of a plan file. */
function orderKeys(plan: Json): Json {
  const order = ['id', 'issuer', 'number', 'symbol', 'issued', 'title', 'resolution', 'legalBasis', 'leadBody', 'purpose', 'requirements', 'objectives', 'tasks', 'funding', 'bodyDuties', 'reporting', 'recipients', 'signer'];
  const out: Json = {};
  for (const k of order) if (plan[k] !== undefined) out[k] = plan[k];
  return out;
}
