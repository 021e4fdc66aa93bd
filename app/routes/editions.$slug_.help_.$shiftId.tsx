import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { getFormProps, type SubmissionResult } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { Field } from '~/components/forms';
import { Localized, useI18n } from '~/components/i18n';
import { Checkbox, ChoiceGroup, Select, TextArea } from '~/components/registration';
import { SchemaFormErrors, useSchemaForm } from '~/components/schema-forms';
import { groupOrganisationsOf, publicEdition, shiftForPage } from '~/domain/volunteers/public.server';
import { ageAsked, signUp, signUpGroup } from '~/domain/volunteers/signups.server';
import { GROUP_MAX, groupSignupSchema, NAME_MAX, signupSchema } from '~/domain/volunteers/volunteers.schema';
import { orRespond, replyOnFailure } from '~/http/errors.server';
import { idParam } from '~/http/edition-setup.server';
import { localeOf } from '~/http/locale.server';
import { getSessionPerson, requirePerson } from '~/http/session.server';
import { keyErrorMap } from '~/lib/form-keys';
import { languageList, languageName, LOCALES, translator } from '~/lib/i18n';
import { parseList, pickText } from '~/lib/i18n-text';
import { berlinDay, formatDay, formatTime } from '~/lib/time';
import { db } from '~/server/db.server';
import { env } from '~/server/env.server';

/**
 * One shift and its sign-up: the resident (signed in by email link; the link brings them back
 * here) gives their name, the languages they speak, confirms the age the role asks (under-18s
 * name a guardian where the role allows them) and the consent; a full shift offers its waiting
 * list. A member of an association can sign up a group of its members instead.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await localeOf(request);
  const edition = await orRespond(() => publicEdition(db(), params.slug ?? ''));
  const { shift, role } = await orRespond(() => shiftForPage(db(), edition.id, idParam(params.shiftId)));
  const person = await getSessionPerson(request);
  const organisations = person ? await groupOrganisationsOf(db(), person.id) : [];
  const t = translator(locale);
  const asked = parseList(role.languages);
  return json({
    title: `${pickText(role.name, locale).text} · ${t('volunteers:help.title')}`,
    edition: { slug: edition.slug, title: edition.title },
    shift,
    role: { name: role.name, description: role.description, note: role.note, age: ageAsked(role), allowsMinors: role.allows_minors === 1, asked },
    languages: [...new Set([...asked, ...LOCALES, 'rom'])],
    person: person ? { name: person.name } : null,
    organisations,
    loginUrl: `/login?redirectTo=${encodeURIComponent(`/editions/${edition.slug}/help/${shift.id}`)}`,
    past: Date.parse(shift.startsAt) <= Date.now() || shift.cancelled,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

type Reply = { intent: 'person' | 'group'; result: SubmissionResult<string[]> };

export async function action({ request, params }: ActionFunctionArgs) {
  const person = await requirePerson(request);
  const locale = await localeOf(request);
  const edition = await orRespond(() => publicEdition(db(), params.slug ?? ''));
  const form = await request.formData();
  const ctx = { locale, publicUrl: env().PUBLIC_URL };
  const reply = async (response: Response, intent: Reply['intent']) =>
    json({ intent, result: ((await response.json()) as { result: SubmissionResult<string[]> }).result } as Reply, { status: response.status });
  if (form.get('intent') === 'group') {
    const submission = parseWithZod(form, { schema: groupSignupSchema, error: keyErrorMap });
    if (submission.status !== 'success') return json({ intent: 'group', result: submission.reply() } as Reply, { status: 400 });
    const outcome = await replyOnFailure(submission, () => signUpGroup(db(), person, edition.id, submission.value, ctx));
    if (!outcome.ok) return reply(outcome.response, 'group');
    return redirect(`/account/volunteering?signed=group&count=${outcome.value.count}`);
  }
  const submission = parseWithZod(form, { schema: signupSchema, error: keyErrorMap });
  if (submission.status !== 'success') return json({ intent: 'person', result: submission.reply() } as Reply, { status: 400 });
  const outcome = await replyOnFailure(submission, () => signUp(db(), person, edition.id, submission.value, ctx));
  if (!outcome.ok) return reply(outcome.response, 'person');
  return redirect(`/account/volunteering?signed=${outcome.value.status}`);
}

function PersonForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const { shift, role, languages, person } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  const full = shift.free <= 0;
  const setup = useSchemaForm(signupSchema, lastResult, { shiftId: String(shift.id), name: person?.name ?? '' });
  const value = setup.form.value as Record<string, unknown> | undefined;
  const spoken = Array.isArray(value?.languages) ? (value.languages as string[]) : typeof value?.languages === 'string' ? [value.languages] : [];
  const labels = {
    name: t('volunteers:signup.name'),
    languages: t('volunteers:signup.languages'),
    age_confirmed: t('volunteers:signup.ageConfirmed', { age: role.age }),
    under_18: t('volunteers:signup.under18'),
    guardian_name: t('volunteers:signup.guardianName'),
    consent: t('volunteers:signup.consentLabel'),
  };
  return (
    <>
      <SchemaFormErrors setup={setup} labels={labels} />
      <Form method="post" {...getFormProps(setup.form)} noValidate>
        <input type="hidden" name="intent" value="person" />
        <input type="hidden" name="shiftId" value={shift.id} />
        {full ? <input type="hidden" name="waitlist" value="on" /> : null}
        <Field name="name" type="text" autoComplete="name" label={labels.name} maxLength={NAME_MAX} defaultValue={setup.value('name')} error={setup.error('name')} />
        <ChoiceGroup
          name="languages"
          type="checkbox"
          legend={labels.languages}
          hint={role.asked.length ? t('volunteers:signup.languagesHint', { languages: languageList(role.asked, locale) }) : undefined}
          options={languages.map((code) => ({ value: code, label: languageName(code, locale), lang: code }))}
          selected={spoken}
          error={setup.error('languages')}
        />
        {role.age > 0 ? <Checkbox name="age_confirmed" label={labels.age_confirmed} defaultChecked={value?.age_confirmed === 'on'} error={setup.error('age_confirmed')} /> : null}
        {role.allowsMinors ? (
          <>
            <Checkbox name="under_18" label={labels.under_18} hint={t('volunteers:signup.under18Hint')} defaultChecked={value?.under_18 === 'on'} error={setup.error('under_18')} />
            <Field name="guardian_name" type="text" label={labels.guardian_name} hint={t('volunteers:signup.guardianHint')} maxLength={NAME_MAX} defaultValue={setup.value('guardian_name')} error={setup.error('guardian_name')} />
          </>
        ) : null}
        <p className="hint">
          {t('volunteers:signup.consent')} <Link to="/datenschutz">{t('volunteers:signup.privacy')}</Link>
        </p>
        <Checkbox name="consent" label={labels.consent} defaultChecked={value?.consent === 'on'} error={setup.error('consent')} />
        <p>
          <button type="submit">{full ? t('volunteers:signup.joinWaitingList') : t('volunteers:signup.submit')}</button>
        </p>
      </Form>
    </>
  );
}

function GroupForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const { shift, role, organisations } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const setup = useSchemaForm(groupSignupSchema, lastResult, { shiftId: String(shift.id) });
  const value = setup.form.value as Record<string, unknown> | undefined;
  const labels = {
    organisation_id: t('volunteers:group.organisation'),
    names: t('volunteers:group.names'),
    age_confirmed: t('volunteers:group.ageConfirmed', { age: role.age }),
    consent: t('volunteers:group.consentLabel'),
  };
  return (
    <>
      <SchemaFormErrors setup={setup} labels={labels} />
      <Form method="post" {...getFormProps(setup.form)} noValidate>
        <input type="hidden" name="intent" value="group" />
        <input type="hidden" name="shiftId" value={shift.id} />
        <Select name="organisation_id" label={labels.organisation_id} defaultValue={setup.value('organisation_id')} error={setup.error('organisation_id')} options={organisations.map((o) => ({ value: String(o.id), label: o.name }))} />
        <TextArea name="names" label={labels.names} hint={t('volunteers:group.namesHint', { free: shift.free, max: GROUP_MAX })} rows={5} defaultValue={setup.value('names')} error={setup.error('names')} />
        {role.age > 0 ? <Checkbox name="age_confirmed" label={labels.age_confirmed} defaultChecked={value?.age_confirmed === 'on'} error={setup.error('age_confirmed')} /> : null}
        <p className="hint">{t('volunteers:signup.groupConsent')}</p>
        <Checkbox name="consent" label={labels.consent} defaultChecked={value?.consent === 'on'} error={setup.error('consent')} />
        <p>
          <button type="submit">{t('volunteers:group.submit')}</button>
        </p>
      </Form>
    </>
  );
}

export default function ShiftSignup() {
  const { edition, shift, role, person, organisations, loginUrl, past } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as Reply | undefined;
  const { t, locale, text } = useI18n();
  return (
    <>
      <p className="eyebrow">
        <Link to={`/editions/${edition.slug}/help`}>
          <Localized value={edition.title} /> · {t('volunteers:help.title')}
        </Link>
      </p>
      <h1>
        <Localized value={role.name} />
      </h1>
      <p className="lead">
        {formatDay(berlinDay(shift.startsAt), locale)}, {formatTime(shift.startsAt, locale)}–{formatTime(shift.endsAt, locale)} · {shift.placeName ? text(shift.placeName).text : t('volunteers:grounds')}
      </p>
      <p>
        <Localized value={role.description} />
      </p>
      {text(role.note).text ? (
        <p className="notice">
          <Localized value={role.note} />
        </p>
      ) : null}
      <p>
        {shift.free > 0 ? t('volunteers:help.free', { free: shift.free, needed: shift.needed }) : t('volunteers:help.fullWaiting', { waiting: shift.waiting })}
        {role.asked.length ? ` · ${t('volunteers:help.languagesAsked', { languages: languageList(role.asked, locale) })}` : ''}
      </p>
      {past ? (
        <p className="notice">{shift.cancelled ? t('volunteers:errors.shiftCancelled') : t('volunteers:errors.shiftStarted')}</p>
      ) : !person ? (
        <p>
          <Link to={loginUrl} className="button">
            {t('volunteers:signup.signInFirst')}
          </Link>
          <br />
          <span className="hint">{t('volunteers:signup.signInHint')}</span>
        </p>
      ) : (
        <>
          <section aria-labelledby="signup">
            <h2 id="signup">{shift.free > 0 ? t('volunteers:signup.title') : t('volunteers:signup.waitingTitle')}</h2>
            <PersonForm lastResult={data?.intent === 'person' ? data.result : undefined} />
          </section>
          {organisations.length > 0 && shift.free > 0 ? (
            <section aria-labelledby="group">
              <h2 id="group">{t('volunteers:group.title')}</h2>
              <p className="hint">{t('volunteers:group.intro')}</p>
              <GroupForm lastResult={data?.intent === 'group' ? data.result : undefined} />
            </section>
          ) : null}
        </>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
