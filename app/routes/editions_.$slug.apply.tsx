import { retryAfterOf } from '~/http/http.server';
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { Honeypot } from '~/components/honeypot';
import { ErrorSummary, Field } from '~/components/forms';
import { Localized, useI18n } from '~/components/i18n';
import { Checkbox, ChoiceGroup, FormAlert, StateBadge, TextArea } from '~/components/registration';
import { useSchemaForm } from '~/components/schema-forms';
import { formatMoney } from '~/lib/money';
import { APPLICATION_LIMITS as L, applicationInput, applicationSchema } from '~/domain/registrations/application.schema';
import { getApplyPage, saveApplication } from '~/domain/registrations/applications.server';
import { isEditable } from '~/domain/registrations/transitions';
import { db } from '~/server/db.server';
import { env } from '~/server/env.server';
import { encodeFieldError, keyErrorMap, toConformErrors } from '~/lib/form-keys';
import { caughtByHoneypot } from '~/lib/forms';
import { translator } from '~/lib/i18n';
import { parseList, pickText } from '~/lib/i18n-text';
import { localeOf } from '~/http/locale.server';
import { rateLimited } from '~/http/rate-limit.server';
import { requirePerson } from '~/http/session.server';
import { formatDateTime, formatDayRange } from '~/lib/time';
import { attempt, orRespond, respondWith } from '~/http/errors.server';

const querySchema = z.object({ org: z.coerce.number().int().positive().optional(), profile: z.literal('saved').optional() });

/** Apply for a stand (or go on with a draft): one plain form, works without JavaScript. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const person = await requirePerson(request);
  const locale = await localeOf(request);
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw json({ message: 'not found' }, { status: 404 });
  const page = await orRespond(() => getApplyPage(db(), { personId: person.id, editionSlug: params.slug ?? '', organisationId: query.data.org }));
  if (page.organisations.length === 0) return redirect(`/account/organisation?redirectTo=${encodeURIComponent(`/editions/${page.edition.slug}/apply`)}`);
  return json({
    title: `${translator(locale)('registration:apply.title')} · ${pickText(page.edition.title, locale).text}`,
    edition: {
      slug: page.edition.slug,
      title: page.edition.title,
      starts_on: page.edition.starts_on,
      ends_on: page.edition.ends_on,
      registration_closes_at: page.edition.registration_closes_at,
    },
    organisations: page.organisations,
    // with several organisations and none chosen, the page first asks which
    chooseOrganisation: page.organisations.length > 1 && query.data.org === undefined,
    organisation: page.organisation,
    standTypes: page.standTypes,
    existing: page.existing,
    windowOpen: page.windowOpen,
    profileSaved: query.data.profile === 'saved',
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

/** Retry-After of a rate-limited attempt reaches the browser. */
export const headers: HeadersFunction = ({ actionHeaders }) => retryAfterOf(actionHeaders);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const person = await requirePerson(request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: applicationSchema, error: keyErrorMap });
  if (caughtByHoneypot(formData)) return json({ result: submission.reply({ formErrors: ['forms:errors.bot'] }) }, { status: 400 });
  if (submission.status !== 'success') return json({ result: submission.reply() }, { status: 400 });
  const limited = await rateLimited([['applicationIp', context.clientIp]]);
  if (limited) {
    return json(
      { result: submission.reply({ formErrors: [encodeFieldError({ key: 'forms:errors.tooManyRequests', values: { minutes: limited.minutes } })] }) },
      { status: 429, headers: { 'Retry-After': String(limited.retryAfterSeconds) } },
    );
  }
  const outcome = await attempt(() =>
    saveApplication(db(), {
      personId: person.id,
      editionSlug: params.slug ?? '',
      organisationId: submission.value.organisationId,
      registrationId: submission.value.registrationId,
      application: applicationInput(submission.value),
      submit: submission.value.intent === 'submit',
      publicUrl: env().PUBLIC_URL,
    }),
  );
  if (!outcome.ok) {
    // a foreign application (or edition) is not found, not explained
    if (outcome.status === 404) respondWith(outcome);
    // not the person's organisation: said next to it; any other refusal over the form as well as next to its fields
    const result =
      outcome.status === 403
        ? submission.reply({ fieldErrors: { ...toConformErrors(outcome.fieldErrors), organisationId: [encodeFieldError(outcome.formError)] } })
        : submission.reply({ formErrors: [encodeFieldError(outcome.formError)], fieldErrors: toConformErrors(outcome.fieldErrors) });
    return json({ result }, { status: outcome.status });
  }
  return redirect(`/account/applications/${outcome.value.registrationId}`);
}

export default function Apply() {
  const { edition, organisations, chooseOrganisation, organisation, standTypes, existing, windowOpen, profileSaved } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, locale } = useI18n();
  const busy = useNavigation().state === 'submitting';
  const opt = (v: string | number | null | undefined) => (v == null ? undefined : String(v));
  const box = (v: number | undefined) => (v === 1 ? 'on' : undefined);
  const setup = useSchemaForm(applicationSchema, data?.result, {
    registrationId: opt(existing?.id),
    organisationId: opt(organisation?.id),
    standTypeId: opt(existing?.stand_type_id),
    widthM: opt(existing?.width_m),
    depthM: opt(existing?.depth_m),
    powerWatts: opt(existing?.power_watts ?? 0),
    water: box(existing?.water),
    tables: opt(existing?.tables ?? 1),
    benches: opt(existing?.benches ?? 0),
    ownGazebo: box(existing?.own_gazebo),
    vehicleAccess: box(existing?.vehicle_access),
    activities: opt(existing?.activities),
    stageActTitle: opt(existing?.stage_act_title),
    stageActMinutes: opt(existing?.stage_act_minutes),
    stageActNeeds: opt(existing?.stage_act_needs),
    accessibility: opt(existing?.accessibility),
    publicConsent: box(existing?.public_consent ?? 1),
  });

  const header = (
    <>
      <p className="eyebrow">
        <Localized value={edition.title} /> · {formatDayRange(edition.starts_on, edition.ends_on, locale)}
      </p>
      <h1>{t('registration:apply.title')}</h1>
      {profileSaved && organisation ? (
        <p className="notice notice--success" role="status">
          {t('newcomer:profile.savedContinue', { organisation: organisation.name })}
        </p>
      ) : null}
      <FormAlert message={setup.formError} />
    </>
  );

  if (chooseOrganisation) {
    return (
      <>
        {header}
        <p>{t('registration:apply.chooseOrganisation')}</p>
        <ul className="plain-list">
          {organisations.map((o) => (
            <li key={o.id}>
              <Link to={`?org=${o.id}`}>{o.name}</Link>
            </li>
          ))}
        </ul>
      </>
    );
  }
  if (existing && !isEditable(existing.state)) {
    return (
      <>
        {header}
        <p className="notice">
          {t('registration:apply.alreadyApplied', { organisation: organisation?.name })} <StateBadge state={existing.state} />{' '}
          <Link to={`/account/applications/${existing.id}`}>{t('registration:account.viewApplication')}</Link>
        </p>
      </>
    );
  }
  if (!windowOpen) {
    return (
      <>
        {header}
        <p className="notice notice--warning">{t('registration:apply.closed')}</p>
        {existing ? <Link to={`/account/applications/${existing.id}`}>{t('registration:account.viewApplication')}</Link> : null}
      </>
    );
  }

  const text = (field: string) => setup.value(field) ?? '';
  const organisationError = setup.error('organisationId');
  const checked = (field: string) => setup.value(field) === 'on';
  // the size fields follow the chosen stand type (with JavaScript); left empty, the server takes the type's size
  const followStandType = (event: React.FormEvent<HTMLFormElement>) => {
    const target = event.target as HTMLInputElement;
    if (target.name !== 'standTypeId') return;
    const type = standTypes.find((s) => String(s.id) === target.value);
    const form = event.currentTarget;
    const width = form.elements.namedItem('widthM') as HTMLInputElement | null;
    const depth = form.elements.namedItem('depthM') as HTMLInputElement | null;
    if (type && width && depth) {
      width.value = String(type.width_m);
      depth.value = String(type.depth_m);
    }
  };
  const labels: Record<string, string> = {
    organisationId: t('registration:apply.organisation'),
    standTypeId: t('registration:apply.standType'),
    widthM: t('registration:apply.width'),
    depthM: t('registration:apply.depth'),
    powerWatts: t('registration:apply.power'),
    tables: t('registration:apply.tables'),
    benches: t('registration:apply.benches'),
    activities: t('registration:apply.activities'),
    stageActTitle: t('registration:apply.stageActTitle'),
    stageActMinutes: t('registration:apply.stageActMinutes'),
    stageActNeeds: t('registration:apply.stageActNeeds'),
    accessibility: t('registration:apply.accessibility'),
  };

  return (
    <>
      {header}
      <p className="lead">
        {t('registration:apply.intro', { when: formatDateTime(edition.registration_closes_at!, locale) })}
      </p>
      {existing ? (
        <p className="notice">
          {t('registration:apply.editing')} <StateBadge state={existing.state} />
        </p>
      ) : null}
      <ErrorSummary errors={setup.fieldErrors} labels={labels} />
      <Form method="post" {...getFormProps(setup.form)} noValidate className="apply-form" onChange={followStandType}>
        <Honeypot />
        {existing ? <input type="hidden" name="registrationId" value={existing.id} /> : null}
        <input type="hidden" name="organisationId" value={text('organisationId')} />
        <p id="field-organisationId" tabIndex={-1}>
          {t('registration:apply.for', { organisation: organisation?.name })}
          {organisations.length > 1 && !existing ? (
            <>
              {' '}
              <Link to="?">{t('registration:apply.otherOrganisation')}</Link>
            </>
          ) : null}
        </p>
        {organisationError ? <p className="field-error">{t(organisationError.key, organisationError.values ?? {})}</p> : null}

        <ChoiceGroup
          name="standTypeId"
          type="radio"
          legend={labels.standTypeId}
          selected={[text('standTypeId')]}
          error={setup.error('standTypeId')}
          options={standTypes.map((s) => ({
            value: String(s.id),
            label: (
              <>
                <strong>{pickText(s.name, locale).text}</strong>{' '}
                <span className="muted">
                  {t('registration:apply.standTypeFacts', { width: s.width_m, depth: s.depth_m })} ·{' '}
                  {s.fee_cents === 0 ? t('registration:apply.free') : formatMoney(s.fee_cents, locale)}
                  {parseList(s.equipment).length > 0
                    ? ` · ${t('registration:apply.included', { list: parseList(s.equipment).map((e) => t(`registration:equipment.${e}`)).join(', ') })}`
                    : ''}
                </span>
              </>
            ),
          }))}
        />

        <fieldset className="field-row">
          <legend>{t('registration:apply.size')}</legend>
          <Field name="widthM" type="text" inputMode="decimal" label={labels.widthM} defaultValue={text('widthM')} error={setup.error('widthM')} />
          <Field name="depthM" type="text" inputMode="decimal" label={labels.depthM} defaultValue={text('depthM')} error={setup.error('depthM')} />
        </fieldset>
        <p className="hint">
          {t('registration:apply.sizeHint', { min: L.sizeMin, max: L.sizeMax })} {t('newcomer:apply.sizeFromType')}
        </p>

        <fieldset>
          <legend>{t('registration:apply.needs')}</legend>
          <Field
            name="powerWatts"
            type="number"
            min={0}
            max={L.powerMax}
            step={100}
            label={labels.powerWatts}
            hint={t('registration:apply.powerHint')}
            defaultValue={text('powerWatts')}
            error={setup.error('powerWatts')}
          />
          <Checkbox name="water" label={t('registration:apply.water')} defaultChecked={checked('water')} />
          <div className="field-row">
            <Field name="tables" type="number" min={0} max={L.tablesMax} label={labels.tables} defaultValue={text('tables')} error={setup.error('tables')} />
            <Field name="benches" type="number" min={0} max={L.benchesMax} label={labels.benches} defaultValue={text('benches')} error={setup.error('benches')} />
          </div>
          <Checkbox name="ownGazebo" label={t('registration:apply.ownGazebo')} defaultChecked={checked('ownGazebo')} />
          <Checkbox name="vehicleAccess" label={t('registration:apply.vehicleAccess')} hint={t('registration:apply.vehicleAccessHint')} defaultChecked={checked('vehicleAccess')} />
        </fieldset>

        <TextArea
          name="activities"
          label={labels.activities}
          hint={t('registration:apply.activitiesHint', { max: L.activitiesMax })}
          maxLength={L.activitiesMax}
          defaultValue={text('activities')}
          error={setup.error('activities')}
        />

        <fieldset>
          <legend>{t('registration:apply.stageAct')}</legend>
          <p className="hint">{t('registration:apply.stageActHint')}</p>
          <Field name="stageActTitle" type="text" label={labels.stageActTitle} maxLength={L.stageActTitleMax} defaultValue={text('stageActTitle')} error={setup.error('stageActTitle')} />
          <Field
            name="stageActMinutes"
            type="number"
            min={L.stageActMinutesMin}
            max={L.stageActMinutesMax}
            label={labels.stageActMinutes}
            defaultValue={text('stageActMinutes')}
            error={setup.error('stageActMinutes')}
          />
          <TextArea name="stageActNeeds" rows={2} label={labels.stageActNeeds} maxLength={L.stageActNeedsMax} defaultValue={text('stageActNeeds')} error={setup.error('stageActNeeds')} />
        </fieldset>

        <TextArea
          name="accessibility"
          rows={2}
          label={labels.accessibility}
          hint={t('registration:apply.accessibilityHint')}
          maxLength={L.accessibilityMax}
          defaultValue={text('accessibility')}
          error={setup.error('accessibility')}
        />
        <Checkbox name="publicConsent" label={t('registration:apply.publicConsent')} hint={t('registration:apply.publicConsentHint')} defaultChecked={checked('publicConsent')} />

        <p className="button-row">
          {existing?.state === 'submitted' ? (
            <button type="submit" name="intent" value="submit" disabled={busy}>
              {t('registration:apply.saveChanges')}
            </button>
          ) : (
            <>
              <button type="submit" name="intent" value="submit" disabled={busy}>
                {t('registration:apply.submit')}
              </button>
              <button type="submit" name="intent" value="draft" className="secondary" disabled={busy}>
                {t('registration:apply.saveDraft')}
              </button>
            </>
          )}
        </p>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
