/**
 * Press briefings: the email (HTML + plain text) for one journalist, unsubscribe tokens, the
 * unsubscribe pages. Address checks live in domain/email.ts.
 */
export { renderBriefing, briefingSubject, type RenderBriefingInput, type RenderedBriefing, type BriefingRecipient, type PressContact, type BriefingImage } from './render-briefing.js';
export { createUnsubscribeToken, verifyUnsubscribeToken, emailHash, MAX_TOKEN_LENGTH } from './unsubscribe-token.js';
export { renderUnsubscribePage, maskEmail, type UnsubscribePageState } from './pages.js';
