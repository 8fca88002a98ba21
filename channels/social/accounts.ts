/**
 * The units' social accounts and their tokens: a YAML file named by SOCIAL_ACCOUNTS_FILE, kept
 * outside the repository with the other secrets. The file is read and checked by infra/config.ts
 * (at start, and by the worker when a pack is published, with readSocialAccounts); nothing of it
 * goes into a plan, an input or a workflow history.
 *
 *   units:
 *     phuong-bac-kan:
 *       facebook: { pageId: "1234567890", accessToken: "…" }
 *       zalo: { accessToken: "…" }
 */
import { z } from 'zod';
import type { SocialAdapter } from './adapters.js';
import { facebookAdapter, postFacebookVideo, zaloAdapter, type PostedSocial, type SocialVideo } from './adapters.js';

const token = z.string().trim().min(10, 'mã truy cập quá ngắn');
const unitSchema = z.strictObject({
  facebook: z.strictObject({ pageId: z.string().trim().regex(/^\d+$/, 'mã trang (pageId) là dãy số'), accessToken: token, baseUrl: z.url('phải là địa chỉ http:// hoặc https:// đầy đủ').optional() }).optional(),
  zalo: z.strictObject({ accessToken: token, baseUrl: z.url('phải là địa chỉ http:// hoặc https:// đầy đủ').optional() }).optional(),
});
export const socialAccountsSchema = z.strictObject({ units: z.record(z.string(), unitSchema).default({}) });
export type SocialAccounts = z.output<typeof socialAccountsSchema>;

/** The adapters configured for `unit` (author: the unit's name, shown on Zalo articles). */
export function adaptersFor(accounts: SocialAccounts, unit: string | undefined, author: string, fetchFn?: typeof fetch): SocialAdapter[] {
  const a = unit ? accounts.units[unit] : undefined;
  if (!a) return [];
  const out: SocialAdapter[] = [];
  if (a.facebook) out.push(facebookAdapter({ ...a.facebook, ...(fetchFn ? { fetch: fetchFn } : {}) }));
  if (a.zalo) out.push(zaloAdapter({ ...a.zalo, author, ...(fetchFn ? { fetch: fetchFn } : {}) }));
  return out;
}

/** Posting a video to the Fanpage of `unit`, when the unit configured one (Zalo OA video: by hand). */
export function facebookVideoPosterFor(accounts: SocialAccounts, unit: string | undefined, fetchFn?: typeof fetch): ((v: SocialVideo) => Promise<PostedSocial>) | undefined {
  const fb = unit ? accounts.units[unit]?.facebook : undefined;
  return fb ? (v) => postFacebookVideo({ ...fb, ...(fetchFn ? { fetch: fetchFn } : {}) }, v) : undefined;
}
