import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { Paging, pagingOf } from '~/components/paging';
import { FallbackNotice, Localized, useI18n } from '~/components/i18n';
import { ProgramEntryRow } from '~/components/program';
import { StarButton, SubscribeLinks } from '~/components/star-button';
import { subscribeLinks } from '~/domain/feeds/calendar-links';
import { ACCESSIBILITY_FLAGS } from '~/domain/organisations/categories';
import { filterToSearch, isEmptyFilter, readProgramFilter, type FilterKey } from '~/domain/program/program-filter';
import { findPublicProgramItems, programFacets } from '~/domain/program/public-program.server';
import { db } from '~/server/db.server';
import { env } from '~/server/env.server';
import { DEFAULT_LOCALE, languageName, translator } from '~/lib/i18n';
import { onlyIn, pickText } from '~/lib/i18n-text';
import { localeOf } from '~/http/locale.server';
import { pageShare } from '~/http/share.server';
import { shareMeta } from '~/lib/share';

import { readStarred } from '~/http/starred.server';
import { berlinDay, berlinToday, daysBetween, formatDay } from '~/lib/time';

/** Items on one page of the program; the rest are a "next page" link away (docs/decisions/102). */
export const PAGE_SIZE = 200;

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await localeOf(request);
  const t = translator(locale);
  const url = new URL(request.url);
  const filter = readProgramFilter(url.searchParams);
  const [items, facets, starred] = await Promise.all([findPublicProgramItems(db(), filter), programFacets(db()), readStarred(request)]);

  // Upcoming editions first (soonest first), then past ones (latest first); by day inside.
  const today = berlinToday();
  const byEdition = new Map<string, typeof items>();
  for (const item of items) {
    const list = byEdition.get(item.edition_slug);
    if (list) list.push(item);
    else byEdition.set(item.edition_slug, [item]);
  }
  const ordered = [...byEdition.values()]
    .sort((x, y) => {
      const a = x[0]!;
      const b = y[0]!;
      const au = a.edition_ends_on >= today;
      const bu = b.edition_ends_on >= today;
      if (au !== bu) return au ? -1 : 1;
      return au ? a.edition_starts_on.localeCompare(b.edition_starts_on) : b.edition_starts_on.localeCompare(a.edition_starts_on);
    })
    .flat();
  // A page shows at most PAGE_SIZE items (a city's whole program is thousands: docs/decisions/102).
  const { paging, shown } = pagingOf(ordered, url.searchParams.get('page'), PAGE_SIZE, (n) => `/program${filterToSearch(filter, n > 1 ? { page: String(n) } : {})}`);

  // Each row carries only what the list shows, its texts only in the reader's language.
  const row = (item: (typeof items)[number]) => ({
    uid: item.uid,
    title: onlyIn(item.title, locale),
    starts_at: item.starts_at,
    ends_at: item.ends_at,
    category: item.category,
    languages: item.languages,
    accessibility: item.accessibility,
    status: item.status,
    host_name: item.host_name,
    stage_name: item.stage_name === null ? null : onlyIn(item.stage_name, locale),
  });
  type Row = ReturnType<typeof row>;
  const editions = new Map<string, { slug: string; title: string; days: Map<string, Row[]> }>();
  for (const item of shown) {
    let e = editions.get(item.edition_slug);
    if (!e) {
      e = { slug: item.edition_slug, title: item.edition_title, days: new Map() };
      editions.set(item.edition_slug, e);
    }
    const day = berlinDay(item.starts_at);
    const list = e.days.get(day);
    if (list) list.push(row(item));
    else e.days.set(day, [row(item)]);
  }
  const groups = [...editions.values()].map((e) => ({ slug: e.slug, title: onlyIn(e.title, locale), days: [...e.days.entries()].map(([day, dayItems]) => ({ day, items: dayItems })) }));

  const feedPath = `/calendar.ics${filterToSearch(filter, locale === DEFAULT_LOCALE ? {} : { lang: locale })}`;
  // coming days first (soonest first), past days after (latest first)
  const allDays = [...new Set(facets.editions.flatMap((e) => daysBetween(e.starts_on, e.ends_on)))].sort();
  const days = [...allDays.filter((d) => d >= today), ...allDays.filter((d) => d < today).reverse()];
  return json({
    title: t('feeds:program.title'),
    share: pageShare(request, t('feeds:program.title'), t('public:share.program')),
    filter,
    filtered: !isEmptyFilter(filter),
    count: items.length,
    groups,
    paging,
    facets: {
      ...facets,
      series: facets.series.map((f) => ({ ...f, name: onlyIn(f.name, locale) })),
      editions: facets.editions.map((f) => ({ ...f, title: onlyIn(f.title, locale) })),
      stages: facets.stages.map((f) => ({ ...f, name: onlyIn(f.name, locale), edition_title: onlyIn(f.edition_title, locale) })),
      days,
    },
    starred: starred.uids,
    subscribe: subscribeLinks(env().PUBLIC_URL, feedPath, t('feeds:ics.cityCalendarName')),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => shareMeta(matches, data?.share);

export default function ProgramPage() {
  const { filter, filtered, count, groups, paging, facets, starred, subscribe } = useLoaderData<typeof loader>();
  const { t, locale, text } = useI18n();
  const location = useLocation();
  const option = (key: FilterKey, value: string, label: string) => (
    <label key={value} className="checkbox">
      <input type="checkbox" name={key} value={value} defaultChecked={filter[key].includes(value)} /> {label}
    </label>
  );
  const group = (key: FilterKey, children: JSX.Element[]) => (
    <details className="filter-group" open={filter[key].length > 0}>
      <summary>
        {t(`feeds:filter.${key}`)}
        {filter[key].length > 0 ? ` (${filter[key].length})` : ''}
      </summary>
      <fieldset>
        <legend className="visually-hidden">{t(`feeds:filter.${key}`)}</legend>
        {children}
      </fieldset>
    </details>
  );

  return (
    <>
      <h1>{t('feeds:program.title')}</h1>
      <p className="lead">{t('feeds:program.intro')}</p>
      <p>
        <Link to="/my-program">{t('feeds:program.myProgramLink', { count: starred.length })}</Link>
      </p>

      {/* A GET form: the filters are the URL, so every view can be bookmarked, shared and subscribed. */}
      <Form method="get" action="/program" className="filters" key={location.search} aria-labelledby="filters-title">
        <h2 id="filters-title">{t('feeds:filter.title')}</h2>
        <div className="filter-groups">
          {group('series', facets.series.map((s) => option('series', s.slug, text(s.name).text)))}
          {group('edition', facets.editions.map((e) => option('edition', e.slug, text(e.title).text)))}
          {group('day', facets.days.map((d) => option('day', d, formatDay(d, locale))))}
          {group(
            'stage',
            facets.stages.map((s) => option('stage', `${s.edition_slug}/${s.slug}`, `${text(s.name).text} (${text(s.edition_title).text})`)),
          )}
          {group('category', facets.categories.map((c) => option('category', c, t(`programCategories.${c}`, { defaultValue: c }))))}
          {group('organisation', facets.organisations.map((o) => option('organisation', o.slug, o.name)))}
          {group('language', facets.languages.map((l) => option('language', l, languageName(l, locale))))}
          {group('accessibility', ACCESSIBILITY_FLAGS.map((a) => option('accessibility', a, t(`accessibility.${a}`))))}
        </div>
        <p className="filters__actions">
          <button type="submit">{t('feeds:filter.apply')}</button>
          {filtered ? <Link to="/program">{t('feeds:filter.reset')}</Link> : null}
        </p>
      </Form>

      <section aria-labelledby="subscribe-title" className="subscribe-section">
        <h2 id="subscribe-title">{t('feeds:subscribe.title')}</h2>
        <p>{filtered ? t('feeds:subscribe.introFiltered') : t('feeds:subscribe.intro')}</p>
        <SubscribeLinks links={subscribe} id="feed-address" />
        <p>
          <Link to={filter.series.length === 1 ? `/notifications?series=${filter.series[0]}` : '/notifications'}>{t('feeds:notify.link')}</Link>
        </p>
      </section>

      <section aria-labelledby="results-title">
        <h2 id="results-title" aria-live="polite">
          {t('feeds:program.results', { count })}
        </h2>
        {count === 0 ? <p>{t('feeds:program.none')}</p> : null}
        {paging.pages > 1 ? <Paging paging={paging} /> : null}
        <FallbackNotice texts={groups.flatMap((g) => [g.title, ...g.days.flatMap((d) => d.items.flatMap((i) => [i.title, i.stage_name]))])} />
        {groups.map((g) => (
          <section key={g.slug} className="program-edition" aria-labelledby={`edition-${g.slug}`}>
            <h3 id={`edition-${g.slug}`}>
              <Link to={`/editions/${g.slug}`}>
                <Localized value={g.title} />
              </Link>
            </h3>
            {g.days.map(({ day, items }) => (
              <section key={day} className="program-day" aria-labelledby={`day-${g.slug}-${day}`}>
                <h4 id={`day-${g.slug}-${day}`}>{formatDay(day, locale)}</h4>
                <ul className="program-list">
                  {items.map((item) => (
                    <ProgramEntryRow
                      key={item.uid}
                      item={item}
                      place={item.stage_name}
                      action={<StarButton uid={item.uid} title={pickText(item.title, locale).text} starred={starred.includes(item.uid)} />}
                    />
                  ))}
                </ul>
              </section>
            ))}
          </section>
        ))}
        {paging.pages > 1 ? <Paging paging={paging} /> : null}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
