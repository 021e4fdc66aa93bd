import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { FallbackNotice, Localized, useI18n } from '~/components/i18n';
import { ProgramEntryRow } from '~/components/program';
import { SitePlanSvg } from '~/components/site-plan-svg';
import { getPublicEdition } from '~/domain/editions/editions.server';
import { isWindowOpen } from '~/domain/registrations/transition.server';
import { getPublicSitePlan } from '~/domain/siteplan/pitches.server';
import { planImagesOf } from '~/domain/places/plan-image.server';
import { planBackground } from '~/lib/site-plan';
import { db } from '~/server/db.server';
import { hasOpenShifts } from '~/domain/volunteers/public.server';
import { parseList, pickText } from '~/lib/i18n-text';
import { localeOf } from '~/http/locale.server';
import { berlinDay, formatDay, formatDayRange } from '~/lib/time';
import { editionJsonLd } from '~/domain/program/event-json-ld';
import { env } from '~/server/env.server';
import { translator } from '~/lib/i18n';
import { shareMeta, shortText } from '~/lib/share';
import { embedSnippet } from '~/lib/embed';
import { orRespond } from '~/http/errors.server';

/** Items the edition page shows at most; the whole program is on /program (docs/decisions/102). */
const EDITION_PAGE_ITEMS = 500;

export async function loader({ params, request }: LoaderFunctionArgs) {
  const locale = await localeOf(request);
  const page = await orRespond(() => getPublicEdition(db(), params.slug ?? ''));
  // Only what the page shows, in the reader's language: 500 items stay a small payload.
  // A program of thousands of items is a page no one reads and a server's memory: the first
  // EDITION_PAGE_ITEMS are shown, the whole program is on /program?edition=…, in pages (docs/decisions/102).
  const items = page.items.slice(0, EDITION_PAGE_ITEMS).map((item) => ({
    uid: item.uid,
    title: pickText(item.title, locale),
    starts_at: item.starts_at,
    ends_at: item.ends_at,
    stage_id: item.stage_id,
    category: item.category,
    languages: parseList(item.languages),
    accessibility: parseList(item.accessibility),
    status: item.status,
    host_name: item.host_name,
  }));
  // Program by day, then by stage, in stage order; items without a stage come last.
  const days = new Map<string, Map<number | null, typeof items>>();
  for (const item of items) {
    const day = berlinDay(item.starts_at);
    let byStage = days.get(day);
    if (!byStage) days.set(day, (byStage = new Map()));
    const list = byStage.get(item.stage_id);
    if (list) list.push(item);
    else byStage.set(item.stage_id, [item]);
  }
  const stageOrder = [...page.stages.map((s) => s.id), null];
  const program = [...days.entries()].map(([day, byStage]) => ({
    day,
    stages: stageOrder
      .filter((id) => byStage.has(id))
      .map((id) => {
        const stage = page.stages.find((s) => s.id === id);
        return { stage: stage ? { id: stage.id, name: pickText(stage.name, locale) } : null, items: byStage.get(id)! };
      }),
  }));
  // The site plan: numbers of every pitch, names of confirmed stands that agreed to be shown.
  const images = await planImagesOf(db(), page.edition.id);
  const sitePlan = (await getPublicSitePlan(db(), page.edition.id)).map((area) => ({ ...area, name: pickText(area.name, locale), picture: planBackground(page.edition.slug, area.id, images.get(area.id)) }));
  const t = translator(locale);
  const title = pickText(page.edition.title, locale).text;
  const langQuery = locale === 'de' ? '' : `?lang=${locale}`;
  const dates = formatDayRange(page.edition.starts_on, page.edition.ends_on, locale);
  const places = page.venues.map((v) => pickText(v.name, locale).text).join(', ');
  const summary = t('public:share.edition', { dates, places });
  const description = pickText(page.edition.description, locale).text;
  const share = {
    title,
    description: shortText(description ? `${summary}. ${description}` : summary),
    path: `/editions/${page.edition.slug}${langQuery}`,
    jsonLd: [
      editionJsonLd({
        edition: page.edition,
        venues: page.venues,
        span: page.items.length ? { starts_at: page.items[0]!.starts_at, ends_at: page.items.reduce((max, i) => (i.ends_at > max ? i.ends_at : max), page.items[0]!.ends_at) } : null,
        languages: [...new Set(page.items.flatMap((i) => parseList(i.languages)))].sort(),
        organizer: { name: env().PAYEE_NAME, url: env().PUBLIC_URL },
        publicUrl: env().PUBLIC_URL,
        locale,
      }),
    ],
  };
  return json({
    share,
    embedSnippet: embedSnippet(`${env().PUBLIC_URL}/embed/editions/${page.edition.slug}${langQuery}`, t('public:embed.heading', { name: title })),
    title,
    edition: page.edition,
    venues: page.venues,
    program,
    programCount: page.items.length,
    registrationOpen: !page.edition.cancelled_at && isWindowOpen(page.edition, new Date()),
    volunteering: await hasOpenShifts(db(), page.edition.slug),
    sitePlan,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => shareMeta(matches, data?.share);

export default function EditionPage() {
  const { edition, venues, program, programCount, registrationOpen, sitePlan, embedSnippet, volunteering } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  const langQuery = locale === 'de' ? '' : `?lang=${locale}`;
  return (
    <>
      <p className="eyebrow">
        <Localized value={edition.series_name} />
      </p>
      <Localized value={edition.title} as="h1" />
      {edition.cancelled_at ? (
        <p className="notice notice--warning" role="note">
          {t('setup:public.cancelled')}
        </p>
      ) : null}
      <FallbackNotice
        texts={[
          edition.series_name,
          edition.title,
          edition.description,
          ...venues.map((v) => v.name),
          ...venues.map((v) => v.accessibility_note),
          ...program.flatMap((d) => d.stages.flatMap((s) => [s.stage?.name, ...s.items.map((i) => i.title)])),
        ]}
      />
      <p className="lead">{formatDayRange(edition.starts_on, edition.ends_on, locale)}</p>
      <Localized value={edition.description} as="p" />

      <section aria-labelledby="venues-title">
        <h2 id="venues-title">{t('edition.venues')}</h2>
        <ul>
          {venues.map((v) => (
            <li key={v.id}>
              <strong>
                <Localized value={v.name} />
              </strong>
              {/* the address is German data: isolated, it keeps its order on an Arabic page */}
              , <bdi>{v.address}</bdi>
              {parseList(v.accessibility).length > 0 ? (
                <ul className="tags" aria-label={t('places:venue.accessibility')}>
                  {parseList(v.accessibility).map((flag) => (
                    <li key={flag}>{t(`places:access.${flag}`)}</li>
                  ))}
                </ul>
              ) : null}
              {pickText(v.accessibility_note, locale).text ? <Localized value={v.accessibility_note} as="p" /> : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="stands-title">
        <h2 id="stands-title">{t('registration:edition.standsTitle')}</h2>
        <ul>
          <li>
            <Link to={`/editions/${edition.slug}/exhibitors`}>{t('registration:edition.exhibitors')}</Link>
          </li>
          {registrationOpen ? (
            <li>
              <Link to={`/editions/${edition.slug}/apply`}>{t('registration:edition.apply')}</Link>
            </li>
          ) : null}
          {volunteering ? (
            <li>
              <Link to={`/editions/${edition.slug}/help`}>{t('volunteers:help.link')}</Link>
            </li>
          ) : null}
        </ul>
      </section>

      <section aria-labelledby="program-title">
        <h2 id="program-title">{t('edition.program')}</h2>
        <p>
          <Link to={`/program?edition=${edition.slug}`}>{t('feeds:edition.filterAndSubscribe')}</Link>
        </p>
        {program.length === 0 ? <p>{t('edition.noProgram')}</p> : null}
        {programCount > EDITION_PAGE_ITEMS ? (
          <p className="notice">
            {t('security:paging.editionCapped', { shown: EDITION_PAGE_ITEMS, count: programCount })}{' '}
            <Link to={`/program?edition=${edition.slug}`}>{t('security:paging.wholeProgram')}</Link>
          </p>
        ) : null}
        <p>
          <Link to={`/editions/${edition.slug}/changes`}>{t('schedule:changes.link')}</Link>
        </p>
        {program.map(({ day, stages }) => (
          <section key={day} className="program-day" aria-labelledby={`day-${day}`}>
            <h3 id={`day-${day}`}>{formatDay(day, locale)}</h3>
            {stages.map(({ stage, items }) => (
              <section key={stage?.id ?? 'none'} className="program-stage" aria-labelledby={`day-${day}-stage-${stage?.id ?? 'none'}`}>
                <h4 id={`day-${day}-stage-${stage?.id ?? 'none'}`}>{stage ? <Localized value={stage.name} /> : t('edition.otherPlaces')}</h4>
                <ul className="program-list">
                  {items.map((item) => (
                    <ProgramEntryRow key={item.uid} item={item} />
                  ))}
                </ul>
              </section>
            ))}
          </section>
        ))}
      </section>

      <section aria-labelledby="open-data-title">
        <h2 id="open-data-title">{t('public:openData.title')}</h2>
        <p>{t('public:openData.intro')}</p>
        <ul>
          <li>
            <a href={`/editions/${edition.slug}/schedule.xml${langQuery}`}>{t('public:openData.scheduleXml')}</a>
          </li>
          <li>
            <a href={`/editions/${edition.slug}/schedule.json${langQuery}`}>{t('public:openData.scheduleJson')}</a>
          </li>
          <li>
            <a href={`/editions/${edition.slug}/venues.geojson`}>{t('public:openData.venues')}</a>
          </li>
          <li>
            <a href={`/editions/${edition.slug}/pitches.geojson`}>{t('public:openData.pitches')}</a>
          </li>
          <li>
            <a href="/openapi.json">{t('public:openData.api')}</a>
          </li>
        </ul>
      </section>

      <section aria-labelledby="embed-title">
        <h2 id="embed-title">{t('public:embed.title')}</h2>
        <p id="embed-intro">{t('public:embed.intro')}</p>
        <label htmlFor="embed-snippet">{t('public:embed.label')}</label>
        <textarea id="embed-snippet" className="embed-snippet" readOnly rows={4} value={embedSnippet} aria-describedby="embed-intro" />
      </section>

      {sitePlan.length > 0 ? (
        <section aria-labelledby="site-plan-title">
          <h2 id="site-plan-title">{t('schedule:pitches.public.title')}</h2>
          {sitePlan.map((area) => (
            <section key={area.id} aria-labelledby={`plan-${area.id}`} className="public-plan">
              <h3 id={`plan-${area.id}`} lang={area.name.fallback ? area.name.lang : undefined}>
                {area.name.text}
              </h3>
              <SitePlanSvg label={t('schedule:pitches.planOf', { area: area.name.text })} pitches={area.pitches} background={area.picture} />
              <h4 id={`plan-list-${area.id}`}>{t('schedule:pitches.public.list')}</h4>
              <ul className="plan-list" aria-labelledby={`plan-list-${area.id}`}>
                {area.pitches.map((p) => (
                  <li key={p.id}>
                    <strong>{t('schedule:pitches.public.pitchLabel', { label: p.label })}</strong>: {p.name ?? (p.taken ? t('schedule:pitches.public.reserved') : t('schedule:pitches.free'))}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
