/**
 * Temporal as it runs in production, on one machine: the Temporal server v1.32.2 (all four
 * services in one process) over a private PostgreSQL cluster, both on loopback. The schemas are
 * created and updated with Temporal's own SQL tool, the namespace is registered and the
 * product's search attributes added. `npm run start:cluster` runs the product against it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time.js';
import { startPostgres, type PostgresHandle } from './postgres.js';
import { ensureSearchAttributes } from './temporal-server.js';
import { resolveTemporalServerTools } from './temporal-cluster-tools.js';

/** The server's listening ports: the frontend is what clients and workers dial. */
export interface ClusterPorts {
  frontend: number;
  frontendHttp: number;
  history: number;
  matching: number;
  worker: number;
  frontendMembership: number;
  historyMembership: number;
  matchingMembership: number;
  workerMembership: number;
}

/** Temporal's usual ports (docker-compose and the server's sample configs). */
export const DEFAULT_CLUSTER_PORTS: ClusterPorts = {
  frontend: 7233,
  frontendHttp: 7243,
  history: 7234,
  matching: 7235,
  worker: 7239,
  frontendMembership: 6933,
  historyMembership: 6934,
  matchingMembership: 6935,
  workerMembership: 6939,
};

export interface TemporalClusterOptions {
  /** Holds `postgres/`, `temporal.yaml`, `dynamicconfig.yaml` and the server log. */
  dataDir: string;
  frontendPort?: number;
  /** Ports of the other services; default: Temporal's usual ones (or the frontend's + n when it moved). */
  ports?: Partial<ClusterPorts>;
  postgresPort: number;
  namespace: string;
  /** Days a closed workflow's history is kept. */
  retentionDays?: number;
  log: (line: string) => void;
}

export interface TemporalClusterHandle {
  address: string;
  namespace: string;
  postgres: PostgresHandle;
  /** Stops only the Temporal server (PostgreSQL keeps running). */
  stopServer(): Promise<void>;
  /** Starts the Temporal server again on the same configuration and database. */
  startServer(): Promise<void>;
  /** Stops the server, then PostgreSQL. */
  stop(): Promise<void>;
}

const DB_USER = 'temporal';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Ports for a frontend on `frontend`: Temporal's usual layout shifted by the same amount. */
export function clusterPorts(frontend: number, overrides: Partial<ClusterPorts> = {}): ClusterPorts {
  const shift = frontend - DEFAULT_CLUSTER_PORTS.frontend;
  const shifted = Object.fromEntries(Object.entries(DEFAULT_CLUSTER_PORTS).map(([k, v]) => [k, v + shift])) as unknown as ClusterPorts;
  return { ...shifted, ...overrides, frontend };
}

/** The server's configuration file: PostgreSQL for history and visibility, every service on 127.0.0.1. */
export function clusterConfigYaml(input: { ports: ClusterPorts; postgresPort: number; dynamicConfigFile: string; logLevel?: string }): string {
  const { ports } = input;
  const store = (db: string, conns: number) => [
    '      sql:',
    '        pluginName: "postgres12"',
    `        databaseName: "${db}"`,
    `        connectAddr: "127.0.0.1:${input.postgresPort}"`,
    '        connectProtocol: "tcp"',
    `        user: "${DB_USER}"`,
    '        password: ""',
    `        maxConns: ${conns}`,
    `        maxIdleConns: ${conns}`,
    '        maxConnLifetime: "1h"',
  ];
  const service = (name: string, grpc: number, membership: number, http?: number) => [
    `  ${name}:`,
    '    rpc:',
    `      grpcPort: ${grpc}`,
    `      membershipPort: ${membership}`,
    '      bindOnIP: "127.0.0.1"',
    ...(http ? [`      httpPort: ${http}`] : []),
  ];
  return [
    'log:',
    '  stdout: true',
    `  level: ${input.logLevel ?? 'warn'}`,
    'persistence:',
    '  defaultStore: postgres-default',
    '  visibilityStore: postgres-visibility',
    '  numHistoryShards: 4',
    '  datastores:',
    '    postgres-default:',
    ...store('temporal', 20),
    '    postgres-visibility:',
    ...store('temporal_visibility', 4),
    'global:',
    '  membership:',
    '    maxJoinDuration: 30s',
    '    broadcastAddress: "127.0.0.1"',
    'services:',
    ...service('frontend', ports.frontend, ports.frontendMembership, ports.frontendHttp),
    ...service('matching', ports.matching, ports.matchingMembership),
    ...service('history', ports.history, ports.historyMembership),
    ...service('worker', ports.worker, ports.workerMembership),
    'clusterMetadata:',
    '  enableGlobalNamespace: false',
    '  failoverVersionIncrement: 10',
    '  masterClusterName: "active"',
    '  currentClusterName: "active"',
    '  clusterInformation:',
    '    active:',
    '      enabled: true',
    '      initialFailoverVersion: 1',
    '      rpcName: "frontend"',
    `      rpcAddress: "127.0.0.1:${ports.frontend}"`,
    `      httpAddress: "127.0.0.1:${ports.frontendHttp}"`,
    'dcRedirectionPolicy:',
    '  policy: "noop"',
    'archival:',
    '  history:',
    '    state: "disabled"',
    '  visibility:',
    '    state: "disabled"',
    'namespaceDefaults:',
    '  archival:',
    '    history:',
    '      state: "disabled"',
    '    visibility:',
    '      state: "disabled"',
    'dynamicConfigClient:',
    `  filepath: "${input.dynamicConfigFile}"`,
    '  pollInterval: "10s"',
    '',
  ].join('\n');
}

/**
 * Creates both databases and their base schema once (a marker file in `dataDir` remembers it),
 * then brings the schemas to the server's version (`update-schema` is a no-op when current).
 */
function setupSchemas(sqlTool: string, postgresPort: number, dataDir: string, log: (line: string) => void): void {
  const base = ['--plugin', 'postgres12', '--endpoint', '127.0.0.1', '--port', String(postgresPort), '--user', DB_USER, '--password', ''];
  for (const [db, schema] of [
    ['temporal', 'postgresql/v12/temporal'],
    ['temporal_visibility', 'postgresql/v12/visibility'],
  ] as const) {
    const run = (args: string[], what: string) => {
      const r = spawnSync(sqlTool, [...base, '--database', db, ...args], { encoding: 'utf8', timeout: 120_000 });
      if (r.status !== 0) throw new Error(`${what} ${db} thất bại: ${(r.stderr || r.stdout || String(r.error ?? '')).trim().split('\n').slice(-3).join('\n')}`);
    };
    const marker = path.join(dataDir, `schema-${db}.created`);
    if (!existsSync(marker)) {
      log(`Đang tạo cơ sở dữ liệu ${db} và lược đồ của Temporal…`);
      run(['create-database'], 'create-database');
      run(['setup-schema', '--version', '0.0'], 'setup-schema');
      writeFileSync(marker, `${new Date().toISOString()}\n`);
    }
    run(['update-schema', '--schema-name', schema], 'update-schema');
  }
}

function lastLines(file: string, n: number): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-n).join('\n');
  } catch {
    return '';
  }
}

/** Registers the namespace when it does not exist; returns whether it did. */
async function ensureNamespace(connection: Connection, namespace: string, retentionDays: number): Promise<boolean> {
  try {
    await connection.workflowService.describeNamespace({ namespace });
    return false;
  } catch (err) {
    if (!/not found/i.test((err as Error).message)) throw err;
  }
  await connection.workflowService.registerNamespace({ namespace, workflowExecutionRetentionPeriod: msToTs(retentionDays * 86_400_000) });
  return true;
}

/** Starts (creating on first use) PostgreSQL and the Temporal server, with namespace and search attributes. */
export async function startTemporalCluster(options: TemporalClusterOptions): Promise<TemporalClusterHandle> {
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const tools = await resolveTemporalServerTools(options.log);
  const postgres = await startPostgres({ dataDir: path.join(dataDir, 'postgres'), port: options.postgresPort, user: DB_USER, log: options.log });
  try {
    setupSchemas(tools.sql.path, options.postgresPort, dataDir, options.log);
  } catch (err) {
    await postgres.stop();
    throw err;
  }
  const ports = clusterPorts(options.frontendPort ?? DEFAULT_CLUSTER_PORTS.frontend, options.ports);
  const dynamicConfigFile = path.join(dataDir, 'dynamicconfig.yaml');
  if (!existsSync(dynamicConfigFile)) writeFileSync(dynamicConfigFile, '# Dynamic configuration of the Temporal server (see docs.temporal.io, "Dynamic configuration").\n');
  const configFile = path.join(dataDir, 'temporal.yaml');
  writeFileSync(configFile, clusterConfigYaml({ ports, postgresPort: options.postgresPort, dynamicConfigFile }));
  const logFile = path.join(dataDir, 'temporal-server.log');
  const address = `127.0.0.1:${ports.frontend}`;

  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  let exitReason: string | undefined;

  async function startServer(): Promise<void> {
    const log = createWriteStream(logFile, { flags: 'a' });
    exitReason = undefined;
    const proc = spawn(tools.server.path, ['--config-file', configFile, '--allow-no-auth', 'start'], { stdio: ['ignore', 'pipe', 'pipe'] });
    proc.stdout?.pipe(log);
    proc.stderr?.pipe(log);
    exited = new Promise((resolve) =>
      proc.once('exit', (code, signal) => {
        exitReason = `Máy chủ Temporal đã dừng (mã ${code ?? signal}).`;
        resolve();
      }),
    );
    child = proc;
    const deadline = Date.now() + 120_000;
    let lastError = '';
    for (;;) {
      if (exitReason) throw new Error(`${exitReason} Nhật ký cuối:\n${lastLines(logFile, 15)}`);
      try {
        const connection = await Connection.connect({ address, connectTimeout: 1_000 });
        try {
          await connection.workflowService.getSystemInfo({});
          const registered = await ensureNamespace(connection, options.namespace, options.retentionDays ?? 30);
          if (registered) {
            options.log(`Đã đăng ký namespace ${options.namespace}.`);
            // The frontend's namespace cache refreshes every few seconds.
            for (let i = 0; i < 60; i++) {
              try {
                await connection.workflowService.listWorkflowExecutions({ namespace: options.namespace, pageSize: 1 });
                break;
              } catch {
                await sleep(500);
              }
            }
          }
          const added = await ensureSearchAttributes(connection, options.namespace);
          if (added.length) options.log(`Đã đăng ký thuộc tính tìm kiếm: ${added.join(', ')}.`);
          return;
        } finally {
          await connection.close();
        }
      } catch (err) {
        lastError = (err as Error).message;
      }
      if (Date.now() > deadline) {
        proc.kill('SIGKILL');
        throw new Error(`Máy chủ Temporal tại ${address} không sẵn sàng sau 120 giây: ${lastError}. Nhật ký cuối:\n${lastLines(logFile, 15)}`);
      }
      await sleep(500);
    }
  }

  async function stopServer(): Promise<void> {
    const proc = child;
    if (!proc || exitReason) return;
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }

  try {
    await startServer();
  } catch (err) {
    await postgres.stop();
    throw err;
  }
  return {
    address,
    namespace: options.namespace,
    postgres,
    stopServer,
    startServer,
    async stop() {
      await stopServer();
      await postgres.stop();
    },
  };
}
