import { DomainError, statusOf, ValidationError } from '~/domain/errors';
import type { FieldError, FieldErrors } from '../lib/forms';

export interface DomainFailure {
  ok: false;
  status: number;
  /** the reason, as a translation key, for a message at the top of the form */
  message: FieldError;
  /** reasons tied to fields, shown next to them */
  fieldErrors: FieldErrors;
}

/**
 * For actions that re-render their form: runs a domain call and hands a typed domain error
 * back as data with its status (409, 400 …) instead of throwing it to the error page, so
 * the form is shown again, filled in, with the reason next to the field.
 */
export async function attempt<T>(call: () => Promise<T>): Promise<{ ok: true; value: T } | DomainFailure> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const fieldErrors: FieldErrors = {};
    if (error instanceof ValidationError) {
      for (const [field, key] of Object.entries(error.fieldErrors)) fieldErrors[field] = { key, values: error.values };
    }
    return { ok: false, status: statusOf(error), message: { key: error.messageKey, values: error.values }, fieldErrors };
  }
}
