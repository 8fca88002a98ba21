/**
 * `campaign render infographic | script` — drafts for a plan and occasion written to a local
 * folder (and to the object store unless --local-only), with a summary of each file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { endpointsFromConfig, loadConfig } from '../../infra/config.js';
import { BriefRequestError, briefFor } from '../../infra/briefs.js';
import { DataFileError, loadLocalities, PlanNotFoundError } from '../../infra/plan-store.js';
import { S3ObjectStore } from '../../infra/s3.js';
import { resolveApprovalSecret } from '../../infra/secret.js';
import type { ObjectStore } from '../../infra/object-store.js';
import { CliError, parseOptions, type Command } from '../command.js';
import { table } from '../output.js';

const common = {
  plan: { type: 'string' },
  occasion: { type: 'string' },
  task: { type: 'string' },
  date: { type: 'string' },
  out: { type: 'string' },
  'local-only': { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

const kb = (n: number) => `${(n / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} KB`;

async function prepare(values: { plan?: string; occasion?: string; task?: string; date?: string; out?: string; 'local-only'?: boolean }, usage: string) {
  if (!values.plan || !values.occasion) throw new CliError(`Thiếu --plan hoặc --occasion.\n\n${usage}`, 2);
  try {
    const found = await briefFor({ planId: values.plan, occasionId: values.occasion, taskId: values.task, date: values.date });
    const out = path.resolve(values.out ?? path.join('out', `${found.plan.id}-${found.occasion.occasionId}-${found.occasion.date}`));
    mkdirSync(out, { recursive: true });
    let store: ObjectStore | undefined;
    if (!values['local-only']) {
      const config = loadConfig();
      store = S3ObjectStore.fromSettings(endpointsFromConfig(config, resolveApprovalSecret(config)).s3);
    }
    return { ...found, out, store };
  } catch (err) {
    if (err instanceof BriefRequestError || err instanceof PlanNotFoundError || err instanceof DataFileError) throw new CliError(err.message, 2);
    throw err;
  }
}

const storeHint = (stored: boolean) => (stored ? 'Đã lưu vào kho đối tượng.' : 'Chỉ lưu trên máy (--local-only).');

const infographicUsage = `Cách dùng: campaign render infographic --plan ID --occasion ID [--task ID] [--template TÊN] [--date dd/mm/yyyy] [--out THƯ_MỤC] [--local-only] [--json]`;

export const renderInfographicCommand: Command = {
  name: 'render infographic',
  summary: 'Vẽ infographic (PNG, WebP) cho một kế hoạch và sự kiện',
  usage: infographicUsage,
  async run(argv) {
    const { values } = parseOptions(argv, { ...common, template: { type: 'string' } }, infographicUsage);
    // Loaded here, not at the top: sharp and the fonts start only for commands that draw.
    const { renderInfographic } = await import('../../render/infographic/render.js');
    const { TEMPLATE_NAMES } = await import('../../render/infographic/templates.js');
    const { createInfographicActivities } = await import('../../activities/infographic.js');
    const templates = values.template ? [values.template] : [...TEMPLATE_NAMES];
    const unknown = templates.filter((t) => !TEMPLATE_NAMES.includes(t));
    if (unknown.length) throw new CliError(`Không có mẫu "${unknown.join(', ')}". Các mẫu: ${TEMPLATE_NAMES.join(', ')}`, 2);
    const { brief, out, store } = await prepare(values, infographicUsage);
    const rows: { file: string; size: number; width: number; height: number; truncated: string[] }[] = [];
    for (const t of templates) {
      let r;
      try {
        r = await renderInfographic(brief, t);
      } catch (err) {
        throw new CliError(`Mẫu ${t}: ${(err as Error).message}`, 1);
      }
      for (const [ext, buf] of [['png', r.png], ['webp', r.webp]] as const) {
        const file = path.join(out, `${t}.${ext}`);
        writeFileSync(file, buf);
        rows.push({ file, size: buf.length, width: r.width, height: r.height, truncated: r.truncated });
      }
    }
    let keys: string[] = [];
    if (store) {
      const result = await createInfographicActivities({ store }).renderInfographicActivity({ brief, templates, version: 1 });
      keys = result.outputs.flatMap((f) => [f.png.key, f.webp.key]);
    }
    if (values.json) {
      process.stdout.write(JSON.stringify({ files: rows, keys }, null, 2) + '\n');
      return 0;
    }
    process.stdout.write(
      table(['Tệp', 'Kích thước ảnh', 'Dung lượng', 'Ghi chú'], rows.map((r) => [path.relative(process.cwd(), r.file), `${r.width}×${r.height}`, kb(r.size), r.truncated.length ? `rút gọn: ${r.truncated.join(', ')}` : ''])) +
        `\n\n${storeHint(Boolean(store))}\n`,
    );
    return 0;
  },
};

const scriptUsage = `Cách dùng: campaign render script --plan ID --occasion ID [--task ID] [--locality ID] [--localities-file TỆP] [--date dd/mm/yyyy] [--out THƯ_MỤC] [--local-only] [--json]`;

export const renderScriptCommand: Command = {
  name: 'render script',
  summary: 'Soạn kịch bản truyền thanh cơ sở cho từng đơn vị',
  usage: scriptUsage,
  async run(argv) {
    const { values } = parseOptions(argv, { ...common, locality: { type: 'string' }, 'localities-file': { type: 'string' } }, scriptUsage);
    const { renderLoudspeakerScript, loudspeakerFiles } = await import('../../render/script/index.js');
    const { brief, out, store } = await prepare(values, scriptUsage);
    const list = await loadLocalities(values['localities-file']).catch((err: Error) => {
      throw new CliError(err.message, 2);
    });
    const localities = values.locality ? list.localities.filter((l) => l.id === values.locality) : list.localities;
    if (localities.length === 0) throw new CliError(`Không có đơn vị "${values.locality}". Các đơn vị: ${list.localities.map((l) => l.id).join(', ')}`, 2);
    const rows: string[][] = [];
    const results: unknown[] = [];
    let failed = 0;
    for (const locality of localities) {
      const slot = [...locality.slots].sort((a, b) => a.start.localeCompare(b.start))[0]!;
      try {
        const script = renderLoudspeakerScript({ brief, locality, slot });
        const files = loudspeakerFiles(script);
        const base = path.join(out, `loudspeaker-${locality.id}`);
        writeFileSync(`${base}.txt`, files.text.body);
        writeFileSync(`${base}.json`, files.sidecar.body);
        if (store) {
          const prefix = `campaigns/${brief.planId}/${brief.occasionId}/${brief.taskId ?? 'plan'}/v1/loudspeaker/${locality.id}`;
          await store.put(`${prefix}.txt`, files.text.body, { contentType: files.text.contentType });
          await store.put(`${prefix}.json`, files.sidecar.body, { contentType: files.sidecar.contentType });
        }
        const d = script.sidecar.durationSeconds;
        rows.push([locality.name, `${slot.label} ${slot.start} (${slot.durationMinutes} phút)`, `${Math.floor(d / 60)} phút ${d % 60} giây`, String(script.sidecar.expansions.length), path.relative(process.cwd(), `${base}.txt`)]);
        results.push({ locality: locality.id, file: `${base}.txt`, sidecar: script.sidecar });
      } catch (err) {
        failed += 1;
        rows.push([locality.name, `${slot.label} ${slot.start}`, 'LỖI', '', (err as Error).message]);
        results.push({ locality: locality.id, error: (err as Error).message });
      }
    }
    if (values.json) process.stdout.write(JSON.stringify(results, null, 2) + '\n');
    else process.stdout.write(table(['Đơn vị', 'Khung giờ', 'Thời lượng đọc', 'Mục đã đọc thành chữ', 'Tệp / lỗi'], rows) + `\n\n${storeHint(Boolean(store))}\n`);
    return failed ? 1 : 0;
  },
};
