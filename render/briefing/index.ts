/**
 * Press briefings: the email (HTML + plain text) for one journalist, unsubscribe tokens, the
 * unsubscribe pages and address checks.
 */
export { renderBriefing, briefingSubject, occasionLabel, type RenderBriefingInput, type RenderedBriefing, type BriefingRecipient, type PressContact, type BriefingImage } from './render-briefing.js';
export { createUnsubscribeToken, verifyUnsubscribeToken, emailHash, normalizeEmail, MAX_TOKEN_LENGTH } from './unsubscribe-token.js';
export { renderUnsubscribePage, maskEmail, type UnsubscribePageState } from './pages.js';
export { isEmailAddress, senderDomain } from './address.js';
