/**
 * Money is kept in integer euro cents everywhere; these two functions are the only
 * places where it becomes text or comes from text. Shared by server and browser.
 */
import type { Locale } from '~/lib/i18n';

/** Latin digits for Arabic, as for times (app/lib/time.ts), so amounts read the same everywhere. */
const intlTag: Record<Locale, string> = { de: 'de-DE', en: 'en-GB', tr: 'tr-TR', ar: 'ar-u-nu-latn', ro: 'ro-RO', bg: 'bg-BG' };
const formatters = new Map<string, Intl.NumberFormat>();

/** 5000 → "50,00 €" (de), "€50.00" (en) */
export function formatMoney(cents: number, locale: Locale, currency = 'eur'): string {
  const key = `${locale}|${currency}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(intlTag[locale], { style: 'currency', currency: currency.toUpperCase(), minimumFractionDigits: 2 });
    formatters.set(key, f);
  }
  return f.format(cents / 100);
}

/**
 * An amount in euros as typed by an organiser: "50", "50,00", "50.5", "1.234,56", "1,234.56".
 * The last "," or "." followed by one or two digits is the decimal mark; other marks group
 * thousands. Returns cents, or null for anything else (negative, three decimals, letters).
 */
export function parseEuroAmount(input: string): number | null {
  const text = input.trim().replace(/\s|€|EUR/gi, '');
  if (!/^\d{1,3}([.,]?\d{3})*([.,]\d{1,2})?$|^\d+([.,]\d{1,2})?$/.test(text)) return null;
  const decimal = /[.,](\d{1,2})$/.exec(text);
  const whole = (decimal ? text.slice(0, decimal.index) : text).replace(/[.,]/g, '');
  const fraction = decimal ? decimal[1]!.padEnd(2, '0') : '00';
  const cents = Number(whole) * 100 + Number(fraction);
  return Number.isSafeInteger(cents) && cents <= 100_000_000 ? cents : null;
}
