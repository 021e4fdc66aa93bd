import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { Localized, useI18n } from '~/components/i18n';
import { isAdministrator, manageableEditions } from '~/domain/people/authorise.server';
import { listOfficeSeries } from '~/domain/series/series.server';
import { db } from '~/server/db.server';
import { translator } from '~/lib/i18n';
import { localeOf } from '~/http/locale.server';
import { requireOfficePerson } from '~/http/session.server';
import { formatDayRange } from '~/lib/time';

/** The organisers' start page: the editions this person may manage, newest first, with the tools for each. */
export async function loader({ request }: LoaderFunctionArgs) {
  const person = await requireOfficePerson(request);
  const locale = await localeOf(request);
  const [editions, series] = await Promise.all([manageableEditions(db(), person), listOfficeSeries(db(), person)]);
  const deleted = new URL(request.url).searchParams.has('deleted');
  return json({ title: translator(locale)('office:title'), editions, series, deleted, admin: isAdministrator(person) });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

export default function Office() {
  const { editions, series, deleted, admin } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  return (
    <>
      <h1>{t('office:title')}</h1>
      {deleted ? (
        <p className="notice notice--success" role="status">
          {t('setup:edition.notice.deleted')}
        </p>
      ) : null}
      <SeriesOverview series={series} admin={admin} />
      <ul className="card-list">
        {editions.map((e) => (
          <li key={e.slug} className="card">
            <h2 className="card__title">
              <Link to={`/office/editions/${e.slug}`}>
                <Localized value={e.title} />
              </Link>
            </h2>
            <p className="card__meta">
              {formatDayRange(e.starts_on, e.ends_on, locale)} · {t(`admin:editionStatus.${e.status}`)}
            </p>
            <ul>
              <li>
                <Link to={`/office/editions/${e.slug}`}>{t('admin:dashboard.link')}</Link>
              </li>
              <li>
                <Link to={`/office/editions/${e.slug}/registrations`}>{t('office:registrations')}</Link>
              </li>
              <li>
                <Link to={`/office/editions/${e.slug}/schedule`}>{t('office:schedule')}</Link>
              </li>
              <li>
                <Link to={`/office/editions/${e.slug}/payments`}>{t('payments:office.link')}</Link>
              </li>
              <li>
                <Link to={`/office/editions/${e.slug}/site-plan`}>{t('schedule:nav.sitePlan')}</Link>
              </li>
              <li>
                <Link to={`/office/editions/${e.slug}/logistics`}>{t('schedule:nav.logistics')}</Link>
              </li>
            </ul>
          </li>
        ))}
      </ul>
      <p>
        <Link to="/account/sessions">{t('security:sessions.link')}</Link>
      </p>
      {admin ? (
        <nav aria-label={t('admin:office.adminTools')}>
          <h2>{t('admin:office.adminTools')}</h2>
          <ul>
            <li>
              <Link to="/office/mail">{t('office:mail')}</Link>
            </li>
            <li>
              <Link to="/office/audit">{t('admin:audit.title')}</Link>
            </li>
            <li>
              <Link to="/office/pages">{t('admin:pages.title')}</Link>
            </li>
            <li>
              <Link to="/office/people">{t('admin:people.title')}</Link>
            </li>
          </ul>
        </nav>
      ) : null}
    </>
  );
}

type OfficeSeries = ReturnType<typeof useLoaderData<typeof loader>>['series'];

/** Every series with all its editions (drafts too) and the links to create more. */
function SeriesOverview({ series, admin }: { series: OfficeSeries; admin: boolean }) {
  const { t, locale, text } = useI18n();
  return (
    <section aria-labelledby="office-series">
      <h2 id="office-series">{t('setup:office.series')}</h2>
      {series.length === 0 ? <p>{admin ? t('setup:office.noSeries') : t('setup:office.noSeriesTeam')}</p> : null}
      <ul className="plain-list">
        {series.map((s) => (
          <li key={s.id}>
            <Link to={`/office/series/${s.slug}`}>
              <Localized value={s.name} />
            </Link>
            <ul>
              {s.editions.map((e) => (
                <li key={e.id}>
                  <Link to={`/office/editions/${e.slug}`}>
                    <Localized value={e.title} />
                  </Link>{' '}
                  <span className="muted">
                    {formatDayRange(e.starts_on, e.ends_on, locale)} · {e.cancelled_at ? t('setup:edition.cancelledStatus') : t(`admin:editionStatus.${e.status}`)}
                  </span>
                </li>
              ))}
              <li>
                <Link to={`/office/editions/new?series=${s.slug}`}>{t('setup:edition.newLinkIn', { series: text(s.name).text })}</Link>
              </li>
            </ul>
          </li>
        ))}
      </ul>
      {admin ? (
        <p>
          <Link to="/office/series/new">{t('setup:series.newLink')}</Link>
        </p>
      ) : null}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
