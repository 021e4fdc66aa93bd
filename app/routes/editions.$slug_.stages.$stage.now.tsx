/**
 * /editions/<slug>/stages/<stage>/now — what is on at this stage now and what comes next, in
 * large type for a screen or a tablet beside the stage. Refreshes itself every minute without
 * JavaScript (meta refresh); `?lang=tr` keeps a screen in one language; `?at=<instant>` shows
 * the screen as it will be at that moment (a preview for the organisers, and the tests).
 */
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { Localized, useI18n } from '~/components/i18n';
import { stageNowAndNext, type StageItem } from '~/domain/festival-day/now-next.server';
import { orRespond } from '~/http/errors.server';
import { localeOf } from '~/http/locale.server';
import { languageList, translator } from '~/lib/i18n';
import { pickText } from '~/lib/i18n-text';
import { berlinDay, formatDay, formatTime } from '~/lib/time';
import { db } from '~/server/db.server';

const REFRESH_SECONDS = 60;

function instantFrom(raw: string | null): Date {
  if (!raw) return new Date();
  const at = new Date(raw);
  return Number.isFinite(at.getTime()) && /^\d{4}-\d{2}-\d{2}T/.test(raw) ? at : new Date();
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await localeOf(request);
  const url = new URL(request.url);
  const board = await orRespond(() => stageNowAndNext(db(), params.slug ?? '', params.stage ?? '', instantFrom(url.searchParams.get('at'))));
  const stageName = pickText(board.stage.name, locale).text;
  return json(
    {
      title: `${translator(locale)('festival-day:now.title', { stage: stageName })} · ${pickText(board.stage.edition_title, locale).text}`,
      ...board,
      programUrl: `/program?edition=${board.stage.edition_slug}&stage=${board.stage.edition_slug}/${board.stage.slug}`,
    },
    // never kept: the page is about this minute
    { headers: { 'Cache-Control': 'no-store' } },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title ?? ''} · Festplatz` },
  { httpEquiv: 'refresh', content: String(REFRESH_SECONDS) },
];

export default function StageNow() {
  const { stage, at, now, cancelledNow, next, programUrl } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  return (
    <div className="now-next">
      <p className="eyebrow">
        <Link to={`/editions/${stage.edition_slug}`}>
          <Localized value={stage.edition_title} />
        </Link>
      </p>
      <h1>
        <Localized value={stage.name} />
      </h1>
      <p className="now-next__clock">{t('festival-day:now.asOf', { time: formatTime(at, locale) })}</p>

      <section aria-labelledby="now-title" className="now-next__now">
        <h2 id="now-title">{t('festival-day:now.now')}</h2>
        {now ? <NowItem item={now} /> : <p className="now-next__empty">{t('festival-day:now.nothingNow')}</p>}
        {cancelledNow.map((item) => (
          <NowItem key={item.uid} item={item} />
        ))}
      </section>

      <section aria-labelledby="next-title" className="now-next__next">
        <h2 id="next-title">{t('festival-day:now.next')}</h2>
        {next.length === 0 ? <p className="now-next__empty">{t('festival-day:now.nothingNext')}</p> : null}
        <ol className="now-next__list">
          {next.map((item) => (
            <li key={item.uid}>
              <NowItem item={item} today={berlinDay(at)} />
            </li>
          ))}
        </ol>
      </section>
      <p>
        <Link to={programUrl}>{t('festival-day:now.fullProgram')}</Link>
      </p>
    </div>
  );
}

/** One item; one on another day than the screen's says which day (a screen left on overnight). */
function NowItem({ item, today }: { item: StageItem; today?: string }) {
  const { t, locale, text } = useI18n();
  const cancelled = item.status === 'cancelled';
  const languages = parseLanguages(item.languages);
  return (
    <article className={`now-item${cancelled ? ' now-item--cancelled' : ''}`} data-uid={item.uid}>
      <p className="now-item__time">
        <span>
          {today && berlinDay(item.starts_at) !== today ? `${formatDay(berlinDay(item.starts_at), locale, 'short')}, ` : null}
          <time dateTime={item.starts_at}>{formatTime(item.starts_at, locale)}</time>–<time dateTime={item.ends_at}>{formatTime(item.ends_at, locale)}</time>
        </span>
        {cancelled ? <span className="tag tag--cancelled">{t('festival-day:now.cancelled')}</span> : null}
        {item.movedFrom ? (
          <span className="tag tag--moved">
            {item.movedFrom.stage_name
              ? t('festival-day:now.movedFromStage', { time: formatTime(item.movedFrom.starts_at, locale), stage: text(item.movedFrom.stage_name).text })
              : t('festival-day:now.movedFrom', { time: formatTime(item.movedFrom.starts_at, locale) })}
          </span>
        ) : null}
      </p>
      <p className="now-item__title">
        <Link to={`/program/${item.uid}`}>
          <Localized value={item.title} />
        </Link>
      </p>
      {item.host ? <p className="now-item__host">{item.host}</p> : null}
      {languages.length > 0 ? <p className="now-item__languages">{t('festival-day:now.languages', { languages: languageList(languages, locale) })}</p> : null}
    </article>
  );
}

function parseLanguages(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
