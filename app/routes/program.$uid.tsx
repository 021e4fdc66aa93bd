import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { FallbackNotice, Localized, useI18n } from '~/components/i18n';
import { ItemFacts } from '~/components/program';
import { getPublicProgramItem } from '~/domain/program/items.server';
import { db } from '~/utils/db.server';
import { orRespond } from '~/utils/http.server';
import { pickText } from '~/utils/i18n-text';
import { localeOf } from '~/utils/locale.server';
import { formatDateTime, formatTime } from '~/utils/time';

export async function loader({ params, request }: LoaderFunctionArgs) {
  const locale = await localeOf(request);
  const item = await orRespond(() => getPublicProgramItem(db(), params.uid ?? ''));
  return json({ title: pickText(item.title, locale).text, item });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} · Festplatz` : 'Festplatz' }];

export default function ProgramItemPage() {
  const { item } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  return (
    <article className={item.status === 'cancelled' ? 'item item--cancelled' : 'item'}>
      <p className="eyebrow">
        <Link to={`/editions/${item.edition_slug}`}>
          <Localized value={item.edition_title} />
        </Link>
      </p>
      <Localized value={item.title} as="h1" />
      <FallbackNotice texts={[item.edition_title, item.title, item.description, item.stage_name, item.venue_name]} />
      {item.status === 'cancelled' ? (
        <p className="notice notice--warning" role="status">
          {t('program.cancelledNotice')}
        </p>
      ) : null}
      <dl className="facts-list">
        <dt>{t('program.when')}</dt>
        <dd>
          <time dateTime={item.starts_at}>{formatDateTime(item.starts_at, locale)}</time>
          {' – '}
          <time dateTime={item.ends_at}>{formatTime(item.ends_at, locale)}</time>
        </dd>
        {item.stage_name ? (
          <>
            <dt>{t('program.where')}</dt>
            <dd>
              <Localized value={item.stage_name} />
              {item.venue_name ? (
                <>
                  {', '}
                  <Localized value={item.venue_name} />, <bdi>{item.venue_address}</bdi>
                </>
              ) : null}
            </dd>
          </>
        ) : null}
        {item.host_name ? (
          <>
            <dt>{t('program.host')}</dt>
            <dd>
              <Link to={`/organisations/${item.host_slug}`}>
                <bdi>{item.host_name}</bdi>
              </Link>
            </dd>
          </>
        ) : null}
      </dl>
      <ItemFacts item={item} />
      <Localized value={item.description} as="p" />
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
