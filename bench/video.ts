/**
 * Short-video bench: how long the video channel's draft takes on this machine, from a shipped
 * plan's 20/11 brief and its infographics — both formats (vertical 1080×1920, landscape
 * 1920×1080) from nothing (narration spoken and levelled, then encoded), and again with the
 * narration already in the segment cache (encoding only, as a retried draft). espeak-ng and
 * ffmpeg run as child processes: their CPU is read from /proc (see bench/audio.ts).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { VIDEO_SLIDES, videoFiles } from '../channels/video/files.js';
import { briefFor } from '../infra/briefs.js';
import type { SegmentCache } from '../render/audio/bulletin-audio.js';
import { espeakEngine } from '../render/audio/speech-engine.js';
import { renderInfographic } from '../channels/infographic/render/render.js';
import type { Row } from './row.js';

/** The draft activity's start-to-close timeout (workflows/campaign.ts, `drafting`). */
const DRAFT_TIMEOUT_S = 300;

function cpuSeconds(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  return [11, 12, 13, 14].reduce((s, i) => s + Number(fields[i]), 0) / 100;
}

export async function benchVideo(): Promise<Row[]> {
  const { brief } = await briefFor({ planId: 'phuong-bac-kan-2026', occasionId: 'ngay-nha-giao-20-11', date: '20/11/2026', now: new Date('2026-06-01T00:00:00+07:00') });
  const slides = { vertical: [] as Buffer[], landscape: [] as Buffer[] };
  for (const format of ['vertical', 'landscape'] as const) for (const name of VIDEO_SLIDES[format]) slides[format].push((await renderInfographic(brief, name, { formats: ['png'] })).png!);
  const m = new Map<string, Buffer>();
  const cache: SegmentCache = { get: async (k) => m.get(k), put: async (k, b) => void m.set(k, b) };
  const run = async () => {
    const cpu = cpuSeconds();
    const wall = performance.now();
    const made = await videoFiles({ brief, engine: espeakEngine(), slides, cache });
    return { made, wall: (performance.now() - wall) / 1000, cpu: cpuSeconds() - cpu };
  };
  const cold = await run();
  const warm = await run();
  const seconds = cold.made.narration.seconds;
  return [
    { name: `video: both formats of a ${Math.round(seconds)} s video from nothing (s wall / s CPU)`, value: `${cold.wall.toFixed(1)} / ${cold.cpu.toFixed(1)}`, target: `≤ ${DRAFT_TIMEOUT_S} s wall (draft timeout)`, ok: cold.wall <= DRAFT_TIMEOUT_S },
    { name: 'video: both formats, narration cached (s wall / s CPU)', value: `${warm.wall.toFixed(1)} / ${warm.cpu.toFixed(1)}` },
    { name: 'video: seconds of video (both formats) per CPU second', value: ((2 * seconds) / cold.cpu).toFixed(2) },
  ];
}
