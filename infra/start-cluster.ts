/**
 * `npm run start:cluster`: the product on Temporal as production runs it — the Temporal server
 * v1.32.2 over a private PostgreSQL cluster (both on 127.0.0.1, data under DATA_DIR/cluster/),
 * then `npm start` against it with TEMPORAL_ADDRESS set and two worker processes
 * (WORKER_PROCESSES). Ctrl-C stops the product, then the server and PostgreSQL.
 *
 * CLUSTER_POSTGRES_PORT (default 5433) is PostgreSQL's port; the frontend is on TEMPORAL_PORT
 * (default 7233), the other Temporal services on the usual ports next to it.
 *
 * `npm run start:cluster -- --temporal-only` starts only PostgreSQL and the Temporal server, for
 * the integration suite or a product started by hand (`TEMPORAL_ADDRESS=… npm start`).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ConfigError, loadConfig } from './config.js';
import { startTemporalCluster } from './temporal-cluster.js';

const log = (line: string) => process.stdout.write(`${line}\n`);
const root = path.join(import.meta.dirname, '..');

async function main(): Promise<void> {
  if (process.env.TEMPORAL_ADDRESS) {
    process.stderr.write('TEMPORAL_ADDRESS đã được đặt: hãy dùng npm start để chạy với cụm đó; npm run start:cluster tự dựng cụm của mình.\n');
    process.exit(2);
  }
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const postgresPort = Number(process.env.CLUSTER_POSTGRES_PORT ?? 5433);
  if (!Number.isInteger(postgresPort) || postgresPort < 1 || postgresPort > 65535) {
    process.stderr.write(`CLUSTER_POSTGRES_PORT="${process.env.CLUSTER_POSTGRES_PORT}" không phải cổng từ 1 đến 65535.\n`);
    process.exit(2);
  }
  log(`Khởi động cụm Temporal trên PostgreSQL — dữ liệu ở ${path.join(config.dataDir, 'cluster')}`);
  const cluster = await startTemporalCluster({
    dataDir: path.join(config.dataDir, 'cluster'),
    frontendPort: config.temporal.port,
    postgresPort,
    namespace: config.temporal.namespace,
    log,
  });
  log(`Temporal (máy chủ v1.32.2, PostgreSQL 127.0.0.1:${postgresPort}) sẵn sàng tại ${cluster.address}, namespace ${cluster.namespace}.`);
  if (process.argv.includes('--temporal-only')) {
    log(`Chỉ chạy cụm Temporal. Dùng: TEMPORAL_ADDRESS=${cluster.address} npm start (hoặc bộ kiểm thử tích hợp). Nhấn Ctrl-C để dừng.`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await cluster.stop();
    log('Đã dừng cụm. Dữ liệu được giữ trong thư mục dữ liệu.');
    return;
  }
  const child = spawn(process.execPath, [path.join(root, 'bin', 'start.js')], {
    cwd: process.cwd(),
    env: { ...process.env, TEMPORAL_ADDRESS: cluster.address, WORKER_PROCESSES: process.env.WORKER_PROCESSES ?? '2' },
    stdio: 'inherit',
  });
  let stopping = false;
  const forward = (signal: NodeJS.Signals) => () => {
    if (stopping) return;
    stopping = true;
    // The terminal sends Ctrl-C to the whole process group; a plain `kill` reaches only us.
    if (child.exitCode === null) child.kill(signal);
  };
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  const code = await new Promise<number>((resolve) => child.once('exit', (c, s) => resolve(c ?? (s ? 1 : 0))));
  log('Đang dừng máy chủ Temporal và PostgreSQL…');
  await cluster.stop();
  log('Đã dừng cụm. Dữ liệu được giữ trong thư mục dữ liệu.');
  process.exit(code);
}

main().catch((err) => {
  process.stderr.write(`Không khởi động được cụm: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
