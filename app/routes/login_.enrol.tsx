import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { ErrorSummary, Field } from '~/components/forms';
import { useI18n } from '~/components/i18n';
import { ValidationError } from '~/domain/errors';
import { confirmEnrolment, enrolmentSecret, groupSecret, isEnrolled, otpauthUri } from '~/domain/people/second-factor.server';
import { getPerson } from '~/domain/people/sign-in.server';
import { db } from '~/utils/db.server';
import { parseForm } from '~/utils/forms';
import { translator } from '~/utils/i18n';
import { localeOf } from '~/utils/locale.server';
import { qrDataUri } from '~/utils/qr.server';
import { blockedByFailures, recordFailure } from '~/utils/rate-limit.server';
import { getPendingSignIn, signInHeaders } from '~/utils/session.server';

/**
 * Office people who have no second factor yet set one up here, right after their email
 * link and before they reach the office: scan the QR code (or type the key), enter a code.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const pending = await getPendingSignIn(request);
  if (!pending) throw redirect('/login');
  if (await isEnrolled(db(), pending.personId)) throw redirect('/login/totp');
  const person = await getPerson(db(), pending.personId);
  if (!person) throw redirect('/login');
  const locale = await localeOf(request);
  const secret = await enrolmentSecret(db(), pending.personId);
  const uri = otpauthUri(secret, person.email);
  return json({ title: translator(locale)('admin:twoFactor.enrolTitle'), secret: groupSecret(secret), uri, qr: await qrDataUri(uri) });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

export const headers: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers();
  const retry = actionHeaders.get('Retry-After');
  if (retry) headers.set('Retry-After', retry);
  headers.set('Cache-Control', 'no-store');
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
    await confirmEnrolment(db(), pending.personId, result.data.code);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    await recordFailure(checks);
    return json({ errors: { code: { key: error.messageKey } } }, { status: 400 });
  }
  return redirect(pending.redirectTo, { headers: await signInHeaders(request, pending.personId, { secondFactor: true }) });
}

export default function Enrol() {
  const { secret, uri, qr } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <>
      <h1>{t('admin:twoFactor.enrolTitle')}</h1>
      <p className="lead">{t('admin:twoFactor.enrolIntro')}</p>
      <ol className="steps">
        <li>
          <p>{t('admin:twoFactor.enrolScan')}</p>
          <img className="qr-code" src={qr} alt={t('admin:twoFactor.qrAlt')} width={200} height={200} />
          <p>
            {t('admin:twoFactor.enrolKey')}{' '}
            <code className="totp-secret" data-totp-secret="">
              {secret}
            </code>
          </p>
          <details>
            <summary>{t('admin:twoFactor.enrolUri')}</summary>
            <p>
              <code className="break-all">{uri}</code>
            </p>
          </details>
        </li>
        <li>
          <ErrorSummary errors={data?.errors} labels={{ code: t('admin:twoFactor.code') }} />
          <Form method="post" noValidate>
            <Field
              name="code"
              label={t('admin:twoFactor.enrolCode')}
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9 ]*"
              maxLength={7}
              required
              error={data?.errors?.code}
            />
            <p>
              <button type="submit">{t('admin:twoFactor.enrolSubmit')}</button>
            </p>
          </Form>
        </li>
      </ol>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
