/**
 * Directory bench: every commune-tier unit of the country (3,321 since 1/7/2025, under 34
 * provinces) imported from CSV with 3 stations each, on the embedded object store, then listed
 * and searched. Prints the time of each step.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseCsv, writeCsv } from '../domain/directory/table.js';
import { parseConfig } from '../infra/config.js';
import { DirectoryStore } from '../infra/directory-store.js';
import { createS3Client, ensureBucket, S3ObjectStore } from '../infra/s3.js';
import { resolveVersityGw, startEmbeddedS3 } from '../infra/versitygw.js';
import { freePorts } from '../test/support/ports.js';
import type { Row } from './row.js';

const PROVINCES = 34;
const COMMUNES = 3321;
const STATIONS_PER_COMMUNE = 3;

function unitsCsv(): string {
  const rows: string[][] = [['Mã đơn vị', 'Tên đơn vị', 'Tên ngắn', 'Cấp', 'Loại đơn vị cấp xã', 'Mã tỉnh, thành phố trực thuộc']];
  for (let p = 1; p <= PROVINCES; p++) rows.push([`tinh-mau-${p}`, `Tỉnh Mẫu ${p}`, `Mẫu ${p}`, 'tỉnh', '', '']);
  for (let i = 1; i <= COMMUNES; i++) rows.push([`xa-mau-${i}`, `${i % 7 === 0 ? 'Phường' : 'Xã'} Mẫu Số ${i}`, `Mẫu Số ${i}`, 'cấp xã', i % 7 === 0 ? 'phường' : 'xã', `tinh-mau-${(i % PROVINCES) + 1}`]);
  return writeCsv(rows);
}

function stationsCsv(): string {
  const rows: string[][] = [['Mã đơn vị', 'Mã trạm', 'Tên trạm, cụm loa', 'Loại trạm', 'Thôn, tổ dân phố', 'Hệ thống', 'Khung giờ phát', 'Người vận hành', 'Email người vận hành', 'Điện thoại người vận hành']];
  for (let i = 1; i <= COMMUNES; i++) {
    for (let s = 1; s <= STATIONS_PER_COMMUNE; s++) {
      rows.push([
        `xa-mau-${i}`,
        s === 1 ? 'trung-tam' : `thon-${s}`,
        s === 1 ? `Đài truyền thanh xã Mẫu Số ${i}` : `Cụm loa thôn ${s}`,
        s === 1 ? 'đài truyền thanh' : 'cụm loa',
        s === 1 ? '' : `Thôn ${s}`,
        s === 2 ? 'loa thông minh' : 'truyền thống',
        s === 3 ? 'Buổi chiều 17:00-17:20' : 'Buổi sáng 05:30-06:00; Buổi chiều 17:00-17:30',
        `Người vận hành ${i}-${s}`,
        `van-hanh-${i}-${s}@example.org`,
        `0000 ${String(i).padStart(4, '0')} ${s}`,
      ]);
    }
  }
  return writeCsv(rows);
}

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t0 };
}

export async function benchDirectory(): Promise<Row[]> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const dir = mkdtempSync(path.join(os.tmpdir(), 'directory-bench-'));
  const [port] = await freePorts(1);
  const parsed = parseConfig({ DATA_DIR: dir, S3_PORT: String(port), S3_BUCKET: 'directory-bench', VERSITYGW: process.env.VERSITYGW });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const { s3 } = parsed.config;
  const gw = await resolveVersityGw({ configured: s3.versitygw, log: () => undefined });
  const server = await startEmbeddedS3({
    binary: gw.path,
    directory: path.join(dir, 'objects'),
    port: s3.port,
    bucket: s3.bucket,
    accessKeyId: s3.accessKeyId,
    secretAccessKey: s3.secretAccessKey,
    region: s3.region,
    logFile: path.join(dir, 'objects.log'),
  });
  const rows: Row[] = [];
  try {
    const settings = { endpoint: server.endpoint, region: s3.region, accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey, bucket: s3.bucket, forcePathStyle: true };
    await ensureBucket(createS3Client(settings), s3.bucket);
    const directory = new DirectoryStore(S3ObjectStore.fromSettings(settings));
    const by = 'do-hieu-nang@example.org';

    const units = parseCsv(unitsCsv());
    const unitsPlan = await timed(() => directory.previewImport('units', units));
    if (unitsPlan.value.problems.length) throw new Error(`units CSV: ${unitsPlan.value.problems[0]!.message}`);
    const unitsApply = await timed(() => directory.applyImport(unitsPlan.value, { by, file: 'don-vi.csv' }));
    rows.push({ name: `directory: preview ${PROVINCES + COMMUNES} units from CSV (ms)`, value: unitsPlan.ms.toFixed(0) });
    rows.push({ name: `directory: apply ${unitsApply.value.units.length} new units (ms)`, value: unitsApply.ms.toFixed(0) });

    const stations = parseCsv(stationsCsv());
    const stationsPlan = await timed(() => directory.previewImport('stations', stations));
    if (stationsPlan.value.problems.length) throw new Error(`stations CSV: ${stationsPlan.value.problems[0]!.message}`);
    const stationsApply = await timed(() => directory.applyImport(stationsPlan.value, { by, file: 'tram.csv' }));
    rows.push({ name: `directory: preview ${COMMUNES * STATIONS_PER_COMMUNE} stations of ${COMMUNES} communes from CSV (ms)`, value: stationsPlan.ms.toFixed(0) });
    rows.push({ name: `directory: apply stations to ${stationsApply.value.units.length} units (ms)`, value: stationsApply.ms.toFixed(0) });

    const listed = await timed(() => directory.list());
    if (listed.value.length !== PROVINCES + COMMUNES) throw new Error(`listed ${listed.value.length} units`);
    if (listed.value.reduce((n, u) => n + u.stations, 0) !== COMMUNES * STATIONS_PER_COMMUNE) throw new Error('station count differs');
    rows.push({ name: `directory: list all ${listed.value.length} units (ms)`, value: listed.ms.toFixed(0) });
    const searched = await timed(() => directory.search('xa mau so 3321'));
    if (searched.value.map((u) => u.id).join() !== 'xa-mau-3321') throw new Error(`search found ${searched.value.map((u) => u.id).join(', ')}`);
    rows.push({ name: 'directory: search "xa mau so 3321" (ms)', value: searched.ms.toFixed(0) });
    const province = await timed(() => directory.list({ parentId: 'tinh-mau-1', text: 'phuong' }));
    rows.push({ name: `directory: communes of one province, filtered by word (${province.value.length} found) (ms)`, value: province.ms.toFixed(0) });
    const one = await timed(() => directory.get('xa-mau-1234'));
    if (one.value?.unit.broadcast?.stations.length !== STATIONS_PER_COMMUNE) throw new Error('unit read back without its stations');
    rows.push({ name: 'directory: read one unit with its stations (ms)', value: one.ms.toFixed(0) });
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
