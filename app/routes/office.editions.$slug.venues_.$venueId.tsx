import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { Localized, useI18n } from '~/components/i18n';
import { inLanguage, localizedLabels, SchemaFormErrors, useSchemaForm } from '~/components/schema-forms';
import { FormAlert, RemoveForm, VenueFields } from '~/components/places-forms';
import { OfficeEditionNav } from '~/components/schedule';
import { venueSchema } from '~/domain/places/places.schema';
import { createVenue, getVenue, removeVenue, updateVenue } from '~/domain/places/venues.server';
import { idParam, requireEditionSetup } from '~/http/edition-setup.server';
import { localeOf } from '~/http/locale.server';
import { keyErrorMap } from '~/lib/form-keys';
import { translator, type Locale } from '~/lib/i18n';
import { parseList } from '~/lib/i18n-text';
import { localizedValues } from '~/lib/localized-fields';
import { db } from '~/server/db.server';
import { orRespond, removalAttempt, replyOnFailure } from '~/http/errors.server';

/** One venue: new (`/venues/new`) or edited, and removed once it has no stages. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition } = await requireEditionSetup(request, params.slug);
  const locale = await localeOf(request);
  const t = translator(locale);
  const isNew = params.venueId === 'new';
  const venue = isNew ? null : await orRespond(() => getVenue(db(), edition.id, idParam(params.venueId)));
  const values: Record<string, string | string[]> = venue
    ? {
        ...localizedValues(venue.name, 'name'),
        ...localizedValues(venue.accessibility_note, 'accessibility_note'),
        address: venue.address,
        lat: venue.lat === null ? '' : String(venue.lat),
        lng: venue.lng === null ? '' : String(venue.lng),
        accessibility: parseList(venue.accessibility),
        sort_order: String(venue.sort_order),
      }
    : { ...localizedValues(null, 'name'), address: '', lat: '', lng: '', accessibility: [], sort_order: '0' };
  const stages = venue ? await db().selectFrom('stages').select(['id', 'name']).where('venue_id', '=', venue.id).orderBy('sort_order').orderBy('id').execute() : [];
  return json({ title: t(isNew ? 'places:venues.new' : 'places:venues.editTitle'), isNew, edition: { slug: edition.slug, title: edition.title }, venue: venue && { id: venue.id, name: venue.name }, stages, values });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

export async function action({ request, params }: ActionFunctionArgs) {
  const { person, edition } = await requireEditionSetup(request, params.slug);
  const form = await request.formData();
  const back = `/office/editions/${edition.slug}/venues`;
  const isNew = params.venueId === 'new';
  if (form.get('intent') === 'remove' && !isNew) {
    const removed = await removalAttempt(() => removeVenue(db(), person.id, edition.id, idParam(params.venueId)));
    if (!removed.ok) return removed.response;
    return redirect(back);
  }
  const submission = parseWithZod(form, { schema: venueSchema, error: keyErrorMap });
  if (submission.status !== 'success') return json({ result: submission.reply(), removal: null }, { status: 400 });
  const venue = submission.value;
  const result = await replyOnFailure(submission, async () => {
    if (isNew) return createVenue(db(), person.id, edition.id, venue);
    await updateVenue(db(), person.id, edition.id, idParam(params.venueId), venue);
    return idParam(params.venueId);
  });
  if (!result.ok) return result.response;
  return redirect(`${back}#venue-${result.value}`);
}

function venueLabels(t: (key: string, values?: Record<string, string>) => string, locale: Locale): Record<string, string> {
  return {
    ...localizedLabels('name', inLanguage(t, locale, t('places:venue.name'))),
    ...localizedLabels('accessibility_note', inLanguage(t, locale, t('places:venue.accessibilityNote'))),
    address: t('places:venue.address'),
    lat: t('places:venue.lat'),
    lng: t('places:venue.lng'),
    accessibility: t('places:venue.accessibility'),
    sort_order: t('places:order'),
  };
}

export default function VenuePage() {
  const { edition, venue, values, isNew, stages } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, locale } = useI18n();
  const busy = useNavigation().state === 'submitting';
  const base = `/office/editions/${edition.slug}`;
  const setup = useSchemaForm(venueSchema, data && 'result' in data ? data.result : undefined, values);
  return (
    <>
      <OfficeEditionNav slug={edition.slug} />
      <p className="eyebrow">
        <Localized value={edition.title} />
      </p>
      <h1>{isNew ? t('places:venues.new') : <Localized value={venue?.name ?? ''} />}</h1>
      <p>
        <Link to={`${base}/venues`}>{t('places:venues.back')}</Link>
      </p>
      <SchemaFormErrors setup={setup} labels={venueLabels(t, locale)} />
      <Form method="post" {...getFormProps(setup.form)} noValidate>
        <input type="hidden" name="intent" value="save" />
        <VenueFields setup={setup} />
        <p>
          <button type="submit" disabled={busy}>
            {isNew ? t('places:venues.create') : t('places:save')}
          </button>
        </p>
      </Form>
      {venue ? (
        <section aria-labelledby="venue-stages">
          <h2 id="venue-stages">{t('places:stages.caption')}</h2>
          <ul>
            {stages.map((s) => (
              <li key={s.id}>
                <Link to={`${base}/stages/${s.id}`}>
                  <Localized value={s.name} />
                </Link>
              </li>
            ))}
          </ul>
          <p>
            <Link to={`${base}/stages/new?venue=${venue.id}`}>{t('places:stages.add')}</Link>
          </p>
          <h2>{t('places:venues.remove')}</h2>
          <FormAlert message={data && 'removal' in data ? data.removal : undefined} />
          <RemoveForm label={t('places:venues.remove')} hint={stages.length > 0 ? t('places:venues.removeHint') : undefined} />
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
