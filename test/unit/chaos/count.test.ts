import { describe, expect, it } from 'vitest';
import { mailKind, tally, type ArrivedMail, type ExpectedCampaign, type Observed } from '../../../chaos/count.js';

const campaign: ExpectedCampaign = {
  campaignId: 'c1',
  approvers: ['duyet@example.org'],
  operators: ['vh-1@example.org', 'vh-2@example.org'],
  journalists: ['pv-1@example.org', 'pv-2@example.org'],
  localities: ['xa-1', 'xa-2'],
  days: ['2026-12-01'],
  post: true,
};

const approval = (to: string, id = '<a1@x>'): ArrivedMail => ({ to: [to], subject: '[Cần phê duyệt] Ngày Nhà giáo Việt Nam 20/11 (phiên bản 1)', messageId: id });
const bulletin = (to: string, id: string): ArrivedMail => ({ to: [to], subject: '[Bản tin truyền thanh] Tri ân thầy cô — Xã Mẫu 1', messageId: id });
const briefing = (to: string, id: string): ArrivedMail => ({ to: [to], subject: 'Thông cáo báo chí: Ngày Nhà giáo Việt Nam 20/11', messageId: id });

function complete(overrides: Partial<Observed> = {}): Observed {
  return {
    mails: [
      approval('duyet@example.org'),
      bulletin('vh-1@example.org', '<b1@x>'),
      bulletin('vh-2@example.org', '<b2@x>'),
      briefing('pv-1@example.org', '<p1@x>'),
      briefing('PV-2@example.org', '<p2@x>'),
    ],
    manifestPosts: [{ campaignId: 'c1', slug: 'tri-an' }],
    indexHtml: '<h2><a href="posts/tri-an/">Tri ân</a></h2><h2><a href="posts/khac/">Khác</a></h2>',
    feedXml: '<item><link>http://h/site/posts/tri-an/</link><guid isPermaLink="true">http://h/site/posts/tri-an/</guid></item>',
    present: new Set(['site/posts/tri-an/index.html', 'broadcast/xa-1/2026-12-01/sang-c1.txt', 'broadcast/xa-2/2026-12-01/sang-c1.txt', 'campaigns/c1/v1/post/index.html']),
    rundowns: new Map([
      ['xa-1/2026-12-01', [{ campaignId: 'c1', scriptKey: 'broadcast/xa-1/2026-12-01/sang-c1.txt' }, { campaignId: 'c0', scriptKey: 'other' }]],
      ['xa-2/2026-12-01', [{ campaignId: 'c1', scriptKey: 'broadcast/xa-2/2026-12-01/sang-c1.txt' }]],
    ]),
    draftKeys: new Map([['c1', ['campaigns/c1/v1/post/index.html']]]),
    ...overrides,
  };
}

describe('chaos counting', () => {
  it('a campaign that delivered everything once has no duplicate and nothing lost', () => {
    expect(tally([campaign], complete())).toEqual({ duplicates: 0, sameIdCopies: 0, lost: 0, unfinished: 0, findings: [] });
  });

  it('tells the kind of an email from its subject', () => {
    expect(mailKind('[Cần phê duyệt] X')).toBe('approval');
    expect(mailKind('[Bản tin truyền thanh] X')).toBe('broadcast');
    expect(mailKind('Thông cáo báo chí')).toBe('briefing');
  });

  it('a second copy with the same Message-ID is a same-ID copy, one with another Message-ID a duplicate', () => {
    const base = complete();
    const t = tally([campaign], { ...base, mails: [...base.mails, briefing('pv-1@example.org', '<p1@x>'), approval('duyet@example.org', '<a2@x>')] });
    expect(t.sameIdCopies).toBe(1);
    expect(t.duplicates).toBe(1);
    expect(t.lost).toBe(0);
    expect(t.findings.map((f) => `${f.kind} ${f.what}`).sort()).toEqual(['duplicate approval → duyet@example.org', 'sameIdCopy briefing → pv-1@example.org']);
  });

  it('a missing email, bulletin, feed entry, draft or post page is lost, each counted', () => {
    const base = complete();
    const t = tally([campaign], {
      ...base,
      mails: base.mails.filter((m) => m.to[0] !== 'vh-2@example.org'),
      rundowns: new Map([['xa-1/2026-12-01', [{ campaignId: 'c1', scriptKey: 'broadcast/xa-1/2026-12-01/sang-c1.txt' }]]]),
      feedXml: '',
      present: new Set(['broadcast/xa-1/2026-12-01/sang-c1.txt']),
    });
    expect(t.duplicates).toBe(0);
    expect(t.findings.filter((f) => f.kind === 'lost').map((f) => f.what).sort()).toEqual([
      'broadcast → vh-2@example.org',
      'bulletin xa-2/2026-12-01',
      'draft campaigns/c1/v1/post/index.html',
      'post page tri-an',
      'post tri-an in the feed',
    ]);
    expect(t.lost).toBe(5);
  });

  it('a bulletin listed twice in a rundown and a post listed twice in the index are duplicates', () => {
    const base = complete();
    const item = { campaignId: 'c1', scriptKey: 'broadcast/xa-2/2026-12-01/sang-c1.txt' };
    const t = tally([campaign], {
      ...base,
      rundowns: new Map([...base.rundowns, ['xa-2/2026-12-01', [item, item]]]),
      indexHtml: base.indexHtml + '<a href="posts/tri-an/">Tri ân</a>',
      manifestPosts: [...base.manifestPosts, { campaignId: 'c1', slug: 'tri-an-2' }],
    });
    expect(t.duplicates).toBe(3);
    expect(t.lost).toBe(0);
  });

  it('what a campaign still running at the deadline has not delivered is pending, not lost; its duplicates still count', () => {
    const base = complete();
    const t = tally([campaign], { ...base, mails: [...base.mails.filter((m) => m.to[0] !== 'pv-1@example.org'), approval('duyet@example.org', '<a2@x>')] }, new Set(['c1']));
    expect(t.lost).toBe(0);
    expect(t.unfinished).toBe(1);
    expect(t.duplicates).toBe(1);
    expect(t.findings.filter((f) => f.kind === 'pending').map((f) => f.what)).toEqual(['briefing → pv-1@example.org']);
  });

  it('a campaign whose state cannot be read counts its drafts as lost', () => {
    expect(tally([campaign], complete({ draftKeys: new Map() })).lost).toBe(1);
  });
});
