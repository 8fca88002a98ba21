/**
 * Infographic bench: warm latency of the 1080×1350 poster to PNG, throughput with both cores
 * busy (two processes), RSS over 1,000 renders, and the same poster made by headless Chromium
 * (playwright-core) on the same content, with the ratio.
 */
import { fork } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderInfographic } from '../channels/infographic/render/render.js';
import { langSonTeachersDay } from '../test/fixtures/briefs.js';
import { posterHtml } from './chromium-poster.js';
import { percentile, type Row } from './row.js';

const WORKER = join(import.meta.dirname, 'infographic-worker.ts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const fmt = (n: number, digits = 1) => n.toFixed(digits);

async function timeRenders(n: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await renderInfographic(langSonTeachersDay, 'poster', { formats: ['png'] });
    times.push(performance.now() - start);
  }
  return times;
}

function forkWorker(mode: string, count: number, env: Record<string, string> = {}) {
  return fork(WORKER, [mode, String(count)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, ...env },
  });
}

/** Two processes render `perWorker` posters each, started together; images per second overall. */
async function throughput(perWorker: number): Promise<number> {
  const workers = [forkWorker('throughput', perWorker), forkWorker('throughput', perWorker)];
  const message = (w: ReturnType<typeof fork>, type: string) =>
    new Promise<{ ms: number }>((resolve, reject) => {
      w.on('message', (m: { type: string; ms: number }) => m.type === type && resolve(m));
      w.once('exit', (code) => code !== 0 && reject(new Error(`worker exited with ${code}`)));
    });
  await Promise.all(workers.map((w) => message(w, 'ready')));
  const start = performance.now();
  const done = workers.map((w) => message(w, 'done'));
  for (const w of workers) w.send('go');
  await Promise.all(done);
  return (2 * perWorker) / ((performance.now() - start) / 1000);
}

/** RSS samples (bytes) after each of `count` renders, in a fresh process. */
async function rssRun(count: number, env: Record<string, string> = {}): Promise<number[]> {
  const w = forkWorker('rss', count, env);
  return new Promise((resolve, reject) => {
    w.on('message', (m: { type: string; rss: number[] }) => m.type === 'rss' && resolve(m.rss));
    w.once('exit', (code) => code !== 0 && reject(new Error(`worker exited with ${code}`)));
  });
}

/**
 * Median ms per poster through headless Chromium, warm, on the same content: `reused` keeps one
 * page (setContent + screenshot, the fastest way), `newPage` opens and closes a page per
 * poster (what a service usually does).
 */
async function chromiumMedians(renders: number): Promise<{ reused: number; newPage: number; launchMs: number }> {
  const { chromium } = await import('playwright-core');
  const launchStart = performance.now();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const launchMs = performance.now() - launchStart;
  try {
    const html = posterHtml(langSonTeachersDay);
    const shoot = async (page: Awaited<ReturnType<typeof browser.newPage>>) => {
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluate('document.fonts.ready.then(() => undefined)');
      return page.screenshot({ type: 'png' });
    };
    const viewport = { viewport: { width: 1080, height: 1350 }, deviceScaleFactor: 1 };
    const page = await browser.newPage(viewport);
    await writeFile(join(tmpdir(), 'bench-chromium-poster.png'), await shoot(page));
    const measure = async (once: () => Promise<unknown>) => {
      for (let i = 0; i < 3; i++) await once();
      const times: number[] = [];
      for (let i = 0; i < renders; i++) {
        const start = performance.now();
        await once();
        times.push(performance.now() - start);
      }
      return percentile(times, 50);
    };
    const reused = await measure(() => shoot(page));
    const newPage = await measure(async () => {
      const p = await browser.newPage(viewport);
      try {
        return await shoot(p);
      } finally {
        await p.close();
      }
    });
    return { reused, newPage, launchMs };
  } finally {
    await browser.close();
  }
}

/** Runs the infographic bench; see the module comment. */
export async function benchInfographic(): Promise<Row[]> {
  await timeRenders(10); // warm-up: fonts, template compile, libvips
  const cpuStart = process.cpuUsage();
  const times = await timeRenders(100);
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000 / times.length;
  const [load1] = loadavg();
  const median = percentile(times, 50);
  const p95 = percentile(times, 95);
  const rows: Row[] = [
    { name: 'poster 1080×1350 → PNG, median, warm, 100 renders (ms)', value: fmt(median), target: '≤ 30', ok: median <= 30 },
    { name: 'poster 1080×1350 → PNG, p95 (ms)', value: fmt(p95) },
    { name: 'poster 1080×1350 → PNG, CPU time per poster, all threads (ms)', value: fmt(cpuMs) },
    { name: 'machine load average (1 min) when measured', value: fmt(load1 ?? NaN, 2) },
  ];

  const ips = await throughput(100);
  rows.push({ name: 'posters per second, 2 processes (both cores)', value: fmt(ips) });

  // Warm-up is the first 100 renders; compare the median RSS of renders 101–200 with that of
  // renders 901–1,000 (medians: glibc's per-thread arenas make single samples swing ±10%).
  const mb = (b: number) => b / 1024 / 1024;
  for (const [label, env] of [
    ['', {}],
    [', MALLOC_ARENA_MAX=2', { MALLOC_ARENA_MAX: '2' }],
  ] as const) {
    const rss = await rssRun(1000, env);
    const early = percentile(rss.slice(100, 200), 50);
    const late = percentile(rss.slice(900, 1000), 50);
    const growth = (late / early - 1) * 100;
    rows.push(
      { name: `peak RSS over 1,000 renders${label} (MiB)`, value: fmt(mb(Math.max(...rss))) },
      { name: `RSS median, renders 101–200 → 901–1,000${label} (MiB)`, value: `${fmt(mb(early))} → ${fmt(mb(late))}` },
      { name: `RSS growth after warm-up${label} (%)`, value: fmt(growth), target: '≤ 10', ok: growth <= 10 },
    );
  }

  const chrome = await chromiumMedians(25);
  const ratio = chrome.reused / median;
  rows.push(
    { name: 'same poster via headless Chromium, one reused page (setContent + screenshot), median (ms)', value: fmt(chrome.reused) },
    { name: 'same poster via headless Chromium, new page per poster, median (ms)', value: fmt(chrome.newPage) },
    { name: 'Chromium launch, once (ms)', value: fmt(chrome.launchMs, 0) },
    { name: 'speed-up over Chromium, reused page (×)', value: fmt(ratio), target: '≥ 20', ok: ratio >= 20 },
    { name: 'speed-up over Chromium, new page per poster (×)', value: fmt(chrome.newPage / median) },
  );
  return rows;
}
