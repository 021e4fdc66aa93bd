import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { Localized, useI18n } from '~/components/i18n';
import { inLanguage, localizedLabels, SchemaFormErrors, useSchemaForm } from '~/components/schema-forms';
import { FormAlert, RemoveForm, StandTypeFields } from '~/components/places-forms';
import { OfficeEditionNav } from '~/components/schedule';
import { standTypeSchema } from '~/domain/places/places.schema';
import { createStandType, getStandType, removeStandType, updateStandType } from '~/domain/places/stand-types.server';
import { idParam, requireEditionSetup } from '~/http/edition-setup.server';
import { localeOf } from '~/http/locale.server';
import { keyErrorMap } from '~/lib/form-keys';
import { translator, type Locale } from '~/lib/i18n';
import { parseList } from '~/lib/i18n-text';
import { localizedValues } from '~/lib/localized-fields';
import { db } from '~/server/db.server';
import { orRespond, removalAttempt, replyOnFailure } from '~/http/errors.server';

/** One stand type, new (`/stand-types/new`) or edited; removed while nobody applied for it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition } = await requireEditionSetup(request, params.slug);
  const locale = await localeOf(request);
  const isNew = params.typeId === 'new';
  const type = isNew ? null : await orRespond(() => getStandType(db(), edition.id, idParam(params.typeId)));
  const values: Record<string, string | string[]> = type
    ? {
        ...localizedValues(type.name, 'name'),
        ...localizedValues(type.description, 'description'),
        fee: (type.fee_cents / 100).toFixed(2).replace(/\.00$/, ''),
        capacity: String(type.capacity),
        width_m: String(type.width_m),
        depth_m: String(type.depth_m),
        equipment: parseList(type.equipment),
      }
    : { ...localizedValues(null, 'name'), fee: '0', capacity: '', width_m: '3', depth_m: '3', equipment: [] };
  return json({ title: translator(locale)(isNew ? 'places:standTypes.new' : 'places:standTypes.editTitle'), isNew, edition: { slug: edition.slug, title: edition.title }, type: type && { id: type.id, name: type.name }, values });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

export async function action({ request, params }: ActionFunctionArgs) {
  const { person, edition } = await requireEditionSetup(request, params.slug);
  const form = await request.formData();
  const back = `/office/editions/${edition.slug}/stand-types`;
  const isNew = params.typeId === 'new';
  if (form.get('intent') === 'remove' && !isNew) {
    const removed = await removalAttempt(() => removeStandType(db(), person.id, edition.id, idParam(params.typeId)));
    if (!removed.ok) return removed.response;
    return redirect(back);
  }
  const submission = parseWithZod(form, { schema: standTypeSchema, error: keyErrorMap });
  if (submission.status !== 'success') return json({ result: submission.reply(), removal: null }, { status: 400 });
  const standType = submission.value;
  if (isNew) {
    const created = await replyOnFailure(submission, () => createStandType(db(), person.id, edition.id, standType));
    if (!created.ok) return created.response;
    return redirect(`${back}#stand-type-${created.value}`);
  }
  const result = await replyOnFailure(submission, () => updateStandType(db(), person.id, edition.id, idParam(params.typeId), standType));
  if (!result.ok) return result.response;
  // A changed fee says what happens to fees already asked for; otherwise back to the list.
  if (result.value.feeChanged) return json({ result: submission.reply(), removal: null, feesKept: result.value.feesKept });
  return redirect(`${back}#stand-type-${params.typeId}`);
}

function labels(t: (key: string, values?: Record<string, string>) => string, locale: Locale): Record<string, string> {
  return {
    ...localizedLabels('name', inLanguage(t, locale, t('places:standType.name'))),
    ...localizedLabels('description', inLanguage(t, locale, t('places:standType.description'))),
    fee: t('places:standType.fee'),
    capacity: t('places:standType.capacity'),
    width_m: t('places:standType.width'),
    depth_m: t('places:standType.depth'),
    equipment: t('places:standType.equipment'),
  };
}

export default function StandTypePage() {
  const { edition, type, values, isNew } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, locale } = useI18n();
  const busy = useNavigation().state === 'submitting';
  const base = `/office/editions/${edition.slug}`;
  const setup = useSchemaForm(standTypeSchema, data && 'result' in data ? data.result : undefined, values);
  return (
    <>
      <OfficeEditionNav slug={edition.slug} />
      <p className="eyebrow">
        <Localized value={edition.title} />
      </p>
      <h1>{isNew ? t('places:standTypes.new') : <Localized value={type?.name ?? ''} />}</h1>
      <p>
        <Link to={`${base}/stand-types`}>{t('places:standTypes.back')}</Link>
      </p>
      {data && 'feesKept' in data ? <p role="status" className="notice">{t('places:standTypes.feeKept', { count: data.feesKept })}</p> : null}
      <SchemaFormErrors setup={setup} labels={labels(t, locale)} />
      <Form method="post" {...getFormProps(setup.form)} noValidate>
        <input type="hidden" name="intent" value="save" />
        <StandTypeFields setup={setup} />
        <p>
          <button type="submit" disabled={busy}>
            {isNew ? t('places:standTypes.create') : t('places:save')}
          </button>
        </p>
      </Form>
      {type ? (
        <section aria-labelledby="remove-type">
          <h2 id="remove-type">{t('places:standTypes.remove')}</h2>
          <FormAlert message={data && 'removal' in data ? data.removal : undefined} />
          <RemoveForm label={t('places:standTypes.remove')} />
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
