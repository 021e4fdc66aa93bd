import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { Localized, useI18n } from '~/components/i18n';
import { listReleases } from '~/domain/schedule/publish.server';
import { announcedChange, changeLabelKey } from '~/domain/schedule/changes';
import { db } from '~/server/db.server';
import { translator } from '~/lib/i18n';
import { pickText } from '~/lib/i18n-text';
import { localeOf } from '~/http/locale.server';
import { pageShare } from '~/http/share.server';
import { shareMeta } from '~/lib/share';

import { formatDateTime, formatTime } from '~/lib/time';
import { orRespond } from '~/http/errors.server';

/** The public changelog: every schedule release with what changed, newest first. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await localeOf(request);
  const page = await orRespond(() => listReleases(db(), params.slug ?? ''));
  const stageName = (id: number | null | undefined) => pickText(page.stages.find((s) => s.id === id)?.name, locale).text;
  const title = `${translator(locale)('schedule:changes.title')} · ${pickText(page.edition.title, locale).text}`;
  return json({
    title,
    share: pageShare(request, title, translator(locale)('public:share.program')),
    edition: page.edition,
    releases: page.releases.map((r) => ({
      version: r.version,
      published_at: r.published_at,
      changes: r.changes.map((c) => ({
        uid: c.uid,
        change: announcedChange(c),
        title: pickText(c.title, locale),
        listed: c.listed,
        stage: stageName(c.stage_id),
        starts_at: c.starts_at,
        ends_at: c.ends_at,
        previous: c.previous ? { stage: stageName(c.previous.stage_id), starts_at: c.previous.starts_at, ends_at: c.previous.ends_at } : null,
      })),
    })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => shareMeta(matches, data?.share);

export default function Changes() {
  const { edition, releases } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  const when = (starts: string | null, ends: string | null, stage: string) =>
    starts ? `${formatDateTime(starts, locale)}${ends ? `–${formatTime(ends, locale)}` : ''}${stage ? `, ${stage}` : ''}` : stage;
  return (
    <>
      <p className="eyebrow">
        <Link to={`/editions/${edition.slug}`}>
          <Localized value={edition.title} />
        </Link>
      </p>
      <h1>{t('schedule:changes.title')}</h1>
      <p className="lead">{t('schedule:changes.intro')}</p>
      {releases.length === 0 ? <p>{t('schedule:changes.none')}</p> : null}
      {releases.map((r) => (
        <section key={r.version} aria-labelledby={`release-${r.version}`} className="release">
          <h2 id={`release-${r.version}`}>
            {t('schedule:changes.version', { version: r.version })}{' '}
            <span className="muted release__date">{t('schedule:changes.publishedAt', { date: formatDateTime(r.published_at, locale) })}</span>
          </h2>
          {r.changes.length === 0 ? <p>{t('schedule:changes.noChanges')}</p> : null}
          <ul className="release__changes">
            {r.changes.map((c) => (
              <li key={c.uid} className={`change change--${c.change}`}>
                <span className="tag">{t(changeLabelKey(c.change, 'schedule:changes.kinds'))}</span>{' '}
                {c.listed ? (
                  <Link to={`/program/${c.uid}`} lang={c.title.fallback ? c.title.lang : undefined}>
                    {c.title.text}
                  </Link>
                ) : (
                  <span lang={c.title.fallback ? c.title.lang : undefined}>{c.title.text}</span>
                )}
                <span className="muted"> · {when(c.starts_at, c.ends_at, c.stage)}</span>
                {c.previous ? <span className="muted"> ({t('schedule:changes.before', { when: when(c.previous.starts_at, c.previous.ends_at, c.previous.stage) })})</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
      <p>
        <Link to={`/editions/${edition.slug}`}>{t('schedule:changes.back')}</Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
