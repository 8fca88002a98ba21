/**
 * Starts the real services once per test run — the Temporal dev server (official CLI, SQLite
 * in a temp folder), the embedded object store and the SMTP server with its inbox API — on
 * free ports, and stops them afterwards. Tests reach them through `inject('endpoints')`.
 * With TEMPORAL_ADDRESS (and TEMPORAL_NAMESPACE) set, that Temporal is used instead of the dev
 * server (its search attributes are registered when missing); with S3_ENDPOINT, that store.
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

/** Variables of another service to use instead of the embedded one, passed through when set. */
const EXTERNAL = {
  // The same suite against another Temporal (a cluster on PostgreSQL, Temporal Cloud): set TEMPORAL_ADDRESS.
  temporal: ['TEMPORAL_ADDRESS', 'TEMPORAL_NAMESPACE'],
  // The same suite against another S3 service (AWS S3, MinIO, Ceph): set S3_ENDPOINT and its keys.
  s3: ['S3_ENDPOINT', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_BUCKET', 'S3_FORCE_PATH_STYLE'],
} as const;

/** The configuration the suite's services start from: free ports in a temp folder, or the external services `env` names. */
export function integrationEnv(env: Record<string, string | undefined>, dataDir: string, ports: number[]): Record<string, string | undefined> {
  const [temporalPort, uiPort, s3Port, smtpPort, mailUiPort, webPort] = ports.map(String);
  const pass = (names: readonly string[], when: string) => (env[when] ? Object.fromEntries(names.flatMap((k) => (env[k] ? [[k, env[k]]] : []))) : {});
  return {
    DATA_DIR: dataDir,
    TEMPORAL_PORT: temporalPort,
    TEMPORAL_UI_PORT: uiPort,
    TEMPORAL_CLI: env.TEMPORAL_CLI,
    VERSITYGW: env.VERSITYGW,
    S3_PORT: s3Port,
    SMTP_PORT: smtpPort,
    MAIL_UI_PORT: mailUiPort,
    WEB_PORT: webPort,
    S3_BUCKET: 'campaign-ops-test',
    ...pass(EXTERNAL.temporal, 'TEMPORAL_ADDRESS'),
    ...pass(EXTERNAL.s3, 'S3_ENDPOINT'),
  };
}

export default async function setup(project: TestProject) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'campaign-it-'));
  const parsed = parseConfig(integrationEnv(process.env, dataDir, await freePorts(6)));
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
