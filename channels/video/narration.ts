/**
 * The short video's narration, written for the ear from the brief alone (no sentence of its
 * own beyond naming the plan it comes from): the headline, the key messages, the body, and the
 * plan and its issuer. Each sentence is one subtitle, shown as written and spoken as the
 * loudspeaker scripts are (numbers, dates and symbols in words). Pure.
 */
import type { ContentBrief } from '../../domain/brief.js';
import { assertSpeakable, normalizeForSpeech } from '../../domain/speech/index.js';
import { asSentence } from '../loudspeaker/render/input.js';
import { narrationSentences } from '../../render/video/short-video.js';

export interface VideoNarration {
  /** Sentences as shown in the subtitles, in the order spoken. */
  sentences: string[];
  /** How many of the first sentences are never dropped to fit the length (headline, first key message). */
  kept: number;
}

/** "Theo Kế hoạch số 62/KH-UBND của Ủy ban nhân dân tỉnh Lạng Sơn." (no number: "Theo kế hoạch của …"). */
export function attribution(brief: Pick<ContentBrief, 'planSymbol' | 'issuer'>): string {
  const symbol = brief.planSymbol.replace(/\s*\([^)]*\)/gu, '').trim();
  return /\d/.test(symbol) ? `Theo Kế hoạch số ${symbol} của ${brief.issuer}.` : `Theo kế hoạch của ${brief.issuer}.`;
}

/** The full narration of a brief, before any is dropped to fit the video's length. */
export function videoNarration(brief: ContentBrief): VideoNarration {
  const messages = brief.keyMessages.map(asSentence).filter((s) => s.length > 1);
  const seen = new Set(messages);
  const body = brief.body
    .flatMap((p) => narrationSentences(p))
    .map(asSentence)
    .filter((s) => s.length > 1 && !seen.has(s));
  const sentences = [asSentence(brief.headline), ...messages, ...body];
  return { sentences, kept: Math.min(sentences.length, 2) };
}

/**
 * The narration with the `dropped` last droppable sentences left out; the plan's attribution
 * always closes it. Whole sentences only.
 */
export function fittedNarration(brief: ContentBrief, dropped: number): { sentences: string[]; dropped: string[] } {
  const { sentences, kept } = videoNarration(brief);
  const keep = Math.max(kept, sentences.length - dropped);
  return { sentences: [...sentences.slice(0, keep), attribution(brief)], dropped: sentences.slice(keep) };
}

/** How many sentences may be dropped at most. */
export function droppableCount(brief: ContentBrief): number {
  const { sentences, kept } = videoNarration(brief);
  return sentences.length - kept;
}

/** A sentence as the speech engine reads it. */
export function spokenForm(brief: Pick<ContentBrief, 'planSymbol' | 'issuer'>): (sentence: string) => string {
  const symbolIssuers = { [brief.planSymbol]: brief.issuer };
  return (sentence) => {
    const { text } = normalizeForSpeech(sentence, { symbolIssuers });
    assertSpeakable(text);
    return text;
  };
}
