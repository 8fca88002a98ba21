/**
 * `campaign doctor` — checks every dependency and prints a table (service, address, state,
 * version). Exit 0 when all is well, 1 otherwise. `--deep` also runs the self-check workflow
 * end to end (worker → object store → SMTP).
 */
import { randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import { endpointsFromConfig, loadConfig, type Endpoints } from '../../infra/config.js';
import { checkDependencies, checkDirectory, checkPlanLibrary, serviceLabels, type HealthCheck } from '../../infra/health.js';
import { S3ObjectStore } from '../../infra/s3.js';
import { checkSocialAccounts } from '../../infra/social-check.js';
import { checkSpeech } from '../../infra/speech-check.js';
import { DirectoryStore } from '../../infra/directory-store.js';
import { resolveApprovalSecret } from '../../infra/secret.js';
import type { Command } from '../command.js';
import { parseOptions } from '../command.js';
import { table } from '../output.js';
import { connectTemporal } from '../../infra/temporal-connection.js';

const usage = `Cách dùng: campaign doctor [--json] [--deep]

Kiểm tra Temporal, worker, kho đối tượng, máy chủ thư, danh bạ đơn vị, máy chủ web, giọng đọc và tài khoản mạng xã hội.
  --json   in kết quả dạng JSON
  --deep   chạy thêm quy trình tự kiểm tra (ghi một đối tượng, gửi một thư)`;

async function checkWeb(url: string): Promise<HealthCheck> {
  const check: HealthCheck = { service: 'web', address: url, state: 'down' };
  try {
    const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(8_000) });
    check.state = 'up';
    check.detail = res.status === 200 ? '/healthz: mọi dịch vụ hoạt động' : `/healthz trả về ${res.status}`;
  } catch (err) {
    check.detail = `không kết nối được: ${(err as Error).message}`;
  }
  return check;
}

/** Unit names from the directory, for the social accounts line (none when the store does not answer). */
async function unitNames(endpoints: Endpoints): Promise<(id: string) => string | undefined> {
  const store = S3ObjectStore.fromSettings(endpoints.s3);
  try {
    const units = await Promise.race([new DirectoryStore(store).list(), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 3_000).unref())]);
    const names = new Map(units.map((u) => [u.id, u.name]));
    return (id) => names.get(id);
  } catch {
    return () => undefined;
  } finally {
    store.client.destroy();
  }
}

async function deepCheck(endpoints: Endpoints): Promise<HealthCheck> {
  const probeId = `doctor-${randomUUID().slice(0, 8)}`;
  const check: HealthCheck = { service: 'worker', address: `quy trình tự kiểm tra ${probeId}`, state: 'down' };
  const connection = await connectTemporal(endpoints);
  try {
    const client = new Client({ connection, namespace: endpoints.temporalNamespace });
    const result = await client.workflow.execute('selfCheckWorkflow', {
      taskQueue: endpoints.taskQueue,
      workflowId: probeId,
      args: [{ probeId, recipient: 'doctor@example.org' }],
      workflowExecutionTimeout: '60 seconds',
    });
    const stored = await S3ObjectStore.fromSettings(endpoints.s3).get(result.objectKey);
    if (!stored || stored.body.length !== result.bytes) throw new Error(`đối tượng ${result.objectKey} không đọc lại được`);
    check.state = 'up';
    check.detail = `đã ghi ${result.objectKey} và gửi thư ${result.messageId}`;
  } catch (err) {
    check.detail = (err as Error).message;
  } finally {
    await connection.close();
  }
  return check;
}

export const doctorCommand: Command = {
  name: 'doctor',
  summary: 'Kiểm tra mọi dịch vụ phụ thuộc',
  usage,
  async run(argv) {
    const { values } = parseOptions(argv, { json: { type: 'boolean' }, deep: { type: 'boolean' } }, usage);
    const config = loadConfig();
    const endpoints = endpointsFromConfig(config, resolveApprovalSecret(config));
    const webUrl = `http://${config.web.host === '0.0.0.0' ? '127.0.0.1' : config.web.host}:${config.web.port}`;
    const [dependencies, directory, plans, web, speech, names] = await Promise.all([checkDependencies(endpoints), checkDirectory(endpoints), checkPlanLibrary(endpoints), checkWeb(webUrl), checkSpeech(config.speech), unitNames(endpoints)]);
    const checks = [...dependencies, directory, plans, web, speech, checkSocialAccounts(config.socialAccountsFile, names)];
    if (values.deep && checks.every((c) => c.state === 'up')) checks.push(await deepCheck(endpoints));
    const ok = checks.every((c) => c.state === 'up');
    if (values.json) {
      process.stdout.write(JSON.stringify({ ok, checks }, null, 2) + '\n');
    } else {
      const rows = checks.map((c) => [
        serviceLabels[c.service],
        c.address,
        c.state === 'up' ? 'hoạt động' : 'NGỪNG',
        [c.version, c.detail].filter(Boolean).join(' — '),
      ]);
      process.stdout.write(table(['Dịch vụ', 'Địa chỉ', 'Trạng thái', 'Phiên bản / ghi chú'], rows) + '\n\n');
      process.stdout.write(ok ? 'Mọi dịch vụ đều hoạt động.\n' : 'Có dịch vụ đang ngừng. Hãy chạy `npm start` hoặc kiểm tra cấu hình.\n');
    }
    return ok ? 0 : 1;
  },
};
