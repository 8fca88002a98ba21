/**
 * Audio bench: seconds of bulletin audio made per CPU second (espeak-ng and ffmpeg run as child
 * processes, so their CPU is read from /proc: the children's user and system time), and a
 * national bulletin — every commune's script differs only in the line that greets it, so each
 * station costs one short synthesis plus a join. Measured on `--audio-stations` stations (50 by
 * default) and projected to the country's 3,321 commune-tier units.
 */
import { readFileSync } from 'node:fs';
import { renderBulletinAudio, type SegmentCache } from '../render/audio/bulletin-audio.js';
import { espeakEngine } from '../render/audio/speech-engine.js';
import { numberFlag } from './flags.js';
import type { Row } from './row.js';

const NATIONAL = 3_321;
const BODY = [
  'Hưởng ứng Ngày Nhà giáo Việt Nam hai mươi tháng mười một, Ủy ban nhân dân thông báo đến toàn thể bà con.',
  'Năm học hai nghìn không trăm hai mươi lăm đến hai nghìn không trăm hai mươi sáu, phấn đấu tối thiểu bảy mươi phần trăm trường học đạt chuẩn quốc gia.',
  'Đề nghị các gia đình quan tâm, phối hợp với nhà trường trong việc giáo dục con em. Xin trân trọng cảm ơn bà con đã lắng nghe.',
].join('\n\n');

/** CPU seconds of this process and its finished children (user + system). */
function cpuSeconds(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  // After the command: state is field 3; utime 14, stime 15, cutime 16, cstime 17 (1-based).
  const ticks = [11, 12, 13, 14].reduce((s, i) => s + Number(fields[i]), 0);
  return ticks / 100;
}

function memoryCache(): SegmentCache {
  const m = new Map<string, Buffer>();
  return { get: async (k) => m.get(k), put: async (k, b) => void m.set(k, b) };
}

export async function benchAudio(): Promise<Row[]> {
  const engine = espeakEngine();
  const tags = (n: number) => ({ title: 'Tri ân thầy cô', unit: `Xã Số ${n}`, station: `Đài truyền thanh xã Số ${n}`, date: '2026-11-19', priority: 'thông thường' });
  const script = (n: number) => `Kính thưa bà con nhân dân xã Số ${n}!\n\n${BODY}`;

  // One bulletin from nothing: every paragraph spoken and levelled.
  let cpu = cpuSeconds();
  let wall = performance.now();
  const one = await renderBulletinAudio({ engine, script: script(0), tags: tags(0), cache: memoryCache() });
  const oneCpu = cpuSeconds() - cpu;
  const oneWall = (performance.now() - wall) / 1000;

  // A national bulletin: shared paragraphs once, then each station's greeting.
  const stations = numberFlag('audio-stations', 50);
  const cache = memoryCache();
  await renderBulletinAudio({ engine, script: script(0), tags: tags(0), cache });
  cpu = cpuSeconds();
  wall = performance.now();
  let syntheses = 0;
  let worst = 0;
  for (let n = 1; n <= stations; n++) {
    const a = await renderBulletinAudio({ engine, script: script(n), tags: tags(n), cache });
    syntheses += a.synthesized;
    worst = Math.max(worst, Math.abs(a.loudness.integrated + 16));
  }
  const perStationWall = (performance.now() - wall) / 1000 / stations;
  const perStationCpu = (cpuSeconds() - cpu) / stations;
  return [
    { name: 'audio: seconds of bulletin per CPU second (from nothing)', value: (one.durationSeconds / oneCpu).toFixed(1), target: '≥ 1 (faster than real time)', ok: one.durationSeconds / oneCpu >= 1 },
    { name: `audio: one ${Math.round(one.durationSeconds)} s bulletin from nothing (s wall)`, value: oneWall.toFixed(1) },
    { name: `audio: syntheses per station after the first (${stations} stations)`, value: (syntheses / stations).toFixed(2), target: '1 (its greeting)', ok: syntheses === stations },
    { name: `audio: per further station (s wall / s CPU, ${stations} stations)`, value: `${perStationWall.toFixed(2)} / ${perStationCpu.toFixed(2)}` },
    { name: `audio: national bulletin, ${NATIONAL.toLocaleString('en-US')} stations, projected (min CPU)`, value: ((perStationCpu * NATIONAL) / 60).toFixed(1) },
    { name: 'audio: worst loudness miss (LU)', value: worst.toFixed(1), target: '≤ 1', ok: worst <= 1 },
  ];
}
