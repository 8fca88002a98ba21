/** Deterministic object keys of a campaign's inputs, drafts and records. */
import { campaignPrefix } from '../../domain/campaign/ids.js';

export const keys = {
  input: (id: string) => `${campaignPrefix(id)}/inputs/campaign.json`,
  localities: (id: string) => `${campaignPrefix(id)}/inputs/localities.json`,
  media: (id: string) => `${campaignPrefix(id)}/inputs/media.json`,
  plan: (id: string) => `${campaignPrefix(id)}/inputs/plan.json`,
  /** When each channel is due (as prepared), for channels that say when another one goes out. */
  schedule: (id: string) => `${campaignPrefix(id)}/inputs/schedule.json`,
  brief: (id: string, v: number) => `${campaignPrefix(id)}/v${v}/brief.json`,
  version: (id: string, v: number) => `${campaignPrefix(id)}/v${v}/`,
  infographic: (id: string, v: number, template: string, ext: 'png' | 'webp') => `${campaignPrefix(id)}/v${v}/infographic/${template}.${ext}`,
  post: (id: string, v: number) => `${campaignPrefix(id)}/v${v}/post/index.html`,
  briefingPreview: (id: string, v: number) => `${campaignPrefix(id)}/v${v}/briefing/preview.html`,
  script: (id: string, v: number, locality: string) => `${campaignPrefix(id)}/v${v}/loudspeaker/${locality}.txt`,
  scriptSidecar: (id: string, v: number, locality: string) => `${campaignPrefix(id)}/v${v}/loudspeaker/${locality}.json`,
  audit: (id: string, seq: number) => `audit/${id}/${String(seq).padStart(6, '0')}.json`,
  approvalSent: (id: string, v: number, step: number, kind: string, round: number, who: string) => `approvals/sent/${id}/v${v}/s${step}/${kind}-${round}/${who}.json`,
};
