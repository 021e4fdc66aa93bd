import { requireEditionManager } from '~/http/office.server';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { getFormProps, type Submission, type SubmissionResult } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { ErrorSummary, Field } from '~/components/forms';
import { Localized, useI18n } from '~/components/i18n';
import { ConflictList, OfficeEditionNav } from '~/components/schedule';
import { ItemFields, itemFieldLabels, itemTextValues, SelectField, type ItemFormValues } from '~/components/schedule-item-form';
import { useSchemaForm } from '~/components/schema-forms';
import {
  berlinTime,
  deleteUnpublishedItem,
  getDraftItem,
  moveItem,
  resizeItem,
  setItemStatus,
  updateItem,
} from '~/domain/schedule/editor.server';
import { itemSchema, placeSchema, resizeSchema } from '~/domain/schedule/item.schema';
import { db } from '~/server/db.server';
import { firstError, keyErrorMap } from '~/lib/form-keys';
import { translator } from '~/lib/i18n';
import { parseList, pickText } from '~/lib/i18n-text';
import { localeOf } from '~/http/locale.server';
import { berlinDay, daysBetween, formatDay } from '~/lib/time';
import { attempt, orRespond, replyOf } from '~/http/errors.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireEditionManager(request, params.slug);
  const locale = await localeOf(request);
  const page = await orRespond(() => getDraftItem(db(), params.slug ?? '', params.uid ?? ''));
  const { item } = page;
  const values: ItemFormValues = {
    ...itemTextValues(item.title, item.description),
    stage_id: String(item.stage_id ?? ''),
    day: berlinDay(item.starts_at),
    start: berlinTime(item.starts_at),
    end: berlinTime(item.ends_at),
    category: item.category,
    languages: parseList(item.languages).join(', '),
    accessibility: parseList(item.accessibility),
    host_organisation_id: item.host_organisation_id ? String(item.host_organisation_id) : '',
    registration_id: item.registration_id ? String(item.registration_id) : '',
  };
  return json({
    title: `${translator(locale)('schedule:item.editTitle')}: ${pickText(item.title, locale).text}`,
    ...page,
    values,
    options: { stages: page.stages, organisations: page.organisations, registrations: page.registrations, days: daysBetween(page.edition.starts_on, page.edition.ends_on) },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

const intentSchema = z.object({ intent: z.enum(['save', 'move', 'resize', 'cancel', 'restore', 'delete'], 'schedule:errors.invalid') });

type Reply = { intent: string; result: SubmissionResult<string[]> };

export async function action({ request, params }: ActionFunctionArgs) {
  const { edition } = await requireEditionManager(request, params.slug);
  const uid = params.uid ?? '';
  const form = await request.formData();
  const chosen = intentSchema.safeParse({ intent: form.get('intent') });
  if (!chosen.success) {
    const result = parseWithZod(form, { schema: intentSchema, error: keyErrorMap }).reply({ formErrors: ['schedule:errors.invalid'] });
    return json<Reply>({ intent: String(form.get('intent') ?? ''), result }, { status: 400 });
  }
  const intent = chosen.data.intent;
  if (intent === 'move' || intent === 'resize') form.set('uid', uid);
  const back = redirect(`/office/editions/${edition.slug}/schedule#item-${uid}`);
  // raw: an emptied language field is '' (cleared), not missing (kept)
  const parse = <S extends z.ZodType>(schema: S) => parseWithZod(form, { schema, error: keyErrorMap, disableAutoCoercion: true });
  const run = async <V,>(submission: Submission<unknown, string[], V>, call: (value: V) => Promise<void>, then = back) => {
    if (submission.status !== 'success') return json<Reply>({ intent, result: submission.reply() }, { status: 400 });
    const outcome = await attempt(() => call(submission.value));
    return outcome.ok ? then : json<Reply>({ intent, result: replyOf(submission, outcome) }, { status: outcome.status });
  };
  switch (intent) {
    case 'move':
      return run(parse(placeSchema), (value) => moveItem(db(), edition.id, uid, value));
    case 'resize':
      return run(parse(resizeSchema), (value) => resizeItem(db(), edition.id, uid, value.end));
    case 'cancel':
    case 'restore':
      return run(parse(intentSchema), () => setItemStatus(db(), edition.id, uid, intent === 'cancel' ? 'cancelled' : 'scheduled'));
    case 'delete':
      return run(parse(intentSchema), () => deleteUnpublishedItem(db(), edition.id, uid), redirect(`/office/editions/${edition.slug}/schedule`));
    case 'save':
      return run(parse(itemSchema), (value) => updateItem(db(), edition.id, uid, value));
  }
}

export default function EditItem() {
  const { edition, item, published, conflicts, related, values, options } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, text, locale } = useI18n();
  const replyFor = (intent: string) => (data?.intent === intent ? data.result : undefined);
  const details = useSchemaForm(itemSchema, replyFor('save'), values, { raw: true });
  const move = useSchemaForm(placeSchema, replyFor('move'), { uid: item.uid, stage_id: values.stage_id, day: values.day, start: values.start }, { raw: true });
  const resize = useSchemaForm(resizeSchema, replyFor('resize'), { uid: item.uid, end: values.end }, { raw: true });
  // a refusal about the whole item (not one field), whichever form asked
  const formError = firstError(data?.result.error?.[''] ?? undefined);
  const cancelled = item.status === 'cancelled';
  return (
    <>
      <OfficeEditionNav slug={edition.slug} />
      <p className="eyebrow">
        <Localized value={edition.title} />
      </p>
      <h1>
        {t('schedule:item.editTitle')}: <Localized value={item.title} />
      </h1>
      <p>
        <Link to={`/office/editions/${edition.slug}/schedule#item-${item.uid}`}>{t('schedule:item.back')}</Link>
      </p>
      <p className="muted">
        {t('schedule:item.uid')}: <code>{item.uid}</code> · {published ? t('schedule:item.publishedAs', { sequence: published.sequence }) : t('schedule:item.notPublished')}
        {related.seriesSize ? ` · ${t('schedule:item.seriesPart', { count: related.seriesSize })}` : ''}
      </p>
      {cancelled ? <p className="notice notice--warning">{t('schedule:item.cancelledNote')}</p> : null}
      {formError ? (
        <p className="notice notice--warning" role="alert">
          {t(formError.key, formError.values ?? {})}
        </p>
      ) : null}
      {conflicts.length > 0 ? (
        <section aria-labelledby="item-conflicts" className="schedule-conflicts">
          <h2 id="item-conflicts">{t('schedule:item.conflictsHere')}</h2>
          <ConflictList conflicts={conflicts} context={related} />
        </section>
      ) : null}

      <section aria-labelledby="move-title">
        <h2 id="move-title">{t('schedule:item.move')}</h2>
        <p className="hint">{t('schedule:item.moveHint')}</p>
        <ErrorSummary errors={move.fieldErrors} labels={itemFieldLabels(t, locale)} />
        <Form method="post" {...getFormProps(move.form)} noValidate className="inline-form">
          <input type="hidden" name="intent" value="move" />
          <input type="hidden" name="uid" value={item.uid} />
          <SelectField
            id="move-stage"
            name="stage_id"
            label={t('schedule:item.stage')}
            defaultValue={move.value('stage_id')}
            error={move.error('stage_id')}
            options={options.stages.map((s) => ({ value: String(s.id), label: text(s.name).text }))}
          />
          <SelectField
            id="move-day"
            name="day"
            label={t('schedule:item.day')}
            defaultValue={move.value('day')}
            error={move.error('day')}
            options={options.days.map((d) => ({ value: d, label: formatDay(d, locale) }))}
          />
          <Field id="move-start" name="start" type="time" step={300} label={t('schedule:item.start')} defaultValue={move.value('start')} error={move.error('start')} />
          <button type="submit">{t('schedule:item.moveButton')}</button>
        </Form>
      </section>

      <section aria-labelledby="resize-title">
        <h2 id="resize-title">{t('schedule:item.resize')}</h2>
        <ErrorSummary errors={resize.fieldErrors} labels={itemFieldLabels(t, locale)} />
        <Form method="post" {...getFormProps(resize.form)} noValidate className="inline-form">
          <input type="hidden" name="intent" value="resize" />
          <input type="hidden" name="uid" value={item.uid} />
          <Field id="resize-end" name="end" type="time" step={300} label={t('schedule:item.end')} hint={t('schedule:item.endHint')} defaultValue={resize.value('end')} error={resize.error('end')} />
          <button type="submit">{t('schedule:item.resizeButton')}</button>
        </Form>
      </section>

      <section aria-labelledby="status-title">
        <h2 id="status-title">{t('schedule:item.status')}</h2>
        <Form method="post">
          <input type="hidden" name="intent" value={cancelled ? 'restore' : 'cancel'} />
          <button type="submit" className={cancelled ? undefined : 'secondary'}>
            {cancelled ? t('schedule:item.restore') : t('schedule:item.cancel')}
          </button>
        </Form>
        {!published ? (
          <Form method="post">
            <input type="hidden" name="intent" value="delete" />
            <p className="hint">{t('schedule:item.deleteHint')}</p>
            <button type="submit" className="secondary">
              {t('schedule:item.delete')}
            </button>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="details-title">
        <h2 id="details-title">{t('schedule:item.details')}</h2>
        <ErrorSummary errors={details.fieldErrors} labels={itemFieldLabels(t, locale)} />
        <Form method="post" {...getFormProps(details.form)} noValidate>
          <input type="hidden" name="intent" value="save" />
          <ItemFields setup={details} options={options} withRepeat={false} />
          <p>
            <button type="submit">{t('schedule:item.save')}</button>
          </p>
        </Form>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
