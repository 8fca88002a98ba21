/**
 * Starts the embedded services the configuration asks for (those without an external
 * address) and returns where everything is. Used by `npm start` and by the test suite.
 */
import path from 'node:path';
import { endpointsFromConfig, type Config, type Endpoints } from './config.js';
import { DirectoryStore, seedSampleDirectory } from './directory-store.js';
import { PlanLibrary } from './plan-library.js';
import { ensureBucket, S3ObjectStore } from './s3.js';
import { migrateS3rverData, resolveVersityGw, startEmbeddedS3 } from './versitygw.js';
import { resolveApprovalSecret } from './secret.js';
import { startEmbeddedSmtp } from './smtp.js';
import { resolveTemporalCli, type ResolvedCli } from './temporal-cli.js';
import { ensureSearchAttributes, startTemporalServer, waitForTemporal } from './temporal-server.js';
import { connectTemporal } from './temporal-connection.js';

export interface ServiceLine {
  service: string;
  where: string;
  note: string;
}

export interface RunningServices {
  endpoints: Endpoints;
  lines: ServiceLine[];
  cli?: ResolvedCli;
  /** Stops the embedded services in reverse order of start. */
  stop(): Promise<void>;
  /** Only the embedded Temporal server (the restart test stops and starts it alone). */
  stopTemporal?: () => Promise<void>;
}

export async function startServices(config: Config, log: (line: string) => void): Promise<RunningServices> {
  const endpoints = endpointsFromConfig(config, resolveApprovalSecret(config));
  const stops: Array<() => Promise<void>> = [];
  const lines: ServiceLine[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  let cli: ResolvedCli | undefined;
  let stopTemporal: (() => Promise<void>) | undefined;
  try {
    if (!config.s3.endpoint) {
      const gw = await resolveVersityGw({ configured: config.s3.versitygw, log });
      const directory = path.join(config.dataDir, 'objects');
      const s3 = await startEmbeddedS3({
        binary: gw.path,
        directory,
        port: config.s3.port,
        bucket: config.s3.bucket,
        accessKeyId: config.s3.accessKeyId,
        secretAccessKey: config.s3.secretAccessKey,
        region: config.s3.region,
        logFile: path.join(config.dataDir, 'logs', 'objects.log'),
      });
      stops.push(s3.stop);
      endpoints.s3.endpoint = s3.endpoint;
      const store = S3ObjectStore.fromSettings(endpoints.s3);
      await ensureBucket(store.client, config.s3.bucket);
      const migrated = await migrateS3rverData(path.join(config.dataDir, 's3'), config.s3.bucket, store, log);
      lines.push({
        service: 'Kho đối tượng (S3, VersityGW nhúng)',
        where: s3.endpoint,
        note: `bucket ${config.s3.bucket}, dữ liệu ở ${directory}${migrated !== undefined ? `; đã chuyển ${migrated} đối tượng từ kho cũ` : ''}`,
      });
    } else {
      const created = await ensureBucket(S3ObjectStore.fromSettings(endpoints.s3).client, config.s3.bucket);
      lines.push({ service: 'Kho đối tượng (S3)', where: config.s3.endpoint, note: `bucket ${config.s3.bucket}${created === 'created' ? ' (vừa tạo)' : ''}` });
    }
    // The directory of units lives in the store: the shipped samples go into an empty one, once.
    const store = S3ObjectStore.fromSettings(endpoints.s3);
    const seeded = await seedSampleDirectory(store);
    const { indexed } = await new DirectoryStore(store).status();
    lines.push({
      service: 'Danh bạ đơn vị',
      where: `directory/ trong bucket ${config.s3.bucket}`,
      note: seeded.created.length ? `đã khởi tạo ${seeded.created.length} đơn vị mẫu từ data/directory/` : `${indexed} đơn vị; sửa bằng campaign units`,
    });

    // Plans too: the shipped plans/*.yaml become version 1 of each plan in an empty library.
    const library = new PlanLibrary(store);
    const plansSeeded = await library.ensureSeeded();
    lines.push({
      service: 'Kho kế hoạch',
      where: `library/plans/ trong bucket ${config.s3.bucket}`,
      note: plansSeeded.created.length ? `đã khởi tạo ${plansSeeded.created.length} kế hoạch mẫu từ plans/` : `${(await library.ids()).length} kế hoạch, mỗi lần lưu là một phiên bản`,
    });

    if (!config.smtp.url) {
      const smtp = await startEmbeddedSmtp({ directory: path.join(config.dataDir, 'mail'), smtpPort: config.smtp.port, webPort: config.smtp.uiPort });
      stops.push(smtp.stop);
      endpoints.smtpUrl = smtp.smtpUrl;
      endpoints.mailUi = smtp.inboxUrl;
      lines.push({ service: 'Máy chủ thư (SMTP, nhúng)', where: smtp.smtpUrl, note: `hộp thư web: ${smtp.inboxUrl}` });
    } else {
      lines.push({ service: 'Máy chủ thư (SMTP)', where: new URL(config.smtp.url).host, note: 'dịch vụ bên ngoài' });
    }

    if (!config.temporal.address) {
      cli = await resolveTemporalCli({ configured: config.temporal.cli, log });
      const server = await startTemporalServer({
        cliPath: cli.path,
        dbFile: path.join(config.dataDir, 'temporal.sqlite'),
        logFile: path.join(config.dataDir, 'logs', 'temporal.log'),
        port: config.temporal.port,
        uiPort: config.temporal.uiPort,
        namespace: config.temporal.namespace,
      });
      stopTemporal = server.stop;
      stops.push(() => server.stop());
      endpoints.temporalAddress = server.address;
      endpoints.temporalUi = server.uiUrl;
      lines.push({ service: 'Temporal (máy chủ dev nhúng)', where: server.address, note: `giao diện web: ${server.uiUrl}; CLI: ${cli.path} (nguồn: ${cli.source})` });
    } else {
      const target = { temporalAddress: config.temporal.address, temporalSecurity: config.temporal.security };
      await waitForTemporal(config.temporal.address, config.temporal.namespace, 15_000, undefined, target);
      const connection = await connectTemporal(target);
      try {
        const added = await ensureSearchAttributes(connection, config.temporal.namespace);
        lines.push({
          service: 'Temporal (cụm bên ngoài)',
          where: config.temporal.address,
          note: added.length ? `đã đăng ký thuộc tính tìm kiếm: ${added.join(', ')}` : `namespace ${config.temporal.namespace}`,
        });
      } finally {
        await connection.close();
      }
    }
  } catch (err) {
    await stopAll();
    throw err;
  }
  return { endpoints, lines, cli, stop: stopAll, stopTemporal };
}
