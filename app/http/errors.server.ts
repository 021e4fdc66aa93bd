/**
 * The one error contract between the domain and HTTP (ADR 075).
 *
 * A typed domain error becomes `{ status, formError, fieldErrors }`: its status (400, 403,
 * 404, 409 …), the reason for the top of the form as a translation key, and the reasons tied
 * to fields. Loaders throw it as a response (`orRespond`), which the error boundary
 * translates; actions hand it back to their Conform form (`attempt`, `replyOf`,
 * `replyOnFailure`, `removalAttempt`), which shows it next to the field or over the form.
 * Anything that is not a domain error is rethrown as it is.
 */
import { json } from '@remix-run/node';
import type { Submission } from '@conform-to/react';
import { DomainError, statusOf, ValidationError } from '~/domain/errors';
import type { FieldError, FieldErrors } from '../lib/forms';
import { encodeFieldError, toConformErrors } from '../lib/form-keys';

export interface Failure {
  status: number;
  /** the reason, as a translation key, for the top of the form */
  formError: FieldError;
  /** reasons tied to fields, shown next to them (empty when the reason is about the whole form) */
  fieldErrors: FieldErrors;
  /** the domain error itself, for the few refusals that carry more (the conflicts that block a release) */
  error: DomainError;
}

export type Attempt<T> = { ok: true; value: T } | ({ ok: false } & Failure);

/** The contract itself: a domain error as status, form error and field errors; null for anything else. */
export function failureOf(error: unknown): Failure | null {
  if (!(error instanceof DomainError)) return null;
  const fieldErrors: FieldErrors = {};
  if (error instanceof ValidationError) {
    for (const [field, key] of Object.entries(error.fieldErrors)) fieldErrors[field] = { key, values: error.values };
  }
  return { status: statusOf(error), formError: { key: error.messageKey, values: error.values }, fieldErrors, error };
}

/** For actions that re-render their form: a typed domain error comes back as data, not as a thrown page. */
export async function attempt<T>(call: () => Promise<T>): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    const failure = failureOf(error);
    if (!failure) throw error;
    return { ok: false, ...failure };
  }
}

/**
 * A typed domain error becomes its status with the message key and values, which the error
 * boundary translates into the reader's language; anything else is rethrown as it is.
 */
export function rethrowAsResponse(error: unknown): never {
  const failure = failureOf(error);
  if (failure) respondWith(failure);
  throw error;
}

/** A failure that has no form to go back to: its status page, with the reason translated there. */
export function respondWith(failure: Failure): never {
  throw json({ message: failure.formError.key, values: failure.formError.values }, { status: failure.status });
}

/** For loaders and actions without a form to show again: a domain error goes to the error page. */
export async function orRespond<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    rethrowAsResponse(error);
  }
}

/**
 * For Conform forms: success gives the value; a domain error becomes the submission's reply
 * (input kept, the reason next to its field or over the form) with its 4xx status. Unknown or
 * forbidden things (404, 403) go to the error page.
 */
export async function replyOnFailure<T>(
  submission: Submission<unknown, string[], unknown>,
  run: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; response: Response }> {
  const outcome = await attempt(run);
  if (outcome.ok) return outcome;
  if (outcome.status === 404 || outcome.status === 403) respondWith(outcome);
  return { ok: false, response: json({ result: replyOf(submission, outcome) }, { status: outcome.status }) };
}

/**
 * For the "remove" button beside a Conform form: a refusal comes back as `removal`, the
 * reason shown over the button (`result` stays null: the other form is not answered).
 * Unknown or forbidden things (404, 403) go to the error page.
 */
export async function removalAttempt<T>(run: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; response: ReturnType<typeof json<{ removal: FieldError; result: null }>> }> {
  const outcome = await attempt(run);
  if (outcome.ok) return outcome;
  if (outcome.status === 404 || outcome.status === 403) respondWith(outcome);
  return { ok: false, response: json({ removal: outcome.formError, result: null }, { status: outcome.status }) };
}

/** A failure as a Conform submission's reply: the reason next to its fields, or over the form when it names none. */
export function replyOf(submission: Submission<unknown, string[], unknown>, failure: Pick<Failure, 'formError' | 'fieldErrors'>) {
  const hasFields = Object.keys(failure.fieldErrors).length > 0;
  return submission.reply({
    formErrors: hasFields ? [] : [encodeFieldError(failure.formError)],
    fieldErrors: toConformErrors(failure.fieldErrors),
  });
}
