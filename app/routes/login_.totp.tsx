import type { HeadersFunction, LoaderFunctionArgs, MetaFunction, ActionFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Link, useActionData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { useI18n } from '~/components/i18n';
import { isEnrolled, verifySecondFactor } from '~/domain/people/second-factor.server';
import { db } from '~/server/db.server';
import { translator } from '~/lib/i18n';
import { localeOf } from '~/http/locale.server';
import { getPendingSignIn } from '~/http/session.server';
import { retryAfterOf } from '~/http/http.server';
import { secondFactorAction } from '~/http/second-factor-step.server';
import { TotpCodeForm } from '~/components/totp-code-form';

/** The second step of an office person's sign-in: the code from the authenticator app. */
export async function loader({ request }: LoaderFunctionArgs) {
  const pending = await getPendingSignIn(request);
  if (!pending) throw redirect('/login');
  if (!(await isEnrolled(db(), pending.personId))) throw redirect('/login/enrol');
  const locale = await localeOf(request);
  return json({ title: translator(locale)('admin:twoFactor.verifyTitle') });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

export const headers: HeadersFunction = ({ actionHeaders }) => retryAfterOf(actionHeaders);

export async function action(args: ActionFunctionArgs) {
  return secondFactorAction(verifySecondFactor)(args);
}

export default function TotpStep() {
  const data = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <>
      <h1>{t('admin:twoFactor.verifyTitle')}</h1>
      <p className="lead">{t('admin:twoFactor.verifyIntro')}</p>
      <TotpCodeForm lastResult={data?.result} label={t('admin:twoFactor.code')} submit={t('admin:twoFactor.verifySubmit')} />
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
