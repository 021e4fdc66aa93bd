import { translator, type Locale } from '../app/lib/i18n';
import { pickText } from '../app/lib/i18n-text';
import type { StandConfirmedPayload } from '../app/domain/festival-day/passes.server';
import { renderLayout } from './layout';
import { associationFrame } from './payment-parts';
import { standPassPart } from './stand-pass-part';

/** The organisers confirmed the stand by hand: it is confirmed, and here is the pass for the day. */
export function standConfirmedEmail(p: StandConfirmedPayload, locale: Locale) {
  const t = translator(locale);
  const values = { organisation: p.organisation, edition: pickText(p.edition, locale).text };
  const pass = standPassPart(p.pass, t);
  return renderLayout({
    locale,
    ...associationFrame(t, p.organisation),
    subject: t('festival-day:mail.confirmed.subject', values),
    paragraphs: [t('festival-day:mail.confirmed.body', values), ...pass.paragraphs],
    action: { label: t('festival-day:mail.confirmed.action'), url: p.pass.url },
    attachments: pass.attachments,
  });
}
