/**
 * The product's one configuration, read from the environment (and an optional `.env`).
 *
 * Every variable is validated with zod; a bad value is reported by variable name, all problems
 * at once. When an external address is given for a service (TEMPORAL_ADDRESS, S3_ENDPOINT,
 * SMTP_URL) the embedded default for that service is not started.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { socialAccountsSchema, type SocialAccounts } from '../channels/social/accounts.js';
import { isMailbox } from '../domain/email.js';
import { vietnameseErrorMap } from '../domain/plan/zod-problems.js';

const port = z.coerce.number().int().min(1, 'phải là cổng từ 1 đến 65535').max(65535, 'phải là cổng từ 1 đến 65535');
const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();
const hostPort = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9.\-[\]:]+:\d{1,5}$/, 'phải có dạng máy:cổng, ví dụ temporal.example.org:7233');
const httpUrl = z
  .string()
  .trim()
  .refine((v) => {
    try {
      const u = new URL(v);
      return u.protocol === 'http:' || u.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'phải là địa chỉ http:// hoặc https:// đầy đủ');
const smtpUrl = z
  .string()
  .trim()
  .refine((v) => {
    try {
      const u = new URL(v);
      return u.protocol === 'smtp:' || u.protocol === 'smtps:';
    } catch {
      return false;
    }
  }, 'phải là địa chỉ smtp:// hoặc smtps://, ví dụ smtp://user:pass@mail.example.org:587');
const mailbox = z
  .string()
  .trim()
  .refine(isMailbox, 'phải là địa chỉ email, ví dụ "Ban biên tập <noreply@example.org>"');
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'phải là true hoặc false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** The sample editor list shipped with the product (resolved from the repository, not the working directory). */
export const DEFAULT_EDITORS_FILE = path.resolve(import.meta.dirname, '..', 'data', 'editors.sample.yaml');

/** Environment variables, their defaults and their meaning (the README's table is generated from this). */
export const configVariables = {
  DATA_DIR: { schema: z.string().trim().min(1).default('.data'), doc: 'Folder for all embedded data (Temporal SQLite file, objects, mail).' },
  TEMPORAL_ADDRESS: { schema: hostPort.optional(), doc: 'Temporal frontend host:port. Unset: the embedded dev server is started.' },
  TEMPORAL_NAMESPACE: { schema: z.string().trim().min(1).default('default'), doc: 'Temporal namespace.' },
  TEMPORAL_TASK_QUEUE: { schema: z.string().trim().min(1).default('campaign-ops'), doc: 'Task queue the worker polls.' },
  TEMPORAL_API_KEY: { schema: optionalText, doc: 'API key of a Temporal Cloud namespace (implies TLS).' },
  TEMPORAL_TLS: { schema: bool.optional(), doc: 'true: connect to TEMPORAL_ADDRESS over TLS (implied by TEMPORAL_API_KEY or a client certificate).' },
  TEMPORAL_TLS_CERT: { schema: optionalText, doc: 'Path of the client certificate (PEM) for mTLS, with TEMPORAL_TLS_KEY.' },
  TEMPORAL_TLS_KEY: { schema: optionalText, doc: 'Path of the client private key (PEM) for mTLS, with TEMPORAL_TLS_CERT.' },
  TEMPORAL_TLS_CA: { schema: optionalText, doc: "Path of the CA certificate (PEM) that signed the server's certificate, when the system does not trust it." },
  TEMPORAL_TLS_SERVER_NAME: { schema: optionalText, doc: "Server name checked against the server's certificate, when it differs from the host in TEMPORAL_ADDRESS." },
  WORKER_PROCESSES: {
    schema: z.coerce.number({ message: 'phải là số' }).int('phải là số nguyên').min(1, 'phải từ 1 đến 16').max(16, 'phải từ 1 đến 16').default(1),
    doc: 'Worker processes `npm start` runs on the task queue (each restarted if it dies).',
  },
  TEMPORAL_PORT: { schema: port.default(7233), doc: 'Port of the embedded Temporal dev server.' },
  TEMPORAL_UI_PORT: { schema: port.default(8233), doc: 'Port of the embedded Temporal Web UI.' },
  TEMPORAL_CLI: { schema: optionalText, doc: 'Path to a `temporal` CLI binary to use for the embedded server.' },
  S3_ENDPOINT: { schema: httpUrl.optional(), doc: 'S3-compatible endpoint URL. Unset: the embedded object store is started.' },
  S3_REGION: { schema: z.string().trim().min(1).default('ap-southeast-1'), doc: 'S3 region.' },
  S3_ACCESS_KEY_ID: { schema: z.string().trim().min(1).default('campaign-ops'), doc: 'S3 access key id (the embedded store\'s root key when S3_ENDPOINT is unset).' },
  S3_SECRET_ACCESS_KEY: { schema: z.string().trim().min(1).default('campaign-ops-local'), doc: 'S3 secret access key.' },
  S3_BUCKET: {
    schema: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'phải là tên bucket S3 hợp lệ (chữ thường, số, dấu chấm, gạch ngang; 3–63 ký tự)')
      .default('campaign-ops'),
    doc: 'Bucket holding every artifact (drafts, site, feeds, audit log).',
  },
  S3_FORCE_PATH_STYLE: { schema: bool.default(true), doc: 'Use path-style S3 URLs (needed by most self-hosted stores).' },
  S3_PORT: { schema: port.default(4569), doc: 'Port of the embedded object store.' },
  VERSITYGW: { schema: optionalText, doc: 'Path to a `versitygw` binary for the embedded object store. Default: PATH, then a cached build, then `go install`.' },
  SMTP_URL: { schema: smtpUrl.optional(), doc: 'SMTP server URL. Unset: the embedded SMTP server with web inbox is started.' },
  SMTP_FROM: { schema: mailbox.default('Ban Biên tập truyền thông <noreply@example.org>'), doc: 'Sender of every email.' },
  SMTP_PORT: { schema: port.default(1025), doc: 'Port of the embedded SMTP server.' },
  MAIL_UI_PORT: { schema: port.default(1080), doc: 'Port of the embedded web inbox.' },
  WEB_HOST: { schema: z.string().trim().min(1).default('127.0.0.1'), doc: 'Interface the web server listens on.' },
  WEB_PORT: { schema: port.default(3000), doc: 'Port of the web server (approval pages, dashboard, site, /healthz).' },
  PUBLIC_BASE_URL: { schema: httpUrl.optional(), doc: 'Base URL used in links inside emails. Default: http://localhost:WEB_PORT.' },
  APPROVAL_SECRET: {
    schema: z.string().min(32, 'phải dài ít nhất 32 ký tự (hãy dùng một chuỗi ngẫu nhiên)').optional(),
    doc: 'Secret used to sign approval links. Default: generated once and kept in DATA_DIR/secret.',
  },
  SPEECH_ENGINE: {
    schema: z.enum(['espeak', 'http', 'off'], { message: 'phải là espeak (giọng đọc espeak-ng có sẵn), http (dịch vụ đọc văn bản, cần SPEECH_URL) hoặc off (không tạo tệp âm thanh)' }).default('espeak'),
    doc: 'Text-to-speech for IP loudspeaker stations: espeak (embedded espeak-ng), http (a TTS service at SPEECH_URL) or off (text only).',
  },
  SPEECH_URL: { schema: httpUrl.optional(), doc: 'TTS service endpoint (POST JSON {text, voice, rate, pitch}, answered with audio) when SPEECH_ENGINE=http.' },
  SPEECH_API_KEY: { schema: optionalText, doc: 'Bearer key for the TTS service (a secret: keep it in the environment, never in a plan).' },
  SPEECH_VOICE: {
    schema: z.string().trim().min(1).default('vi'),
    doc: 'Voice: for espeak one of vi, vi-vn-x-central, vi-vn-x-south; for http the service\'s voice name.',
  },
  AUDIO_LOUDNESS: {
    schema: z.coerce.number({ message: 'phải là số LUFS, ví dụ -16' }).min(-30, 'phải từ -30 đến -10 LUFS').max(-10, 'phải từ -30 đến -10 LUFS').default(-16),
    doc: 'Integrated loudness of bulletin audio files, LUFS (true peak is kept at or below -1 dBTP).',
  },
  EDITORS_FILE: {
    schema: optionalText,
    doc: 'YAML list of platform accounts of the dashboard (name, email, role admin, editor or leader), who act for every unit; unit editors sign in from the directory. Default: data/editors.sample.yaml.',
  },
  SOCIAL_ACCOUNTS_FILE: {
    schema: optionalText,
    doc: "YAML file of the units' Facebook Page and Zalo OA accounts and tokens (a secret: keep it outside the repository). Unset: every social pack goes to the campaign's editors by email.",
  },
} as const;

type Vars = typeof configVariables;
type VarName = keyof Vars;
type Parsed = { [K in VarName]: z.output<Vars[K]['schema']> };

/**
 * How to reach an external Temporal frontend securely: TLS (with an optional client certificate
 * pair for mTLS, a CA and a server name) and/or an API key. Paths, not contents, so Endpoints
 * stay plain data; `infra/temporal-connection.ts` reads the files when it connects.
 */
export interface TemporalSecurity {
  tls?: { certFile?: string; keyFile?: string; caFile?: string; serverName?: string };
  apiKey?: string;
}

export interface Config {
  dataDir: string;
  temporal: { address?: string; namespace: string; taskQueue: string; port: number; uiPort: number; cli?: string; workerProcesses: number; security: TemporalSecurity };
  s3: { endpoint?: string; region: string; accessKeyId: string; secretAccessKey: string; bucket: string; forcePathStyle: boolean; port: number; versitygw?: string };
  smtp: { url?: string; from: string; port: number; uiPort: number };
  web: { host: string; port: number; publicBaseUrl: string };
  approvalSecret?: string;
  /** Absolute path of the dashboard's editor list (EDITORS_FILE). */
  editorsFile: string;
  speech: SpeechSettings;
  /** Absolute path of the units' social accounts (SOCIAL_ACCOUNTS_FILE), checked at start; absent: none. */
  socialAccountsFile?: string;
}

/** Text-to-speech for stations that play files. */
export interface SpeechSettings {
  engine: 'espeak' | 'http' | 'off';
  url?: string;
  apiKey?: string;
  voice: string;
  /** Integrated loudness target, LUFS. */
  loudness: number;
}

export interface ConfigProblem {
  variable: string;
  message: string;
  value?: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(formatProblems(problems));
    this.name = 'ConfigError';
  }
}

export function formatProblems(problems: ConfigProblem[]): string {
  const lines = problems.map((p) => `  - ${p.variable}${p.value !== undefined ? ` = ${JSON.stringify(p.value)}` : ''}: ${p.message}`);
  return `Cấu hình không hợp lệ (${problems.length} lỗi):\n${lines.join('\n')}`;
}

/** Reads `.env` in `dir` if present; values already in the environment win. */
export function readDotEnv(dir: string = process.cwd()): Record<string, string> {
  const file = path.join(dir, '.env');
  if (!existsSync(file)) return {};
  return parseEnv(readFileSync(file, 'utf8')) as Record<string, string>;
}

/** TLS is on when asked for, or implied by an API key or a client certificate. */
function tlsWanted(v: Parsed): boolean {
  return v.TEMPORAL_TLS ?? Boolean(v.TEMPORAL_API_KEY || v.TEMPORAL_TLS_CERT || v.TEMPORAL_TLS_KEY || v.TEMPORAL_TLS_CA);
}

function securityOf(v: Parsed): TemporalSecurity {
  const tls = tlsWanted(v)
    ? {
        ...(v.TEMPORAL_TLS_CERT ? { certFile: path.resolve(v.TEMPORAL_TLS_CERT) } : {}),
        ...(v.TEMPORAL_TLS_KEY ? { keyFile: path.resolve(v.TEMPORAL_TLS_KEY) } : {}),
        ...(v.TEMPORAL_TLS_CA ? { caFile: path.resolve(v.TEMPORAL_TLS_CA) } : {}),
        ...(v.TEMPORAL_TLS_SERVER_NAME ? { serverName: v.TEMPORAL_TLS_SERVER_NAME } : {}),
      }
    : undefined;
  return { ...(tls ? { tls } : {}), ...(v.TEMPORAL_API_KEY ? { apiKey: v.TEMPORAL_API_KEY } : {}) };
}

/** A PEM file that cannot be read, or does not look like PEM: the reason in Vietnamese. */
function pemProblem(file: string, what: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(path.resolve(file), 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'không có tệp này' : code === 'EACCES' ? 'không có quyền đọc tệp' : code === 'EISDIR' ? 'đây là thư mục, không phải tệp' : (err as Error).message;
    return `không đọc được ${what} tại ${path.resolve(file)} (${why})`;
  }
  if (!/-----BEGIN [A-Z0-9 ]+-----/.test(text)) return `tệp ${path.resolve(file)} không phải ${what} dạng PEM (không có dòng "-----BEGIN …-----")`;
  return undefined;
}

/** The TLS and API-key settings that do not fit together, or whose files cannot be read. */
function securityProblems(v: Parsed): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const add = (variable: string, message: string, value?: string) => problems.push({ variable, message, ...(value !== undefined ? { value } : {}) });
  const secure = tlsWanted(v) || v.TEMPORAL_API_KEY;
  if (secure && !v.TEMPORAL_ADDRESS) {
    const which = ['TEMPORAL_API_KEY', 'TEMPORAL_TLS', 'TEMPORAL_TLS_CERT', 'TEMPORAL_TLS_KEY', 'TEMPORAL_TLS_CA'].find((k) => v[k as VarName]) ?? 'TEMPORAL_TLS';
    add(which, 'chỉ dùng khi kết nối tới máy chủ Temporal bên ngoài: hãy đặt cả TEMPORAL_ADDRESS (máy chủ dev nhúng không dùng TLS hay khóa API)');
  }
  if (v.TEMPORAL_TLS === false && (v.TEMPORAL_TLS_CERT || v.TEMPORAL_TLS_KEY || v.TEMPORAL_TLS_CA)) {
    add('TEMPORAL_TLS', 'đang là false nhưng có chứng chỉ TLS (TEMPORAL_TLS_CERT, TEMPORAL_TLS_KEY hoặc TEMPORAL_TLS_CA); bỏ TEMPORAL_TLS=false hoặc bỏ các chứng chỉ', 'false');
  }
  if (v.TEMPORAL_TLS_CERT && !v.TEMPORAL_TLS_KEY) add('TEMPORAL_TLS_KEY', 'thiếu: đã có chứng chỉ máy khách TEMPORAL_TLS_CERT thì phải có khóa riêng đi kèm (mTLS cần cả hai)');
  if (v.TEMPORAL_TLS_KEY && !v.TEMPORAL_TLS_CERT) add('TEMPORAL_TLS_CERT', 'thiếu: đã có khóa riêng TEMPORAL_TLS_KEY thì phải có chứng chỉ máy khách đi kèm (mTLS cần cả hai)');
  const files = [
    ['TEMPORAL_TLS_CERT', v.TEMPORAL_TLS_CERT, 'chứng chỉ máy khách'],
    ['TEMPORAL_TLS_KEY', v.TEMPORAL_TLS_KEY, 'khóa riêng'],
    ['TEMPORAL_TLS_CA', v.TEMPORAL_TLS_CA, 'chứng chỉ CA'],
  ] as const;
  for (const [variable, file, what] of files) {
    const problem = file ? pemProblem(file, what) : undefined;
    if (problem) add(variable, problem, file);
  }
  if (v.TEMPORAL_API_KEY && /\s/.test(v.TEMPORAL_API_KEY)) add('TEMPORAL_API_KEY', 'có khoảng trắng hoặc xuống dòng ở giữa; hãy dán đúng một dòng khóa API');
  return problems;
}

/** The social accounts file cannot be used: says why, in Vietnamese, naming the variable. */
export class SocialAccountsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SocialAccountsError';
  }
}

/** Why the social accounts file cannot be used (without the variable's name), or its accounts. */
function socialAccountsOf(file: string): { ok: true; accounts: SocialAccounts } | { ok: false; message: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'không có tệp này' : code === 'EACCES' ? 'không có quyền đọc tệp' : code === 'EISDIR' ? 'đây là thư mục, không phải tệp' : (err as Error).message;
    return { ok: false, message: `không đọc được tệp tài khoản mạng xã hội tại ${file} (${why})` };
  }
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (err) {
    return { ok: false, message: `tệp ${file} không phải YAML hợp lệ: ${(err as Error).message.split('\n')[0]}` };
  }
  const r = socialAccountsSchema.safeParse(raw ?? {}, { error: vietnameseErrorMap });
  if (!r.success) {
    const what = (i: z.core.$ZodIssue) => (i.code === 'unrecognized_keys' ? `khóa không dùng được ở đây: ${i.keys.join(', ')} (chỉ có facebook, zalo)` : i.message);
    return { ok: false, message: `tệp ${file} chưa đúng mẫu: ${r.error.issues.map((i) => `${i.path.join('.') || 'tệp'}: ${what(i)}`).join('; ')}` };
  }
  return { ok: true, accounts: r.data };
}

/**
 * The units' social accounts from the file SOCIAL_ACCOUNTS_FILE named (as resolved in Config and
 * Endpoints); none when it is unset. Read afresh each time, so a renewed token needs no restart.
 */
export function readSocialAccounts(file: string | undefined): SocialAccounts {
  if (!file) return { units: {} };
  const read = socialAccountsOf(file);
  if (!read.ok) throw new SocialAccountsError(`SOCIAL_ACCOUNTS_FILE: ${read.message}`);
  return read.accounts;
}

/**
 * Validates the environment; returns every problem at once. Reads nothing but the TLS files
 * named by TEMPORAL_TLS_CERT, TEMPORAL_TLS_KEY and TEMPORAL_TLS_CA and the social accounts file
 * (to report an unreadable one at start).
 */
export function parseConfig(env: Record<string, string | undefined>): { ok: true; config: Config } | { ok: false; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const out: Partial<Record<VarName, unknown>> = {};
  for (const [name, def] of Object.entries(configVariables) as [VarName, Vars[VarName]][]) {
    const raw = env[name];
    const input = raw === undefined || raw.trim() === '' ? undefined : raw;
    const result = (def.schema as z.ZodType).safeParse(input);
    if (result.success) out[name] = result.data;
    else problems.push({ variable: name, value: raw, message: result.error.issues.map((i) => i.message).join('; ') });
  }
  if (problems.length === 0) problems.push(...securityProblems(out as Parsed));
  if (problems.length > 0) return { ok: false, problems };
  const v = out as Parsed;
  if (v.SPEECH_ENGINE === 'http' && !v.SPEECH_URL) problems.push({ variable: 'SPEECH_URL', message: 'cần địa chỉ dịch vụ đọc văn bản khi SPEECH_ENGINE=http' });
  if (v.SPEECH_ENGINE === 'espeak' && !['vi', 'vi-vn-x-central', 'vi-vn-x-south'].includes(v.SPEECH_VOICE))
    problems.push({ variable: 'SPEECH_VOICE', value: v.SPEECH_VOICE, message: 'giọng espeak-ng tiếng Việt là vi (miền Bắc), vi-vn-x-central (miền Trung) hoặc vi-vn-x-south (miền Nam)' });
  const socialAccountsFile = v.SOCIAL_ACCOUNTS_FILE ? path.resolve(v.SOCIAL_ACCOUNTS_FILE) : undefined;
  if (socialAccountsFile) {
    const read = socialAccountsOf(socialAccountsFile);
    if (!read.ok) problems.push({ variable: 'SOCIAL_ACCOUNTS_FILE', value: v.SOCIAL_ACCOUNTS_FILE, message: read.message });
  }
  if (problems.length > 0) return { ok: false, problems };
  const config: Config = {
    dataDir: path.resolve(v.DATA_DIR),
    temporal: {
      address: v.TEMPORAL_ADDRESS,
      namespace: v.TEMPORAL_NAMESPACE,
      taskQueue: v.TEMPORAL_TASK_QUEUE,
      port: v.TEMPORAL_PORT,
      uiPort: v.TEMPORAL_UI_PORT,
      cli: v.TEMPORAL_CLI,
      workerProcesses: v.WORKER_PROCESSES,
      security: securityOf(v),
    },
    s3: {
      endpoint: v.S3_ENDPOINT,
      region: v.S3_REGION,
      accessKeyId: v.S3_ACCESS_KEY_ID,
      secretAccessKey: v.S3_SECRET_ACCESS_KEY,
      bucket: v.S3_BUCKET,
      forcePathStyle: v.S3_FORCE_PATH_STYLE,
      port: v.S3_PORT,
      versitygw: v.VERSITYGW,
    },
    smtp: { url: v.SMTP_URL, from: v.SMTP_FROM, port: v.SMTP_PORT, uiPort: v.MAIL_UI_PORT },
    web: {
      host: v.WEB_HOST,
      port: v.WEB_PORT,
      publicBaseUrl: (v.PUBLIC_BASE_URL ?? `http://localhost:${v.WEB_PORT}`).replace(/\/+$/, ''),
    },
    approvalSecret: v.APPROVAL_SECRET,
    editorsFile: v.EDITORS_FILE ? path.resolve(v.EDITORS_FILE) : DEFAULT_EDITORS_FILE,
    speech: { engine: v.SPEECH_ENGINE, url: v.SPEECH_URL, apiKey: v.SPEECH_API_KEY, voice: v.SPEECH_VOICE, loudness: v.AUDIO_LOUDNESS },
    ...(socialAccountsFile ? { socialAccountsFile } : {}),
  };
  return { ok: true, config };
}

/** Loads configuration from `.env` and the process environment, throwing ConfigError on problems. */
export function loadConfig(env: Record<string, string | undefined> = process.env, cwd: string = process.cwd()): Config {
  const merged = { ...readDotEnv(cwd), ...env };
  const result = parseConfig(merged);
  if (!result.ok) throw new ConfigError(result.problems);
  return result.config;
}

/**
 * The resolved addresses of every service, once embedded ones are running.
 * Activities, the web server and the CLI connect with this, never with raw config.
 */
export interface Endpoints {
  temporalAddress: string;
  temporalNamespace: string;
  /** TLS / API key of an external Temporal (absent: plain connection, as to the embedded server). */
  temporalSecurity?: TemporalSecurity;
  taskQueue: string;
  temporalUi?: string;
  s3: { endpoint: string; region: string; accessKeyId: string; secretAccessKey: string; bucket: string; forcePathStyle: boolean };
  smtpUrl: string;
  mailUi?: string;
  mailFrom: string;
  publicBaseUrl: string;
  approvalSecret: string;
  dataDir: string;
  /** Text-to-speech for IP stations; absent: the embedded espeak-ng voice at −16 LUFS. */
  speech?: SpeechSettings;
  /** The units' social accounts file (read with readSocialAccounts); absent: packs go to the editors. */
  socialAccountsFile?: string;
}

/** Endpoints when every service is where the configuration says (embedded ones on their default ports). */
export function endpointsFromConfig(config: Config, approvalSecret: string): Endpoints {
  return {
    temporalAddress: config.temporal.address ?? `127.0.0.1:${config.temporal.port}`,
    temporalNamespace: config.temporal.namespace,
    ...(config.temporal.security.tls || config.temporal.security.apiKey ? { temporalSecurity: config.temporal.security } : {}),
    taskQueue: config.temporal.taskQueue,
    temporalUi: config.temporal.address ? undefined : `http://127.0.0.1:${config.temporal.uiPort}`,
    s3: {
      endpoint: config.s3.endpoint ?? `http://127.0.0.1:${config.s3.port}`,
      region: config.s3.region,
      accessKeyId: config.s3.accessKeyId,
      secretAccessKey: config.s3.secretAccessKey,
      bucket: config.s3.bucket,
      forcePathStyle: config.s3.forcePathStyle,
    },
    smtpUrl: config.smtp.url ?? `smtp://127.0.0.1:${config.smtp.port}`,
    mailUi: config.smtp.url ? undefined : `http://127.0.0.1:${config.smtp.uiPort}`,
    mailFrom: config.smtp.from,
    publicBaseUrl: config.web.publicBaseUrl,
    approvalSecret,
    dataDir: config.dataDir,
    speech: config.speech,
    ...(config.socialAccountsFile ? { socialAccountsFile: config.socialAccountsFile } : {}),
  };
}
