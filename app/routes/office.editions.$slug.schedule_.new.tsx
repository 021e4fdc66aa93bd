import { requireEditionManager } from '~/http/office.server';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { ErrorSummary } from '~/components/forms';
import { Localized, useI18n } from '~/components/i18n';
import { OfficeEditionNav } from '~/components/schedule';
import { ItemFields, itemFieldLabels, itemTextValues, mergeValues, type ItemFormValues } from '~/components/schedule-item-form';
import { createItem, getItemFormOptions } from '~/domain/schedule/editor.server';
import { itemSchema } from '~/domain/schedule/item.schema';
import { db } from '~/server/db.server';
import { formValues, parseForm } from '~/lib/forms';
import { translator } from '~/lib/i18n';
import { localeOf } from '~/http/locale.server';
import { daysBetween } from '~/lib/time';
import { formAttempt } from '~/http/errors.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition } = await requireEditionManager(request, params.slug);
  const locale = await localeOf(request);
  const options = await getItemFormOptions(db(), edition.id);
  const days = daysBetween(edition.starts_on, edition.ends_on);
  // "Schedule" next to a proposed stage act fills in what the application says.
  const fromApplication = Number(new URL(request.url).searchParams.get('registration'));
  const act = options.registrations.find((r) => r.id === fromApplication);
  const minutes = act?.stage_act_minutes ?? 60;
  const values: ItemFormValues = {
    ...itemTextValues('{}', '{}'),
    title_de: act?.stage_act_title ?? '',
    stage_id: String(options.stages[0]?.id ?? ''),
    day: days[0] ?? '',
    start: '12:00',
    end: `${String(12 + Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`,
    category: 'music',
    languages: 'de',
    accessibility: ['wheelchair'],
    host_organisation_id: act ? String(act.organisation_id) : '',
    registration_id: act ? String(act.id) : '',
    repeat: 'none',
    repeat_until: '',
  };
  return json({ title: translator(locale)('schedule:item.newTitle'), edition, options: { ...options, days }, values });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

export async function action({ request, params }: ActionFunctionArgs) {
  const { edition } = await requireEditionManager(request, params.slug);
  const form = await request.formData();
  const parsed = parseForm(itemSchema, form);
  if (!parsed.success) return json({ intent: 'create', errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await formAttempt(() => createItem(db(), edition.id, parsed.data), { intent: 'create', values: formValues(form) });
  if (!result.ok) return result.response;
  return redirect(`/office/editions/${edition.slug}/schedule#item-${result.value[0]}`);
}

export default function NewItem() {
  const { edition, options, values } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, locale } = useI18n();
  const busy = useNavigation().state === 'submitting';
  const merged = mergeValues(values, data?.values);
  return (
    <>
      <OfficeEditionNav slug={edition.slug} />
      <p className="eyebrow">
        <Localized value={edition.title} />
      </p>
      <h1>{t('schedule:item.newTitle')}</h1>
      <p>
        <Link to={`/office/editions/${edition.slug}/schedule`}>{t('schedule:item.back')}</Link>
      </p>
      <ErrorSummary errors={data?.errors} labels={itemFieldLabels(t, locale)} />
      <Form method="post" noValidate>
        <ItemFields values={merged} errors={data?.errors} options={options} withRepeat />
        <p>
          <button type="submit" disabled={busy}>
            {t('schedule:item.create')}
          </button>
        </p>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
