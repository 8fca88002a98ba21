/**
 * The social pack's text, per platform, within its limits: a hook line (the headline), two or
 * three sentences (the key messages), the web post's link and a few hashtags. Pure.
 */
import type { ContentBrief } from '../../domain/brief.js';
import { occasionLabel } from '../../domain/brief.js';

export const SocialPlatform = { facebook: 'facebook', zalo: 'zalo' } as const;
export type SocialPlatform = (typeof SocialPlatform)[keyof typeof SocialPlatform];

export function isSocialPlatform(v: string): v is SocialPlatform {
  return Object.hasOwn(SocialPlatform, v);
}

export const socialPlatformLabels: Record<SocialPlatform, string> = { facebook: 'Fanpage (Facebook)', zalo: 'Zalo OA' };

/**
 * Limits per platform, in characters. Facebook allows 63,206 characters in a Page post; a feed
 * post is read best far shorter, so the pack keeps to 600. Zalo OA articles have a 150-character
 * title limit and the pack's text stays under 2,000 characters (a Zalo OA text message).
 */
export const PLATFORM_LIMITS: Record<SocialPlatform, { text: number; hook: number; hashtags: number }> = {
  facebook: { text: 600, hook: 150, hashtags: 5 },
  zalo: { text: 2000, hook: 150, hashtags: 5 },
};

/** Where the link goes until the web post is out (in a draft). */
export const LINK_PLACEHOLDER = '[liên kết bài viết trên trang thông tin điện tử, có khi bài được đăng]';

export interface SocialText {
  platform: SocialPlatform;
  hook: string;
  sentences: string[];
  link: string;
  hashtags: string[];
  /** The whole post as pasted: hook, sentences, link, hashtags on their own lines. */
  text: string;
}

const cut = (s: string, max: number) => ([...s].length <= max ? s : `${[...s].slice(0, max - 1).join('').replace(/\s+\S*$/u, '')}…`);

/** "#NghịQuyếtSố71NQTW": words joined, each capitalised, diacritics kept, signs dropped. */
export function hashtag(phrase: string): string {
  const words = phrase.normalize('NFC').replace(/[^\p{L}\p{N}\s]/gu, ' ').split(/\s+/u).filter(Boolean);
  return `#${words.map((w) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1)).join('')}`;
}

function sentencesOf(brief: ContentBrief): string[] {
  const fromMessages = brief.keyMessages.map((m) => m.trim()).filter(Boolean);
  const fromBody = brief.body.flatMap((p) => p.split(/(?<=[.!?])\s+/u)).map((s) => s.trim()).filter(Boolean);
  const all = [...fromMessages, ...fromBody.filter((s) => !fromMessages.includes(s))];
  return all.slice(0, 3);
}

/** The pack's text for one platform; `postUrl` once the web post is out. */
export function socialText(brief: ContentBrief, platform: SocialPlatform, postUrl?: string): SocialText {
  const limits = PLATFORM_LIMITS[platform];
  const hook = cut(brief.headline, limits.hook);
  const hashtags = [...new Set([occasionLabel(brief).replace(/\s\d{1,2}\/\d{1,2}$/, ''), ...brief.tags].map(hashtag))].filter((h) => h.length > 1).slice(0, Math.min(4, limits.hashtags));
  const link = postUrl ?? LINK_PLACEHOLDER;
  let sentences = sentencesOf(brief);
  const compose = () => [hook, sentences.join(' '), `Xem chi tiết: ${link}`, hashtags.join(' ')].filter(Boolean).join('\n\n');
  // Drop sentences from the end (keeping at least one, shortened) until the post fits.
  while ([...compose()].length > limits.text && sentences.length > 1) sentences = sentences.slice(0, -1);
  if ([...compose()].length > limits.text) {
    const room = limits.text - ([...compose()].length - [...sentences.join(' ')].length);
    sentences = [cut(sentences.join(' '), Math.max(20, room))];
  }
  return { platform, hook, sentences, link, hashtags, text: compose() };
}
