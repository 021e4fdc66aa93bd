import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { Localized, useI18n } from '~/components/i18n';
import { db } from '~/utils/db.server';
import { translator } from '~/utils/i18n';
import { localeOf } from '~/utils/locale.server';
import { requireOrganiser } from '~/utils/session.server';
import { formatDayRange } from '~/utils/time';

/** The organisers' start page: every edition, newest first, with the tools for it. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const locale = await localeOf(request);
  const editions = await db()
    .selectFrom('editions')
    .select(['slug', 'title', 'starts_on', 'ends_on', 'status'])
    .orderBy('starts_on', 'desc')
    .execute();
  return json({ title: translator(locale)('office:title'), editions });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

export default function Office() {
  const { editions } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  return (
    <>
      <h1>{t('office:title')}</h1>
      <ul className="card-list">
        {editions.map((e) => (
          <li key={e.slug} className="card">
            <h2 className="card__title">
              <Localized value={e.title} />
            </h2>
            <p className="card__meta">{formatDayRange(e.starts_on, e.ends_on, locale)}</p>
            <ul>
              <li>
                <Link to={`/office/editions/${e.slug}/registrations`}>{t('office:registrations')}</Link>
              </li>
              <li>
                <Link to={`/office/editions/${e.slug}/schedule`}>{t('office:schedule')}</Link>
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
        <Link to="/office/mail">{t('office:mail')}</Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
