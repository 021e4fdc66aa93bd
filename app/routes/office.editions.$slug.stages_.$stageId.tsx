import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { ErrorSummary } from '~/components/forms';
import { Localized, useI18n } from '~/components/i18n';
import { localizedLabels } from '~/components/localized-field';
import { FormAlert, RemoveForm, StageFields } from '~/components/places-forms';
import { OfficeEditionNav } from '~/components/schedule';
import { stageSchema } from '~/domain/places/places.schema';
import { berlinClock, createStage, getStage, removeStage, updateStage } from '~/domain/places/venues.server';
import { idParam, requireEditionSetup } from '~/http/edition-setup.server';
import { localeOf } from '~/http/locale.server';
import { formValues, parseForm } from '~/lib/forms';
import { translator, type Locale } from '~/lib/i18n';
import { localizedValues } from '~/lib/localized-fields';
import { daysBetween, formatDay } from '~/lib/time';
import { db } from '~/server/db.server';
import { formAttempt, orRespond } from '~/http/errors.server';

/** One stage or area: new (`/stages/new?venue=<id>`) or edited, with its opening hours per day; removed only without items. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition } = await requireEditionSetup(request, params.slug);
  const locale = await localeOf(request);
  const isNew = params.stageId === 'new';
  const days = daysBetween(edition.starts_on, edition.ends_on);
  const venues = await db().selectFrom('venues').select(['id', 'name']).where('edition_id', '=', edition.id).orderBy('sort_order').orderBy('id').execute();
  const stage = isNew ? null : await orRespond(() => getStage(db(), edition.id, idParam(params.stageId)));
  let values: Record<string, string>;
  if (stage) {
    values = { ...localizedValues(stage.name, 'name'), venue_id: String(stage.venue_id), kind: stage.kind, sort_order: String(stage.sort_order), changeover_minutes: String(stage.changeover_minutes) };
    for (const h of stage.hours) {
      values[`opens_${h.day}`] = berlinClock(h.opens_at);
      values[`closes_${h.day}`] = berlinClock(h.closes_at);
    }
  } else {
    const venue = Number(new URL(request.url).searchParams.get('venue'));
    values = { ...localizedValues(null, 'name'), venue_id: String(venues.find((v) => v.id === venue)?.id ?? venues[0]?.id ?? ''), kind: 'stage', sort_order: '0', changeover_minutes: '15' };
  }
  return json({
    title: translator(locale)(isNew ? 'places:stages.new' : 'places:stages.editTitle'),
    isNew,
    edition: { slug: edition.slug, title: edition.title },
    stage: stage && { id: stage.id, name: stage.name },
    venues,
    days,
    values,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

export async function action({ request, params }: ActionFunctionArgs) {
  const { person, edition } = await requireEditionSetup(request, params.slug);
  const form = await request.formData();
  const back = `/office/editions/${edition.slug}/venues`;
  const isNew = params.stageId === 'new';
  if (form.get('intent') === 'remove' && !isNew) {
    const result = await formAttempt(() => removeStage(db(), person.id, edition.id, idParam(params.stageId)), { intent: 'remove', values: {} });
    if (!result.ok) return result.response;
    return redirect(back);
  }
  const parsed = parseForm(stageSchema(daysBetween(edition.starts_on, edition.ends_on)), form);
  if (!parsed.success) return json({ intent: 'save', errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await formAttempt(
    async () => {
      if (isNew) return createStage(db(), person.id, edition, parsed.data);
      await updateStage(db(), person.id, edition, idParam(params.stageId), parsed.data);
      return idParam(params.stageId);
    },
    { intent: 'save', values: formValues(form) },
  );
  if (!result.ok) return result.response;
  return redirect(`${back}#venue-${parsed.data.venue_id}`);
}

function stageLabels(t: (key: string, values?: Record<string, string>) => string, locale: Locale, days: string[]): Record<string, string> {
  const labels: Record<string, string> = {
    ...localizedLabels(t, locale, 'name', t('places:stage.name')),
    venue_id: t('places:stage.venue'),
    kind: t('places:stage.kind'),
    changeover_minutes: t('places:stage.changeover'),
    sort_order: t('places:order'),
  };
  for (const day of days) {
    labels[`opens_${day}`] = t('places:stage.opensOn', { day: formatDay(day, locale) });
    labels[`closes_${day}`] = t('places:stage.closesOn', { day: formatDay(day, locale) });
  }
  return labels;
}

export default function StagePage() {
  const { edition, stage, values, isNew, venues, days } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, locale } = useI18n();
  const busy = useNavigation().state === 'submitting';
  const base = `/office/editions/${edition.slug}`;
  const saveErrors = data?.intent === 'save' ? data.errors : undefined;
  const shown = data?.intent === 'save' ? data.values : values;
  return (
    <>
      <OfficeEditionNav slug={edition.slug} />
      <p className="eyebrow">
        <Localized value={edition.title} />
      </p>
      <h1>{isNew ? t('places:stages.new') : <Localized value={stage?.name ?? ''} />}</h1>
      <p>
        <Link to={`${base}/venues`}>{t('places:venues.back')}</Link>
      </p>
      {venues.length === 0 ? (
        <p>{t('places:stages.needVenue')}</p>
      ) : (
        <>
          <ErrorSummary errors={saveErrors && !('form' in saveErrors) ? saveErrors : undefined} labels={stageLabels(t, locale, days)} />
          <FormAlert message={saveErrors?.form} />
          <Form method="post" noValidate key={JSON.stringify(shown)}>
            <input type="hidden" name="intent" value="save" />
            <StageFields values={shown} errors={saveErrors} venues={venues} days={days} />
            <p>
              <button type="submit" disabled={busy}>
                {isNew ? t('places:stages.create') : t('places:save')}
              </button>
            </p>
          </Form>
        </>
      )}
      {stage ? (
        <section aria-labelledby="remove-stage">
          <h2 id="remove-stage">{t('places:stages.remove')}</h2>
          <FormAlert message={data?.intent === 'remove' ? data.errors.form : undefined} />
          <RemoveForm label={t('places:stages.remove')} />
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
