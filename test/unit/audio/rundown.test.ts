import { describe, expect, it } from 'vitest';
import { orderRundown, rundownM3u, type Rundown, type RundownItem } from '../../../domain/broadcast/rundown.js';

const item = (campaignId: string, start: string, priority: string, audio = true): RundownItem => ({
  slot: start.replace(':', ''),
  slotLabel: 'Buổi sáng',
  start,
  campaignId,
  version: 1,
  title: `Bản tin ${campaignId}`,
  durationSeconds: 90,
  priority,
  scriptKey: `broadcast/xa-a/2026-11-19/${start}-${campaignId}.txt`,
  ...(audio ? { audio: { key: `broadcast/xa-a/2026-11-19/${start}-${campaignId}.mp3`, seconds: 88.4, loudness: { integrated: -16.1, truePeak: -1.9 } } } : {}),
});

describe('a station day’s rundown', () => {
  it('plays an emergency bulletin first, then priority, then the normal ones by slot', () => {
    const ordered = orderRundown([item('thuong-chieu', '17:00', 'normal'), item('uu-tien', '17:30', 'priority'), item('thuong-sang', '06:00', 'normal'), item('khan-cap', '18:00', 'emergency')]);
    expect(ordered.map((i) => i.campaignId)).toEqual(['khan-cap', 'uu-tien', 'thuong-sang', 'thuong-chieu']);
  });

  it('reads priorities stored as Vietnamese labels by older rundowns', () => {
    expect(orderRundown([item('a', '06:00', 'thông thường'), item('b', '07:00', 'khẩn cấp')]).map((i) => i.campaignId)).toEqual(['b', 'a']);
  });

  it('lists the files in that order in the M3U, with their length and priority, leaving out bulletins an announcer reads', () => {
    const rundown: Rundown = { locality: 'xa-a', localityName: 'Xã Đồng Đăng', day: '2026-11-19', items: [item('thuong', '06:00', 'normal'), item('doc', '06:30', 'normal', false), item('khan-cap', '18:00', 'emergency')] };
    expect(rundownM3u(rundown).split('\n')).toEqual([
      '#EXTM3U',
      '#PLAYLIST:Xã Đồng Đăng — 19/11/2026',
      '#EXTINF:88,[khẩn cấp] Bản tin khan-cap',
      '18:00-khan-cap.mp3',
      '#EXTINF:88,[thông thường] Bản tin thuong',
      '06:00-thuong.mp3',
      '',
    ]);
  });
});
