/**
 * Infographics from templates: the public surface for activities and the CLI.
 * Render with `renderInfographic(brief, templateName)`; list templates with `TEMPLATE_NAMES`.
 */
export {
  MissingFieldError,
  renderInfographic,
  renderInfographicSvg,
  RENDERER_VERSION,
  type InfographicSvg,
  type RenderedInfographic,
  type RenderOptions,
} from './render.js';
export { getTemplate, TEMPLATE_NAMES, UnknownTemplateError, type InfographicTemplate } from './templates.js';
export { TextTooLongError, type LaidOutText } from '../../../render/layout.js';
