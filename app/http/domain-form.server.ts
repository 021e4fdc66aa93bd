import { json } from '@remix-run/node';
import { attempt } from './domain-action.server';
import type { FieldErrors } from '../lib/forms';

/**
 * `attempt` for the schedule and site plan forms: a typed domain error becomes the 4xx
 * response that shows the form again, filled in (`reply.values`), with the reason next to
 * its field or, without one, over the form (`errors.form`).
 */
export async function formAttempt<T>(
  run: () => Promise<T>,
  reply: { intent: string; values: Record<string, string> },
): Promise<{ ok: true; value: T } | { ok: false; response: ReturnType<typeof json<{ intent: string; errors: FieldErrors; values: Record<string, string> }>> }> {
  const result = await attempt(run);
  if (result.ok) return result;
  const errors: FieldErrors = Object.keys(result.fieldErrors).length > 0 ? result.fieldErrors : { form: result.message };
  return { ok: false, response: json({ ...reply, errors }, { status: result.status }) };
}
