/**
 * The whole product for the chaos run, each part as something that can be stopped and started
 * again on its own: the Temporal server (the dev server on its SQLite file, or a PostgreSQL
 * cluster, or an external address that is only used), VersityGW, maildev, the worker processes
 * and the web server process. Everything listens on loopback, on free ports, in a temp folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { endpointsFromConfig, parseConfig, type Endpoints } from '../infra/config.js';
import { readLines } from '../infra/lines.js';
import { createS3Client, ensureBucket, S3ObjectStore } from '../infra/s3.js';
import { startEmbeddedSmtp, type EmbeddedSmtpHandle } from '../infra/smtp.js';
import { resolveTemporalCli } from '../infra/temporal-cli.js';
import { ensureSearchAttributes, startTemporalServer, waitForTemporal, type TemporalServerHandle } from '../infra/temporal-server.js';
import { resolveVersityGw, startEmbeddedS3, type EmbeddedS3Handle } from '../infra/versitygw.js';
import { startTemporalCluster, type TemporalClusterHandle } from '../infra/temporal-cluster.js';
import { freePorts } from '../test/support/ports.js';
import { killWorker, spawnWorker, type WorkerProcess } from '../test/support/worker-process.js';
import { connectTemporal } from '../infra/temporal-connection.js';

export type TemporalMode = 'dev' | 'postgres' | { address: string; namespace: string };

interface TemporalControl {
  stop: () => Promise<void>;
  start: () => Promise<void>;
  /** Stops the server and its database (PostgreSQL); default: stop. */
  stopAll?: () => Promise<void>;
}

export interface HarnessOptions {
  workers: number;
  temporal: TemporalMode;
  log: (line: string) => void;
}

const root = path.join(import.meta.dirname, '..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class Harness {
  private constructor(
    readonly dir: string,
    readonly endpoints: Endpoints,
    readonly client: Client,
    readonly store: S3ObjectStore,
    private readonly parts: {
      connection: Connection;
      s3: { handle: EmbeddedS3Handle; start: () => Promise<EmbeddedS3Handle> };
      smtp: { handle: EmbeddedSmtpHandle; start: () => Promise<EmbeddedSmtpHandle> };
      temporal?: TemporalControl;
      webPort: number;
    },
    readonly workers: (WorkerProcess | undefined)[],
    private web: ChildProcess | undefined,
    readonly temporalLabel: string,
  ) {}

  static async start(options: HarnessOptions): Promise<Harness> {
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
    const dir = mkdtempSync(path.join(os.tmpdir(), 'campaign-chaos-'));
    const [tPort, uiPort, s3Port, smtpPort, mailUiPort, webPort, pgPort] = await freePorts(7);
    const bucket = 'campaign-ops';
    const keys = { accessKeyId: 'campaign-ops', secretAccessKey: 'campaign-ops-local', region: 'ap-southeast-1' };

    const gw = await resolveVersityGw({ configured: process.env.VERSITYGW, log: options.log });
    const s3Options = { binary: gw.path, directory: path.join(dir, 'objects'), port: s3Port!, bucket, ...keys, logFile: path.join(dir, 'logs', 'objects.log') };
    const s3 = await startEmbeddedS3(s3Options);
    const smtpOptions = { directory: path.join(dir, 'mail'), smtpPort: smtpPort!, webPort: mailUiPort! };
    const smtp = await startEmbeddedSmtp(smtpOptions);

    let temporalAddress: string;
    let namespace = 'default';
    let temporal: TemporalControl | undefined;
    let temporalLabel: string;
    if (options.temporal === 'dev') {
      const cli = await resolveTemporalCli({ configured: process.env.TEMPORAL_CLI, log: options.log });
      const devOptions = { cliPath: cli.path, dbFile: path.join(dir, 'temporal.sqlite'), logFile: path.join(dir, 'logs', 'temporal.log'), port: tPort!, uiPort: uiPort!, namespace };
      let server: TemporalServerHandle = await startTemporalServer(devOptions);
      temporalAddress = server.address;
      temporal = {
        stop: () => server.stop(),
        start: async () => {
          server = await startTemporalServer(devOptions);
        },
      };
      temporalLabel = 'Temporal dev server (SQLite)';
    } else if (options.temporal === 'postgres') {
      // PostgreSQL runs as its own user, who must be able to reach its folder inside ours.
      chmodSync(dir, 0o711);
      const cluster: TemporalClusterHandle = await startTemporalCluster({ dataDir: path.join(dir, 'cluster'), frontendPort: tPort!, postgresPort: pgPort!, namespace, log: options.log });
      temporalAddress = cluster.address;
      temporal = { stop: () => cluster.stopServer(), start: () => cluster.startServer(), stopAll: () => cluster.stop() };
      temporalLabel = 'Temporal server v1.32.2 on PostgreSQL';
    } else {
      temporalAddress = options.temporal.address;
      namespace = options.temporal.namespace;
      await waitForTemporal(temporalAddress, namespace, 30_000);
      temporalLabel = `Temporal at ${temporalAddress} (not restarted by this run)`;
    }

    const parsed = parseConfig({
      DATA_DIR: dir,
      TEMPORAL_ADDRESS: temporalAddress,
      TEMPORAL_NAMESPACE: namespace,
      TEMPORAL_TASK_QUEUE: `chaos-${process.pid}`,
      S3_ENDPOINT: s3.endpoint,
      S3_BUCKET: bucket,
      SMTP_URL: smtp.smtpUrl,
      WEB_PORT: String(webPort),
      PUBLIC_BASE_URL: `http://127.0.0.1:${webPort}`,
      APPROVAL_SECRET: 'chaos-run-approval-secret-0123456789abcdef',
    });
    if (!parsed.ok) throw new Error(`chaos configuration invalid: ${JSON.stringify(parsed.problems)}`);
    const endpoints: Endpoints = { ...endpointsFromConfig(parsed.config, 'chaos-run-approval-secret-0123456789abcdef'), mailUi: smtp.inboxUrl };
    const store = S3ObjectStore.fromSettings(endpoints.s3);
    await ensureBucket(createS3Client(endpoints.s3), bucket);
    const connection = await connectTemporal(endpoints);
    await ensureSearchAttributes(connection, namespace);
    const client = new Client({ connection, namespace });

    const workers: (WorkerProcess | undefined)[] = [];
    for (let i = 0; i < options.workers; i++) workers.push(await spawnWorker(endpoints));
    const h = new Harness(
      dir,
      endpoints,
      client,
      store,
      {
        connection,
        s3: { handle: s3, start: () => startEmbeddedS3(s3Options) },
        smtp: { handle: smtp, start: () => startEmbeddedSmtp(smtpOptions) },
        temporal,
        webPort: webPort!,
      },
      workers,
      undefined,
      temporalLabel,
    );
    await h.startWeb();
    return h;
  }

  get canRestartTemporal(): boolean {
    return this.parts.temporal !== undefined;
  }

  /** SIGKILLs worker `i` (no clean shutdown: in-flight activities are abandoned). */
  async killWorker(i: number): Promise<void> {
    const w = this.workers[i];
    if (w) await killWorker(w, 'SIGKILL');
    this.workers[i] = undefined;
  }

  async startWorker(i: number): Promise<void> {
    this.workers[i] = await spawnWorker(this.endpoints);
  }

  async stopTemporal(): Promise<void> {
    await this.parts.temporal?.stop();
  }

  async startTemporal(): Promise<void> {
    await this.parts.temporal?.start();
  }

  async stopS3(): Promise<void> {
    await this.parts.s3.handle.stop();
  }

  async startS3(): Promise<void> {
    this.parts.s3.handle = await this.parts.s3.start();
  }

  async stopSmtp(): Promise<void> {
    await this.parts.smtp.handle.stop();
  }

  async startSmtp(): Promise<void> {
    this.parts.smtp.handle = await this.parts.smtp.start();
  }

  /** Starts the web server process and waits until it listens. */
  async startWeb(): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'chaos', 'web-process.ts')], {
      cwd: root,
      env: { ...process.env, CHAOS_ENDPOINTS: JSON.stringify(this.endpoints), CHAOS_WEB_PORT: String(this.parts.webPort) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    await new Promise<void>((resolve, reject) => {
      readLines(child.stdout!, (line) => {
        out += `${line}\n`;
        if (line.startsWith('listening')) resolve();
      });
      readLines(child.stderr!, (line) => (out += `${line}\n`));
      child.once('exit', (code) => reject(new Error(`web server exited (${code}) before listening:\n${out}`)));
    });
    this.web = child;
  }

  /** SIGKILLs the web server process. */
  async killWeb(): Promise<void> {
    const child = this.web;
    this.web = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }

  async close(keep = false): Promise<void> {
    await this.killWeb().catch(() => undefined);
    for (const w of this.workers) {
      if (!w) continue;
      await killWorker(w, 'SIGTERM').catch(() => undefined);
    }
    await this.parts.connection.close().catch(() => undefined);
    const t = this.parts.temporal;
    if (t) await (t.stopAll ?? t.stop)().catch(() => undefined);
    await this.parts.smtp.handle.stop().catch(() => undefined);
    await this.parts.s3.handle.stop().catch(() => undefined);
    await sleep(200);
    if (!keep) rmSync(this.dir, { recursive: true, force: true });
  }
}
