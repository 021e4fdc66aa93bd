import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { FallbackNotice, Localized, useI18n } from '~/components/i18n';
import { listSeriesWithEditions } from '~/domain/editions/editions.server';
import { db } from '~/server/db.server';
import { administratorCount } from '~/domain/people/administrators.server';
import { FirstStart } from '~/components/first-start';
import { translator } from '~/lib/i18n';
import { localeOf } from '~/http/locale.server';
import { pageShare } from '~/http/share.server';
import { shareMeta } from '~/lib/share';

import { berlinToday, formatDayRange } from '~/lib/time';

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await localeOf(request);
  const [series, admins] = await Promise.all([listSeriesWithEditions(db(), berlinToday()), administratorCount(db())]);
  const t = translator(locale);
  // a fresh installation: say how it starts (the command runs on the server; nothing here takes it over)
  return json({ title: t('home.title'), series, share: pageShare(request, t('home.title'), t('public:share.site')), firstStart: admins === 0 && series.length === 0 });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => shareMeta(matches, data?.share);

export default function Home() {
  const { series, firstStart } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  return (
    <>
      <h1>{t('home.title')}</h1>
      <FallbackNotice texts={series.flatMap((s) => [s.name, s.description, ...[...s.upcoming, ...s.past].map((e) => e.title)])} />
      <p className="lead">{t('home.intro')}</p>
      {firstStart ? <FirstStart /> : null}
      {series.map((s) => (
        <section key={s.id} className="series" aria-labelledby={`series-${s.slug}`}>
          <h2 id={`series-${s.slug}`}>
            <Localized value={s.name} />
          </h2>
          <Localized value={s.description} as="p" />
          {s.upcoming.length > 0 ? (
            <ul className="card-list">
              {s.upcoming.map((e) => (
                <li key={e.id} className="card">
                  <Link to={`/editions/${e.slug}`} className="card__link">
                    <Localized value={e.title} />
                  </Link>
                  <p className="card__meta">{formatDayRange(e.starts_on, e.ends_on, locale)}</p>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('home.noUpcoming')}</p>
          )}
          {s.past.length > 0 ? (
            <details className="past-editions">
              <summary>{t('home.pastEditions', { count: s.past.length })}</summary>
              <ul>
                {s.past.map((e) => (
                  <li key={e.id}>
                    <Link to={`/editions/${e.slug}`}>
                      <Localized value={e.title} />
                    </Link>{' '}
                    <span className="muted">{formatDayRange(e.starts_on, e.ends_on, locale)}</span>
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </section>
      ))}
    </>
  );
}

