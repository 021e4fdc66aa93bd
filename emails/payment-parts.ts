/** Pieces shared by the payment messages: the bank-transfer block and day formatting. */
import type { TFunction } from '../app/lib/i18n';
import { formatMoney } from '../app/lib/money';
import type { Locale } from '../app/lib/i18n';
import type { BankDetails } from '../app/domain/payments/bank-details';

export type { BankDetails };
import { pickText } from '../app/lib/i18n-text';
import { berlinDay, formatDay } from '../app/lib/time';


export function bankTransferBlock(t: TFunction, bank: BankDetails, amountCents: number, locale: Locale): string[] {
  return [
    t('payments:emails.bankIntro'),
    [
      `${t('payments:bank.payee')}: ${bank.payee}`,
      `${t('payments:bank.iban')}: ${bank.iban}`,
      `${t('payments:bank.bic')}: ${bank.bic}`,
      `${t('payments:bank.bank')}: ${bank.bank}`,
      `${t('payments:bank.amount')}: ${formatMoney(amountCents, locale)}`,
      `${t('payments:bank.reference')}: ${bank.reference}`,
    ].join('\n'),
    t('payments:bank.referenceHint'),
  ];
}

export const text = (value: string, locale: Locale) => pickText(value, locale).text;
export const day = (iso: string, locale: Locale) => formatDay(berlinDay(iso), locale);

/**
 * The greeting and the "why you get this" footer every message to an association carries,
 * the same as the registration messages (a payment message had neither).
 */
export function associationFrame(t: TFunction, organisation: string, footerLines: string[] = []): { greeting: string; footer: string[] } {
  return { greeting: t('registration:emails.greeting'), footer: [...footerLines, t('registration:emails.footer', { organisation })] };
}
