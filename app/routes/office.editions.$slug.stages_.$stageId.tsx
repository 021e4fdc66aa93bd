import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { Localized, useI18n } from '~/components/i18n';
import { inLanguage, localizedLabels, SchemaFormErrors, useSchemaForm } from '~/components/schema-forms';
import { FormAlert, RemoveForm, StageFields } from '~/components/places-forms';
import { OfficeEditionNav } from '~/components/schedule';
import { stageSchema } from '~/domain/places/places.schema';
import { berlinClock, createStage, getStage, removeStage, updateStage } from '~/domain/places/venues.server';
import { idParam, requireEditionSetup } from '~/http/edition-setup.server';
import { localeOf } from '~/http/locale.server';
import { keyErrorMap } from '~/lib/form-keys';
import { translator, type Locale } from '~/lib/i18n';
import { localizedValues } from '~/lib/localized-fields';
import { daysBetween, formatDay } from '~/lib/time';
import { db } from '~/server/db.server';
import { orRespond, removalAttempt, replyOnFailure } from '~/http/errors.server';

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
    const removed = await removalAttempt(() => removeStage(db(), person.id, edition.id, idParam(params.stageId)));
    if (!removed.ok) return removed.response;
    return redirect(back);
  }
  const submission = parseWithZod(form, { schema: stageSchema(daysBetween(edition.starts_on, edition.ends_on)), error: keyErrorMap });
  if (submission.status !== 'success') return json({ result: submission.reply(), removal: null }, { status: 400 });
  const stage = submission.value;
  const result = await replyOnFailure(submission, async () => {
    if (isNew) return createStage(db(), person.id, edition, stage);
    await updateStage(db(), person.id, edition, idParam(params.stageId), stage);
    return idParam(params.stageId);
  });
  if (!result.ok) return result.response;
  return redirect(`${back}#venue-${stage.venue_id}`);
}

function stageLabels(t: (key: string, values?: Record<string, string>) => string, locale: Locale, days: string[]): Record<string, string> {
  const labels: Record<string, string> = {
    ...localizedLabels('name', inLanguage(t, locale, t('places:stage.name'))),
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
  const setup = useSchemaForm(stageSchema(days), data && 'result' in data ? data.result : undefined, values);
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
          <SchemaFormErrors setup={setup} labels={stageLabels(t, locale, days)} />
          <Form method="post" {...getFormProps(setup.form)} noValidate>
            <input type="hidden" name="intent" value="save" />
            <StageFields setup={setup} venues={venues} days={days} />
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
          <FormAlert message={data && 'removal' in data ? data.removal : undefined} />
          <RemoveForm label={t('places:stages.remove')} />
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
