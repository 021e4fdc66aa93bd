import { json } from '@remix-run/node';
import { DomainError, statusOf, ValidationError } from '~/domain/errors';
import type { FieldErrors } from './forms';

/**
 * Runs a domain call for a form. A typed domain error comes back as the form's errors (a
 * ValidationError next to its fields, any other as a message over the form) with the
 * status it stands for, so the page shows the form again, filled in, instead of an error page.
 */
export async function formAttempt<T>(
  run: () => Promise<T>,
  reply: { intent: string; values: Record<string, string> },
): Promise<{ ok: true; value: T } | { ok: false; response: ReturnType<typeof json<{ intent: string; errors: FieldErrors; values: Record<string, string> }>> }> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const errors: FieldErrors =
      error instanceof ValidationError && Object.keys(error.fieldErrors).length > 0
        ? Object.fromEntries(Object.entries(error.fieldErrors).map(([field, key]) => [field, { key, values: error.values }]))
        : { form: { key: error.messageKey, values: error.values } };
    return { ok: false, response: json({ ...reply, errors }, { status: statusOf(error) }) };
  }
}
