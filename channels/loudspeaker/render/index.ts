/** Scripts for the ear: loudspeaker bulletins rendered from content briefs. */
export {
  loudspeakerFiles,
  renderLoudspeakerScript,
  type CountedExpansion,
  type LoudspeakerScript,
  type LoudspeakerScriptInput,
  type LoudspeakerSidecar,
  type ScriptLocality,
  type ScriptSlot,
} from './loudspeaker.js';
export { ScriptInputError, ScriptTooLongError, UnspeakableTextError } from './errors.js';
export { MAX_FIELD_CHARS, MAX_LIST_ITEMS, MAX_SHORT_FIELD_CHARS } from './input.js';
export { TEMPLATE_SOURCE_VERSION as LOUDSPEAKER_TEMPLATE_VERSION } from './templates.js';
