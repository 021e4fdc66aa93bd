import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { Localized, useI18n } from '~/components/i18n';
import { listExhibitors } from '~/domain/registrations/review.server';
import { db } from '~/server/db.server';
import { languageName, translator } from '~/lib/i18n';
import { parseList, pickText } from '~/lib/i18n-text';
import { localeOf } from '~/http/locale.server';
import { pageShare } from '~/http/share.server';
import { shareMeta } from '~/lib/share';

import { formatDayRange } from '~/lib/time';
import { orRespond } from '~/http/errors.server';

/** Public: the confirmed exhibitors of an edition that agreed to be listed. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const locale = await localeOf(request);
  const page = await orRespond(() => listExhibitors(db(), params.slug ?? ''));
  const title = `${translator(locale)('registration:exhibitors.title')} · ${pickText(page.edition.title, locale).text}`;
  return json({ title, share: pageShare(request, title, translator(locale)('registration:exhibitors.intro', { count: page.exhibitors.length })), ...page });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => shareMeta(matches, data?.share);

export default function Exhibitors() {
  const { edition, exhibitors } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  return (
    <>
      <p className="eyebrow">
        <Link to={`/editions/${edition.slug}`}>
          <Localized value={edition.title} />
        </Link>{' '}
        · {formatDayRange(edition.starts_on, edition.ends_on, locale)}
      </p>
      <h1>{t('registration:exhibitors.title')}</h1>
      <p className="lead">{t('registration:exhibitors.intro', { count: exhibitors.length })}</p>
      <ul className="card-list">
        {exhibitors.map((o) => (
          <li key={o.id} className="card">
            <Link className="card__link" to={`/organisations/${o.slug}`}>
              {o.name}
            </Link>
            <Localized value={o.description} as="p" />
            <ul className="facts" aria-label={t('organisations.categories')}>
              {parseList(o.categories).map((c) => (
                <li key={c} className="tag">
                  {t(`categories.${c}`)}
                </li>
              ))}
            </ul>
            {parseList(o.languages).length > 0 ? (
              <p className="card__meta">
                {t('organisations.languages')}: {parseList(o.languages).map((code) => languageName(code, locale)).join(', ')}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
