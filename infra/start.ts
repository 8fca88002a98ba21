/**
 * `npm start`: brings up the whole product as one supervised process tree — the embedded
 * services the configuration asks for, the worker (a child process, restarted if it dies),
 * and the web server — prints where each is, and stops everything cleanly on Ctrl-C.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ConfigError, loadConfig } from './config.js';
import { startServices, type RunningServices } from './services.js';
import { createApp } from '../web/app.js';
import { workerSpawnArgs, workerSpawnEnv } from '../worker/process-options.js';
import { temporalGateway } from './campaign-gateway.js';
import { S3ObjectStore } from './s3.js';
import { DirectoryStore, useProcessDirectory } from './directory-store.js';
import { PlanLibrary, usePlanLibrary } from './plan-library.js';
import { startWebServer, type WebServerHandle } from '../web/server.js';
import { EditorsFileError, loadEditors } from '../web/dashboard/index.js';
import { createMailTransport } from './smtp.js';
import { forwardLines } from './lines.js';

const root = path.join(import.meta.dirname, '..');
const log = (line: string) => process.stdout.write(`${line}\n`);

function spawnWorker(label: string): ChildProcess {
  const child = spawn(process.execPath, workerSpawnArgs(), {
    cwd: root,
    env: workerSpawnEnv(process.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // By lines: a chunk may end inside a Vietnamese character or a line.
  if (child.stdout) forwardLines(child.stdout, (text) => process.stdout.write(text), label);
  if (child.stderr) forwardLines(child.stderr, (text) => process.stderr.write(text), label);
  return child;
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n\nSửa các biến trên (trong môi trường hoặc tệp .env) rồi chạy lại npm start.\n`);
      process.exit(2);
    }
    throw err;
  }
  let editors;
  try {
    editors = await loadEditors(config.editorsFile);
  } catch (err) {
    if (err instanceof EditorsFileError) {
      process.stderr.write(`${err.message}\n\nSửa tệp trên (hoặc đặt EDITORS_FILE) rồi chạy lại npm start.\n`);
      process.exit(2);
    }
    throw err;
  }
  log(`Khởi động Truyền thông chiến dịch — thư mục dữ liệu: ${config.dataDir}`);
  const services: RunningServices = await startServices(config, log);
  let stopping = false;
  const workers: (ChildProcess | undefined)[] = [];
  const crashes: number[] = [];

  const startWorker = (slot: number) => {
    const worker = spawnWorker(workers.length > 1 ? `[worker ${slot + 1}]` : '[worker]');
    workers[slot] = worker;
    worker.on('exit', (code, signal) => {
      if (stopping) return;
      const now = Date.now();
      crashes.push(now);
      while (crashes.length && now - crashes[0]! > 60_000) crashes.shift();
      if (crashes.length > 5 * workers.length) {
        log(`[giám sát] worker dừng quá nhiều lần trong một phút (lần cuối: ${code ?? signal}); dừng toàn bộ.`);
        void shutdown(1);
        return;
      }
      log(`[giám sát] worker${workers.length > 1 ? ` ${slot + 1}` : ''} đã dừng (${code ?? signal}); khởi động lại sau 2 giây…`);
      setTimeout(() => !stopping && startWorker(slot), 2_000);
    });
  };
  workers.length = config.temporal.workerProcesses;
  for (let slot = 0; slot < config.temporal.workerProcesses; slot++) startWorker(slot);

  const store = S3ObjectStore.fromSettings(services.endpoints.s3);
  // The web server's campaign and schedule forms read the directory in the store, as the worker and the CLI do.
  useProcessDirectory(new DirectoryStore(store));
  // … and the plan library in the same store (every page reads plans through it).
  usePlanLibrary(new PlanLibrary(store));
  const gateway = temporalGateway(services.endpoints);
  const dashboard = { client: gateway.client, editors, mailer: createMailTransport(services.endpoints.smtpUrl) };
  const web: WebServerHandle = await startWebServer(
    createApp({ endpoints: services.endpoints, store, campaigns: gateway, dashboard }),
    config.web.host,
    config.web.port,
  );
  const rows = [
    ...services.lines.map((l) => [l.service, l.where, l.note]),
    ['Worker', `hàng đợi ${services.endpoints.taskQueue}`, `${workers.length > 1 ? `${workers.length} tiến trình con` : 'tiến trình con'}, tự khởi động lại nếu dừng`],
    ['Máy chủ web', web.url, `tình trạng: ${web.url}/system và ${web.url}/healthz · liên kết trong thư: ${services.endpoints.publicBaseUrl}`],
    ['Bảng điều khiển', `${services.endpoints.publicBaseUrl}/`, `đăng nhập bằng liên kết qua email: biên tập viên của các đơn vị trong danh bạ, và ${editors.length} tài khoản nền tảng trong ${config.editorsFile}`],
  ];
  const w0 = Math.max(...rows.map((r) => r[0]!.length));
  const w1 = Math.max(...rows.map((r) => r[1]!.length));
  log('\nĐã sẵn sàng:');
  for (const [a, b, c] of rows) log(`  ${a!.padEnd(w0)}  ${b!.padEnd(w1)}  ${c}`);
  log('\nNhấn Ctrl-C để dừng tất cả.');

  async function shutdown(code: number): Promise<void> {
    if (stopping) return;
    stopping = true;
    log('\nĐang dừng…');
    await web.stop().catch(() => undefined);
    await Promise.all(
      workers.map(async (worker) => {
        if (!worker || worker.exitCode !== null || worker.signalCode !== null) return;
        const exited = new Promise((r) => worker.once('exit', r));
        worker.kill('SIGTERM');
        const timer = setTimeout(() => worker.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }),
    );
    await services.stop();
    log('Đã dừng. Dữ liệu được giữ trong thư mục dữ liệu.');
    process.exit(code);
  }
  // One graceful stop whatever signals arrive: a second Ctrl-C (or a SIGTERM after it) must not
  // cut the workers' graceful stop short.
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      log(`[giám sát] đã nhận ${signal}; đang dừng êm, vui lòng chờ (các worker được dừng cứng sau 15 giây nếu chưa xong).`);
      return;
    }
    void shutdown(0);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

main().catch((err) => {
  process.stderr.write(`Không khởi động được: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
