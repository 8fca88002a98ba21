/**
 * `campaign doctor`'s check of the audio path for smart loudspeaker stations: the configured
 * speech engine says a short sentence and ffmpeg levels it, as a bulletin would be made.
 */
import type { SpeechSettings } from './config.js';
import type { HealthCheck } from './health.js';
import { levelSegment } from '../render/audio/bulletin-audio.js';
import { DEFAULT_SPEECH, speechEngineFor } from '../render/audio/engine.js';

export async function checkSpeech(settings: SpeechSettings = DEFAULT_SPEECH): Promise<HealthCheck> {
  const engine = speechEngineFor(settings);
  if (!engine) return { service: 'speech', address: 'SPEECH_ENGINE=off', state: 'up', detail: 'đã tắt: trạm loa thông minh chỉ nhận văn bản' };
  const check: HealthCheck = { service: 'speech', address: engine.label, state: 'down' };
  try {
    const { loudness } = await levelSegment(await engine.synthesize({ text: 'Đây là đài truyền thanh, xin kính chào bà con.' }), { target: { integrated: settings.loudness, truePeak: -1 } });
    check.state = 'up';
    check.detail = `đọc thử và chuẩn hóa: ${loudness.integrated} LUFS, đỉnh ${loudness.truePeak} dBTP`;
  } catch (err) {
    check.detail = (err as Error).message;
  }
  return check;
}
