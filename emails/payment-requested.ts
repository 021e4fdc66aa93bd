import { formatMoney } from '../app/lib/money';
import { translator, type Locale } from '../app/lib/i18n';
import { renderLayout } from './layout';
import { associationFrame, bankTransferBlock, day, text, type BankDetails } from './payment-parts';

export interface PaymentRequestedPayload {
  organisation: string;
  /** JSON text keyed by locale */
  edition: string;
  standType: string;
  amountCents: number;
  deadline: string;
  url: string;
  /** null when the fee is paid online (Stripe Checkout) */
  bank: BankDetails | null;
}

/** "Please pay": sent when an application with a fee is approved. */
export function paymentRequestedEmail(p: PaymentRequestedPayload, locale: Locale) {
  const t = translator(locale);
  const values = { organisation: p.organisation, edition: text(p.edition, locale), standType: text(p.standType, locale), amount: formatMoney(p.amountCents, locale), deadline: day(p.deadline, locale) };
  return renderLayout({
    locale,
    ...associationFrame(t, p.organisation),
    subject: t('payments:emails.requested.subject', values),
    paragraphs: [
      t('payments:emails.requested.body', values),
      t('payments:emails.requested.deadline', values),
      ...(p.bank ? bankTransferBlock(t, p.bank, p.amountCents, locale) : [t('payments:emails.onlineIntro')]),
      t('payments:emails.waiverHint'),
    ],
    action: { label: t('payments:emails.toPaymentPage'), url: p.url },
  });
}
