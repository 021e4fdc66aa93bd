import { json } from '@remix-run/node';
import type { Submission } from '@conform-to/react';
import { encodeFieldError, toConformErrors } from '../lib/form-keys';
import { attempt } from './domain-action.server';

/**
 * Runs a domain call for a Conform form: success gives the value; a typed domain error
 * becomes the submission's reply (input kept, the reason next to its field or over the
 * form) with its 4xx status. Unknown or forbidden things (404, 403) go to the error page.
 */
export async function replyOnFailure<T>(
  submission: Submission<unknown, string[], unknown>,
  run: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; response: Response }> {
  const outcome = await attempt(run);
  if (outcome.ok) return outcome;
  if (outcome.status === 404 || outcome.status === 403) throw json({ message: outcome.message.key }, { status: outcome.status });
  const hasFields = Object.keys(outcome.fieldErrors).length > 0;
  const result = submission.reply({
    formErrors: hasFields ? [] : [encodeFieldError(outcome.message)],
    fieldErrors: toConformErrors(outcome.fieldErrors),
  });
  return { ok: false, response: json({ result }, { status: outcome.status }) };
}
