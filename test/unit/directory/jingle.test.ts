/**
 * A station's intro and outro: the record (only on IP stations, only files kept under the
 * station), and the checks of an upload with the real ffprobe — a file that is not audio, too
 * large or too long is refused with a sentence naming the file and what is wrong.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { JINGLE_MAX_BYTES, jingleKey, jingleProblem } from '../../../domain/directory/jingle.js';
import { unitLocalities } from '../../../domain/directory/audience.js';
import { validateUnit } from '../../../domain/directory/validate.js';
import type { UnitInput } from '../../../domain/directory/schema.js';
import { checkJingle } from '../../../infra/station-jingle.js';

const tone = (seconds: number, format: 'wav' | 'mp3' | 'ogg' = 'wav') =>
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', `sine=frequency=660:duration=${seconds}`, ...(format === 'ogg' ? ['-c:a', 'libvorbis'] : []), '-f', format, '-']);

const KEY = jingleKey('xa-mau', 'trung-tam', 'intro', 'ab'.repeat(32), 'mp3');
const unit = (station: Record<string, unknown>): UnitInput =>
  ({
    id: 'xa-mau',
    name: 'Xã Mẫu',
    shortName: 'Mẫu',
    tier: 'commune',
    kind: 'xa',
    parentId: 'tinh-mau',
    broadcast: {
      name: 'Đài truyền thanh xã Mẫu',
      stations: [{ id: 'trung-tam', name: 'Đài truyền thanh xã Mẫu', system: 'ip', slots: [{ id: 'sang', label: 'Buổi sáng', start: '06:00', durationMinutes: 20 }], operator: { name: 'Người vận hành', email: 'vanhanh@example.org', phone: '0000 100 001' }, ...station }],
    },
  }) as UnitInput;

describe('a station’s intro and outro in the directory', () => {
  it('is kept on an IP station by its key, and reaches the campaign’s locality', () => {
    const checked = validateUnit(unit({ intro: { key: KEY, file: 'nhac-hieu.mp3', seconds: 4.2 }, tts: { rate: 0.9, pitch: -2 } }));
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const [locality] = unitLocalities(checked.unit);
    expect(locality).toMatchObject({ intro: KEY, tts: { rate: 0.9, pitch: -2 } });
    expect(locality!.outro).toBeUndefined();
  });

  it('is refused on a station read by an announcer, for another station’s file, or when too long', () => {
    const classic = validateUnit(unit({ system: 'classic', intro: { key: KEY, file: 'nhac-hieu.mp3', seconds: 4 } }));
    expect(classic.ok).toBe(false);
    if (!classic.ok) expect(classic.problems.map((p) => p.message).join(' ')).toContain('chỉ hệ thống IP (loa thông minh) mới phát nhạc hiệu mở đầu');
    const elsewhere = validateUnit(unit({ outro: { key: jingleKey('xa-khac', 'trung-tam', 'outro', 'cd'.repeat(32), 'wav'), file: 'ket-thuc.wav', seconds: 3 } }));
    expect(elsewhere.ok).toBe(false);
    if (!elsewhere.ok) expect(elsewhere.problems.map((p) => p.message).join(' ')).toContain('tệp nhạc hiệu kết thúc “ket-thuc.wav” không thuộc trạm này');
    const long = validateUnit(unit({ intro: { key: KEY, file: 'dai.mp3', seconds: 45 } }));
    expect(long.ok).toBe(false);
  });

  it('names the file and the problem: over the size limit, not MP3/WAV/OGG by name', () => {
    expect(jingleProblem('intro', { name: 'to.wav', size: JINGLE_MAX_BYTES + 1 })).toMatch(/^Tệp nhạc hiệu mở đầu “to\.wav” nặng 4,1 MB, quá giới hạn 4 MB/);
    expect(jingleProblem('outro', { name: 'ket-thuc.flac', size: 1000 })).toBe('Tệp nhạc hiệu kết thúc “ket-thuc.flac” không phải tệp MP3, WAV hoặc OGG; hãy chọn tệp âm thanh có đuôi .mp3, .wav hoặc .ogg.');
  });

  it('probes uploads with ffprobe: accepts short MP3, WAV and OGG audio; refuses text, a WAV named .mp3, and a 40-second file', { timeout: 60_000 }, async () => {
    for (const format of ['wav', 'mp3', 'ogg'] as const) {
      const ok = await checkJingle('intro', { name: `nhac-hieu.${format}`, bytes: tone(3, format) });
      expect(ok.ok, format).toBe(true);
      if (ok.ok) expect(Math.abs(ok.seconds - 3)).toBeLessThan(0.2);
    }
    const text = await checkJingle('intro', { name: 'nhac-hieu.mp3', bytes: Buffer.from('Đây không phải là âm thanh, chỉ là một dòng chữ.\n'.repeat(50)) });
    expect(text).toEqual({ ok: false, message: 'Tệp nhạc hiệu mở đầu “nhac-hieu.mp3” không phải tệp âm thanh đọc được (không tìm thấy tiếng trong tệp); hãy chọn tệp MP3, WAV hoặc OGG khác.' });
    const misnamed = await checkJingle('outro', { name: 'ket-thuc.mp3', bytes: tone(2, 'wav') });
    expect(misnamed.ok).toBe(false);
    if (!misnamed.ok) expect(misnamed.message).toContain('có đuôi .mp3 nhưng nội dung không phải tệp MP3');
    const long = await checkJingle('outro', { name: 'ket-thuc.ogg', bytes: tone(40, 'ogg') });
    expect(long.ok).toBe(false);
    if (!long.ok) expect(long.message).toBe('Tệp nhạc hiệu kết thúc “ket-thuc.ogg” dài 40 giây, quá giới hạn 30 giây; hãy cắt ngắn rồi tải lên lại.');
  });
});

describe('a stations import', () => {
  it('keeps the intro and outro the station has (a sheet does not carry them)', async () => {
    const { planImport, parseCsv } = await import('../../../domain/directory/index.js');
    const checked = validateUnit({ ...unit({ intro: { key: KEY, file: 'nhac-hieu.mp3', seconds: 4 } }), plans: [], editors: [] });
    if (!checked.ok) throw new Error('fixture must be valid');
    const sheet = parseCsv(
      'Mã đơn vị,Mã trạm,Tên trạm cụm loa,Loại trạm,Hệ thống,Khung giờ phát,Người vận hành,Email người vận hành,Điện thoại người vận hành\n' +
        'xa-mau,trung-tam,Đài truyền thanh xã Mẫu,đài truyền thanh,IP,Buổi sáng 06:00-06:30,Người vận hành mới,vanhanh@example.org,0000 100 001\n',
    );
    const plan = planImport('stations', sheet, { current: new Map([['xa-mau', { unit: checked.unit, revision: 2 }]]), summary: () => ({ id: 'tinh-mau', name: 'Tỉnh Mẫu', tier: 'province' }), ownerOfPlan: () => undefined });
    expect(plan.problems).toEqual([]);
    const after = plan.changes[0]!.after.broadcast!.stations[0]!;
    expect(after.operator.name).toBe('Người vận hành mới');
    expect(after.intro).toEqual({ key: KEY, file: 'nhac-hieu.mp3', seconds: 4 });
  });
});
