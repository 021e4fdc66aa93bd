import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { parseWithZod } from '@conform-to/zod/v4';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { EditionForm } from '~/components/edition-form';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { Localized, useI18n } from '~/components/i18n';
import { FormAlert } from '~/components/registration';
import { editionSchema, STATUS_CHANGES } from '~/domain/editions/edition.schema';
import { cancelEdition, changeEditionStatus, deleteEdition, updateEdition } from '~/domain/editions/manage.server';
import { manageableEdition } from '~/domain/people/authorise.server';
import { localeOf } from '~/http/locale.server';
import { requireOfficePerson } from '~/http/session.server';
import { keyErrorMap } from '~/lib/form-keys';
import type { FieldError } from '~/lib/forms';
import { LOCALES } from '~/lib/i18n';
import { parseLocalized, pickText } from '~/lib/i18n-text';
import { utcToBerlinWallClock } from '~/lib/time';
import { env } from '~/server/env.server';
import { db } from '~/server/db.server';
import { attempt, orRespond, replyOnFailure } from '~/http/errors.server';
import { requireEditionManager } from '~/http/office.server';

const LIFECYCLE = ['draft', 'published', 'archived'] as const;

/** An edition's facts and its lifecycle: edit, publish, archive, cancel, delete. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const person = await requireOfficePerson(request);
  const locale = await localeOf(request);
  const edition = await orRespond(() => manageableEdition(db(), person, params.slug ?? ''));
  const url = new URL(request.url);
  const notice = ['created', 'saved', 'published', 'archived', 'cancelled'].find((n) => url.searchParams.has(n)) ?? null;
  return json({ title: pickText(edition.title, locale).text, edition, notice });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

const statusSchema = z.object({ to: z.enum(LIFECYCLE) });
const confirmSchema = z.object({ confirm: z.literal('yes') });

type LifecycleReply = { intent: string; message: FieldError };

export async function action({ request, params }: ActionFunctionArgs) {
  const { person, edition } = await requireEditionManager(request, params.slug);
  const formData = await request.formData();
  const intent = String(formData.get('intent') ?? '');
  const refuse = (message: FieldError, status = 400) => json({ lifecycle: { intent, message } as LifecycleReply, result: null }, { status });

  if (intent === 'save') {
    const submission = parseWithZod(formData, { schema: editionSchema, error: keyErrorMap });
    if (submission.status !== 'success') return json({ result: submission.reply(), lifecycle: null }, { status: 400 });
    const outcome = await replyOnFailure(submission, () => updateEdition(db(), person, edition.id, submission.value));
    if (!outcome.ok) return outcome.response;
    return redirect(`/office/editions/${outcome.value.slug}/settings?saved=1`);
  }
  if (intent === 'status') {
    const parsed = statusSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return refuse({ key: 'forms:errors.choose' });
    const outcome = await attempt(() => changeEditionStatus(db(), person, edition.id, parsed.data.to));
    if (!outcome.ok) return refuse(outcome.formError, outcome.status);
    return redirect(`/office/editions/${edition.slug}/settings?${parsed.data.to === 'draft' ? 'saved' : parsed.data.to}=1`);
  }
  if (intent === 'cancel' || intent === 'delete') {
    if (!confirmSchema.safeParse(Object.fromEntries(formData)).success) return refuse({ key: `setup:lifecycle.${intent}Confirm` });
    if (intent === 'cancel') {
      const outcome = await attempt(() => cancelEdition(db(), person, edition.id, { publicUrl: env().PUBLIC_URL }));
      if (!outcome.ok) return refuse(outcome.formError, outcome.status);
      return redirect(`/office/editions/${edition.slug}/settings?cancelled=1`);
    }
    const outcome = await attempt(() => deleteEdition(db(), person, edition.id));
    if (!outcome.ok) return refuse(outcome.formError, outcome.status);
    return redirect('/office?deleted=1');
  }
  return refuse({ key: 'forms:errors.invalid' });
}

function Confirmed({ intent, label }: { intent: string; label: string }) {
  return (
    <div className="field field--checkbox">
      <input type="checkbox" id={`confirm-${intent}`} name="confirm" value="yes" required />
      <label htmlFor={`confirm-${intent}`}>{label}</label>
    </div>
  );
}

export default function EditionSettings() {
  const { edition, notice } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useI18n();
  const title = parseLocalized(edition.title);
  const description = parseLocalized(edition.description);
  const defaultValue: Record<string, string | undefined> = {
    slug: edition.slug,
    startsOn: edition.starts_on,
    endsOn: edition.ends_on,
    opensAt: edition.registration_opens_at ? utcToBerlinWallClock(edition.registration_opens_at) : undefined,
    closesAt: edition.registration_closes_at ? utcToBerlinWallClock(edition.registration_closes_at) : undefined,
  };
  for (const code of LOCALES) {
    defaultValue[`title_${code}`] = title[code];
    defaultValue[`description_${code}`] = description[code];
  }
  const lifecycle = data?.lifecycle ?? null;
  const base = `/office/editions/${edition.slug}`;
  return (
    <>
      <p>
        <Link to={base}>{t('setup:edition.backToDashboard')}</Link>
      </p>
      <h1>
        <Localized value={edition.title} />
      </h1>
      {notice ? (
        <p className="notice notice--success" role="status">
          {t(`setup:edition.notice.${notice}`)}
        </p>
      ) : null}

      <section aria-labelledby="lifecycle">
        <h2 id="lifecycle">{t('setup:lifecycle.title')}</h2>
        <ol className="lifecycle">
          {LIFECYCLE.map((s) => (
            <li key={s} aria-current={edition.status === s ? 'step' : undefined}>
              {edition.status === s ? <strong>{t(`admin:editionStatus.${s}`)}</strong> : t(`admin:editionStatus.${s}`)}
            </li>
          ))}
        </ol>
        <p>{edition.cancelled_at ? t('setup:lifecycle.isCancelled') : t(`setup:lifecycle.explain.${edition.status}`)}</p>
        {lifecycle?.intent === 'status' ? <FormAlert message={lifecycle.message} /> : null}
        {STATUS_CHANGES[edition.status].map((to) => (
          <Form method="post" key={to} className="inline-form">
            <input type="hidden" name="intent" value="status" />
            <input type="hidden" name="to" value={to} />
            <button type="submit">{t(`setup:lifecycle.to.${to}`)}</button>
          </Form>
        ))}
      </section>

      <section aria-labelledby="facts">
        <h2 id="facts">{t('setup:edition.facts')}</h2>
        <EditionForm key={edition.slug} lastResult={data?.result} defaultValue={defaultValue} submit={t('setup:edition.save')} slugLocked={edition.status !== 'draft'} />
      </section>

      <section aria-labelledby="end">
        <h2 id="end">{t('setup:lifecycle.endTitle')}</h2>
        {/* shown even where the form is not (a draft, an edition already cancelled): a refusal always says why */}
        {lifecycle?.intent === 'cancel' ? <FormAlert message={lifecycle.message} /> : null}
        {edition.status !== 'draft' && !edition.cancelled_at ? (
          <Form method="post">
            <input type="hidden" name="intent" value="cancel" />
            <p>{t('setup:lifecycle.cancelExplain')}</p>
            <Confirmed intent="cancel" label={t('setup:lifecycle.cancelCheck')} />
            <button type="submit" className="danger">
              {t('setup:lifecycle.cancel')}
            </button>
          </Form>
        ) : null}
        <Form method="post">
          <input type="hidden" name="intent" value="delete" />
          <p>{t('setup:lifecycle.deleteExplain')}</p>
          {lifecycle?.intent === 'delete' ? <FormAlert message={lifecycle.message} /> : null}
          <Confirmed intent="delete" label={t('setup:lifecycle.deleteCheck')} />
          <button type="submit" className="danger">
            {t('setup:lifecycle.delete')}
          </button>
        </Form>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
