/**
 * One layout for every message: the same content as plain text and as simple, accessible
 * HTML (lang and dir set, no images, no tracking). Templates describe content as data.
 */
import { directionOf, type Locale } from '../app/lib/i18n';
import type { MailAttachment, RenderedMail } from '../app/domain/mail/templates';

export type { MailAttachment, RenderedMail };

/**
 * The one-click unsubscribe address (RFC 8058) behind a resident's unsubscribe page link:
 * a POST there unsubscribes without a cookie or a confirmation step.
 */
export function oneClickUnsubscribeUrl(unsubscribePageUrl: string): string {
  return unsubscribePageUrl.replace('/notifications/unsubscribe/', '/notifications/one-click/');
}

/** List-Unsubscribe with List-Unsubscribe-Post, as the large mail providers expect on mail not asked for right then. */
export function listUnsubscribeHeaders(oneClickUrl: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${oneClickUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

export interface MailContent {
  locale: Locale;
  subject: string;
  greeting?: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** shown small at the end: why you get this, how to stop it */
  footer?: string[];
  attachments?: MailAttachment[];
  /** one-click unsubscribe address: becomes the List-Unsubscribe headers */
  oneClickUnsubscribe?: string;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function renderLayout(c: MailContent): RenderedMail {
  const text = [
    c.greeting,
    ...c.paragraphs,
    c.action ? `${c.action.label}:\n${c.action.url}` : undefined,
    ...(c.footer?.length ? ['--', ...c.footer] : []),
  ]
    .filter((p): p is string => Boolean(p))
    .join('\n\n');
  const dir = directionOf(c.locale);
  const html = `<!doctype html>
<html lang="${c.locale}" dir="${dir}"><head><meta charset="utf-8"><title>${escape(c.subject)}</title></head>
<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1b1b1f;max-width:36rem;margin:0 auto;padding:1rem">
${c.greeting ? `<p>${escape(c.greeting)}</p>\n` : ''}${c.paragraphs.map((p) => `<p>${escape(p).replace(/\n/g, '<br>')}</p>`).join('\n')}
${c.action ? `<p><a href="${escape(c.action.url)}" style="display:inline-block;background:#8a1538;color:#fff;padding:.6rem 1rem;border-radius:.3rem;text-decoration:none">${escape(c.action.label)}</a></p>\n<p style="font-size:.9em;color:#50505a">${escape(c.action.url)}</p>` : ''}
${c.footer?.length ? `<hr><p style="font-size:.85em;color:#50505a">${c.footer.map(escape).join('<br>')}</p>` : ''}
</body></html>`;
  return { subject: c.subject, text, html, attachments: c.attachments, ...(c.oneClickUnsubscribe ? { headers: listUnsubscribeHeaders(c.oneClickUnsubscribe) } : {}) };
}
