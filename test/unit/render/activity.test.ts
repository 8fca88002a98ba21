import { describe, expect, it } from 'vitest';
import { ApplicationFailure } from '@temporalio/common';
import { createInfographicActivities } from '../../../channels/infographic/render-activity.js';
import { MemoryObjectStore } from '../../../infra/object-store.js';
import sharp from '../../../render/sharp.js';
import { langSonTask2, langSonTeachersDay } from '../../fixtures/briefs.js';

describe('renderInfographicActivity', () => {
  it('stores PNG and WebP under deterministic keys with metadata, and returns only keys and summaries', async () => {
    const store = new MemoryObjectStore();
    const { renderInfographicActivity } = createInfographicActivities({ store });
    const result = await renderInfographicActivity({ brief: langSonTeachersDay, templates: ['poster', 'social'], version: 2 });

    const prefix = 'campaigns/lang-son-62-kh-ubnd-2026/ngay-nha-giao-2026/plan/v2/infographic';
    expect(await store.list('campaigns/')).toEqual([
      `${prefix}/poster.png`,
      `${prefix}/poster.webp`,
      `${prefix}/social.png`,
      `${prefix}/social.webp`,
    ]);
    const poster = result.outputs[0]!;
    expect(poster).toMatchObject({ template: 'poster', width: 1080, height: 1350, truncated: [] });
    expect(poster.png).toMatchObject({ key: `${prefix}/poster.png`, contentType: 'image/png', written: true });
    const stored = await store.get(`${prefix}/poster.png`);
    expect(stored?.metadata).toEqual({
      plan: 'lang-son-62-kh-ubnd-2026',
      task: 'plan',
      occasion: 'ngay-nha-giao-2026',
      template: 'poster',
      'content-hash': poster.contentHash,
    });
    expect(poster.png.bytes).toBe(stored?.body.length);
    expect((await sharp(stored!.body).metadata()).format).toBe('png');
    expect((await sharp((await store.get(`${prefix}/poster.webp`))!.body).metadata()).format).toBe('webp');
    // Small enough for Temporal: no image bytes in the result.
    expect(JSON.stringify(result).length).toBeLessThan(4000);
  });

  it('is idempotent: the same content is not written again; changed content is', async () => {
    const store = new MemoryObjectStore();
    const puts: string[] = [];
    const put = store.put.bind(store);
    store.put = async (key, body, options) => {
      puts.push(key);
      return put(key, body, options);
    };
    const { renderInfographicActivity } = createInfographicActivities({ store });
    await renderInfographicActivity({ brief: langSonTask2, templates: ['targets'] });
    expect(puts).toHaveLength(2);
    const again = await renderInfographicActivity({ brief: langSonTask2, templates: ['targets'] });
    expect(puts).toHaveLength(2);
    expect(again.outputs[0]?.png.written).toBe(false);
    expect(again.outputs[0]?.png.key).toBe('campaigns/lang-son-62-kh-ubnd-2026/ngay-nha-giao-2026/nhiem-vu-2/v1/infographic/targets.png');
    await renderInfographicActivity({ brief: { ...langSonTask2, headline: 'Tiêu đề mới cho nhiệm vụ 2' }, templates: ['targets'] });
    expect(puts).toHaveLength(4);
  });

  it('encodes non-ASCII ids in metadata', async () => {
    const store = new MemoryObjectStore();
    const { renderInfographicActivity } = createInfographicActivities({ store });
    const r = await renderInfographicActivity({ brief: { ...langSonTeachersDay, taskId: 'nhiệm-vụ-2' }, templates: ['social'] });
    const meta = (await store.head(r.outputs[0]!.png.key))!.metadata;
    expect(meta.task).toBe(encodeURIComponent('nhiệm-vụ-2'));
    for (const v of Object.values(meta)) expect(v).toMatch(/^[\x20-\x7e]*$/);
  });

  it('fails without retry, with the editor-facing message, when text cannot fit', async () => {
    const { renderInfographicActivity } = createInfographicActivities({ store: new MemoryObjectStore() });
    const long = 'Đẩy mạnh truyền thông về giáo dục và đào tạo '.repeat(10);
    const err = await renderInfographicActivity({ brief: { ...langSonTeachersDay, headline: long }, templates: ['poster'] }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ApplicationFailure);
    expect((err as ApplicationFailure).nonRetryable).toBe(true);
    expect((err as ApplicationFailure).type).toBe('TextTooLongError');
    // Named as the editor knows them: the template's title and what the field shows.
    expect((err as Error).message).toMatch(/^Áp phích sự kiện \(1080×1350\): tiêu đề dài \d+ ký tự, không vừa 4 dòng ngay cả ở cỡ chữ nhỏ nhất \(40px\)\. Hãy rút gọn\.$/);
    expect((err as ApplicationFailure).details).toEqual([{ template: 'poster', field: 'headline' }]);
  });
});
