/**
 * What the forms share besides Conform (ADR 077): a reason as a translation key with its
 * values (`FieldError`), and the honeypot. Parsing, refilling and the browser's check are
 * Conform's, with the messages of app/lib/form-keys.ts.
 */

export interface FieldError {
  key: string;
  values?: Record<string, string | number>;
}
export type FieldErrors = Record<string, FieldError>;

/** The honeypot field of `<Honeypot />`: people never fill it in. */
export const HONEYPOT_FIELD = 'website_url_confirm';

/** Whether the honeypot of `<Honeypot />` was filled in: a bot, refused with `forms:errors.bot`. */
export function caughtByHoneypot(formData: FormData): boolean {
  const trap = formData.get(HONEYPOT_FIELD);
  return typeof trap === 'string' && trap !== '';
}
