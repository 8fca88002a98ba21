/**
 * Child process for the infographic bench (forked with IPC). Modes, from argv[2]:
 * - "throughput": warm up, report "ready", wait for "go", render N posters, report elapsed ms.
 * - "rss": render N posters, reporting RSS after each, then the samples.
 */
import { renderInfographic } from '../channels/infographic/render/render.js';
import { langSonTeachersDay } from '../test/fixtures/briefs.js';

const mode = process.argv[2];
const count = Number(process.argv[3] ?? '100');
const send = (m: unknown) => process.send?.(m);
const render = () => renderInfographic(langSonTeachersDay, 'poster', { formats: ['png'] });

if (mode === 'throughput') {
  for (let i = 0; i < 10; i++) await render();
  send({ type: 'ready' });
  process.once('message', async () => {
    const start = performance.now();
    for (let i = 0; i < count; i++) await render();
    send({ type: 'done', ms: performance.now() - start });
    process.disconnect();
  });
} else if (mode === 'rss') {
  const rss: number[] = [];
  for (let i = 0; i < count; i++) {
    await render();
    rss.push(process.memoryUsage().rss);
  }
  send({ type: 'rss', rss });
  process.disconnect();
} else {
  throw new Error(`unknown mode ${mode}`);
}
