import type { ActionFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { ValidationError } from '~/domain/errors';
import type { DB } from '../../db/connection';
import { db } from '../server/db.server';
import { parseWithZod } from '@conform-to/zod/v4';
import { secondFactorCodeSchema } from '~/domain/people/sign-in.schema';
import { encodeFieldError, keyErrorMap } from '../lib/form-keys';
import { blockedByFailures, recordFailure } from './rate-limit.server';
import { getPendingSignIn, signInHeaders } from './session.server';

/**
 * The POST of both second-factor pages (enrolment and the code step): the code is checked
 * by `check` (confirm a new enrolment, or verify), wrong codes count against the person and
 * the address (429 once too many), and a right one finishes the sign-in.
 */
export function secondFactorAction(check: (db: DB, personId: number, code: string) => Promise<unknown>) {
  return async ({ request, context }: ActionFunctionArgs) => {
    const pending = await getPendingSignIn(request);
    if (!pending) throw redirect('/login');
    const submission = parseWithZod(await request.formData(), { schema: secondFactorCodeSchema, error: keyErrorMap });
    if (submission.status !== 'success') return json({ result: submission.reply() }, { status: 400 });
    const checks: Parameters<typeof recordFailure>[0] = [
      ['totpPerson', String(pending.personId)],
      ['totpIp', context.clientIp],
    ];
    const limited = await blockedByFailures(checks);
    if (limited) {
      return json(
        { result: submission.reply({ fieldErrors: { code: [encodeFieldError({ key: 'forms:errors.tooManyRequests', values: { minutes: limited.minutes } })] } }) },
        { status: 429, headers: { 'Retry-After': String(limited.retryAfterSeconds) } },
      );
    }
    try {
      await check(db(), pending.personId, submission.value.code);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      await recordFailure(checks);
      return json({ result: submission.reply({ fieldErrors: { code: [encodeFieldError({ key: error.messageKey })] } }) }, { status: 400 });
    }
    return redirect(pending.redirectTo, { headers: await signInHeaders(request, pending.personId, { secondFactor: true }) });
  };
}
