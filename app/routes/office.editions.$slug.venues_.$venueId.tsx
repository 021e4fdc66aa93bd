import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { ErrorSummary } from '~/components/forms';
import { Localized, useI18n } from '~/components/i18n';
import { localizedLabels } from '~/components/localized-field';
import { FormAlert, RemoveForm, VenueFields } from '~/components/places-forms';
import { OfficeEditionNav } from '~/components/schedule';
import { venueSchema } from '~/domain/places/places.schema';
import { createVenue, getVenue, removeVenue, updateVenue } from '~/domain/places/venues.server';
import { idParam, requireEditionSetup } from '~/http/edition-setup.server';
import { localeOf } from '~/http/locale.server';
import { formValues, parseForm } from '~/lib/forms';
import { translator, type Locale } from '~/lib/i18n';
import { parseList } from '~/lib/i18n-text';
import { localizedValues } from '~/lib/localized-fields';
import { db } from '~/server/db.server';
import { formAttempt, orRespond } from '~/http/errors.server';

/** One venue: new (`/venues/new`) or edited, and removed once it has no stages. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition } = await requireEditionSetup(request, params.slug);
  const locale = await localeOf(request);
  const t = translator(locale);
  const isNew = params.venueId === 'new';
  const venue = isNew ? null : await orRespond(() => getVenue(db(), edition.id, idParam(params.venueId)));
  const values: Record<string, string> = venue
    ? {
        ...localizedValues(venue.name, 'name'),
        ...localizedValues(venue.accessibility_note, 'accessibility_note'),
        address: venue.address,
        lat: venue.lat === null ? '' : String(venue.lat),
        lng: venue.lng === null ? '' : String(venue.lng),
        accessibility: parseList(venue.accessibility).join(','),
        sort_order: String(venue.sort_order),
      }
    : { ...localizedValues(null, 'name'), address: '', lat: '', lng: '', accessibility: '', sort_order: '0' };
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
    const result = await formAttempt(() => removeVenue(db(), person.id, edition.id, idParam(params.venueId)), { intent: 'remove', values: {} });
    if (!result.ok) return result.response;
    return redirect(back);
  }
  const parsed = parseForm(venueSchema, form);
  if (!parsed.success) return json({ intent: 'save', errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await formAttempt(
    async () => {
      if (isNew) return createVenue(db(), person.id, edition.id, parsed.data);
      await updateVenue(db(), person.id, edition.id, idParam(params.venueId), parsed.data);
      return idParam(params.venueId);
    },
    { intent: 'save', values: formValues(form) },
  );
  if (!result.ok) return result.response;
  return redirect(`${back}#venue-${result.value}`);
}

function venueLabels(t: (key: string, values?: Record<string, string>) => string, locale: Locale): Record<string, string> {
  return {
    ...localizedLabels(t, locale, 'name', t('places:venue.name')),
    ...localizedLabels(t, locale, 'accessibility_note', t('places:venue.accessibilityNote')),
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
  const saveErrors = data?.intent === 'save' ? data.errors : undefined;
  const shown = data?.intent === 'save' ? { ...values, accessibility: '', ...data.values } : values;
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
      <ErrorSummary errors={saveErrors && !('form' in saveErrors) ? saveErrors : undefined} labels={venueLabels(t, locale)} />
      <FormAlert message={saveErrors?.form} />
      <Form method="post" noValidate key={JSON.stringify(shown)}>
        <input type="hidden" name="intent" value="save" />
        <VenueFields values={shown} errors={saveErrors} />
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
          <FormAlert message={data?.intent === 'remove' ? data.errors.form : undefined} />
          <RemoveForm label={t('places:venues.remove')} hint={stages.length > 0 ? t('places:venues.removeHint') : undefined} />
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
