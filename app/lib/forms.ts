/**
 * Forms are parsed with one zod schema each. Errors come back as translation keys per
 * field, with the submitted values, so the form is shown again filled in and explained.
 */
import type { z } from 'zod';

export interface FieldError {
  key: string;
  values?: Record<string, string | number>;
}
export type FieldErrors = Record<string, FieldError>;

export type FormResult<T> =
  | { success: true; data: T }
  | { success: false; errors: FieldErrors; values: Record<string, string> };

function issueToError(issue: z.core.$ZodIssue): FieldError {
  // A schema may name its own translation key ("ns:key") as the message.
  if (/^[a-z]+:/.test(issue.message)) return { key: issue.message };
  switch (issue.code) {
    case 'too_big':
      return issue.origin === 'string'
        ? { key: 'forms:errors.tooLong', values: { max: Number(issue.maximum) } }
        : { key: 'forms:errors.tooBig', values: { max: Number(issue.maximum) } };
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) <= 1
        ? { key: 'forms:errors.required' }
        : issue.origin === 'string'
          ? { key: 'forms:errors.tooShort', values: { min: Number(issue.minimum) } }
          : { key: 'forms:errors.tooSmall', values: { min: Number(issue.minimum) } };
    case 'invalid_format':
      return { key: issue.format === 'email' ? 'forms:errors.email' : issue.format === 'url' ? 'forms:errors.url' : 'forms:errors.invalid' };
    case 'invalid_type':
      return { key: issue.input === undefined || issue.input === '' ? 'forms:errors.required' : 'forms:errors.invalid' };
    case 'invalid_value':
      return { key: 'forms:errors.choose' };
    default:
      return { key: 'forms:errors.invalid' };
  }
}

/** Plain values of a form, for showing it again (files and repeated fields flattened). */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [k, v] of formData.entries()) if (typeof v === 'string') values[k] = k in values ? `${values[k]},${v}` : v;
  return values;
}

/** The honeypot field of `<Honeypot />`: people never fill it in. */
export const HONEYPOT_FIELD = 'website_url_confirm';

/** Whether the honeypot of `<Honeypot />` was filled in: a bot, refused with `forms:errors.bot`. */
export function caughtByHoneypot(formData: FormData): boolean {
  const trap = formData.get(HONEYPOT_FIELD);
  return typeof trap === 'string' && trap !== '';
}

export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): FormResult<z.output<S>> {
  if (caughtByHoneypot(formData)) {
    return { success: false, errors: { form: { key: 'forms:errors.bot' } }, values: formValues(formData) };
  }
  const input: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key === HONEYPOT_FIELD) continue;
    const all = formData.getAll(key).filter((v): v is string => typeof v === 'string');
    input[key] = all.length > 1 ? all : all[0];
  }
  // reportInput: an issue carries what was typed, so "wrong" is told apart from "missing"
  const parsed = schema.safeParse(input, { reportInput: true });
  if (parsed.success) return { success: true, data: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path.map(String).join('.') || 'form';
    errors[field] ??= issueToError(issue);
  }
  return { success: false, errors, values: formValues(formData) };
}
