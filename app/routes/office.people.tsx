import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { getFormProps, type SubmissionResult } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import { useSchemaForm } from '~/components/schema-forms';
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
import { encodeFieldError, firstError, keyErrorMap } from '~/lib/form-keys';
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

type Done = 'added' | 'adminAdded' | 'adminRemoved' | 'removed' | 'reset';
/** One schema per form of the page, told apart by intent; the reply names the form it answers. */
type Reply = { intent: string; result: SubmissionResult<string[]> | null; done: Done | null };

export async function action({ request }: ActionFunctionArgs) {
  const person = await requireOfficePerson(request);
  await orRespond(async () => assertAdministrator(person));
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  const parse = <S extends z.ZodType>(schema: S) => parseWithZod(form, { schema, error: keyErrorMap });
  const invalid = (submission: { reply: () => SubmissionResult<string[]> }) => json<Reply>({ intent, result: submission.reply(), done: null }, { status: 400 });
  // done: the form starts again empty, with what happened said over the page
  const done = (what: Done) => json<Reply>({ intent, result: null, done: what });
  if (intent === 'add') {
    const submission = parse(addSchema);
    if (submission.status !== 'success') return invalid(submission);
    const member = submission.value;
    await orRespond(() => addToSeriesTeam(db(), person, member));
    return done('added');
  }
  if (intent === 'addAdmin') {
    const submission = parse(addAdminSchema);
    if (submission.status !== 'success') return invalid(submission);
    const { email } = submission.value;
    const outcome = await attempt(() => addAdministrator(db(), person, email));
    if (!outcome.ok) return json<Reply>({ intent, result: submission.reply({ fieldErrors: { email: [encodeFieldError(outcome.formError)] } }), done: null }, { status: outcome.status });
    return done('adminAdded');
  }
  if (intent === 'removeAdmin') {
    const submission = parse(removeAdminSchema);
    if (submission.status !== 'success') return invalid(submission);
    const { personId } = submission.value;
    const outcome = await attempt(() => removeAdministrator(db(), person, personId));
    if (!outcome.ok) return json<Reply>({ intent, result: submission.reply({ formErrors: [encodeFieldError(outcome.formError)] }), done: null }, { status: outcome.status });
    return done('adminRemoved');
  }
  if (intent === 'remove') {
    const submission = parse(removeSchema);
    if (submission.status !== 'success') return invalid(submission);
    const member = submission.value;
    await orRespond(() => removeFromSeriesTeam(db(), person, member));
    return done('removed');
  }
  const submission = parse(resetSchema);
  if (submission.status !== 'success') return invalid(submission);
  const { personId } = submission.value;
  await orRespond(() => resetSecondFactor(db(), person, personId));
  return done('reset');
}

function AddAdministrator({ lastResult }: { lastResult: SubmissionResult<string[]> | null | undefined }) {
  const { t } = useI18n();
  const setup = useSchemaForm(addAdminSchema, lastResult, { intent: 'addAdmin' });
  return (
    <Form method="post" {...getFormProps(setup.form)} noValidate>
      <input type="hidden" name="intent" value="addAdmin" />
      <Field name="email" id="field-admin-email" type="email" label={t('setup:people.adminEmail')} hint={t('setup:people.adminHint')} defaultValue={setup.value('email')} error={setup.error('email')} required />
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
  const replyFor = (intent: string) => (data?.intent === intent ? data.result : undefined);
  const add = useSchemaForm(addSchema, replyFor('add'), { intent: 'add' });
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
      <FormAlert message={firstError(data?.result?.error?.[''] ?? undefined)} />
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
      <AddAdministrator lastResult={replyFor('addAdmin')} />
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
      <ErrorSummary errors={add.fieldErrors} labels={{ email: t('admin:people.email'), seriesId: t('admin:people.series') }} />
      <Form method="post" {...getFormProps(add.form)} noValidate>
        <input type="hidden" name="intent" value="add" />
        <Field name="email" type="email" label={t('admin:people.email')} defaultValue={add.value('email')} error={add.error('email')} required />
        <div className="field">
          <label htmlFor="field-seriesId">{t('admin:people.series')}</label>
          <select id="field-seriesId" name="seriesId" defaultValue={add.value('seriesId')}>
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
