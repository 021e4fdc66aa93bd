import type { HeadersFunction, LoaderFunctionArgs, MetaFunction, ActionFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { useI18n } from '~/components/i18n';
import { confirmEnrolment, enrolmentSecret, groupSecret, isEnrolled, otpauthUri } from '~/domain/people/second-factor.server';
import { getPerson } from '~/domain/people/sign-in.server';
import { db } from '~/server/db.server';
import { translator } from '~/lib/i18n';
import { localeOf } from '~/http/locale.server';
import { qrDataUri } from '~/http/qr.server';
import { getPendingSignIn } from '~/http/session.server';
import { retryAfterOf } from '~/http/http.server';
import { secondFactorAction } from '~/http/second-factor-step.server';
import { TotpCodeForm } from '~/components/totp-code-form';

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
  const headers = retryAfterOf(actionHeaders);
  headers.set('Cache-Control', 'no-store');
  return headers;
};

export async function action(args: ActionFunctionArgs) {
  return secondFactorAction(confirmEnrolment)(args);
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
          <TotpCodeForm lastResult={data?.result} label={t('admin:twoFactor.enrolCode')} submit={t('admin:twoFactor.enrolSubmit')} />
        </li>
      </ol>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
