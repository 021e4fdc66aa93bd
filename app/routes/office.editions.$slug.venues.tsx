import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { SetupPageHeader } from '~/components/places-forms';
import { Localized, useI18n } from '~/components/i18n';
import { listPlaces } from '~/domain/places/venues.server';
import { requireEditionSetup } from '~/http/edition-setup.server';
import { localeOf } from '~/http/locale.server';
import { translator } from '~/lib/i18n';
import { parseList } from '~/lib/i18n-text';
import { formatDay, formatTime } from '~/lib/time';
import { db } from '~/server/db.server';

/** An edition's venues with their stages and areas, opening hours and changeover times. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition } = await requireEditionSetup(request, params.slug);
  const locale = await localeOf(request);
  return json({ title: translator(locale)('places:venues.title'), edition: { slug: edition.slug, title: edition.title }, venues: await listPlaces(db(), edition.id) });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

export default function Venues() {
  const { edition, venues } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  const base = `/office/editions/${edition.slug}`;
  return (
    <>
      <SetupPageHeader edition={edition} title={t('places:venues.title')} />
      <p>
        <Link to={`${base}/venues/new`} className="button">
          {t('places:venues.add')}
        </Link>
      </p>
      {venues.length === 0 ? <p>{t('places:venues.none')}</p> : null}
      {venues.map((v) => (
        <section key={v.id} aria-labelledby={`venue-${v.id}`} className="card">
          <h2 id={`venue-${v.id}`}>
            <Localized value={v.name} />
          </h2>
          <p>{v.address}</p>
          {parseList(v.accessibility).length > 0 ? <p>{parseList(v.accessibility).map((f) => t(`places:access.${f}`)).join(' · ')}</p> : null}
          <p>
            <Link to={`${base}/venues/${v.id}`}>{t('places:venues.editLink')}</Link>
            {' · '}
            <Link to={`${base}/stages/new?venue=${v.id}`}>{t('places:stages.add')}</Link>
          </p>
          {v.stages.length === 0 ? (
            <p>{t('places:stages.none')}</p>
          ) : (
            <div className="table-scroll">
              <table>
                <caption>{t('places:stages.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('places:stage.name')}</th>
                    <th scope="col">{t('places:stage.kind')}</th>
                    <th scope="col">{t('places:stage.hours')}</th>
                    <th scope="col">{t('places:stage.changeover')}</th>
                    <th scope="col">{t('places:stages.contents')}</th>
                  </tr>
                </thead>
                <tbody>
                  {v.stages.map((s) => (
                    <tr key={s.id}>
                      <th scope="row">
                        <Link to={`${base}/stages/${s.id}`}>
                          <Localized value={s.name} />
                        </Link>
                      </th>
                      <td>{t(s.kind === 'area' ? 'places:stage.kindArea' : 'places:stage.kindStage')}</td>
                      <td>
                        {s.hours.length === 0
                          ? t('places:stages.noHours')
                          : s.hours.map((h) => (
                              <span key={h.day} className="nowrap">
                                {formatDay(h.day, locale)} {formatTime(h.opens_at, locale)}–{formatTime(h.closes_at, locale)}
                                <br />
                              </span>
                            ))}
                      </td>
                      <td>{t('places:stages.minutes', { count: s.changeover_minutes })}</td>
                      <td>
                        {t('places:stages.items', { count: s.items })}
                        {s.kind === 'area' ? <> · {t('places:stages.pitches', { count: s.pitches })}</> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
