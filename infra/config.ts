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
import { z } from 'zod';
import { isMailbox } from '../domain/email.js';

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
  EDITORS_FILE: {
    schema: optionalText,
    doc: 'YAML list of platform accounts of the dashboard (name, email, role admin, editor or leader), who act for every unit; unit editors sign in from the directory. Default: data/editors.sample.yaml.',
  },
} as const;

type Vars = typeof configVariables;
type VarName = keyof Vars;
type Parsed = { [K in VarName]: z.output<Vars[K]['schema']> };

export interface Config {
  dataDir: string;
  temporal: { address?: string; namespace: string; taskQueue: string; port: number; uiPort: number; cli?: string; workerProcesses: number };
  s3: { endpoint?: string; region: string; accessKeyId: string; secretAccessKey: string; bucket: string; forcePathStyle: boolean; port: number; versitygw?: string };
  smtp: { url?: string; from: string; port: number; uiPort: number };
  web: { host: string; port: number; publicBaseUrl: string };
  approvalSecret?: string;
  /** Absolute path of the dashboard's editor list (EDITORS_FILE). */
  editorsFile: string;
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

/** Validates the environment; returns every problem at once. Pure apart from reading nothing. */
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
  if (problems.length > 0) return { ok: false, problems };
  const v = out as Parsed;
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
  taskQueue: string;
  temporalUi?: string;
  s3: { endpoint: string; region: string; accessKeyId: string; secretAccessKey: string; bucket: string; forcePathStyle: boolean };
  smtpUrl: string;
  mailUi?: string;
  mailFrom: string;
  publicBaseUrl: string;
  approvalSecret: string;
  dataDir: string;
}

/** Endpoints when every service is where the configuration says (embedded ones on their default ports). */
export function endpointsFromConfig(config: Config, approvalSecret: string): Endpoints {
  return {
    temporalAddress: config.temporal.address ?? `127.0.0.1:${config.temporal.port}`,
    temporalNamespace: config.temporal.namespace,
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
  };
}
