/** The unsubscribe web pages (confirm, done, already, invalid), in Vietnamese. */
import { renderBriefingTemplate } from './templates.js';

export type UnsubscribePageState = 'confirm' | 'done' | 'already' | 'invalid';

const TITLES: Record<UnsubscribePageState, string> = {
  confirm: 'Ngừng nhận thông tin cho báo chí',
  done: 'Đã ngừng nhận thông tin',
  already: 'Đã ngừng nhận thông tin',
  invalid: 'Liên kết không hợp lệ',
};

/** "nguyen.van.a@example.org" → "n***@example.org": enough to recognise, little to leak. */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}***@${domain}`;
}

/** Renders an unsubscribe page; `action` is the form's POST target (confirm only). */
export function renderUnsubscribePage(state: UnsubscribePageState, data: { email?: string; action?: string } = {}): string {
  return renderBriefingTemplate('unsubscribePage', {
    state,
    title: TITLES[state],
    maskedEmail: data.email ? maskEmail(data.email) : undefined,
    action: data.action,
  });
}
