import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { getFormProps, type SubmissionResult } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import { useSchemaForm } from '~/components/schema-forms';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { ErrorSummary, Field } from '~/components/forms';
import { Localized, useI18n } from '~/components/i18n';
import { FeeStatusTag } from '~/components/payments';
import { Checkbox, FormAlert, Select, StateBadge } from '~/components/registration';
import { feesForPerson } from '~/domain/payments/overview.server';
import { applyAgainSchema } from '~/domain/registrations/application.schema';
import { applyAgain, getAccountOverview } from '~/domain/registrations/applications.server';
import { personSchema } from '~/domain/organisations/profile.schema';
import { updatePersonSettings } from '~/domain/people/account.server';
import { db } from '~/server/db.server';
import { env } from '~/server/env.server';
import { encodeFieldError, keyErrorMap, toConformErrors } from '~/lib/form-keys';
import { LOCALES, localeInfo, translator } from '~/lib/i18n';
import { localeCookie, localeOf } from '~/http/locale.server';
import { rateLimited } from '~/http/rate-limit.server';
import { requirePerson } from '~/http/session.server';
import { formatDateTime, formatDayRange } from '~/lib/time';
import { isOfficePerson } from '~/domain/people/authorise.server';
import { attempt } from '~/http/errors.server';

/** The association's start page: own details, organisations, applications, editions open now. */
export async function loader({ request }: LoaderFunctionArgs) {
  const person = await requirePerson(request);
  const locale = await localeOf(request);
  const [overview, office, fees] = await Promise.all([
    getAccountOverview(db(), { personId: person.id }),
    isOfficePerson(db(), person),
    feesForPerson(db(), person.id),
  ]);
  return json({
    title: translator(locale)('auth:account.title'),
    person: { email: person.email, name: person.name, role: person.role, locale: person.locale, office },
    ...overview,
    fees,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

export async function action({ request, context }: ActionFunctionArgs) {
  const person = await requirePerson(request);
  const formData = await request.formData();
  const intent = formData.get('intent');

  if (intent === 'settings') {
    const submission = parseWithZod(formData, { schema: personSchema, error: keyErrorMap });
    if (submission.status !== 'success') return json({ form: 'settings' as const, result: submission.reply(), target: null }, { status: 400 });
    await updatePersonSettings(db(), person.id, submission.value);
    // the site follows the chosen language too, not only the email
    return redirect('/account', { headers: { 'Set-Cookie': await localeCookie.serialize(submission.value.locale) } });
  }

  // "apply again" (one form per organisation and edition): the reply names the one it answers
  const submission = parseWithZod(formData, { schema: applyAgainSchema, error: keyErrorMap });
  const target = `${String(formData.get('editionSlug'))}:${String(formData.get('organisationId'))}`;
  if (submission.status !== 'success') return json({ form: 'again' as const, result: submission.reply(), target }, { status: 400 });
  const again = submission.value;
  const limited = await rateLimited([['applicationIp', context.clientIp]]);
  if (limited) {
    const result = submission.reply({ formErrors: [encodeFieldError({ key: 'forms:errors.tooManyRequests', values: { minutes: limited.minutes } })] });
    return json({ form: 'again' as const, result, target }, { status: 429, headers: { 'Retry-After': String(limited.retryAfterSeconds) } });
  }
  const outcome = await attempt(() =>
    applyAgain(db(), {
      personId: person.id,
      organisationId: again.organisationId,
      editionSlug: again.editionSlug,
      submit: again.intent === 'copy-submit',
      publicUrl: env().PUBLIC_URL,
    }),
  );
  if (!outcome.ok) {
    const result = submission.reply({ formErrors: [encodeFieldError(outcome.formError)], fieldErrors: toConformErrors(outcome.fieldErrors) });
    return json({ form: 'again' as const, result, target }, { status: outcome.status });
  }
  return redirect(`/account/applications/${outcome.value.registrationId}`);
}

export default function Account() {
  const { person, organisations, applications, openEditions, fees } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, locale } = useI18n();
  const settings = useSchemaForm(personSchema, data?.form === 'settings' ? data.result : undefined, { name: person.name ?? undefined, locale: person.locale });
  return (
    <>
      <h1>{t('auth:account.title')}</h1>
      <p>{t('auth:account.signedInAs', { email: person.email })}</p>

      {organisations.length === 0 ? (
        <section className="notice" aria-labelledby="start-title">
          <h2 id="start-title">{t('registration:account.startTitle')}</h2>
          <p>{t('registration:account.startBody')}</p>
          <p>
            <Link className="button" to="/account/organisation">
              {t('registration:account.createOrganisation')}
            </Link>
          </p>
        </section>
      ) : null}

      <section aria-labelledby="open-title">
        <h2 id="open-title">{t('registration:account.openTitle')}</h2>
        {openEditions.length === 0 ? <p>{t('registration:account.noneOpen')}</p> : null}
        <ul className="card-list card-list--wide">
          {openEditions.map((edition) => (
            <li key={edition.id} className="card">
              <h3 className="card__title">
                <Localized value={edition.title} />
              </h3>
              <p className="card__meta">
                {formatDayRange(edition.starts_on, edition.ends_on, locale)} ·{' '}
                {t('registration:account.closes', { when: formatDateTime(edition.registration_closes_at!, locale) })}
              </p>
              {edition.organisations.length === 0 ? (
                <p>{t('registration:account.profileFirst')}</p>
              ) : (
                <ul className="plain-list">
                  {edition.organisations.map((o) => {
                    const target = `${edition.slug}:${o.id}`;
                    return (
                      <li key={o.id}>
                        <strong>{o.name}</strong>:{' '}
                        {o.application ? (
                          <>
                            <StateBadge state={o.application.state} />{' '}
                            <Link to={`/account/applications/${o.application.id}`}>{t('registration:account.viewApplication')}</Link>
                          </>
                        ) : (
                          <>
                            <Link to={`/editions/${edition.slug}/apply?org=${o.id}`}>{t('registration:account.apply')}</Link>
                            {o.canApplyAgain ? (
                              <ApplyAgainForm organisationId={o.id} editionSlug={edition.slug} lastResult={data?.form === 'again' && data.target === target ? data.result : undefined} />
                            ) : null}
                          </>
                        )}
                      </li>
                    );
                  })}
                </ul>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="applications-title">
        <h2 id="applications-title">{t('registration:account.applicationsTitle')}</h2>
        {applications.length === 0 ? (
          <p>{t('registration:account.noApplications')}</p>
        ) : (
          <ul className="plain-list">
            {applications.map((a) => (
              <li key={a.id}>
                <Link to={`/account/applications/${a.id}`}>
                  <Localized value={a.edition_title} />
                </Link>{' '}
                ({a.organisation_name}) <StateBadge state={a.state} />
              </li>
            ))}
          </ul>
        )}
      </section>

      {fees.length > 0 ? (
        <section aria-labelledby="stand-fees">
          <h2 id="stand-fees">{t('payments:account.title')}</h2>
          <ul className="plain-list">
            {fees.map((f) => (
              <li key={f.registrationId}>
                <Link to={`/account/applications/${f.registrationId}/payment`}>
                  <Localized value={f.editionTitle} />
                </Link>{' '}
                ({f.organisationName}) <FeeStatusTag status={f.status} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="organisations-title">
        <h2 id="organisations-title">{t('registration:account.organisationsTitle')}</h2>
        {organisations.length > 0 ? (
          <ul className="plain-list">
            {organisations.map((o) => (
              <li key={o.id}>
                <Link to={`/account/organisation?id=${o.id}`}>{o.name}</Link> <span className="muted">({t(`registration:roles.${o.role}`)})</span>
              </li>
            ))}
          </ul>
        ) : null}
        <p>
          <Link to="/account/organisation?new=1">{t('registration:account.anotherOrganisation')}</Link>
        </p>
      </section>

      <section aria-labelledby="settings-title">
        <h2 id="settings-title">{t('registration:settings.title')}</h2>
        <ErrorSummary errors={settings.fieldErrors} labels={{ name: t('registration:settings.name'), locale: t('registration:settings.locale') }} />
        <Form method="post" {...getFormProps(settings.form)} noValidate>
          <input type="hidden" name="intent" value="settings" />
          <Field
            name="name"
            type="text"
            label={t('registration:settings.name')}
            hint={t('registration:settings.nameHint')}
            autoComplete="name"
            maxLength={120}
            defaultValue={settings.value('name')}
            error={settings.error('name')}
          />
          <Select
            name="locale"
            label={t('registration:settings.locale')}
            defaultValue={settings.value('locale')}
            options={LOCALES.map((code) => ({ value: code, label: localeInfo[code].name }))}
            error={settings.error('locale')}
          />
          <p className="hint">{t('registration:settings.localeHint')}</p>
          <p>
            <button type="submit">{t('registration:settings.save')}</button>
          </p>
        </Form>
      </section>

      {person.office ? (
        <p>
          <Link to="/office">{t('auth:account.office')}</Link>
        </p>
      ) : null}
      <p>
        <Link to="/account/volunteering">{t('volunteers:account.title')}</Link>
      </p>
      <p>
        <Link to="/account/privacy">{t('admin:privacy.title')}</Link>
      </p>
      <p>
        <Link to="/account/sessions">{t('security:sessions.link')}</Link>
      </p>
      <Form method="post" action="/logout">
        <button type="submit" className="secondary">
          {t('auth:account.signOut')}
        </button>
      </Form>
    </>
  );
}

/** "Apply again" for one organisation and edition: last year's application copied, as a draft or submitted. */
function ApplyAgainForm({ organisationId, editionSlug, lastResult }: { organisationId: number; editionSlug: string; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useI18n();
  const setup = useSchemaForm(applyAgainSchema, lastResult, { organisationId: String(organisationId), editionSlug });
  return (
    <Form method="post" {...getFormProps(setup.form)} noValidate className="apply-again">
      <input type="hidden" name="organisationId" value={organisationId} />
      <input type="hidden" name="editionSlug" value={editionSlug} />
      <p className="hint">{t('registration:again.intro')}</p>
      <FormAlert message={setup.formError} />
      <Checkbox name="confirm" label={t('registration:again.confirm')} error={setup.error('confirm')} />
      <p className="button-row">
        <button type="submit" name="intent" value="copy-draft" className="secondary">
          {t('registration:again.asDraft')}
        </button>
        <button type="submit" name="intent" value="copy-submit">
          {t('registration:again.submit')}
        </button>
      </p>
    </Form>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
