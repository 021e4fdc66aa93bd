import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { useI18n } from '~/components/i18n';
import { ValidationError } from '~/domain/errors';
import { redeemSignInToken } from '~/domain/people/sign-in.server';
import { nextSignInStep } from '~/domain/people/second-factor.server';
import { acknowledgePrivacyNotice } from '~/domain/privacy/consents.server';
import { db } from '~/server/db.server';
import { translator } from '~/lib/i18n';
import { localeOf } from '~/http/locale.server';
import { pendingSignInHeaders, signInHeaders } from '~/http/session.server';

/**
 * The link in the email opens this page; the visitor confirms with a button. A GET never
 * uses the token, so mail scanners that open links do not burn it.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await localeOf(request);
  const token = new URL(request.url).searchParams.get('token') ?? '';
  return json({ title: translator(locale)('auth:verify.title'), token });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

const schema = z.object({ token: z.string().min(10).max(200) });

export async function action({ request }: ActionFunctionArgs) {
  const parsed = schema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return json({ error: 'auth:errors.linkInvalid' }, { status: 400 });
  try {
    const { person, redirectTo } = await redeemSignInToken(db(), parsed.data.token);
    // The sign-in page links the privacy notice: which wording the person saw is kept.
    await acknowledgePrivacyNotice(db(), person.id, await localeOf(request));
    // Office people show their second factor (or enrol one) before they are signed in.
    const step = await nextSignInStep(db(), person);
    if (step !== 'done') {
      // no page asked for: office people go to the office after their second factor
      return redirect(step === 'totp' ? '/login/totp' : '/login/enrol', { headers: await pendingSignInHeaders(request, person.id, redirectTo ?? '/office') });
    }
    return redirect(redirectTo ?? '/account', { headers: await signInHeaders(request, person.id) });
  } catch (error) {
    if (error instanceof ValidationError) return json({ error: error.messageKey }, { status: 400 });
    throw error;
  }
}

export default function VerifySignIn() {
  const { token } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <>
      <h1>{t('auth:verify.title')}</h1>
      {data?.error ? (
        <div role="alert" className="error-summary">
          <p>{t(data.error)}</p>
          <p>
            <Link to="/login">{t('auth:verify.newLink')}</Link>
          </p>
        </div>
      ) : (
        <Form method="post">
          <input type="hidden" name="token" value={token} />
          <p>{t('auth:verify.intro')}</p>
          <button type="submit">{t('auth:verify.submit')}</button>
        </Form>
      )}
    </>
  );
}
