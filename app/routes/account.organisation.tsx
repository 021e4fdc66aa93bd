import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import { LocalizedFields, useSchemaForm } from '~/components/schema-forms';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { Honeypot } from '~/components/honeypot';
import { ErrorSummary, Field } from '~/components/forms';
import { useI18n } from '~/components/i18n';
import { ChoiceGroup, FormAlert } from '~/components/registration';
import { ORGANISATION_CATEGORIES } from '~/domain/organisations/categories';
import { inviteContactPerson } from '~/domain/organisations/invitations.server';
import { STAND_LANGUAGES } from '~/domain/organisations/languages';
import { DESCRIPTION_MAX, inviteSchema, organisationSchemaFor } from '~/domain/organisations/profile.schema';
import { createOrganisation, getOrganisationForMember, listMyOrganisations, updateOrganisation } from '~/domain/organisations/profile.server';
import { db } from '~/server/db.server';
import { env } from '~/server/env.server';
import { encodeFieldError, keyErrorMap, toConformErrors } from '~/lib/form-keys';
import { caughtByHoneypot } from '~/lib/forms';
import { LOCALES, languageName, translator } from '~/lib/i18n';
import { parseList, parseLocalized } from '~/lib/i18n-text';
import { localeOf } from '~/http/locale.server';
import { rateLimited } from '~/http/rate-limit.server';
import { requirePerson } from '~/http/session.server';
import { safeRedirect } from '~/domain/people/sign-in.server';
import { attempt, orRespond } from '~/http/errors.server';

const querySchema = z.object({ id: z.coerce.number().int().positive().optional(), new: z.literal('1').optional() });

/** The organisation's profile: created after the first sign-in, kept across editions. */
export async function loader({ request }: LoaderFunctionArgs) {
  const person = await requirePerson(request);
  const locale = await localeOf(request);
  const t = translator(locale);
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw json({ message: 'not found' }, { status: 404 });
  const mine = await listMyOrganisations(db(), person.id);
  const id = query.data.new ? undefined : (query.data.id ?? mine[0]?.id);
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get('redirectTo'), '');
  if (id === undefined) return json({ title: t('registration:profile.createTitle'), organisation: null, saved: false, redirectTo });
  const organisation = await orRespond(() => getOrganisationForMember(db(), person.id, id));
  return json({ title: organisation.name, organisation, saved: new URL(request.url).searchParams.has('saved'), redirectTo });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

export async function action({ request, context }: ActionFunctionArgs) {
  const person = await requirePerson(request);
  const locale = await localeOf(request);
  const formData = await request.formData();
  const organisationId = z.coerce.number().int().positive().optional().safeParse(formData.get('organisationId') ?? undefined);
  if (!organisationId.success) throw json({ message: 'bad request' }, { status: 400 });

  if (formData.get('intent') === 'invite') {
    const submission = parseWithZod(formData, { schema: inviteSchema, error: keyErrorMap });
    if (submission.status !== 'success') return json({ form: 'invite' as const, result: submission.reply(), invited: null }, { status: 400 });
    if (organisationId.data === undefined) throw json({ message: 'bad request' }, { status: 400 });
    const { email } = submission.value;
    // an invitation sends mail to any address: counted like applications
    const limited = await rateLimited([['applicationIp', context.clientIp]]);
    if (limited) {
      const result = submission.reply({ formErrors: [encodeFieldError({ key: 'forms:errors.tooManyRequests', values: { minutes: limited.minutes } })] });
      return json({ form: 'invite' as const, result, invited: null }, { status: 429 });
    }
    const outcome = await attempt(() => inviteContactPerson(db(), { personId: person.id, organisationId: organisationId.data!, email, locale, publicUrl: env().PUBLIC_URL }));
    if (!outcome.ok) {
      if (outcome.status === 404) throw json({ message: 'not found' }, { status: 404 });
      const result = submission.reply({ formErrors: [encodeFieldError(outcome.formError)], fieldErrors: toConformErrors(outcome.fieldErrors) });
      return json({ form: 'invite' as const, result, invited: null }, { status: outcome.status });
    }
    // sent: the field is empty again for the next address
    return json({ form: 'invite' as const, result: submission.reply({ resetForm: true }), invited: email });
  }

  const submission = parseWithZod(formData, { schema: organisationSchemaFor(locale), error: keyErrorMap });
  if (caughtByHoneypot(formData)) return json({ form: 'profile' as const, result: submission.reply({ formErrors: ['forms:errors.bot'] }), invited: null }, { status: 400 });
  if (submission.status !== 'success') return json({ form: 'profile' as const, result: submission.reply(), invited: null }, { status: 400 });
  const profile = submission.value;
  if (organisationId.data === undefined) {
    const created = await createOrganisation(db(), person.id, profile);
    // back where the association started (its application), with the profile confirmed
    const next = safeRedirect(formData.get('redirectTo'), '');
    if (next.startsWith('/editions/') && next.endsWith('/apply')) return redirect(`${next}?org=${created.id}&profile=saved`);
    return redirect(`/account/organisation?id=${created.id}&saved=1`);
  }
  await orRespond(() => updateOrganisation(db(), person.id, organisationId.data!, profile));
  return redirect(`/account/organisation?id=${organisationId.data}&saved=1`);
}

export default function OrganisationProfile() {
  const { organisation, saved, redirectTo } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, locale } = useI18n();
  const busy = useNavigation().state === 'submitting';
  const description = parseLocalized(organisation?.description);
  const setup = useSchemaForm(organisationSchemaFor(locale), data?.form === 'profile' ? data.result : undefined, {
    name: organisation?.name,
    legalForm: organisation?.legal_form ?? undefined,
    ...Object.fromEntries(LOCALES.map((code) => [`description_${code}`, description[code]])),
    website: organisation?.website ?? undefined,
    categories: parseList(organisation?.categories),
    languages: parseList(organisation?.languages),
  });
  const labels: Record<string, string> = {
    name: t('registration:profile.name'),
    legalForm: t('registration:profile.legalForm'),
    website: t('registration:profile.website'),
    categories: t('registration:profile.categories'),
    languages: t('registration:profile.languages'),
  };
  for (const code of LOCALES) labels[`description_${code}`] = t('registration:profile.descriptionIn', { language: languageName(code, locale) });

  return (
    <>
      <p className="eyebrow">
        <Link to="/account">{t('auth:account.title')}</Link>
      </p>
      <h1>{organisation ? <bdi>{organisation.name}</bdi> : t('registration:profile.createTitle')}</h1>
      {organisation ? null : <p className="lead">{t('registration:profile.createIntro')}</p>}
      {saved ? (
        <p className="notice notice--success" role="status">
          {t('registration:profile.saved')}
        </p>
      ) : null}

      <FormAlert message={setup.formError} />
      <ErrorSummary errors={setup.fieldErrors} labels={labels} />
      <Form method="post" {...getFormProps(setup.form)} noValidate className="profile-form">
        <Honeypot />
        {organisation ? <input type="hidden" name="organisationId" value={organisation.id} /> : null}
        <input type="hidden" name="intent" value="profile" />
        {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
        <Field name="name" type="text" dir="auto" label={labels.name} required maxLength={120} autoComplete="organization" defaultValue={setup.value('name')} error={setup.error('name')} />
        <Field name="legalForm" type="text" label={labels.legalForm} hint={t('registration:profile.legalFormHint')} maxLength={40} defaultValue={setup.value('legalForm')} error={setup.error('legalForm')} />
        <p className="hint" id="descriptions-hint">
          {t('newcomer:profile.descriptionOneLanguage')} {t('registration:profile.descriptionHint', { max: DESCRIPTION_MAX })}
        </p>
        {/* the page's language first, then German; one description in any language is enough */}
        <LocalizedFields
          setup={setup}
          prefix="description"
          label={(_language, code) => labels[`description_${code}`] ?? ''}
          multiline
          germanRequired={false}
          maxLength={DESCRIPTION_MAX}
          more={t('registration:profile.moreLanguages')}
          first={locale === 'de' ? ['de'] : [locale, 'de']}
          note={null}
        />
        <Field name="website" type="url" label={labels.website} hint={t('registration:profile.websiteHint')} maxLength={200} defaultValue={setup.value('website')} error={setup.error('website')} />
        <ChoiceGroup
          name="categories"
          type="checkbox"
          legend={labels.categories}
          options={ORGANISATION_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
          selected={setup.values('categories')}
          error={setup.error('categories')}
        />
        <ChoiceGroup
          name="languages"
          type="checkbox"
          legend={labels.languages}
          hint={t('registration:profile.languagesHint')}
          options={STAND_LANGUAGES.map((code) => ({ value: code, label: languageName(code, locale) }))}
          selected={setup.values('languages')}
          error={setup.error('languages')}
        />
        <p className="hint">{t('registration:profile.logoLater')}</p>
        <p>
          <button type="submit" disabled={busy}>
            {organisation ? t('registration:profile.save') : t('registration:profile.create')}
          </button>
        </p>
      </Form>

      {organisation ? <ContactPeople organisation={organisation} data={data} /> : null}
    </>
  );
}

type Loaded = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>['organisation']>;

function ContactPeople({ organisation, data }: { organisation: Loaded; data: ReturnType<typeof useActionData<typeof action>> }) {
  const { t } = useI18n();
  const invite = data?.form === 'invite' ? data : undefined;
  const setup = useSchemaForm(inviteSchema, invite?.result, { intent: 'invite' });
  const emailError = setup.error('email');
  return (
    <section aria-labelledby="people-title">
      <h2 id="people-title">{t('registration:people.title')}</h2>
      <ul className="plain-list">
        {organisation.members.map((m) => (
          <li key={m.id}>
            {m.name || m.email} <span className="muted">({m.email}, {t(`registration:roles.${m.role}`)})</span>
          </li>
        ))}
        {organisation.invitations.map((i) => (
          <li key={`i${i.id}`}>
            {i.email} <span className="muted">({t('registration:people.invited')})</span>
          </li>
        ))}
      </ul>
      {organisation.role === 'owner' ? (
        <Form method="post" {...getFormProps(setup.form)} noValidate className="invite-form">
          <input type="hidden" name="organisationId" value={organisation.id} />
          <input type="hidden" name="intent" value="invite" />
          {invite?.invited ? (
            <p className="notice notice--success" role="status">
              {t('registration:people.sent', { email: invite.invited })}
            </p>
          ) : null}
          <FormAlert message={emailError ? null : setup.formError} />
          <Field
            name="email"
            type="email"
            autoComplete="off"
            label={t('registration:people.email')}
            hint={t('registration:people.hint')}
            defaultValue={setup.value('email')}
            error={emailError}
          />
          <p>
            <button type="submit">{t('registration:people.invite')}</button>
          </p>
        </Form>
      ) : (
        <p className="hint">{t('registration:people.ownersInvite')}</p>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
