import type { ActionFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { z } from 'zod';
import { ValidationError } from '~/domain/errors';
import type { DB } from '../../db/connection';
import { db } from '../server/db.server';
import { parseForm, type FieldErrors } from '../lib/forms';
import { blockedByFailures, recordFailure } from './rate-limit.server';
import { getPendingSignIn, signInHeaders } from './session.server';

const schema = z.object({ code: z.string().trim().min(1).max(20) });

/**
 * The POST of both second-factor pages (enrolment and the code step): the code is checked
 * by `check` (confirm a new enrolment, or verify), wrong codes count against the person and
 * the address (429 once too many), and a right one finishes the sign-in.
 */
export function secondFactorAction(check: (db: DB, personId: number, code: string) => Promise<unknown>) {
  return async ({ request, context }: ActionFunctionArgs) => {
    const pending = await getPendingSignIn(request);
    if (!pending) throw redirect('/login');
    const result = parseForm(schema, await request.formData());
    if (!result.success) return json({ errors: result.errors as FieldErrors }, { status: 400 });
    const checks: Parameters<typeof recordFailure>[0] = [
      ['totpPerson', String(pending.personId)],
      ['totpIp', context.clientIp],
    ];
    const limited = await blockedByFailures(checks);
    if (limited) {
      return json(
        { errors: { code: { key: 'forms:errors.tooManyRequests', values: { minutes: limited.minutes } } } as FieldErrors },
        { status: 429, headers: { 'Retry-After': String(limited.retryAfterSeconds) } },
      );
    }
    try {
      await check(db(), pending.personId, result.data.code);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      await recordFailure(checks);
      return json({ errors: { code: { key: error.messageKey } } as FieldErrors }, { status: 400 });
    }
    return redirect(pending.redirectTo, { headers: await signInHeaders(request, pending.personId, { secondFactor: true }) });
  };
}
