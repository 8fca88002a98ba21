/**
 * Starts the real services once per test run — the Temporal dev server (official CLI, SQLite
 * in a temp folder), the embedded object store and the SMTP server with its inbox API — on
 * free ports, and stops them afterwards. Tests reach them through `inject('endpoints')`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { parseConfig, type Endpoints } from '../../infra/config.js';
import { startServices } from '../../infra/services.js';
import { freePorts } from '../support/ports.js';

declare module 'vitest' {
  export interface ProvidedContext {
    endpoints: Endpoints;
    temporalCli: string;
    dataDir: string;
  }
}

export default async function setup(project: TestProject) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'campaign-it-'));
  const [temporalPort, uiPort, s3Port, smtpPort, mailUiPort, webPort] = await freePorts(6);
  const parsed = parseConfig({
    DATA_DIR: dataDir,
    TEMPORAL_PORT: String(temporalPort),
    TEMPORAL_UI_PORT: String(uiPort),
    TEMPORAL_CLI: process.env.TEMPORAL_CLI,
    VERSITYGW: process.env.VERSITYGW,
    S3_PORT: String(s3Port),
    SMTP_PORT: String(smtpPort),
    MAIL_UI_PORT: String(mailUiPort),
    WEB_PORT: String(webPort),
    S3_BUCKET: 'campaign-ops-test',
    // The same suite against another S3 service (AWS S3, MinIO, Ceph): set S3_ENDPOINT and its keys.
    ...(process.env.S3_ENDPOINT
      ? Object.fromEntries(['S3_ENDPOINT', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_BUCKET', 'S3_FORCE_PATH_STYLE'].flatMap((k) => (process.env[k] ? [[k, process.env[k]]] : [])))
      : {}),
  });
  if (!parsed.ok) throw new Error(`test configuration invalid: ${JSON.stringify(parsed.problems)}`);
  const services = await startServices(parsed.config, (line) => process.stderr.write(`[setup] ${line}\n`));
  project.provide('endpoints', services.endpoints);
  project.provide('temporalCli', services.cli?.path ?? '');
  project.provide('dataDir', dataDir);
  return async () => {
    await services.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
