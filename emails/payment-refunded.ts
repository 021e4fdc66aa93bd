import { formatMoney } from '../app/lib/money';
import { translator, type Locale } from '../app/lib/i18n';
import { renderLayout } from './layout';
import { associationFrame, text } from './payment-parts';

export interface PaymentRefundedPayload {
  organisation: string;
  edition: string;
  refundCents: number;
  method: 'stripe' | 'bank_transfer';
  url: string;
}

/**
 * An organiser cancelled a paid stand with a refund: what comes back and how. (The
 * cancellation itself, with its reason, is the registration's own message.)
 */
export function paymentRefundedEmail(p: PaymentRefundedPayload, locale: Locale) {
  const t = translator(locale);
  const values = { organisation: p.organisation, edition: text(p.edition, locale), amount: formatMoney(p.refundCents, locale) };
  return renderLayout({
    locale,
    ...associationFrame(t, p.organisation),
    subject: t('payments:emails.refunded.subject', values),
    paragraphs: [t('payments:emails.refunded.body', values), t(p.method === 'stripe' ? 'payments:emails.refunded.stripe' : 'payments:emails.refunded.bank', values)],
    action: { label: t('payments:emails.toPaymentPage'), url: p.url },
  });
}
