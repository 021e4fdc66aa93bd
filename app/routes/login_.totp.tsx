import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData } from '@remix-run/react';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { ErrorSummary, Field } from '~/components/forms';
import { useI18n } from '~/components/i18n';
import { ValidationError } from '~/domain/errors';
import { isEnrolled, verifySecondFactor } from '~/domain/people/second-factor.server';
import { db } from '~/utils/db.server';
import { parseForm } from '~/utils/forms';
import { translator } from '~/utils/i18n';
import { localeOf } from '~/utils/locale.server';
import { blockedByFailures, recordFailure } from '~/utils/rate-limit.server';
import { getPendingSignIn, signInHeaders } from '~/utils/session.server';

/** The second step of an office person's sign-in: the code from the authenticator app. */
export async function loader({ request }: LoaderFunctionArgs) {
  const pending = await getPendingSignIn(request);
  if (!pending) throw redirect('/login');
  if (!(await isEnrolled(db(), pending.personId))) throw redirect('/login/enrol');
  const locale = await localeOf(request);
  return json({ title: translator(locale)('admin:twoFactor.verifyTitle') });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

export const headers: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers();
  const retry = actionHeaders.get('Retry-After');
  if (retry) headers.set('Retry-After', retry);
  return headers;
};

const schema = z.object({ code: z.string().trim().min(1).max(20) });

export async function action({ request, context }: ActionFunctionArgs) {
  const pending = await getPendingSignIn(request);
  if (!pending) throw redirect('/login');
  const result = parseForm(schema, await request.formData());
  if (!result.success) return json({ errors: result.errors }, { status: 400 });
  const checks: Parameters<typeof recordFailure>[0] = [
    ['totpPerson', String(pending.personId)],
    ['totpIp', context.clientIp],
  ];
  const limited = await blockedByFailures(checks);
  if (limited) {
    return json(
      { errors: { code: { key: 'forms:errors.tooManyRequests', values: { minutes: limited.minutes } } } },
      { status: 429, headers: { 'Retry-After': String(limited.retryAfterSeconds) } },
    );
  }
  try {
    await verifySecondFactor(db(), pending.personId, result.data.code);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    await recordFailure(checks);
    return json({ errors: { code: { key: error.messageKey } } }, { status: 400 });
  }
  return redirect(pending.redirectTo, { headers: await signInHeaders(request, pending.personId, { secondFactor: true }) });
}

export default function TotpStep() {
  const data = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <>
      <h1>{t('admin:twoFactor.verifyTitle')}</h1>
      <p className="lead">{t('admin:twoFactor.verifyIntro')}</p>
      <ErrorSummary errors={data?.errors} labels={{ code: t('admin:twoFactor.code') }} />
      <Form method="post" noValidate>
        <Field
          name="code"
          label={t('admin:twoFactor.code')}
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]*"
          maxLength={7}
          required
          error={data?.errors?.code}
        />
        <p>
          <button type="submit">{t('admin:twoFactor.verifySubmit')}</button>
        </p>
      </Form>
      <p className="muted">{t('admin:twoFactor.lostDevice')}</p>
      <p>
        <Link to="/login">{t('auth:verify.newLink')}</Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
