import { Checkbox } from '~/components/registration';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { getFormProps, type SubmissionResult } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import { useSchemaForm } from '~/components/schema-forms';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { ErrorSummary, Field } from '~/components/forms';
import { Localized, useI18n } from '~/components/i18n';
import { ConflictError } from '~/domain/errors';
import { listConsents, withdrawConsent } from '~/domain/privacy/consents.server';
import { erasePerson } from '~/domain/privacy/erasure.server';
import { db } from '~/server/db.server';
import { encodeFieldError, keyErrorMap } from '~/lib/form-keys';
import { translator } from '~/lib/i18n';
import { localeOf } from '~/http/locale.server';
import { getSessionPerson, requirePerson, signOutHeaders } from '~/http/session.server';
import { formatDateTime } from '~/lib/time';
import { orRespond } from '~/http/errors.server';

/** A person's own data: download it (Art. 15), see and withdraw consents, erase the account (Art. 17). */
export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await localeOf(request);
  // Right after an erasure nobody is signed in any more: say that it is done.
  if (new URL(request.url).searchParams.has('erased') && !(await getSessionPerson(request))) {
    return json({ title: translator(locale)('admin:privacy.erasedTitle'), erased: true, email: '', consents: [] });
  }
  const person = await requirePerson(request);
  return json({ title: translator(locale)('admin:privacy.title'), erased: false, email: person.email, consents: await listConsents(db(), person.id) });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

const withdrawSchema = z.object({ intent: z.literal('withdraw'), consentId: z.coerce.number().int().positive() });
const eraseSchema = z.object({
  intent: z.literal('erase'),
  confirm: z.literal('on', { message: 'admin:privacy.errors.confirm' }),
  email: z.string().trim().toLowerCase().min(1).max(254),
});

type Result = { step: 'confirm' | 'withdrawn' | null; result: SubmissionResult<string[]> | null };
const result = (r: Partial<Result>, status = 200) => json<Result>({ step: null, result: null, ...r }, { status });

export async function action({ request }: ActionFunctionArgs) {
  const person = await requirePerson(request);
  const form = await request.formData();
  const intent = form.get('intent');
  if (intent === 'erase-start') return result({ step: 'confirm' });
  if (intent === 'withdraw') {
    const submission = parseWithZod(form, { schema: withdrawSchema, error: keyErrorMap });
    if (submission.status !== 'success') return result({ result: submission.reply() }, 400);
    const { consentId } = submission.value;
    await orRespond(() => withdrawConsent(db(), person.id, consentId));
    return result({ step: 'withdrawn' });
  }
  const submission = parseWithZod(form, { schema: eraseSchema, error: keyErrorMap });
  if (submission.status !== 'success') return result({ step: 'confirm', result: submission.reply() }, 400);
  if (submission.value.email !== person.email.toLowerCase()) {
    return result({ step: 'confirm', result: submission.reply({ fieldErrors: { email: ['admin:privacy.errors.emailMismatch'] } }) }, 400);
  }
  try {
    await erasePerson(db(), person, person.id, { reason: 'request' });
  } catch (error) {
    if (error instanceof ConflictError) return result({ step: 'confirm', result: submission.reply({ formErrors: [encodeFieldError({ key: error.messageKey })] }) }, 409);
    throw error;
  }
  return redirect('/account/privacy?erased', { headers: await signOutHeaders(request) });
}

export default function Privacy() {
  const { email, consents, erased } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, locale } = useI18n();
  if (erased) {
    return (
      <>
        <h1>{t('admin:privacy.erasedTitle')}</h1>
        <p role="status">{t('admin:privacy.erasedBody')}</p>
        <p>
          <Link to="/">{t('errors.backHome')}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <p>
        <Link to="/account">{t('auth:account.title')}</Link>
      </p>
      <h1>{t('admin:privacy.title')}</h1>
      <p className="lead">
        {t('admin:privacy.intro')} <Link to="/datenschutz">{t('admin:footer.privacy')}</Link>
      </p>

      <section aria-labelledby="download">
        <h2 id="download">{t('admin:privacy.downloadTitle')}</h2>
        <p>{t('admin:privacy.downloadIntro')}</p>
        <p>
          <a href="/account/privacy/download" download>
            {t('admin:privacy.download')}
          </a>
        </p>
      </section>

      <section aria-labelledby="consents">
        <h2 id="consents">{t('admin:privacy.consentsTitle')}</h2>
        {data?.step === 'withdrawn' ? <p role="status">{t('admin:privacy.withdrawn')}</p> : null}
        {consents.length === 0 ? (
          <p>{t('admin:privacy.noConsents')}</p>
        ) : (
          <ul>
            {consents.map((c) => (
              <li key={c.id}>
                {t(`admin:privacy.kinds.${c.kind}`)}
                {c.organisation_name ? (
                  <>
                    {' '}
                    ({c.organisation_name}, <Localized value={c.edition_title} />)
                  </>
                ) : null}
                {' – '}
                {t('admin:privacy.given', { at: formatDateTime(c.given_at, locale), version: c.text_version })}
                {c.withdrawn_at ? (
                  <> · {t('admin:privacy.withdrawnAt', { at: formatDateTime(c.withdrawn_at, locale) })}</>
                ) : c.kind === 'public_listing' ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="withdraw" />
                    <input type="hidden" name="consentId" value={c.id} />{' '}
                    <button type="submit" className="secondary">
                      {t('admin:privacy.withdraw')}
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="erase">
        <h2 id="erase">{t('admin:privacy.eraseTitle')}</h2>
        <p>{t('admin:privacy.eraseIntro')}</p>
        {data?.step === 'confirm' ? (
          <>
            <EraseForm email={email} lastResult={data.result} />
          </>
        ) : (
          <Form method="post">
            <input type="hidden" name="intent" value="erase-start" />
            <button type="submit" className="secondary">
              {t('admin:privacy.eraseStart')}
            </button>
          </Form>
        )}
      </section>
    </>
  );
}

/** The last step of erasing: tick, type the address, erase. */
function EraseForm({ email, lastResult }: { email: string; lastResult: SubmissionResult<string[]> | null }) {
  const { t } = useI18n();
  const setup = useSchemaForm(eraseSchema, lastResult, { intent: 'erase' });
  return (
    <>
      <ErrorSummary
        errors={setup.formError ? { form: setup.formError, ...setup.fieldErrors } : setup.fieldErrors}
        labels={{ confirm: t('admin:privacy.confirmLabel'), email: t('admin:privacy.confirmEmail') }}
      />
      <Form method="post" {...getFormProps(setup.form)} noValidate className="danger-zone">
        <input type="hidden" name="intent" value="erase" />
        <p>{t('admin:privacy.eraseWarning')}</p>
        <Checkbox name="confirm" label={t('admin:privacy.confirmLabel')} error={setup.error('confirm')} />
        <Field name="email" type="email" label={t('admin:privacy.confirmEmail', { email })} defaultValue={setup.value('email')} error={setup.error('email')} autoComplete="off" />
        <p>
          <button type="submit" className="danger">
            {t('admin:privacy.eraseSubmit')}
          </button>
        </p>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
