/**
 * The campaign channels, in the order they are drafted, shown and published. Adding a channel:
 * a folder beside this file with its descriptor (`index.ts`) and activities (`activities.ts`),
 * one line here and one in `activities.ts` of this folder; no workflow body changes. Pure.
 */
import { infographicChannel } from './infographic/index.js';
import { loudspeakerChannel } from './loudspeaker/index.js';
import { pressBriefingChannel } from './press-briefing/index.js';
import { qaSetChannel } from './qa-set/index.js';
import { eBoardChannel } from './eboard/index.js';
import { printChannel } from './print/index.js';
import { socialChannel } from './social/index.js';
import type { ChannelDescriptor } from './types.js';
import { videoChannel } from './video/index.js';
import { webPortalChannel } from './web-portal/index.js';

export const CHANNELS = [infographicChannel, webPortalChannel, pressBriefingChannel, loudspeakerChannel, qaSetChannel, socialChannel, printChannel, eBoardChannel, videoChannel] as const;

export type ChannelId = (typeof CHANNELS)[number]['id'];

export const CHANNEL_IDS: readonly ChannelId[] = CHANNELS.map((c) => c.id);

/** The descriptor of `id`; undefined for an unknown id. */
export function channelDescriptor(id: string): ChannelDescriptor<ChannelId> | undefined {
  return CHANNELS.find((c) => c.id === id);
}

/** Folders of the version's drafts that channel modules write to (for the file routes). */
export const MODULE_DRAFT_FOLDERS: readonly string[] = CHANNELS.flatMap((c) => ('preview' in c && c.preview ? [c.preview.file.split('/')[0]!] : []));

/**
 * The previews of channel modules among `channels`, in registry order: heading and file
 * relative to the version's folder.
 */
export function modulePreviews(channels: Iterable<string>): { channel: ChannelId; heading: string; file: string; media: boolean }[] {
  const wanted = new Set(channels);
  return CHANNELS.flatMap((c) => ('preview' in c && c.preview && wanted.has(c.id) ? [{ channel: c.id, heading: c.preview.heading, file: c.preview.file, media: 'media' in c.preview && c.preview.media === true }] : []));
}

/** True for a channel drafted and published by the generic channel activities. */
export function isModularChannel(id: string): boolean {
  return channelDescriptor(id)?.ownActivities === false;
}

/** True for a draft file (relative to the version's folder) in the folder of a preview that plays media. */
export function isMediaPreviewFile(file: string): boolean {
  return CHANNELS.some((c) => 'preview' in c && c.preview && 'media' in c.preview && c.preview.media === true && file.startsWith(`${c.preview.file.split('/')[0]!}/`));
}
