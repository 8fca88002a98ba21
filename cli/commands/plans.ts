/**
 * `campaign plans validate|list|show|import`: check plan (and locality / media-list) files, list
 * the shipped plans, show one plan's header, targets, tasks and reporting duties, and import an
 * issued document (.txt, .docx, .pdf, scan) into a draft plan with what needs review.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { provenanceLabels, reviewItems } from '../../domain/intake/review.js';
import { DocumentReadError } from '../../infra/intake/readers.js';
import { importPlanDocument, type ImportResult } from '../../infra/intake/import.js';
import { formatVnDate } from '../../domain/dates.js';
import { allTargets, formatChannels, formatMeasureValue, formatTimeframe, planIssueDate, planSymbol, resolutionName } from '../../domain/plan/describe.js';
import { periodPhrase } from '../../domain/plan/bounds.js';
import type { DocumentRef, Plan } from '../../domain/plan/schema.js';
import { reportCadenceLabels } from '../../domain/plan/vocabulary.js';
import { formatProblem } from '../../domain/plan/yaml-source.js';
import { checkFile, DataFileError, displayPath, listPlanFiles, PlanNotFoundError, PLANS_DIR } from '../../infra/plan-store.js';
import { CliError, parseOptions, type Command } from '../command.js';
import { readablePlans } from '../directory.js';
import { PlanVersionNotFoundError } from '../../infra/plan-library.js';

/** Display width of text: code points, not counting combining marks. */
export function textWidth(s: string): number {
  return [...s.normalize('NFC')].filter((c) => !/\p{M}/u.test(c)).length;
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line === '') line = word;
    else if (textWidth(line) + 1 + textWidth(word) <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  lines.push(line);
  return lines;
}

const pad = (s: string, width: number): string => s + ' '.repeat(Math.max(0, width - textWidth(s)));

/** An aligned text table; cells wider than `maxWidths[i]` wrap onto extra lines. */
export function renderTable(headers: string[], rows: string[][], maxWidths: number[] = [], indent = ''): string {
  const widths = headers.map((h, i) => Math.min(Math.max(textWidth(h), ...rows.map((r) => textWidth(r[i] ?? ''))), maxWidths[i] ?? Infinity));
  const out = [indent + headers.map((h, i) => pad(h, widths[i] ?? 0)).join('  ').trimEnd(), indent + widths.map((w) => '─'.repeat(w)).join('  ')];
  for (const row of rows) {
    const cells = headers.map((_, i) => wrap(row[i] ?? '', widths[i] ?? 0));
    const height = Math.max(...cells.map((c) => c.length));
    for (let k = 0; k < height; k++) out.push(indent + cells.map((c, i) => pad(c[k] ?? '', widths[i] ?? 0)).join('  ').trimEnd());
  }
  return out.join('\n');
}

/** Runs a plan-store call, turning its errors into CLI errors with the right exit code. */
export async function withPlans<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (err) {
    if (err instanceof DataFileError) throw new CliError(`${err.message}\n\nHãy sửa các lỗi trên rồi chạy lại; kiểm tra bằng: campaign plans validate`, 1);
    if (err instanceof PlanNotFoundError || err instanceof PlanVersionNotFoundError) throw new CliError(err.message, 2);
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new CliError(`Không tìm thấy thư mục kế hoạch: ${(err as NodeJS.ErrnoException).path ?? ''}`, 2);
    throw err;
  }
}

const isoAndVn = (iso: string): string => `${formatVnDate(iso)} (${iso})`;
const docLine = (d: DocumentRef): string => `${d.kind} số ${d.number}${d.date ? ` ngày ${formatVnDate(d.date)}` : ''} của ${d.issuer}${d.title ? ` ${d.title}` : ''}`;

const validateUsage = `Cách dùng: campaign plans validate [TỆP...] [--json]

Kiểm tra tệp kế hoạch (và tệp danh sách địa bàn, danh sách phóng viên). Không nêu tệp: kiểm tra
mọi tệp trong thư mục plans/. Mã thoát 0 khi tất cả hợp lệ, 1 khi có tệp lỗi (mỗi lỗi kèm vị trí
và số dòng).`;

export const plansValidateCommand: Command = {
  name: 'plans validate',
  summary: 'Kiểm tra tệp kế hoạch, báo từng lỗi kèm số dòng',
  usage: validateUsage,
  async run(argv) {
    const { values, positionals } = parseOptions(argv, { json: { type: 'boolean', default: false } }, validateUsage, true);
    const files = positionals.length > 0 ? positionals.map((f) => path.resolve(f)) : await withPlans(() => listPlanFiles(PLANS_DIR));
    if (files.length === 0) throw new CliError(`Không có tệp nào để kiểm tra.\n\n${validateUsage}`, 2);
    const checks = await Promise.all(files.map((f) => checkFile(f)));
    const bad = checks.filter((c) => !c.ok).length;
    if (values.json) {
      const out = checks.map((c) => ({ file: displayPath(c.file), kind: c.kind, ok: c.ok, problems: c.ok ? [] : c.problems }));
      process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      return bad > 0 ? 1 : 0;
    }
    for (const c of checks) {
      if (!c.ok) {
        process.stdout.write(`[LỖI] ${displayPath(c.file)}: ${c.problems.length} lỗi\n${c.problems.map((p) => `  - ${formatProblem(p)}`).join('\n')}\n`);
      } else if (c.kind === 'plan') {
        const targets = allTargets(c.plan).length;
        process.stdout.write(`[OK]  ${displayPath(c.file)}: kế hoạch ${planSymbol(c.plan)} (${c.plan.issuer.shortName}), ${c.plan.tasks.length} nhiệm vụ, ${targets} chỉ tiêu, ${c.plan.reporting.length} chế độ báo cáo\n`);
      } else if (c.kind === 'localities') {
        process.stdout.write(`[OK]  ${displayPath(c.file)}: ${c.localities.localities.length} đơn vị cấp xã${c.localities.sample ? ' (dữ liệu mẫu)' : ''}\n`);
      } else {
        process.stdout.write(`[OK]  ${displayPath(c.file)}: ${c.mediaList.journalists.length} phóng viên${c.mediaList.sample ? ' (dữ liệu mẫu)' : ''}\n`);
      }
    }
    process.stdout.write(`\nKết quả: ${checks.length - bad} tệp hợp lệ, ${bad} tệp có lỗi.\n`);
    return bad > 0 ? 1 : 0;
  },
};

const listUsage = `Cách dùng: campaign plans list [--dir THƯ_MỤC] [--json]

Liệt kê các kế hoạch (mặc định trong thư mục plans/).`;

/** One line of `plans list --json`. */
export function planSummary(p: Plan) {
  return {
    id: p.id,
    symbol: planSymbol(p),
    issuer: p.issuer.name,
    issuerShort: p.issuer.shortName,
    tier: p.issuer.tier,
    issuedDate: p.issued.date,
    issuedYear: p.issued.date ? Number(p.issued.date.slice(0, 4)) : p.issued.year,
    title: p.title,
    resolution: p.resolution.number,
    tasks: p.tasks.length,
    targets: allTargets(p).length,
  };
}

export const plansListCommand: Command = {
  name: 'plans list',
  summary: 'Liệt kê các kế hoạch',
  usage: listUsage,
  async run(argv) {
    const { values } = parseOptions(argv, { json: { type: 'boolean', default: false }, dir: { type: 'string' } }, listUsage);
    const { plans: reader, note } = await readablePlans(values.dir ? path.resolve(values.dir) : undefined);
    if (note) process.stderr.write(`${note}\n`);
    const plans = (await withPlans(() => reader.list())).map((s) => s.plan);
    if (values.json) {
      process.stdout.write(`${JSON.stringify(plans.map(planSummary), null, 2)}\n`);
      return 0;
    }
    if (plans.length === 0) {
      process.stdout.write('Chưa có kế hoạch nào.\n');
      return 0;
    }
    const rows = plans.map((p) => [p.id, planSymbol(p), planIssueDate(p), p.issuer.shortName, String(p.tasks.length), resolutionName(p)]);
    process.stdout.write(`${renderTable(['Mã kế hoạch', 'Số, ký hiệu', 'Ngày ban hành', 'Cơ quan ban hành', 'Nhiệm vụ', 'Thực hiện'], rows, [30, 24, 26, 28, 8, 26])}\n`);
    process.stdout.write(`\nXem chi tiết: campaign plans show <mã kế hoạch>\n`);
    return 0;
  },
};

/** Human text of `plans show`. */
export function describePlan(p: Plan): string {
  const out: string[] = [];
  const when = p.issued.date ? isoAndVn(p.issued.date) : planIssueDate(p);
  out.push(`KẾ HOẠCH ${planSymbol(p)} — ${p.issuer.name}`, `${p.issued.place ? `${p.issued.place}, ` : ''}${when}`, p.title, '');
  out.push(`Thực hiện: ${docLine(p.resolution)}`);
  for (const d of p.legalBasis) out.push(`${d.relation === 'proposal' ? 'Xét đề nghị' : d.relation === 'implements' ? 'Thực hiện' : 'Căn cứ'}: ${docLine(d)}`);
  if (p.leadBody) out.push(`Cơ quan chủ trì kế hoạch: ${p.leadBody}`);
  if (p.objectives.general.length > 0) out.push('', 'MỤC TIÊU CHUNG', ...p.objectives.general.map((g) => `  ${g}`));
  for (const period of p.objectives.periods) {
    out.push('', `CHỈ TIÊU ${periodPhrase(period.period.label).toUpperCase()}`);
    const rows = period.targets.map((t) => [t.id, t.measure ? formatMeasureValue(t.measure) : '—', t.text]);
    out.push(renderTable(['Mã', 'Mức', 'Chỉ tiêu (nguyên văn)'], rows, [26, 14, 72], '  '));
  }
  out.push('', `NHIỆM VỤ (${p.tasks.length})`);
  const taskRows = p.tasks.map((t) => [t.number, t.title, t.leadBody ?? '', formatTimeframe(t.timeframe), t.channels.length > 0 ? formatChannels(t.channels) : '(nội bộ)']);
  out.push(renderTable(['Số', 'Nhiệm vụ', 'Chủ trì', 'Thời gian', 'Kênh'], taskRows, [6, 40, 24, 14, 34], '  '));
  if (p.reporting.length > 0) {
    out.push('', 'CHẾ ĐỘ BÁO CÁO');
    const rows = p.reporting.map((r) => [r.reportingBody, r.recipients.join('; '), r.cadences.map((c) => reportCadenceLabels[c]).join('; ') + (r.dueDates.length ? ` (trước ${r.dueDates.map((d) => `${d.day}/${d.month}`).join(', ')})` : ''), r.content]);
    out.push(renderTable(['Cơ quan báo cáo', 'Gửi', 'Kỳ hạn', 'Nội dung'], rows, [26, 26, 24, 40], '  '));
  }
  if (p.occasions.length > 0) {
    out.push('', 'DỊP RIÊNG CỦA KẾ HOẠCH');
    for (const o of p.occasions) {
      const date = o.annual ? `hằng năm ${o.annual.day}/${o.annual.month}` : o.dates ? o.dates.map((d) => isoAndVn(d.date)).join(', ') : 'chưa xếp ngày';
      out.push(`  ${o.id}: ${o.name} — ${date}`);
    }
  }
  return out.join('\n');
}

const showUsage = `Cách dùng: campaign plans show <MÃ_KẾ_HOẠCH> [--version SỐ] [--dir THƯ_MỤC] [--json]

Hiển thị đầu văn bản, chỉ tiêu, bảng nhiệm vụ và chế độ báo cáo của một kế hoạch: phiên bản hiện
hành trong kho kế hoạch (hoặc phiên bản --version), hoặc tệp trong THƯ_MỤC khi nêu --dir.`;

export const plansShowCommand: Command = {
  name: 'plans show',
  summary: 'Xem một kế hoạch: chỉ tiêu, nhiệm vụ, báo cáo',
  usage: showUsage,
  async run(argv) {
    const { values, positionals } = parseOptions(argv, { json: { type: 'boolean', default: false }, dir: { type: 'string' }, version: { type: 'string' } }, showUsage, true);
    if (positionals.length !== 1) throw new CliError(`Cần đúng một mã kế hoạch.\n\n${showUsage}`, 2);
    const { plans: reader, note } = await readablePlans(values.dir ? path.resolve(values.dir) : undefined);
    if (note) process.stderr.write(`${note}\n`);
    const plan = (await withPlans(() => reader.get(positionals[0] ?? '', values.version ? Number(values.version) : undefined))).plan;
    process.stdout.write(values.json ? `${JSON.stringify(plan, null, 2)}\n` : `${describePlan(plan)}\n`);
    return 0;
  },
};

const importUsage = `Cách dùng: campaign plans import TỆP [--out KẾ_HOẠCH.yaml] [--json]

Đọc một kế hoạch đã ban hành (tệp .txt, Word .docx, PDF, hoặc ảnh quét .png/.jpg) và lập bản nháp
tệp kế hoạch. Bản quét và văn bản mất dấu được nhận dạng (OCR tiếng Việt) và khôi phục dấu. Mục nào
văn bản không nêu thì để trống và ghi vào danh sách cần xem lại; không tự bịa.
  --out TỆP   ghi bản nháp ra tệp YAML (không có: in bản nháp ra màn hình)
  --json      in bản nháp kèm nguồn gốc của từng mục (nguyên văn / khôi phục / suy luận / thiếu)
Mã thoát 0 khi bản nháp hợp lệ, 1 khi bản nháp còn lỗi cần sửa, 2 khi không đọc được tệp.`;

const sourceLabels: Record<ImportResult['source'], string> = {
  text: 'tệp văn bản',
  docx: 'tệp Word',
  'pdf-text': 'PDF có lớp chữ',
  'pdf-ocr': 'PDF bản quét (nhận dạng chữ từng trang)',
  'image-ocr': 'ảnh quét (nhận dạng chữ)',
};

/** The Vietnamese summary of an import: what was read, what needs review, what the schema still finds. */
export function importSummary(file: string, r: ImportResult): string {
  const plan = r.draft.plan;
  const tasks = (plan.tasks as unknown[] | undefined)?.length ?? 0;
  const periods = ((plan.objectives as { periods?: { targets?: unknown[] }[] } | undefined)?.periods ?? []) as { targets?: unknown[] }[];
  const targets = periods.reduce((n, p) => n + (p.targets?.length ?? 0), 0);
  const reporting = (plan.reporting as unknown[] | undefined)?.length ?? 0;
  const out: string[] = [`Đã đọc ${file} (${sourceLabels[r.source]}).`];
  if (r.restoration.applied) {
    out.push(`Khôi phục dấu và sửa lỗi nhận dạng: ${r.restoration.changedWords} từ đã sửa, ${r.restoration.uncertainWords} từ chưa chắc chắn (được đánh dấu để xem lại).`);
  }
  const issuer = (plan.issuer as { shortName?: string } | undefined)?.shortName ?? 'chưa rõ cơ quan ban hành';
  const symbol = `${plan.number ?? '…'}/${String(plan.symbol ?? '')}`;
  out.push(`Kế hoạch ${symbol} của ${issuer}: ${tasks} nhiệm vụ, ${targets} chỉ tiêu, ${reporting} chế độ báo cáo.`);
  const items = reviewItems(r.flags, plan);
  if (items.length === 0) out.push('Không có mục nào cần xem lại.');
  else {
    out.push('', `CẦN XEM LẠI (${items.length} mục):`);
    for (const i of items) {
      const words = i.flag.uncertainWords?.length ? ` Từ chưa chắc: ${i.flag.uncertainWords.slice(0, 6).join('; ')}${i.flag.uncertainWords.length > 6 ? '; …' : ''}.` : '';
      out.push(`  - [${provenanceLabels[i.provenance]}] ${i.label}${i.note ? `: ${i.note}` : ''}.${words}`.replace(/\.\./gu, '.'));
    }
  }
  if (r.problems.length > 0) {
    out.push('', `Bản nháp chưa hợp lệ theo mẫu tệp kế hoạch (${r.problems.length} lỗi, cần bổ sung trước khi dùng):`);
    for (const p of r.problems.slice(0, 20)) out.push(`  - ${formatProblem(p)}`);
    if (r.problems.length > 20) out.push(`  - … và ${r.problems.length - 20} lỗi khác`);
  } else out.push('', 'Bản nháp hợp lệ theo mẫu tệp kế hoạch.');
  return out.join('\n');
}

export const plansImportCommand: Command = {
  name: 'plans import',
  summary: 'Nhập kế hoạch từ văn bản đã ban hành (.txt, .docx, .pdf, ảnh quét)',
  usage: importUsage,
  async run(argv) {
    const { values, positionals } = parseOptions(argv, { json: { type: 'boolean', default: false }, out: { type: 'string' } }, importUsage, true);
    if (positionals.length !== 1) throw new CliError(`Cần đúng một tệp văn bản.\n\n${importUsage}`, 2);
    const file = positionals[0]!;
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      throw new CliError(`Không mở được tệp ${file}.`, 2);
    }
    let result: ImportResult;
    // A plan file's id is its file name: writing to "ten-ke-hoach.yaml" names the plan so.
    const outId = values.out ? path.basename(values.out).replace(/\.ya?ml$/iu, '') : undefined;
    try {
      result = await importPlanDocument(bytes, file, outId && /^[a-z0-9]+(?:-[a-z0-9]+)*$/u.test(outId) ? { planId: outId } : {});
    } catch (err) {
      if (err instanceof DocumentReadError) throw new CliError(err.message, 2);
      throw err;
    }
    const header = `# Bản nháp kế hoạch nhập từ ${path.basename(file)} bằng "campaign plans import".\n# Hãy xem lại các mục được liệt kê khi nhập (chạy lại với --json để xem nguồn gốc từng mục).\n`;
    if (values.out) await writeFile(values.out, header + result.yaml);
    const summary = importSummary(file, result) + (values.out ? `\n\nĐã ghi bản nháp: ${values.out}` : '');
    if (values.json) {
      const items = reviewItems(result.flags, result.draft.plan).map((i) => ({ field: i.flag.path, label: i.label, provenance: i.provenance, note: i.note, uncertainWords: i.flag.uncertainWords ?? [] }));
      process.stdout.write(`${JSON.stringify({ file, source: result.source, restoration: result.restoration, draft: result.draft.plan, flags: result.flags, review: items, problems: result.problems, sourceText: result.sourceText }, null, 2)}\n`);
      process.stderr.write(`${summary}\n`);
    } else if (values.out) process.stdout.write(`${summary}\n`);
    else {
      process.stdout.write(header + result.yaml);
      process.stderr.write(`${summary}\n`);
    }
    return result.problems.length > 0 ? 1 : 0;
  },
};

/** All `plans …` commands, for registration in the router. */
export const plansCommands: Command[] = [plansValidateCommand, plansListCommand, plansShowCommand, plansImportCommand];
