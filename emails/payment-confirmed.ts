import { formatMoney } from '../app/lib/money';
import { translator, type Locale } from '../app/lib/i18n';
import { renderLayout } from './layout';
import { associationFrame, text } from './payment-parts';
import { standPassPart } from './stand-pass-part';
import type { PassMailPart } from '../app/domain/festival-day/passes.server';

export interface PaymentConfirmedPayload {
  organisation: string;
  edition: string;
  amountCents: number;
  outstandingCents: number;
  /** the registration is confirmed by this payment */
  confirmed: boolean;
  receiptNumber: string;
  receiptUrl: string;
  url: string;
  /** the stand pass, when this payment confirmed the stand */
  pass?: PassMailPart | null;
}

/** Money arrived: thanks, the receipt, and whether the stand is now confirmed. */
export function paymentConfirmedEmail(p: PaymentConfirmedPayload, locale: Locale) {
  const t = translator(locale);
  const values = { organisation: p.organisation, edition: text(p.edition, locale), amount: formatMoney(p.amountCents, locale), outstanding: formatMoney(p.outstandingCents, locale), receipt: p.receiptNumber };
  const pass = standPassPart(p.confirmed ? p.pass : null, t);
  return renderLayout({
    locale,
    ...associationFrame(t, p.organisation, [`${t('payments:emails.toPaymentPage')}: ${p.url}`]),
    subject: t('payments:emails.confirmed.subject', values),
    paragraphs: [
      t('payments:emails.confirmed.body', values),
      ...(p.confirmed ? [t('payments:emails.confirmed.standConfirmed', values)] : []),
      ...(p.outstandingCents > 0 ? [t('payments:emails.confirmed.outstanding', values)] : []),
      t('payments:emails.confirmed.receipt', values),
      ...pass.paragraphs,
    ],
    ...(pass.attachments.length ? { attachments: pass.attachments } : {}),
    action: { label: t('payments:emails.confirmed.action'), url: p.receiptUrl },
  });
}
