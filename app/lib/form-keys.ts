/**
 * Conform forms with translated messages. Conform carries errors as lists of strings; here
 * each string is a translation key, with its values appended as JSON after a "|"
 * ("forms:errors.tooLong|{"max":120}"), so the server's reply and the browser's own check
 * say the same thing in the reader's language. `keyErrorMap` is the zod error map for
 * `parseWithZod(formData, { schema, error: keyErrorMap })`; a schema's own message that is
 * already a key ("setup:errors.closesBeforeOpens") is kept as it is.
 */
import type { z } from 'zod';
import type { FieldError, FieldErrors } from './forms';

export function encodeFieldError(error: FieldError): string {
  return error.values && Object.keys(error.values).length > 0 ? `${error.key}|${JSON.stringify(error.values)}` : error.key;
}

export function decodeFieldError(message: string | undefined): FieldError | undefined {
  if (!message) return undefined;
  const bar = message.indexOf('|');
  if (bar < 0) return { key: message };
  try {
    return { key: message.slice(0, bar), values: JSON.parse(message.slice(bar + 1)) as Record<string, string | number> };
  } catch {
    return { key: message.slice(0, bar) };
  }
}

/** The first error of a Conform field as the FieldError the shared form components show. */
export function firstError(errors: string[] | undefined): FieldError | undefined {
  return decodeFieldError(errors?.[0]);
}

/** A failed submission's errors (Conform's lists of keys) as FieldErrors, the first of each field; form-level ones under `form`. */
export function fieldErrorsOf(errors: Record<string, string[] | null> | null | undefined): FieldErrors {
  const out: FieldErrors = {};
  for (const [name, messages] of Object.entries(errors ?? {})) {
    const decoded = decodeFieldError(messages?.[0]);
    if (decoded) out[name === '' ? 'form' : name] = decoded;
  }
  return out;
}

/** Domain field errors (FieldErrors) as Conform's `fieldErrors`. */
export function toConformErrors(errors: FieldErrors): Record<string, string[]> {
  return Object.fromEntries(Object.entries(errors).map(([field, error]) => [field, [encodeFieldError(error)]]));
}

export const keyErrorMap = (issue: z.core.$ZodRawIssue): string => {
  switch (issue.code) {
    case 'too_big':
      return issue.origin === 'string'
        ? encodeFieldError({ key: 'forms:errors.tooLong', values: { max: Number(issue.maximum) } })
        : encodeFieldError({ key: 'forms:errors.tooBig', values: { max: Number(issue.maximum) } });
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) <= 1
        ? 'forms:errors.required'
        : issue.origin === 'string'
          ? encodeFieldError({ key: 'forms:errors.tooShort', values: { min: Number(issue.minimum) } })
          : encodeFieldError({ key: 'forms:errors.tooSmall', values: { min: Number(issue.minimum) } });
    case 'invalid_format':
      return issue.format === 'email' ? 'forms:errors.email' : issue.format === 'url' ? 'forms:errors.url' : 'forms:errors.invalid';
    case 'invalid_type':
      return issue.input === undefined || issue.input === '' ? 'forms:errors.required' : 'forms:errors.invalid';
    case 'invalid_value':
      return 'forms:errors.choose';
    default:
      return 'forms:errors.invalid';
  }
};
