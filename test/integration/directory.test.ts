/**
 * The directory of units on the real object store: the samples are seeded into an empty store
 * once; of two saves of the same unit from the same revision one wins and the other is refused
 * with who and when; the CLI previews, applies and undoes an import (CSV and XLSX) and names
 * every bad row and column; and a campaign of the Lạng Sơn plan, run by a real worker reading
 * the same store, is read out only on Lạng Sơn's stations, each in its own name.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Rundown } from '../../domain/broadcast/rundown.js';
import { unitLocalities } from '../../domain/directory/audience.js';
import type { CampaignState } from '../../domain/campaign/types.js';
import { CampaignRequestError, resolveCampaignInput, startCampaign } from '../../infra/campaign-client.js';
import { DirectoryStore, loadSampleUnits, seedSampleDirectory, UnitConflictError } from '../../infra/directory-store.js';
import { createS3Client, ensureBucket, S3ObjectStore } from '../../infra/s3.js';
import { approvalLink, campaignResult, formFields, postDecision, startProduct } from '../support/campaign.js';
import { runCampaign } from '../support/cli-process.js';
import { workerEnv } from '../support/worker-process.js';

const shared = inject('endpoints');
const LANG_SON = 'lang-son-62-kh-ubnd-2026';
const samples = await loadSampleUnits();

/** A store of its own (a new bucket on the same server), empty. */
async function freshStore(): Promise<S3ObjectStore> {
  const bucket = `dir-${randomUUID().slice(0, 8)}`;
  const client = createS3Client(shared.s3);
  await ensureBucket(client, bucket);
  return new S3ObjectStore(client, bucket);
}

describe('the directory on the real object store', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('the setup seeded the shared store; seeding an empty store twice creates the samples once', async () => {
    const sharedDirectory = new DirectoryStore(S3ObjectStore.fromSettings(shared.s3));
    expect((await sharedDirectory.status()).seeded).toBe(true);
    expect((await sharedDirectory.ownerOfPlan(LANG_SON))?.id).toBe('tinh-lang-son');

    const store = await freshStore();
    const directory = new DirectoryStore(store);
    expect(await directory.status()).toEqual({ seeded: false, indexed: 0, stored: 0 });
    const first = await seedSampleDirectory(store);
    expect(first.created).toEqual(samples.map((u) => u.id).sort());
    const objects = (await store.list('directory/')).length;
    const second = await seedSampleDirectory(store);
    expect(second).toEqual({ created: [], skipped: 'seeded' });
    expect((await store.list('directory/')).length).toBe(objects);
    const listed = await directory.list();
    expect(listed).toHaveLength(samples.length);
    expect(listed.every((u) => u.revision === 1)).toBe(true);
    expect((await directory.history('phuong-bac-kan')).map((e) => e.action)).toEqual(['seed']);
  });

  it('of two saves of a unit from the same revision, one wins and the other is refused, naming who changed it and when', async () => {
    const store = await freshStore();
    await seedSampleDirectory(store);
    const directory = new DirectoryStore(store);
    const start = (await directory.get('xa-chi-lang'))!;
    const editors = ['bien-tap-a@example.org', 'bien-tap-b@example.org'];
    const results = await Promise.allSettled(editors.map((by, i) => directory.save({ ...start.unit, shortName: `Chi Lăng ${i}` }, { by, expectedRevision: start.revision })));
    const won = results.findIndex((r) => r.status === 'fulfilled');
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult | undefined;
    expect(won).toBeGreaterThanOrEqual(0);
    expect(lost?.reason).toBeInstanceOf(UnitConflictError);
    expect((lost!.reason as Error).message).toMatch(new RegExp(`^Không lưu được: Đơn vị “Xã Chi Lăng” đã được thay đổi — thay đổi bởi ${editors[won]!.replace('.', '\\.')} lúc \\d\\d:\\d\\d ngày \\d\\d/\\d\\d/\\d{4} \\(phiên bản 2\\), sau phiên bản 1 mà bạn bắt đầu sửa\\.`));
    const now = (await directory.get('xa-chi-lang'))!;
    expect([now.revision, now.unit.shortName, now.updatedBy]).toEqual([2, `Chi Lăng ${won}`, editors[won]]);
    const log = await directory.history('xa-chi-lang');
    expect(log.map((e) => [e.revision, e.action, e.by])).toEqual([[1, 'seed', 'hệ thống (dữ liệu mẫu)'], [2, 'update', editors[won]]]);
    expect([log[1]!.before?.shortName, log[1]!.after?.shortName]).toEqual(['Chi Lăng', `Chi Lăng ${won}`]);
  });

  it('campaign units: preview, apply, undo; an XLSX export imports back unchanged; a bad file names its rows and columns', { timeout: 120_000 }, async () => {
    const store = await freshStore();
    await seedSampleDirectory(store);
    const directory = new DirectoryStore(store);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'units-'));
    dirs.push(dir);
    const env = { ...workerEnv(shared), S3_BUCKET: store.bucket, DATA_DIR: dir };
    const cli = (...args: string[]) => runCampaign(['units', ...args], env);
    const header = 'Mã đơn vị,Mã trạm,Tên trạm cụm loa,Loại trạm,Thôn tổ dân phố,Hệ thống,Khung giờ phát,Người vận hành,Email người vận hành,Điện thoại người vận hành';
    const file = path.join(dir, 'tram.csv');
    writeFileSync(
      file,
      `\uFEFF${header}\r\n` +
        'xa-huu-lung,trung-tam,Đài truyền thanh xã Hữu Lũng,đài truyền thanh,,truyền thống,Buổi sáng 05:30-06:00,Dương Thị Mẫu,truyenthanh.huulung@example.org,0000 100 005\r\n' +
        'xa-huu-lung,thon-ba-nang,Cụm loa thôn Ba Nàng,cụm loa,Thôn Ba Nàng,loa thông minh,Buổi chiều 17:00-17:20,Người Mẫu,banang.huulung@example.org,0000 100 020\r\n',
    );

    const preview = await cli('import', file, '--kind', 'stations');
    expect(preview.stderr).toBe('');
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain('Xã Hữu Lũng (xa-huu-lung) — sửa phiên bản 1');
    expect(preview.stdout).toMatch(/\+ thêm: Cụm loa thôn Ba Nàng$/m);
    expect(preview.stdout).toContain('Chưa nhập (xem trước)');
    expect((await directory.get('xa-huu-lung'))!.revision).toBe(1);

    const applied = await cli('import', file, '--kind', 'stations', '--apply', '--by', 'quantri.langson@example.org', '--json');
    expect(applied.code).toBe(0);
    const { importId } = JSON.parse(applied.stdout) as { importId: string };
    const shown = JSON.parse((await cli('show', 'xa-huu-lung', '--json')).stdout) as { revision: number; unit: { broadcast: { stations: { id: string }[] } } };
    expect([shown.revision, shown.unit.broadcast.stations.map((s) => s.id)]).toEqual([2, ['trung-tam', 'thon-ba-nang']]);

    const undone = await cli('import', '--undo', importId, '--by', 'quantri.langson@example.org');
    expect(undone.code).toBe(0);
    expect(undone.stdout).toContain(`Đã hoàn tác lần nhập ${importId}`);
    const back = JSON.parse((await cli('show', 'xa-huu-lung', '--json', '--history')).stdout) as { revision: number; unit: { broadcast: { stations: { id: string }[] } }; history: { action: string; by: string }[] };
    expect([back.revision, back.unit.broadcast.stations.map((s) => s.id)]).toEqual([3, ['trung-tam']]);
    expect(back.history.map((h) => [h.action, h.by])).toEqual([['seed', 'hệ thống (dữ liệu mẫu)'], ['import', 'quantri.langson@example.org'], ['undo', 'quantri.langson@example.org']]);
    expect((await cli('import', '--undo', importId)).stderr).toContain('đã được hoàn tác');

    const xlsx = path.join(dir, 'tram-lang-son.xlsx');
    const exported = await cli('export', '--kind', 'stations', '--unit', 'tinh-lang-son', '--out', xlsx);
    expect(exported.code).toBe(0);
    expect(exported.stderr).toContain('Đã xuất 6 dòng');
    const reimport = await cli('import', xlsx, '--kind', 'stations');
    expect(reimport.code).toBe(0);
    expect(reimport.stdout).toContain('Không có gì thay đổi so với danh bạ.');

    const bad = path.join(dir, 'sai.csv');
    writeFileSync(bad, `${header}\nxa-huu-lung,trung-tam,Đài,,,truyền thống,Buổi sáng 05:30-06:00,Người,khong-phai-email,0000 100 005\nxa-khong-co,a,Đài A,,,ip,sáng sớm,Người,a@example.org,0000 100 006\n`);
    const refused = await cli('import', bad, '--kind', 'stations', '--apply');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('Có 3 lỗi; chưa nhập gì.');
    expect(refused.stdout).toContain('Dòng 2, cột “Email người vận hành” (I): phải là địa chỉ email');
    expect(refused.stdout).toContain('Dòng 3, cột “Khung giờ phát” (G): “sáng sớm” không đọc được');
    expect(refused.stdout).toContain('Dòng 3, cột “Mã đơn vị” (A): không có đơn vị mã "xa-khong-co"');
    expect((await directory.get('xa-huu-lung'))!.revision).toBe(3);

    const found = JSON.parse((await cli('list', '--search', 'huu lung', '--json')).stdout) as { id: string }[];
    expect(found.map((u) => u.id)).toEqual(['xa-huu-lung']);
  });
});

describe('campaigns read out on the stations of the plan’s own units', () => {
  let product: Awaited<ReturnType<typeof startProduct>>;
  beforeAll(async () => {
    product = await startProduct(shared, 'directory');
  });
  afterAll(async () => {
    await product?.stop();
  });

  it('a Lạng Sơn campaign is never addressed to a Bắc Kạn station: scripts greet each commune by name, feeds are the communes’ own', { timeout: 180_000 }, async () => {
    const directory = new DirectoryStore(product.store);
    const communes = (await directory.communesOf('tinh-lang-son')).filter((u) => u.broadcast);
    const expected = communes.flatMap(unitLocalities);
    expect(expected.length).toBeGreaterThanOrEqual(5);
    const approver = `ls-${randomUUID().slice(0, 8)}@example.org`;
    const input = await resolveCampaignInput(
      { planId: LANG_SON, occasionId: 'ngay-nha-giao-20-11', channels: ['loudspeaker'], approvers: [approver], publishAt: new Date(Date.now() + 1_000).toISOString(), forceNew: true },
      new Date(),
      { directory },
    );
    expect(input.localitiesFile).toBeUndefined();
    expect([...input.units!].sort()).toEqual(communes.map((u) => u.id).sort());
    await startCampaign(product.client, product.taskQueue, input);
    const link = await approvalLink(product.endpoints, approver);

    const prefix = `campaigns/${input.campaignId}/v1/loudspeaker/`;
    const scripts = (await product.store.list(prefix)).filter((k) => k.endsWith('.txt'));
    expect(scripts.map((k) => k.slice(prefix.length, -'.txt'.length)).sort()).toEqual(expected.map((l) => l.id).sort());
    for (const l of expected) {
      const text = (await product.store.get(`${prefix}${l.id}.txt`))!.body.toString('utf8');
      const lowered = l.name.replace(/^(Phường|Xã)/u, (w) => w.toLowerCase());
      expect(text).toContain(`Đây là ${l.station}.`);
      expect(text).toContain(`Kính thưa bà con nhân dân ${lowered}!`);
      expect(text).not.toMatch(/Bắc Kạn/u);
    }

    const page = await (await fetch(link)).text();
    expect((await postDecision(link, { ...formFields(page), decision: 'approve' })).status).toBe(200);
    const final = await campaignResult(product.client, input.campaignId);
    expect(final.status).toBe('published');
    expect(final.localityCount).toBe(expected.length);
    const feeds: string[] = [];
    for (const key of (await product.store.list('broadcast/')).filter((k) => k.endsWith('/rundown.json'))) {
      const doc = JSON.parse((await product.store.get(key))!.body.toString('utf8')) as { items: { campaignId: string }[] };
      if (doc.items.some((i) => i.campaignId === input.campaignId)) feeds.push(key.split('/')[1]!);
    }
    expect(feeds.sort()).toEqual(expected.map((l) => l.id).sort());
    expect(feeds.some((f) => f.startsWith('phuong-bac-kan'))).toBe(false);

    // Smart (IP) stations get the bulletin as a levelled MP3 in their feed and in the day's M3U;
    // stations read by an announcer keep the text only.
    const smart = expected.filter((l) => l.system === 'ip');
    expect(smart.length).toBeGreaterThanOrEqual(1);
    for (const l of expected) {
      const rundownKey = (await product.store.list(`broadcast/${l.id}/`)).find((k) => k.endsWith('/rundown.json'))!;
      const doc = JSON.parse((await product.store.get(rundownKey))!.body.toString('utf8')) as Rundown;
      const mine = doc.items.find((i) => i.campaignId === input.campaignId)!;
      if (l.system !== 'ip') {
        expect(mine.audio).toBeUndefined();
        continue;
      }
      expect(Math.abs(mine.audio!.loudness.integrated - -16)).toBeLessThanOrEqual(1);
      expect(mine.audio!.loudness.truePeak).toBeLessThanOrEqual(-1);
      const mp3 = (await product.store.get(mine.audio!.key))!;
      expect(mp3.contentType).toBe('audio/mpeg');
      expect(mp3.body.length).toBeGreaterThan(10_000);
      const m3u = (await product.store.get(rundownKey.replace(/rundown\.json$/, 'rundown.m3u')))!.body.toString('utf8');
      expect(m3u).toContain(mine.audio!.key.split('/').at(-1));
      expect(m3u).toMatch(/#EXTINF:\d+,\[thông thường\] /);
    }
  });

  it('--units picks some of the province’s communes; a ward of another province is refused by name', async () => {
    const directory = new DirectoryStore(product.store);
    const approver = `ls-${randomUUID().slice(0, 8)}@example.org`;
    const base = { planId: LANG_SON, occasionId: 'ngay-nha-giao-20-11', channels: ['loudspeaker'], approvers: [approver], forceNew: true };
    const one = await resolveCampaignInput({ ...base, units: ['xa-huu-lung'] }, new Date(), { directory });
    expect(one.units).toEqual(['xa-huu-lung']);
    await startCampaign(product.client, product.taskQueue, one);
    await approvalLink(product.endpoints, approver);
    const state = await product.client.workflow.getHandle(one.campaignId).query<CampaignState>('status');
    expect(state.localityCount).toBe(1);
    expect((await product.store.list(`campaigns/${one.campaignId}/v1/loudspeaker/`)).filter((k) => k.endsWith('.txt'))).toEqual([`campaigns/${one.campaignId}/v1/loudspeaker/xa-huu-lung-trung-tam.txt`]);
    await product.client.workflow.getHandle(one.campaignId).cancel();

    const refused = resolveCampaignInput({ ...base, units: ['phuong-bac-kan'] }, new Date(), { directory });
    await expect(refused).rejects.toBeInstanceOf(CampaignRequestError);
    await expect(refused).rejects.toThrow('"phuong-bac-kan" không phải xã, phường, đặc khu của “Tỉnh Lạng Sơn”');
  });
});
