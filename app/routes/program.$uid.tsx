import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { FallbackNotice, Localized, useI18n } from '~/components/i18n';
import { ItemFacts } from '~/components/program';
import { StarButton } from '~/components/star-button';
import { addEventLinks } from '~/domain/feeds/calendar-links';
import { getPublicProgramItem } from '~/domain/program/items.server';
import { db } from '~/server/db.server';
import { env } from '~/server/env.server';
import { DEFAULT_LOCALE } from '~/lib/i18n';
import { pickText } from '~/lib/i18n-text';
import { localeOf } from '~/http/locale.server';
import { readStarred } from '~/http/starred.server';
import { berlinDay, formatDateTime, formatDay, formatTime } from '~/lib/time';
import { itemJsonLd } from '~/domain/program/event-json-ld';
import { firstAnnouncedStart } from '~/domain/program/items.server';
import { translator } from '~/lib/i18n';
import { shareMeta, shortText } from '~/lib/share';
import { orRespond } from '~/http/errors.server';

export async function loader({ params, request }: LoaderFunctionArgs) {
  const locale = await localeOf(request);
  const item = await orRespond(() => getPublicProgramItem(db(), params.uid ?? ''));
  const starred = await readStarred(request);
  const title = pickText(item.title, locale).text;
  const langQuery = locale === DEFAULT_LOCALE ? '' : `?lang=${locale}`;
  const pageUrl = `${env().PUBLIC_URL}/program/${encodeURIComponent(item.uid)}${langQuery}`;
  const place = [item.stage_name, item.venue_name].map((v) => (v ? pickText(v, locale).text : null)).concat(item.venue_address);
  const calendar = {
    ics: `/calendar/item/${encodeURIComponent(item.uid)}.ics${langQuery}`,
    ...addEventLinks({
      title,
      details: `${pickText(item.description, locale).text}\n\n${pageUrl}`.trim(),
      location: place.filter(Boolean).join(', '),
      starts_at: item.starts_at,
      ends_at: item.ends_at,
    }),
  };
  const t = translator(locale);
  const when = { day: formatDay(berlinDay(item.starts_at), locale), time: formatTime(item.starts_at, locale) };
  const where = place.slice(0, 2).filter(Boolean).join(', ');
  const summary = where ? t('public:share.item', { ...when, place: where }) : t('public:share.itemNoPlace', when);
  const previous = await firstAnnouncedStart(db(), item.edition_id, item.uid);
  const description = pickText(item.description, locale).text;
  const share = {
    title: item.status === 'cancelled' ? `${t('public:share.cancelled')}: ${title}` : title,
    description: shortText([item.status === 'cancelled' ? t('public:share.cancelled') : null, summary, description].filter(Boolean).join(' · ')),
    path: `/program/${encodeURIComponent(item.uid)}${langQuery}`,
    type: 'article' as const,
    jsonLd: [
      itemJsonLd({
        item,
        previousStart: previous && previous !== item.starts_at ? previous : null,
        organizer: { name: env().PAYEE_NAME, url: env().PUBLIC_URL },
        publicUrl: env().PUBLIC_URL,
        locale,
      }),
    ],
  };
  return json({ share, title, item, calendar, starred: starred.uids.includes(item.uid) });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => shareMeta(matches, data?.share);

export default function ProgramItemPage() {
  const { item, calendar, starred, title } = useLoaderData<typeof loader>();
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
      <StarButton uid={item.uid} title={title} starred={starred} />
      <section aria-labelledby="add-to-calendar" className="subscribe-section">
        <h2 id="add-to-calendar">{t('feeds:item.addToCalendar')}</h2>
        <ul className="subscribe__links">
          <li>
            <a className="button" href={calendar.ics} download>
              {t('feeds:item.download')}
            </a>
          </li>
          <li>
            <a href={calendar.google} rel="noopener noreferrer" target="_blank">
              {t('feeds:item.google')}
            </a>
          </li>
          <li>
            <a href={calendar.outlook} rel="noopener noreferrer" target="_blank">
              {t('feeds:item.outlook')}
            </a>
          </li>
        </ul>
      </section>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
