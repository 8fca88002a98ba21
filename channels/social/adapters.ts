/**
 * Posting a social pack through a unit's own account: a Facebook Page through the Graph API
 * (a photo with its caption), a Zalo Official Account through the OA API (an article with the
 * square image as cover). Tokens come from the accounts file (configuration), never from a plan
 * or a workflow history. `fetch` and the base URLs are injectable, so tests run against a fake
 * HTTP server.
 */
import type { SocialPlatform } from './pack.js';

export interface SocialPost {
  hook: string;
  text: string;
  image?: { body: Buffer; contentType: string; filename: string; url?: string };
}

export interface PostedSocial {
  platform: SocialPlatform;
  id: string;
  url?: string;
}

/** A platform refused the post. `permanent` when retrying cannot help (bad token, bad request). */
export class SocialPostError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'SocialPostError';
  }
}

export interface SocialAdapter {
  platform: SocialPlatform;
  post(p: SocialPost): Promise<PostedSocial>;
}

type Fetch = typeof fetch;

async function jsonOf(res: Response): Promise<Record<string, unknown>> {
  try {
    return (await res.json()) as Record<string, unknown>;
  } catch {
    return {};
  }
}

async function call(fetchFn: Fetch, url: string, init: RequestInit, what: string): Promise<Response> {
  try {
    return await fetchFn(url, init);
  } catch (err) {
    throw new SocialPostError(`${what}: không kết nối được (${(err as Error).message})`, false);
  }
}

export const GRAPH_API = 'https://graph.facebook.com/v21.0';

/** Facebook Page: POST /{page-id}/photos with the image and the text as caption. */
export function facebookAdapter(o: { pageId: string; accessToken: string; baseUrl?: string; fetch?: Fetch }): SocialAdapter {
  const base = (o.baseUrl ?? GRAPH_API).replace(/\/+$/, '');
  const fetchFn = o.fetch ?? fetch;
  return {
    platform: 'facebook',
    async post(p) {
      const form = new FormData();
      form.set('access_token', o.accessToken);
      let url = `${base}/${encodeURIComponent(o.pageId)}/feed`;
      if (p.image) {
        url = `${base}/${encodeURIComponent(o.pageId)}/photos`;
        form.set('caption', p.text);
        form.set('source', new Blob([new Uint8Array(p.image.body)], { type: p.image.contentType }), p.image.filename);
      } else {
        form.set('message', p.text);
      }
      const res = await call(fetchFn, url, { method: 'POST', body: form }, 'Fanpage');
      const body = await jsonOf(res);
      const error = body.error as { message?: string; code?: number } | undefined;
      if (!res.ok || error) {
        // 190: expired or invalid token; other 4xx: the request itself. 5xx and 429: try again.
        const permanent = res.status !== 429 && res.status < 500;
        throw new SocialPostError(`Fanpage từ chối bài đăng (HTTP ${res.status}${error?.code ? `, mã ${error.code}` : ''}): ${error?.message ?? 'không rõ lý do'}`, permanent);
      }
      const id = String(body.post_id ?? body.id ?? '');
      return { platform: 'facebook', id, url: id ? `https://www.facebook.com/${id}` : undefined };
    },
  };
}

/** Where Facebook takes video uploads (the Graph API's host for video). */
export const GRAPH_VIDEO_API = 'https://graph-video.facebook.com/v21.0';

export interface SocialVideo {
  title: string;
  /** The caption shown with the video (hook, text, link, hashtags). */
  description: string;
  video: { body: Buffer; filename: string };
}

/**
 * Facebook Page video: POST /{page-id}/videos, multipart with `source` (the MP4), `title` and
 * `description`; the token in the form, never in the URL. Answered with the video's id.
 */
export async function postFacebookVideo(o: { pageId: string; accessToken: string; baseUrl?: string; fetch?: Fetch }, v: SocialVideo): Promise<PostedSocial> {
  const base = (o.baseUrl ?? GRAPH_VIDEO_API).replace(/\/+$/, '');
  const form = new FormData();
  form.set('access_token', o.accessToken);
  form.set('title', v.title);
  form.set('description', v.description);
  form.set('source', new Blob([new Uint8Array(v.video.body)], { type: 'video/mp4' }), v.video.filename);
  const res = await call(o.fetch ?? fetch, `${base}/${encodeURIComponent(o.pageId)}/videos`, { method: 'POST', body: form }, 'Fanpage');
  const body = await jsonOf(res);
  const error = body.error as { message?: string; code?: number } | undefined;
  if (!res.ok || error) {
    const permanent = res.status !== 429 && res.status < 500;
    throw new SocialPostError(`Fanpage từ chối video (HTTP ${res.status}${error?.code ? `, mã ${error.code}` : ''}): ${error?.message ?? 'không rõ lý do'}`, permanent);
  }
  const id = String(body.id ?? '');
  return { platform: 'facebook', id, url: id ? `https://www.facebook.com/${encodeURIComponent(o.pageId)}/videos/${id}` : undefined };
}

export const ZALO_OA_API = 'https://openapi.zalo.me/v2.0';

/** Zalo OA: POST /article/create (JSON, `access_token` header) with the image's public URL as cover. */
export function zaloAdapter(o: { accessToken: string; author: string; baseUrl?: string; fetch?: Fetch }): SocialAdapter {
  const base = (o.baseUrl ?? ZALO_OA_API).replace(/\/+$/, '');
  const fetchFn = o.fetch ?? fetch;
  return {
    platform: 'zalo',
    async post(p) {
      const article = {
        type: 'normal',
        title: p.hook,
        author: o.author,
        description: p.text.slice(0, 300),
        ...(p.image?.url ? { cover: { cover_type: 'photo', photo_url: p.image.url, status: 'show' } } : {}),
        body: p.text.split('\n\n').map((content) => ({ type: 'text', content })),
        status: 'show',
        comment: 'show',
      };
      const res = await call(fetchFn, `${base}/article/create`, { method: 'POST', headers: { access_token: o.accessToken, 'Content-Type': 'application/json' }, body: JSON.stringify(article) }, 'Zalo OA');
      const body = await jsonOf(res);
      const code = Number(body.error ?? 0);
      if (!res.ok || code !== 0) {
        const permanent = res.status !== 429 && res.status < 500;
        throw new SocialPostError(`Zalo OA từ chối bài viết (HTTP ${res.status}${code ? `, mã ${code}` : ''}): ${String(body.message ?? 'không rõ lý do')}`, permanent);
      }
      const data = (body.data ?? {}) as { token?: string; id?: string };
      return { platform: 'zalo', id: String(data.id ?? data.token ?? '') };
    },
  };
}
