/**
 * Render time of the channel modules on this machine, from a shipped plan's 20/11 brief: the
 * Q&A set (set, Word file, loudspeaker segment), the social pack texts, and each print PDF.
 */
import { performance } from 'node:perf_hooks';
import { qaFiles } from '../channels/qa-set/files.js';
import { socialText } from '../channels/social/pack.js';
import { briefFor } from '../infra/briefs.js';
import { renderPrintPdf, PRINT_SIZES, type PrintFormat } from '../render/print/poster.js';
import { percentile, type Row } from './row.js';

const RUNS = 10;

async function median(run: () => unknown): Promise<number> {
  await run(); // warm-up: fonts and templates load once
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  return percentile(times, 50);
}

export async function benchChannels(): Promise<Row[]> {
  const { plan, brief } = await briefFor({ planId: 'lang-son-62-kh-ubnd-2026', occasionId: 'ngay-nha-giao-20-11', date: '20/11/2026', now: new Date('2026-06-01T00:00:00+07:00') });
  const ms = (v: number) => v.toFixed(1);
  const rows: Row[] = [];
  const qa = await median(() => qaFiles(plan, brief));
  rows.push({ name: 'bộ câu hỏi - đáp (JSON, Word, đoạn đọc trên loa), median (ms)', value: ms(qa), target: '≤ 500', ok: qa <= 500 });
  const social = await median(() => ['facebook', 'zalo'].map((p) => socialText(brief, p as 'facebook')));
  rows.push({ name: 'bài mạng xã hội (2 nền tảng), median (ms)', value: ms(social), target: '≤ 50', ok: social <= 50 });
  for (const f of ['a3', 'a1', 'pano'] as PrintFormat[]) {
    const t = await median(() => renderPrintPdf(brief, f));
    rows.push({ name: `${PRINT_SIZES[f].label} → PDF, median (ms)`, value: ms(t), target: '≤ 1000', ok: t <= 1000 });
  }
  return rows;
}
