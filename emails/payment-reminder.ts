import { formatMoney } from '../app/lib/money';
import { translator, type Locale } from '../app/lib/i18n';
import { renderLayout } from './layout';
import { associationFrame, bankTransferBlock, day, text, type BankDetails } from './payment-parts';

export interface PaymentReminderPayload {
  stage: 1 | 2;
  organisation: string;
  edition: string;
  amountCents: number;
  deadline: string;
  url: string;
  bank: BankDetails | null;
}

/** The fee is overdue: stage 1 after the deadline, stage 2 a week later (then the office decides). */
export function paymentReminderEmail(p: PaymentReminderPayload, locale: Locale) {
  const t = translator(locale);
  const values = { organisation: p.organisation, edition: text(p.edition, locale), amount: formatMoney(p.amountCents, locale), deadline: day(p.deadline, locale) };
  return renderLayout({
    locale,
    ...associationFrame(t, p.organisation),
    subject: t(`payments:emails.reminder.subject${p.stage}`, values),
    paragraphs: [
      t('payments:emails.reminder.body', values),
      ...(p.stage === 2 ? [t('payments:emails.reminder.last', values)] : []),
      ...(p.bank ? bankTransferBlock(t, p.bank, p.amountCents, locale) : [t('payments:emails.onlineIntro')]),
      t('payments:emails.reminder.alreadyPaid'),
    ],
    action: { label: t('payments:emails.toPaymentPage'), url: p.url },
  });
}
