/**
 * Web posts and the static site they publish to: input cleaning with documented limits,
 * the article page, the index page, the RSS feed, the 404 page and HTML validation.
 */
export { TEXT_LIMITS, LIST_LIMITS } from '../../../render/content/limits.js';
export { ContentInputError, ProblemCollector, type InputProblem } from '../../../render/content/clean-text.js';
export { cleanBrief, cleanBriefInto } from '../../../render/content/clean-brief.js';
export { renderPost, countWords, summarize, sapoOf, planLine, taskLabel, isHttpUrl, type PostImage, type PostFaq, type RenderPostInput, type RenderedPost } from './render-post.js';
export { renderSiteIndex, renderFeed, renderSiteNotFound, newestFirst, type SitePostSummary } from './site-pages.js';
export { DEFAULT_SITE, postUrl, type SiteInfo } from './site-context.js';
export { validatePost, type ValidationResult } from './validate.js';
export { figureView } from '../../../render/content/figures.js';
export * from '../../../render/content/vn-time.js';
export { imageInfo, contentTypeForExtension, IMAGE_TYPES, type ImageInfo, type ImageContentType } from '../../../render/content/image-info.js';
