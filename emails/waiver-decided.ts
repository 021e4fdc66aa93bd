import { formatMoney } from '../app/lib/money';
import { translator, type Locale } from '../app/lib/i18n';
import { renderLayout } from './layout';
import { associationFrame, day, text } from './payment-parts';
import { standPassPart } from './stand-pass-part';
import type { PassMailPart } from '../app/domain/festival-day/passes.server';

export interface WaiverDecidedPayload {
  granted: boolean;
  reason: string | null;
  organisation: string;
  edition: string;
  amountCents: number;
  deadline: string;
  url: string;
  /** the stand pass, when the waiver confirmed the stand */
  pass?: PassMailPart | null;
}

/** The organiser's answer to a request to waive the fee. */
export function waiverDecidedEmail(p: WaiverDecidedPayload, locale: Locale) {
  const t = translator(locale);
  const values = { organisation: p.organisation, edition: text(p.edition, locale), amount: formatMoney(p.amountCents, locale), deadline: day(p.deadline, locale), reason: p.reason ?? '' };
  const key = p.granted ? 'granted' : 'refused';
  const pass = standPassPart(p.granted ? p.pass : null, t);
  return renderLayout({
    locale,
    ...associationFrame(t, p.organisation),
    subject: t(`payments:emails.waiver.${key}Subject`, values),
    paragraphs: [
      t(`payments:emails.waiver.${key}Body`, values),
      ...(p.reason ? [t('payments:emails.waiver.reason', values)] : []),
      ...(p.granted ? [] : [t('payments:emails.waiver.payNow', values)]),
      ...pass.paragraphs,
    ],
    ...(pass.attachments.length ? { attachments: pass.attachments } : {}),
    action: { label: t('payments:emails.toPaymentPage'), url: p.url },
  });
}
