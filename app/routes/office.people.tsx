import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { ErrorSummary, Field } from '~/components/forms';
import { Localized, useI18n } from '~/components/i18n';
import { assertAdministrator } from '~/domain/people/authorise.server';
import { resetSecondFactor } from '~/domain/people/second-factor.server';
import { addToSeriesTeam, listOfficePeople, removeFromSeriesTeam } from '~/domain/people/team.server';
import { addAdministrator, removeAdministrator } from '~/domain/people/administrators.server';
import { FormAlert } from '~/components/registration';
import { db } from '~/server/db.server';
import { parseForm, type FieldErrors } from '~/lib/forms';
import { translator } from '~/lib/i18n';
import { localeOf } from '~/http/locale.server';
import { requireOfficePerson } from '~/http/session.server';
import { attempt, orRespond } from '~/http/errors.server';

/** Administrators and series teams; administrators add and remove team members and reset second factors. */
export async function loader({ request }: LoaderFunctionArgs) {
  const person = await requireOfficePerson(request);
  const locale = await localeOf(request);
  const people = await orRespond(() => listOfficePeople(db(), person));
  return json({ title: translator(locale)('admin:people.title'), ...people });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

const addSchema = z.object({ intent: z.literal('add'), email: z.string().trim().min(1).max(254).pipe(z.email()), seriesId: z.coerce.number().int().positive() });
const removeSchema = z.object({ intent: z.literal('remove'), personId: z.coerce.number().int().positive(), seriesId: z.coerce.number().int().positive() });
const resetSchema = z.object({ intent: z.literal('reset'), personId: z.coerce.number().int().positive() });
const addAdminSchema = z.object({ intent: z.literal('addAdmin'), email: z.string().trim().min(1).max(254).pipe(z.email()) });
const removeAdminSchema = z.object({ intent: z.literal('removeAdmin'), personId: z.coerce.number().int().positive() });

export async function action({ request }: ActionFunctionArgs) {
  const person = await requireOfficePerson(request);
  await orRespond(async () => assertAdministrator(person));
  const form = await request.formData();
  const intent = form.get('intent');
  if (intent === 'add') {
    const result = parseForm(addSchema, form);
    if (!result.success) return json({ errors: result.errors, values: result.values, done: null }, { status: 400 });
    await orRespond(() => addToSeriesTeam(db(), person, result.data));
    return json({ errors: {} as FieldErrors, values: {} as Record<string, string>, done: 'added' as const });
  }
  if (intent === 'addAdmin') {
    const result = parseForm(addAdminSchema, form);
    if (!result.success) return json({ errors: {} as FieldErrors, adminErrors: result.errors, values: result.values, done: null }, { status: 400 });
    const outcome = await attempt(() => addAdministrator(db(), person, result.data.email));
    if (!outcome.ok) return json({ errors: {} as FieldErrors, adminErrors: { email: outcome.formError } as FieldErrors, values: { email: result.data.email } as Record<string, string>, done: null }, { status: outcome.status });
    return json({ errors: {} as FieldErrors, adminErrors: {} as FieldErrors, values: {} as Record<string, string>, done: 'adminAdded' as const });
  }
  if (intent === 'removeAdmin') {
    const result = parseForm(removeAdminSchema, form);
    if (!result.success) return json({ errors: result.errors, values: result.values, done: null }, { status: 400 });
    const outcome = await attempt(() => removeAdministrator(db(), person, result.data.personId));
    if (!outcome.ok) return json({ errors: { form: outcome.formError } as FieldErrors, values: {} as Record<string, string>, done: null }, { status: outcome.status });
    return json({ errors: {} as FieldErrors, values: {} as Record<string, string>, done: 'adminRemoved' as const });
  }
  if (intent === 'remove') {
    const result = parseForm(removeSchema, form);
    if (!result.success) return json({ errors: result.errors, values: result.values, done: null }, { status: 400 });
    await orRespond(() => removeFromSeriesTeam(db(), person, result.data));
    return json({ errors: {} as FieldErrors, values: {} as Record<string, string>, done: 'removed' as const });
  }
  const result = parseForm(resetSchema, form);
  if (!result.success) return json({ errors: result.errors, values: result.values, done: null }, { status: 400 });
  await orRespond(() => resetSecondFactor(db(), person, result.data.personId));
  return json({ errors: {} as FieldErrors, values: {} as Record<string, string>, done: 'reset' as const });
}

function AddAdministrator({ errors, value }: { errors: FieldErrors | undefined; value: string | undefined }) {
  const { t } = useI18n();
  return (
    <Form method="post" noValidate>
      <input type="hidden" name="intent" value="addAdmin" />
      <Field name="email" id="field-admin-email" type="email" label={t('setup:people.adminEmail')} hint={t('setup:people.adminHint')} defaultValue={value} error={errors?.email} required />
      <p>
        <button type="submit">{t('setup:people.addAdmin')}</button>
      </p>
    </Form>
  );
}

function ResetButton({ personId }: { personId: number }) {
  const { t } = useI18n();
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value="reset" />
      <input type="hidden" name="personId" value={personId} />
      <button type="submit" className="secondary">
        {t('admin:people.reset')}
      </button>
    </Form>
  );
}

export default function OfficePeople() {
  const { admins, series } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <>
      <p>
        <Link to="/office">{t('admin:office.back')}</Link>
      </p>
      <h1>{t('admin:people.title')}</h1>
      {data?.done ? (
        <p role="status" className="notice">
          {data.done === 'adminAdded' || data.done === 'adminRemoved' ? t(`setup:people.done.${data.done}`) : t(`admin:people.done.${data.done}`)}
        </p>
      ) : null}
      <FormAlert message={data?.errors?.form} />
      <h2>{t('admin:people.admins')}</h2>
      <ul>
        {admins.map((a) => (
          <li key={a.id}>
            {a.name ? `${a.name} – ` : ''}
            {a.email} · {a.totp ? t('admin:people.totpOn') : t('admin:people.totpOff')} {a.totp ? <ResetButton personId={a.id} /> : null}{' '}
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="removeAdmin" />
              <input type="hidden" name="personId" value={a.id} />
              <button type="submit" className="secondary" aria-label={t('setup:people.removeAdminOf', { email: a.email })}>
                {t('setup:people.removeAdmin')}
              </button>
            </Form>
          </li>
        ))}
      </ul>
      <AddAdministrator errors={data && 'adminErrors' in data ? data.adminErrors : undefined} value={data && 'adminErrors' in data ? data.values?.email : undefined} />
      {series.map((s) => (
        <section key={s.id} aria-labelledby={`team-${s.slug}`}>
          <h2 id={`team-${s.slug}`}>
            {t('admin:people.team')} <Localized value={s.name} />
          </h2>
          {s.members.length === 0 ? <p>{t('admin:people.noMembers')}</p> : null}
          <ul>
            {s.members.map((m) => (
              <li key={m.id}>
                {m.name ? `${m.name} – ` : ''}
                {m.email} · {m.totp ? t('admin:people.totpOn') : t('admin:people.totpOff')}{' '}
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="remove" />
                  <input type="hidden" name="personId" value={m.id} />
                  <input type="hidden" name="seriesId" value={s.id} />
                  <button type="submit" className="secondary">
                    {t('admin:people.remove')}
                  </button>
                </Form>{' '}
                {m.totp ? <ResetButton personId={m.id} /> : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
      <h2>{t('admin:people.add')}</h2>
      <ErrorSummary errors={data?.errors} labels={{ email: t('admin:people.email'), seriesId: t('admin:people.series') }} />
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="add" />
        <Field name="email" type="email" label={t('admin:people.email')} defaultValue={data?.values?.email} error={data?.errors?.email} required />
        <div className="field">
          <label htmlFor="field-seriesId">{t('admin:people.series')}</label>
          <select id="field-seriesId" name="seriesId" defaultValue={data?.values?.seriesId}>
            {series.map((s) => (
              <option key={s.id} value={s.id}>
                {JSON.parse(s.name).de ?? s.slug}
              </option>
            ))}
          </select>
        </div>
        <p>
          <button type="submit">{t('admin:people.addSubmit')}</button>
        </p>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
