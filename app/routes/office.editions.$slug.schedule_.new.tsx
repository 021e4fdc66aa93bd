import { requireEditionManager } from '~/http/office.server';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { Localized, useI18n } from '~/components/i18n';
import { OfficeEditionNav } from '~/components/schedule';
import { ItemFields, itemFieldLabels, itemTextValues, type ItemFormValues } from '~/components/schedule-item-form';
import { SchemaFormErrors, useSchemaForm } from '~/components/schema-forms';
import { createItem, getItemFormOptions } from '~/domain/schedule/editor.server';
import { itemSchema } from '~/domain/schedule/item.schema';
import { db } from '~/server/db.server';
import { keyErrorMap } from '~/lib/form-keys';
import { translator } from '~/lib/i18n';
import { localeOf } from '~/http/locale.server';
import { daysBetween } from '~/lib/time';
import { attempt, replyOf } from '~/http/errors.server';

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
  // raw: an emptied language field is '' (cleared), not missing (kept)
  const submission = parseWithZod(form, { schema: itemSchema, error: keyErrorMap, disableAutoCoercion: true });
  if (submission.status !== 'success') return json({ result: submission.reply() }, { status: 400 });
  const result = await attempt(() => createItem(db(), edition.id, submission.value));
  if (!result.ok) return json({ result: replyOf(submission, result) }, { status: result.status });
  return redirect(`/office/editions/${edition.slug}/schedule#item-${result.value[0]}`);
}

export default function NewItem() {
  const { edition, options, values } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, locale } = useI18n();
  const busy = useNavigation().state === 'submitting';
  const setup = useSchemaForm(itemSchema, data?.result, values, { raw: true });
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
      <SchemaFormErrors setup={setup} labels={itemFieldLabels(t, locale)} />
      <Form method="post" {...getFormProps(setup.form)} noValidate>
        <ItemFields setup={setup} options={options} withRepeat />
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
