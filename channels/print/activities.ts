/**
 * Drafting and publishing the print files: the draft writes them under the version's
 * `print/`; publishing puts them on the site (`site/in-an/<campaign>-<file>.pdf`) for the
 * print shop to download.
 */
import type { ActivityDeps } from '../../activities/deps.js';
import { keys } from '../../activities/campaign/keys.js';
import { readJson } from '../../activities/campaign/store-json.js';
import type { ContentBrief } from '../../domain/brief.js';
import type { DraftSummary } from '../../domain/campaign/types.js';
import type { ChannelDraftInput, ChannelPublishInput, ChannelPublishResult } from '../types.js';
import { PRINT_FORMATS, printFileName, printFiles } from './files.js';

export const printKeys = {
  folder: (id: string, v: number) => `${keys.version(id, v)}print/`,
  site: (id: string, file: string) => `site/in-an/${id}-${file}`,
};

export function createPrintActivities({ store, endpoints }: ActivityDeps) {
  return {
    async draft(input: ChannelDraftInput): Promise<DraftSummary> {
      const brief = await readJson<ContentBrief>(store, input.briefKey);
      const made = await printFiles(brief);
      const folder = printKeys.folder(input.campaignId, input.version);
      for (const f of made.files) await store.put(`${folder}${f.name}`, f.body, { contentType: f.contentType });
      return { channel: 'poster', keys: made.files.map((f) => `${folder}${f.name}`), summary: made.summary, problems: made.problems };
    },

    async publish(input: ChannelPublishInput): Promise<ChannelPublishResult> {
      const folder = printKeys.folder(input.campaignId, input.version);
      const out: string[] = [];
      for (const f of PRINT_FORMATS) {
        const obj = await store.get(`${folder}${printFileName(f)}`);
        if (!obj) continue;
        const key = printKeys.site(input.campaignId, printFileName(f));
        await store.put(key, obj.body, { contentType: 'application/pdf' });
        out.push(key);
      }
      const base = `${endpoints.publicBaseUrl}/site/in-an/`;
      return { detail: out.length ? `${out.length} tệp in: ${out.map((k) => base + k.slice('site/in-an/'.length)).join(', ')}` : 'chưa có tệp in của phiên bản này', keys: out };
    },
  };
}
