import { DomainError, statusOf, ValidationError } from '~/domain/errors';
import type { FieldErrors } from '../lib/forms';

export type Attempt<T> = { ok: true; value: T } | { ok: false; status: number; errors: FieldErrors };

/**
 * Runs a domain call for a form: a typed domain error becomes field errors (or a form-level
 * error) with its status, so the form is shown again with the reason next to it.
 */
export async function attempt<T>(call: () => Promise<T>): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const errors: FieldErrors = {};
    if (error instanceof ValidationError) {
      for (const [field, key] of Object.entries(error.fieldErrors)) errors[field] = { key, values: error.values };
    }
    if (Object.keys(errors).length === 0) errors.form = { key: error.messageKey, values: error.values };
    return { ok: false, status: statusOf(error), errors };
  }
}
