/** The speech engine the configuration names (SPEECH_ENGINE, SPEECH_URL, SPEECH_API_KEY, SPEECH_VOICE). */
import type { SpeechSettings } from '../../infra/config.js';
import { ESPEAK_VOICES, espeakEngine, httpSpeechEngine, type EspeakVoice, type SpeechEngine } from './speech-engine.js';

export const DEFAULT_SPEECH: SpeechSettings = { engine: 'espeak', voice: 'vi', loudness: -16 };

/** The engine, or undefined when speech is off (stations get the text only). */
export function speechEngineFor(settings: SpeechSettings = DEFAULT_SPEECH): SpeechEngine | undefined {
  if (settings.engine === 'off') return undefined;
  if (settings.engine === 'http') return httpSpeechEngine({ url: settings.url!, apiKey: settings.apiKey, voice: settings.voice });
  const voice = (ESPEAK_VOICES as readonly string[]).includes(settings.voice) ? (settings.voice as EspeakVoice) : 'vi';
  return espeakEngine({ voice });
}
