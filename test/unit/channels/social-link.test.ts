/**
 * The social pack's link when the pack goes out before the web post (the usual lead times): it
 * is the post's own address, reserved when the pack goes out, and the web post then comes out
 * at exactly that address; the editors are told when the link starts to work.
 */
import { describe, expect, it } from 'vitest';
import { keys } from '../../../activities/campaign/keys.js';
import type { ActivityDeps } from '../../../activities/deps.js';
import { createSiteActivities } from '../../../channels/web-portal/site.js';
import { createSocialActivities, socialKeys, type PublishedPack } from '../../../channels/social/activities.js';
import { briefFor } from '../../../infra/briefs.js';
import { campaignState, harness, signIn } from '../dashboard/harness.js';

const NOW = new Date('2026-06-01T00:00:00+07:00');
const ID = campaignState().campaignId;

async function seeded(h: ReturnType<typeof harness>, channels: string[]) {
  const { brief } = await briefFor({ planId: 'phuong-bac-kan-2026', occasionId: 'ngay-nha-giao-20-11', date: '20/11/2026', now: NOW });
  await h.store.put(keys.brief(ID, 1), JSON.stringify(brief), { contentType: 'application/json' });
  await h.store.put(keys.input(ID), JSON.stringify({ campaignId: ID, channels, approvers: ['bientap@example.org'], mediaListUnit: 'phuong-bac-kan' }), { contentType: 'application/json' });
  // As the campaign prepared it: the social pack two days ahead, the web post at 07:00 the day before.
  await h.store.put(keys.schedule(ID), JSON.stringify({ social: '2026-11-18T01:00:00.000Z', webPortal: '2026-11-19T00:00:00.000Z' }), { contentType: 'application/json' });
  return brief;
}

describe('the social pack before the web post', () => {
  it('links the post’s own address, says when it goes live, and the post comes out there', async () => {
    const h = harness();
    h.states.set(ID, campaignState({ channels: [{ channel: 'social', state: 'published', version: 1 }] }));
    const brief = await seeded(h, ['social', 'webPortal']);
    const mails: { text: string }[] = [];
    const deps = { store: h.store, mailer: { sendMail: async (m: { text: string }) => void mails.push(m) }, endpoints: h.endpoints } as unknown as ActivityDeps;
    await createSocialActivities(deps, { accounts: () => ({ units: {} }) }).publish({ channel: 'social', campaignId: ID, version: 1, publishedAt: '2026-11-18T01:00:00.000Z' });

    const pack = JSON.parse((await h.store.get(socialKeys.pack(ID)))!.body.toString('utf8')) as PublishedPack;
    const link = /Xem chi tiết: (\S+)/.exec(pack.platforms[0]!.text)?.[1];
    expect(link).toMatch(/^http:\/\/localhost\/site\/posts\/[a-z0-9-]+\/$/);
    for (const p of pack.platforms) expect(p.text).toContain(`Xem chi tiết: ${link}`);
    const note = `Liên kết ${link} hoạt động từ 07:00 ngày 19/11/2026, khi bài trên trang thông tin điện tử được đăng (sau bài mạng xã hội).`;
    expect(pack.linkNote).toBe(note);
    expect(mails[0]!.text).toContain(note);
    const page = await (await h.app.request(`/campaigns/${ID}`, { headers: { Cookie: await signIn(h) } })).text();
    expect(page).toContain(note);

    // The web post, a day later, at the address the pack already gave.
    const post = await createSiteActivities({ store: h.store, endpoints: h.endpoints }).publishPost({ campaignId: ID, version: 1, brief, publishedAt: '2026-11-19T00:00:00.000Z' });
    expect(post.url).toBe(link);
    expect((await h.app.request(new URL(link!).pathname)).status).toBe(200);
  });

  it('keeps the site’s front page for a campaign without a web post', async () => {
    const h = harness();
    await seeded(h, ['social']);
    const deps = { store: h.store, mailer: { sendMail: async () => undefined }, endpoints: h.endpoints } as unknown as ActivityDeps;
    await createSocialActivities(deps, { accounts: () => ({ units: {} }) }).publish({ channel: 'social', campaignId: ID, version: 1, publishedAt: '2026-11-18T01:00:00.000Z' });
    const pack = JSON.parse((await h.store.get(socialKeys.pack(ID)))!.body.toString('utf8')) as PublishedPack;
    expect(pack.platforms[0]!.text).toContain('Xem chi tiết: http://localhost/site/');
    expect(pack.linkNote).toBeUndefined();
  });
});
