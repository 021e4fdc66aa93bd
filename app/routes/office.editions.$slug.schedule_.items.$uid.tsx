import { requireEditionManager } from '~/http/office.server';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { ErrorSummary, Field } from '~/components/forms';
import { Localized, useI18n } from '~/components/i18n';
import { ConflictList, OfficeEditionNav } from '~/components/schedule';
import { ItemFields, itemFieldLabels, itemTextValues, mergeValues, SelectField, type ItemFormValues } from '~/components/schedule-item-form';
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
import { formValues, parseForm, type FieldErrors } from '~/lib/forms';
import { translator } from '~/lib/i18n';
import { parseList, pickText } from '~/lib/i18n-text';
import { localeOf } from '~/http/locale.server';
import { berlinDay, daysBetween, formatDay } from '~/lib/time';
import { formAttempt, orRespond } from '~/http/errors.server';

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

export async function action({ request, params }: ActionFunctionArgs) {
  const { edition } = await requireEditionManager(request, params.slug);
  const uid = params.uid ?? '';
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  const values = formValues(form);
  const back = redirect(`/office/editions/${edition.slug}/schedule#item-${uid}`);
  const run = async (call: () => Promise<void>) => {
    const result = await formAttempt(call, { intent, values });
    return result.ok ? back : result.response;
  };
  switch (intent) {
    case 'save': {
      const parsed = parseForm(itemSchema, form);
      if (!parsed.success) return json({ intent, errors: parsed.errors, values: parsed.values }, { status: 400 });
      return run(() => updateItem(db(), edition.id, uid, parsed.data));
    }
    case 'move': {
      form.set('uid', uid);
      const parsed = parseForm(placeSchema, form);
      if (!parsed.success) return json({ intent, errors: parsed.errors, values: parsed.values }, { status: 400 });
      return run(() => moveItem(db(), edition.id, uid, parsed.data));
    }
    case 'resize': {
      form.set('uid', uid);
      const parsed = parseForm(resizeSchema, form);
      if (!parsed.success) return json({ intent, errors: parsed.errors, values: parsed.values }, { status: 400 });
      return run(() => resizeItem(db(), edition.id, uid, parsed.data.end));
    }
    case 'cancel':
    case 'restore':
      return run(() => setItemStatus(db(), edition.id, uid, intent === 'cancel' ? 'cancelled' : 'scheduled'));
    case 'delete': {
      const result = await formAttempt(() => deleteUnpublishedItem(db(), edition.id, uid), { intent, values });
      return result.ok ? redirect(`/office/editions/${edition.slug}/schedule`) : result.response;
    }
    default: {
      const errors: FieldErrors = { form: { key: 'schedule:errors.invalid' } };
      return json({ intent, errors, values }, { status: 400 });
    }
  }
}

export default function EditItem() {
  const { edition, item, published, conflicts, related, values, options } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, text, locale } = useI18n();
  const errorsFor = (intent: string) => (data?.intent === intent ? data.errors : undefined);
  const valuesFor = (intent: string) => (data?.intent === intent ? data.values : undefined);
  const merged = mergeValues(values, valuesFor('save'));
  const move = { ...values, ...valuesFor('move') };
  const resize = { ...values, ...valuesFor('resize') };
  const formError = data?.errors && 'form' in data.errors ? data.errors.form : undefined;
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
        <ErrorSummary errors={errorsFor('move')} labels={itemFieldLabels(t, locale)} />
        <Form method="post" noValidate className="inline-form">
          <input type="hidden" name="intent" value="move" />
          <SelectField
            id="move-stage"
            name="stage_id"
            label={t('schedule:item.stage')}
            defaultValue={move.stage_id}
            error={errorsFor('move')?.stage_id}
            options={options.stages.map((s) => ({ value: String(s.id), label: text(s.name).text }))}
          />
          <SelectField
            id="move-day"
            name="day"
            label={t('schedule:item.day')}
            defaultValue={move.day}
            error={errorsFor('move')?.day}
            options={options.days.map((d) => ({ value: d, label: formatDay(d, locale) }))}
          />
          <Field id="move-start" name="start" type="time" step={300} label={t('schedule:item.start')} defaultValue={move.start} error={errorsFor('move')?.start} />
          <button type="submit">{t('schedule:item.moveButton')}</button>
        </Form>
      </section>

      <section aria-labelledby="resize-title">
        <h2 id="resize-title">{t('schedule:item.resize')}</h2>
        <ErrorSummary errors={errorsFor('resize')} labels={itemFieldLabels(t, locale)} />
        <Form method="post" noValidate className="inline-form">
          <input type="hidden" name="intent" value="resize" />
          <Field id="resize-end" name="end" type="time" step={300} label={t('schedule:item.end')} hint={t('schedule:item.endHint')} defaultValue={resize.end} error={errorsFor('resize')?.end} />
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
        <ErrorSummary errors={errorsFor('save')} labels={itemFieldLabels(t, locale)} />
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="save" />
          <ItemFields values={merged} errors={errorsFor('save')} options={options} withRepeat={false} />
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
