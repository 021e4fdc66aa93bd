import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import { ErrorSummary, Field } from '~/components/forms';
import { useI18n } from '~/components/i18n';
import { requestSignInLink, safeRedirect } from '~/domain/people/sign-in.server';
import { db } from '~/server/db.server';
import { env } from '~/server/env.server';
import { encodeFieldError, keyErrorMap } from '~/lib/form-keys';
import { caughtByHoneypot } from '~/lib/forms';
import { signInSchema } from '~/domain/people/sign-in.schema';
import { useSchemaForm } from '~/components/schema-forms';
import { FormAlert } from '~/components/registration';
import { translator } from '~/lib/i18n';
import { localeOf, sessionLocaleOf } from '~/http/locale.server';
import { retryAfterOf } from '~/http/http.server';
import { rateLimited } from '~/http/rate-limit.server';
import { Honeypot } from '~/components/honeypot';
import { FirstStart } from '~/components/first-start';
import { administratorCount } from '~/domain/people/administrators.server';

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await localeOf(request);
  const asked = new URL(request.url).searchParams.get('redirectTo');
  // empty when no page asked for one: the person then lands where they belong
  const redirectTo = asked ? safeRedirect(asked) : '';
  return json({ title: translator(locale)('auth:login.title'), redirectTo, reason: asked ? reasonFor(redirectTo) : null, firstStart: (await administratorCount(db())) === 0 });
}

/** Why this person is asked to sign in, from where they were going (issue 14, point 9). */
function reasonFor(redirectTo: string): 'apply' | 'volunteer' | 'office' | 'account' | 'other' | null {
  const path = redirectTo.split(/[?#]/)[0] ?? '/';
  if (path === '/') return null;
  if (/^\/editions\/[^/]+\/apply$/.test(path)) return 'apply';
  if (/^\/editions\/[^/]+\/help\/\d+$/.test(path) || path === '/account/volunteering') return 'volunteer';
  if (path === '/office' || path.startsWith('/office/')) return 'office';
  if (path === '/account' || path.startsWith('/account/')) return 'account';
  return 'other';
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

/** Retry-After of a rate-limited attempt reaches the browser. */
export const headers: HeadersFunction = ({ actionHeaders }) => retryAfterOf(actionHeaders);

export async function action({ request, context }: ActionFunctionArgs) {
  const locale = await localeOf(request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: signInSchema, error: keyErrorMap });
  if (caughtByHoneypot(formData)) return json({ sent: false as const, result: submission.reply({ formErrors: ['forms:errors.bot'] }), email: null }, { status: 400 });
  if (submission.status !== 'success') return json({ sent: false as const, result: submission.reply(), email: null }, { status: 400 });
  const asked = submission.value;
  const limited = await rateLimited([
    ['signInEmail', asked.email],
    ['signInIp', context.clientIp],
  ]);
  if (limited) {
    return json(
      { sent: false as const, result: submission.reply({ fieldErrors: { email: [encodeFieldError({ key: 'forms:errors.tooManyRequests', values: { minutes: limited.minutes } })] } }), email: null },
      { status: 429, headers: { 'Retry-After': String(limited.retryAfterSeconds) } },
    );
  }
  await requestSignInLink(db(), { ...asked, locale, sessionLocale: await sessionLocaleOf(request), publicUrl: env().PUBLIC_URL });
  // The same answer whether or not the address is known.
  return json({ sent: true as const, result: null, email: asked.email });
}

export default function Login() {
  const { redirectTo, reason, firstStart } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useI18n();
  const busy = useNavigation().state === 'submitting';
  const setup = useSchemaForm(signInSchema, data?.result);
  if (data?.sent) {
    return (
      <>
        <h1>{t('auth:login.sentTitle')}</h1>
        <p role="status">{t('auth:login.sentBody', { email: data.email })}</p>
      </>
    );
  }
  return (
    <>
      <h1>{t('auth:login.title')}</h1>
      {reason ? (
        <p className="notice" role="note">
          {t(`auth:login.reason.${reason}`)}
        </p>
      ) : null}
      <p className="lead">{t('auth:login.intro')}</p>
      <p>{t('auth:login.newHere')}</p>
      {firstStart ? <FirstStart /> : null}
      <FormAlert message={setup.formError} />
      <ErrorSummary errors={setup.fieldErrors} labels={{ email: t('auth:login.email') }} />
      <Form method="post" {...getFormProps(setup.form)} noValidate>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Honeypot />
        <Field
          name="email"
          type="email"
          autoComplete="email"
          required
          label={t('auth:login.email')}
          defaultValue={setup.value('email')}
          error={setup.error('email')}
        />
        <p className="hint">
          {t('admin:privacy.signInNotice')} <Link to="/datenschutz">{t('admin:footer.privacy')}</Link>
        </p>
        <p>
          <button type="submit" disabled={busy}>
            {t('auth:login.submit')}
          </button>
        </p>
      </Form>
    </>
  );
}
