import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { Localized, useI18n } from '~/components/i18n';
import { isAdministrator, manageableEditions } from '~/domain/people/authorise.server';
import { db } from '~/server/db.server';
import { translator } from '~/lib/i18n';
import { localeOf } from '~/http/locale.server';
import { requireOfficePerson } from '~/http/session.server';
import { formatDayRange } from '~/lib/time';

/** The organisers' start page: the editions this person may manage, newest first, with the tools for each. */
export async function loader({ request }: LoaderFunctionArgs) {
  const person = await requireOfficePerson(request);
  const locale = await localeOf(request);
  const editions = await manageableEditions(db(), person);
  return json({ title: translator(locale)('office:title'), editions, admin: isAdministrator(person) });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

export default function Office() {
  const { editions, admin } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  return (
    <>
      <h1>{t('office:title')}</h1>
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

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
