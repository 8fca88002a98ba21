/**
 * A station with its own intro gets a bulletin file that plays it before the speech, at the
 * stated loudness: the directory's station, as the campaign's locality, through the station
 * audio activity's code with the real espeak-ng and ffmpeg, measured with ebur128.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stationAudio } from '../../../channels/loudspeaker/station-audio.js';
import { unitLocalities } from '../../../domain/directory/audience.js';
import { jingleKey } from '../../../domain/directory/jingle.js';
import type { Unit } from '../../../domain/directory/schema.js';
import { MemoryObjectStore } from '../../../infra/object-store.js';
import { audioDuration, measureLoudness } from '../../../render/audio/bulletin-audio.js';

const SCRIPT = 'Kính thưa bà con nhân dân phường Mẫu!\n\nỦy ban nhân dân phường thông báo lịch tiêm chủng mở rộng vào sáng thứ Bảy tuần này tại nhà văn hóa tổ dân phố số ba.';

function unit(intro?: { key: string; seconds: number }): Unit {
  return {
    id: 'phuong-mau',
    name: 'Phường Mẫu',
    shortName: 'Mẫu',
    tier: 'commune',
    kind: 'phuong',
    parentId: 'tinh-mau',
    plans: [],
    editors: [],
    broadcast: {
      name: 'Đài truyền thanh phường Mẫu',
      stations: [
        {
          id: 'trung-tam',
          name: 'Đài truyền thanh phường Mẫu',
          kind: 'station',
          system: 'ip',
          tts: { rate: 1.1 },
          ...(intro ? { intro: { key: intro.key, file: 'nhac-hieu.wav', seconds: intro.seconds } } : {}),
          slots: [{ id: 'sang', label: 'Buổi sáng', start: '06:00', durationMinutes: 20 }],
          operator: { name: 'Người vận hành', email: 'vanhanh@example.org', phone: '0000 100 001' },
        },
      ],
    },
  };
}

const input = (u: Unit, campaignId: string) => ({ campaignId, version: 1, locality: unitLocalities(u)[0]!, script: SCRIPT, title: 'Tiêm chủng mở rộng', priority: 'normal', day: '2026-11-19' });

describe('a station’s own intro in its bulletin file', { timeout: 120_000 }, () => {
  it('lasts the speech plus the intro, at −16 LUFS within 1 LU and true peak ≤ −1 dBTP, the quiet jingle levelled too', async () => {
    const store = new MemoryObjectStore();
    // A 4-second jingle far quieter than the target (−35 dBFS), as a station might have recorded it.
    const jingle = execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', 'sine=frequency=523:duration=4', '-af', 'volume=-35dB', '-f', 'wav', '-']);
    const key = jingleKey('phuong-mau', 'trung-tam', 'intro', 'ef'.repeat(32), 'wav');
    await store.put(key, jingle, { contentType: 'audio/wav' });

    const plain = await stationAudio(store, undefined, input(unit(), 'campaign-khong-nhac-hieu'));
    const framed = await stationAudio(store, undefined, input(unit({ key, seconds: 4 }), 'campaign-co-nhac-hieu'));

    const file = path.join(mkdtempSync(path.join(tmpdir(), 'station-intro-')), 'bulletin.mp3');
    writeFileSync(file, store.objects.get(framed.campaignKey)!.body);
    const seconds = await audioDuration(file);
    // The intro and the half-second gap after it, within a tenth of a second or so of MP3 framing.
    expect(Math.abs(seconds - (plain.seconds + 4 + 0.5))).toBeLessThan(0.3);
    const measured = await measureLoudness(file);
    expect(Math.abs(measured.integrated - -16)).toBeLessThanOrEqual(1);
    expect(measured.truePeak).toBeLessThanOrEqual(-1);
    expect(framed.loudness.integrated).toBeCloseTo(measured.integrated, 1);
  });

  it('names the missing file when the station’s intro is gone from the store', async () => {
    const key = jingleKey('phuong-mau', 'trung-tam', 'intro', '01'.repeat(32), 'wav');
    await expect(stationAudio(new MemoryObjectStore(), undefined, input(unit({ key, seconds: 4 }), 'campaign-mat-nhac-hieu'))).rejects.toThrow('Không tìm thấy tệp nhạc hiệu mở đầu của trạm');
  });
});
