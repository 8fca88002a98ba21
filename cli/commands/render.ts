/**
 * `campaign render infographic | script | post | briefing` — drafts for a plan and occasion,
 * written to a local folder (and to the object store unless --local-only), with a summary of
 * each file. A draft covers every task tied to the occasion, as a campaign's does (or the tasks
 * given with --tasks), and is made by the same activities and renderers a campaign uses.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ContentBrief } from '../../domain/brief.js';
import { endpointsFromConfig, loadConfig } from '../../infra/config.js';
import { BriefRequestError, briefFor } from '../../infra/briefs.js';
import { resolveAudience, type Audience } from '../../infra/campaign-audience.js';
import { DataFileError, PlanNotFoundError } from '../../infra/plan-store.js';
import { S3ObjectStore } from '../../infra/s3.js';
import { resolveApprovalSecret } from '../../infra/secret.js';
import { MemoryObjectStore, type ObjectStore } from '../../infra/object-store.js';
import { CliError, parseOptions, type Command } from '../command.js';
import { readableDirectory } from '../directory.js';
import { table } from '../output.js';
import { formatVnNumber } from '../../domain/numbers.js';
import { LOCAL_RENDERERS } from '../../channels/local.js';
import { campaignChannelLabels, type CampaignChannel } from '../../domain/campaign/types.js';
import { CHANNELS } from '../../channels/registry.js';
import { fieldLabel, truncationNote } from '../../channels/infographic/render/labels.js';

const common = {
  plan: { type: 'string' },
  occasion: { type: 'string' },
  tasks: { type: 'string' },
  /** One task; kept for the commands written before --tasks. */
  task: { type: 'string' },
  date: { type: 'string' },
  out: { type: 'string' },
  'local-only': { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

const commonUsage = '--plan ID --occasion ID [--tasks ID,ID] [--date dd/mm/yyyy] [--out THƯ_MỤC] [--local-only] [--json]';

const kb = (n: number) => `${formatVnNumber(n / 1024, 1)} KB`;
/** A path as the editor typed it: relative under the working folder, absolute elsewhere. */
const shown = (file: string) => {
  const rel = path.relative(process.cwd(), file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? file : rel;
};
const list = (s: string | undefined) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : []);

type CommonValues = { plan?: string; occasion?: string; tasks?: string; task?: string; date?: string; out?: string; 'local-only'?: boolean };

async function prepare(values: CommonValues, usage: string) {
  if (!values.plan || !values.occasion) throw new CliError(`Thiếu --plan hoặc --occasion.\n\n${usage}`, 2);
  try {
    const taskIds = [...new Set([...list(values.tasks), ...list(values.task)])];
    const found = await briefFor({ planId: values.plan, occasionId: values.occasion, taskIds, date: values.date });
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

/**
 * Stations and media list for a draft, as a campaign would take them: the named files, else the
 * directory (the plan's owning unit, or `--units`). Drafting on this machine only
 * (--local-only) falls back to the sample directory when the store does not answer.
 */
async function draftAudience(planId: string, channel: 'loudspeaker' | 'pressBriefing', values: { 'localities-file'?: string; 'media-list-file'?: string; units?: string; 'local-only'?: boolean; json?: boolean }): Promise<Audience> {
  const { directory, note } = await readableDirectory(Boolean(values['local-only']));
  if (note) (values.json ? process.stderr : process.stdout).write(`${note}\n`);
  const audience = await resolveAudience(
    {
      planId,
      channels: [channel],
      ...(list(values.units).length ? { units: list(values.units) } : {}),
      ...(values['localities-file'] ? { localitiesFile: values['localities-file'] } : {}),
      ...(values['media-list-file'] ? { mediaListFile: values['media-list-file'] } : {}),
    },
    directory,
  );
  if (audience.problems.length) throw new CliError(audience.problems.map((p) => p.message).join('\n'), 2);
  return audience;
}

/** The tasks a brief covers, as an editor reads them: "III.1, III.3 — Đẩy mạnh …; Tăng cường …". */
const tasksLine = (brief: ContentBrief) => (brief.taskNumber || brief.taskTitle ? [brief.taskNumber, brief.taskTitle].filter(Boolean).join(' — ') : 'cả kế hoạch (sự kiện không gắn nhiệm vụ nào)');

/** An activity's refusal (ApplicationFailure with a Vietnamese message) as a CLI error. */
async function orCliError<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    const { ApplicationFailure } = await import('@temporalio/common');
    if (err instanceof ApplicationFailure) throw new CliError(`${what}: ${err.message}`, 1);
    throw err;
  }
}

/**
 * Draws the social infographic into `memory` exactly as a campaign draws it for its post and
 * briefing; a layout that cannot hold the text gives a note instead of an image.
 */
async function socialInfographic(brief: ContentBrief, memory: ObjectStore): Promise<{ key?: string; note?: string }> {
  const { createInfographicActivities } = await import('../../channels/infographic/render-activity.js');
  try {
    const r = await createInfographicActivities({ store: memory }).renderInfographicActivity({ brief, templates: ['social'], version: 1 });
    const social = r.outputs[0]!;
    return { key: social.png.key, note: social.truncated.length ? truncationNote('social', social.truncated) : undefined };
  } catch (err) {
    return { note: `không vẽ được infographic (${(err as Error).message}); bản nháp không có ảnh` };
  }
}

/** Writes the objects of `memory` under `prefix` into `dir` (same relative names) and, with a store, copies every object there. */
async function writeOut(memory: MemoryObjectStore, prefix: string, dir: string, store: ObjectStore | undefined): Promise<{ file: string; key: string; size: number }[]> {
  mkdirSync(dir, { recursive: true });
  const files: { file: string; key: string; size: number }[] = [];
  for (const key of await memory.list(prefix)) {
    const obj = (await memory.get(key))!;
    const file = path.join(dir, key.slice(prefix.length));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, obj.body);
    files.push({ file, key, size: obj.body.length });
  }
  if (store) {
    for (const obj of memory.objects.values()) await store.put(obj.key, obj.body, { contentType: obj.contentType ?? 'application/octet-stream', metadata: obj.metadata });
  }
  return files;
}

const storeHint = (stored: boolean) => (stored ? 'Đã lưu vào kho đối tượng.' : 'Chỉ lưu trên máy (--local-only).');

const infographicUsage = `Cách dùng: campaign render infographic ${commonUsage} [--template TÊN]`;

export const renderInfographicCommand: Command = {
  name: 'render infographic',
  summary: 'Vẽ infographic (PNG, WebP) cho một kế hoạch và sự kiện',
  usage: infographicUsage,
  async run(argv) {
    const { values } = parseOptions(argv, { ...common, template: { type: 'string' } }, infographicUsage);
    // Loaded here, not at the top: sharp and the fonts start only for commands that draw.
    const { renderInfographic } = await import('../../channels/infographic/render/render.js');
    const { TEMPLATE_NAMES } = await import('../../channels/infographic/render/templates.js');
    const { createInfographicActivities } = await import('../../channels/infographic/render-activity.js');
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
      `Nhiệm vụ: ${tasksLine(brief)}\n\n` +
        table(['Tệp', 'Kích thước ảnh', 'Dung lượng', 'Ghi chú'], rows.map((r) => [shown(r.file), `${r.width}×${r.height}`, kb(r.size), r.truncated.length ? `Đã rút gọn ${[...new Set(r.truncated.map(fieldLabel))].join(', ')} cho vừa khung` : ''])) +
        `\n\n${storeHint(Boolean(store))}\n`,
    );
    return 0;
  },
};

const scriptUsage = `Cách dùng: campaign render script ${commonUsage} [--locality ID] [--units ID,ID] [--localities-file TỆP]

  Kịch bản cho từng trạm, cụm loa của đơn vị ban hành kế hoạch (theo danh bạ); kế hoạch của
  tỉnh: các xã, phường của tỉnh, hoặc những đơn vị chọn bằng --units.`;

export const renderScriptCommand: Command = {
  name: 'render script',
  summary: 'Soạn kịch bản truyền thanh cơ sở cho từng đơn vị',
  usage: scriptUsage,
  async run(argv) {
    const { values } = parseOptions(argv, { ...common, locality: { type: 'string' }, units: { type: 'string' }, 'localities-file': { type: 'string' } }, scriptUsage);
    const { renderLoudspeakerScript, loudspeakerFiles } = await import('../../channels/loudspeaker/render/index.js');
    const { brief, out, store } = await prepare(values, scriptUsage);
    const audience = await draftAudience(brief.planId, 'loudspeaker', values);
    const localities = values.locality ? audience.localities.filter((l) => l.id === values.locality) : audience.localities;
    if (localities.length === 0) throw new CliError(`Không có trạm "${values.locality}" trong các đơn vị nhận bản tin (${audience.source}). Các trạm: ${audience.localities.map((l) => l.id).join(', ')}`, 2);
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
        rows.push([locality.name, `${slot.label} ${slot.start} (${slot.durationMinutes} phút)`, `${Math.floor(d / 60)} phút ${d % 60} giây`, String(script.sidecar.expansions.length), shown(`${base}.txt`)]);
        results.push({ locality: locality.id, file: `${base}.txt`, sidecar: script.sidecar });
      } catch (err) {
        failed += 1;
        rows.push([locality.name, `${slot.label} ${slot.start}`, 'LỖI', '', (err as Error).message]);
        results.push({ locality: locality.id, error: (err as Error).message });
      }
    }
    if (values.json) process.stdout.write(JSON.stringify(results, null, 2) + '\n');
    else process.stdout.write(`Nhiệm vụ: ${tasksLine(brief)}\n\n` + table(['Đơn vị', 'Khung giờ', 'Thời lượng đọc', 'Mục đã đọc thành chữ', 'Tệp / lỗi'], rows) + `\n\n${storeHint(Boolean(store))}\n`);
    return failed ? 1 : 0;
  },
};

const postUsage = `Cách dùng: campaign render post ${commonUsage}`;

export const renderPostCommand: Command = {
  name: 'render post',
  summary: 'Soạn bài viết cho trang tin (HTML, kèm infographic) như chiến dịch sẽ đăng',
  usage: postUsage,
  async run(argv) {
    const { values } = parseOptions(argv, common, postUsage);
    const { brief, out, store } = await prepare(values, postUsage);
    // The site's address and the sender come from the configuration (environment and .env); no service is contacted.
    const config = loadConfig();
    const { createSiteActivities } = await import('../../channels/web-portal/site.js');
    const memory = new MemoryObjectStore();
    const image = await socialInfographic(brief, memory);
    const site = createSiteActivities({ store: memory, endpoints: { publicBaseUrl: config.web.publicBaseUrl } });
    const draft = await orCliError('Bài viết', () => site.renderPostDraft({ brief, version: 1, infographicKey: image.key }));
    const prefix = draft.key.slice(0, draft.key.length - 'index.html'.length);
    const files = await writeOut(memory, prefix, path.join(out, 'post'), store);
    const html = files.find((f) => f.key === draft.key)!;
    if (values.json) {
      process.stdout.write(
        JSON.stringify({ headline: brief.headline, taskIds: brief.taskIds ?? (brief.taskId ? [brief.taskId] : []), html: html.file, files, wordCount: draft.wordCount, validation: draft.validation, note: image.note, stored: Boolean(store) }, null, 2) + '\n',
      );
      return draft.validation.valid ? 0 : 1;
    }
    const lines = [
      `Bài viết: ${brief.headline}`,
      `Nhiệm vụ: ${tasksLine(brief)}`,
      '',
      table(['Tệp', 'Nội dung', 'Dung lượng'], files.map((f) => [shown(f.file), f.key === draft.key ? 'bài viết (HTML)' : 'ảnh infographic trong bài', kb(f.size)])),
      '',
      `Bài ${formatVnNumber(draft.wordCount)} từ, ${draft.validation.valid ? 'HTML hợp lệ' : 'HTML CHƯA hợp lệ'}.`,
      ...draft.validation.errors.map((e) => `  - ${e}`),
      ...(image.note ? [`Lưu ý: ${image.note}.`] : []),
      `Mở để xem: ${shown(html.file)}`,
      storeHint(Boolean(store)),
    ];
    process.stdout.write(lines.join('\n') + '\n');
    return draft.validation.valid ? 0 : 1;
  },
};

const briefingUsage = `Cách dùng: campaign render briefing ${commonUsage} [--recipient MÃ_PHÓNG_VIÊN] [--media-list-file TỆP] [--embargo-until ISO] [--post-url URL]

  Soạn thư cung cấp thông tin cho báo chí đúng như một phóng viên sẽ nhận (mặc định: phóng viên
  đầu tiên trong danh sách phóng viên của đơn vị ban hành kế hoạch, theo danh bạ), không gửi đi. Ghi briefing.eml (thư đầy đủ: phần văn bản, phần HTML,
  ảnh nhúng theo cid, tiêu đề List-Unsubscribe), briefing.html, briefing.txt và ảnh infographic.
  --embargo-until ISO    thời điểm được phép đăng, ví dụ 2026-11-20T08:00:00+07:00
  --post-url URL         địa chỉ bài viết trên trang tin để dẫn trong thư`;

export const renderBriefingCommand: Command = {
  name: 'render briefing',
  summary: 'Soạn thư cung cấp thông tin cho báo chí (.eml, HTML, văn bản) mà không gửi',
  usage: briefingUsage,
  async run(argv) {
    const { values } = parseOptions(
      argv,
      { ...common, recipient: { type: 'string' }, 'media-list-file': { type: 'string' }, 'embargo-until': { type: 'string' }, 'post-url': { type: 'string' } },
      briefingUsage,
    );
    const { brief, occasion, out, store } = await prepare(values, briefingUsage);
    const config = loadConfig();
    const { media } = await draftAudience(brief.planId, 'pressBriefing', values);
    const recipient = values.recipient ? media.journalists.find((j) => j.id === values.recipient) : media.journalists[0];
    if (!recipient) throw new CliError(`Không có phóng viên "${values.recipient}". Các phóng viên: ${media.journalists.map((j) => j.id).join(', ')}`, 2);
    const { briefingMail, briefingMessageId, loadBriefingImage, unsubscribeUrl } = await import('../../channels/press-briefing/send.js');
    const { pressContact } = await import('../../channels/press-briefing/activities.js');
    const { ContentInputError } = await import('../../channels/web-portal/render/index.js');
    const { composeMessage } = await import('../../infra/smtp.js');
    const endpoints = endpointsFromConfig(config, resolveApprovalSecret(config));

    const memory = new MemoryObjectStore();
    const drawn = await socialInfographic(brief, memory);
    const prefix = `campaigns/${brief.planId}/${brief.occasionId}/${brief.taskId ?? 'plan'}/v1/briefing/`;
    const unsubscribe = unsubscribeUrl(endpoints.publicBaseUrl, recipient.email, endpoints.approvalSecret);
    const composed = await (async () => {
      try {
        const image = drawn.key ? await loadBriefingImage(memory, drawn.key, brief, endpoints.mailFrom) : undefined;
        const { rendered, mail } = briefingMail({
          brief,
          pressContact: pressContact(media, endpoints.mailFrom),
          embargoUntil: values['embargo-until'],
          postUrl: values['post-url'],
          infographic: image,
          recipient,
          mailFrom: endpoints.mailFrom,
          // Not the campaign's Message-ID: a mail client that kept this preview must not hide the real message as its duplicate.
          messageId: briefingMessageId(`ban-nhap.${brief.planId}.${brief.occasionId}.${occasion.date}`, 1, recipient.email, endpoints.mailFrom),
          unsubscribeUrl: unsubscribe,
        });
        return { image, rendered, mail };
      } catch (err) {
        if (err instanceof ContentInputError) throw new CliError(`Thư báo chí: ${err.message}`, 1);
        throw err;
      }
    })();
    const { image, rendered, mail } = composed;
    await memory.put(`${prefix}briefing.eml`, await composeMessage(mail), { contentType: 'message/rfc822' });
    // The HTML on its own, for a browser: the image from the file beside it instead of by cid.
    await memory.put(`${prefix}briefing.html`, image ? rendered.html.replaceAll(`cid:${image.cid}`, image.filename) : rendered.html, { contentType: 'text/html; charset=utf-8' });
    await memory.put(`${prefix}briefing.txt`, rendered.text, { contentType: 'text/plain; charset=utf-8' });
    if (image) await memory.put(`${prefix}${image.filename}`, image.content, { contentType: image.contentType });
    const files = await writeOut(memory, prefix, path.join(out, 'briefing'), store);
    const contact = mail.replyTo as { name: string; address: string };
    const what = (key: string) =>
      key.endsWith('.eml')
        ? 'thư đầy đủ (văn bản + HTML + ảnh nhúng), mở bằng trình đọc thư'
        : key.endsWith('.html')
          ? 'phần HTML, mở bằng trình duyệt'
          : key.endsWith('.txt')
            ? 'phần văn bản thuần'
            : `ảnh infographic nhúng trong thư (cid:${image?.cid})`;
    if (values.json) {
      process.stdout.write(
        JSON.stringify(
          { subject: rendered.subject, from: mail.from, to: { name: recipient.name, email: recipient.email, outlet: recipient.outlet }, replyTo: contact, messageId: mail.messageId, listUnsubscribe: `<${unsubscribe}>`, embargoUntil: values['embargo-until'] ?? null, cid: image?.cid ?? null, taskIds: brief.taskIds ?? (brief.taskId ? [brief.taskId] : []), files, note: drawn.note, stored: Boolean(store) },
          null,
          2,
        ) + '\n',
      );
      return 0;
    }
    const lines = [
      `Tiêu đề thư: ${rendered.subject}`,
      `Người gửi: ${String(mail.from)}`,
      `Gửi tới (mẫu): ${recipient.name} <${recipient.email}> — ${recipient.outlet} (1 trong ${media.journalists.length} phóng viên của danh sách; chưa gửi)`,
      `Trả lời tới: ${contact.name} <${contact.address}>`,
      `Ngừng nhận (List-Unsubscribe): <${unsubscribe}>`,
      `Nhiệm vụ: ${tasksLine(brief)}`,
      '',
      table(['Tệp', 'Nội dung', 'Dung lượng'], files.map((f) => [shown(f.file), what(f.key), kb(f.size)])),
      '',
      ...(drawn.note ? [`Lưu ý: ${drawn.note}.`] : []),
      storeHint(Boolean(store)),
    ];
    process.stdout.write(lines.join('\n') + '\n');
    return 0;
  },
};

/** The first four channels' own commands, by channel id. */
const OWN_RENDER_COMMANDS: Partial<Record<CampaignChannel, Command>> = {
  infographic: renderInfographicCommand,
  webPortal: renderPostCommand,
  pressBriefing: renderBriefingCommand,
  loudspeaker: renderScriptCommand,
};

/**
 * `campaign render <channel>` for every channel of the registry, by the id `--channels` takes:
 * a first channel's own command under its id (`render webPortal` is `render post`), and each
 * channel module's local renderer (channels/local.ts).
 */
export function channelRenderCommands(): Command[] {
  const aliases = CHANNELS.flatMap((c) => {
    const own = OWN_RENDER_COMMANDS[c.id];
    return own && own.name !== `render ${c.id}` ? [{ ...own, name: `render ${c.id}`, summary: `Như "campaign ${own.name}" (${c.label})` }] : [];
  });
  return [...aliases, ...moduleRenderCommands()];
}

function moduleRenderCommands(): Command[] {
  return Object.entries(LOCAL_RENDERERS).map(([id, renderer]) => {
    const label = campaignChannelLabels[id as CampaignChannel] ?? id;
    const usage = `Cách dùng: campaign render ${id} ${commonUsage}\n\n  ${renderer.summary}.`;
    return {
      name: `render ${id}`,
      summary: renderer.summary,
      usage,
      async run(argv: string[]) {
        const { values } = parseOptions(argv, common, usage);
        const { plan, brief, out, store } = await prepare(values, usage);
        const made = await orCliError(label, () => renderer.render(plan, brief));
        const memory = new MemoryObjectStore();
        const prefix = `campaigns/${brief.planId}/${brief.occasionId}/${brief.taskId ?? 'plan'}/v1/${renderer.folder}/`;
        for (const f of made.files) await memory.put(`${prefix}${f.name}`, f.body, { contentType: f.contentType });
        const files = await writeOut(memory, prefix, path.join(out, renderer.folder), store);
        const what = new Map(made.files.map((f) => [`${prefix}${f.name}`, f.what]));
        if (values.json) {
          process.stdout.write(JSON.stringify({ channel: id, summary: made.summary, problems: made.problems, files, stored: Boolean(store) }, null, 2) + '\n');
          return made.problems.length ? 1 : 0;
        }
        const lines = [
          `${label}: ${made.summary}`,
          `Nhiệm vụ: ${tasksLine(brief)}`,
          '',
          table(['Tệp', 'Nội dung', 'Dung lượng'], files.map((f) => [shown(f.file), what.get(f.key) ?? '', kb(f.size)])),
          '',
          ...made.problems.map((p) => `Lưu ý: ${p}`),
          storeHint(Boolean(store)),
        ];
        process.stdout.write(lines.join('\n') + '\n');
        return made.problems.length ? 1 : 0;
      },
    };
  });
}
