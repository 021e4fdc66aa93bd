import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { localPath } from '~/lib/local-path';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { useI18n } from '~/components/i18n';
import { ProgramEntryRow } from '~/components/program';
import { StarButton, SubscribeLinks } from '~/components/star-button';
import { subscribeLinks } from '~/domain/feeds/calendar-links';
import { revokePersonalFeed, toggleStar } from '~/domain/feeds/personal-feeds.server';
import { emptyFilter } from '~/domain/program/program-filter';
import { findPublicProgramItems } from '~/domain/program/public-program.server';
import { db } from '~/server/db.server';
import { env } from '~/server/env.server';
import { DEFAULT_LOCALE, translator } from '~/lib/i18n';
import { pickText } from '~/lib/i18n-text';
import { localeOf } from '~/http/locale.server';
import { pageShare } from '~/http/share.server';
import { shareMeta } from '~/lib/share';

import { readStarred, writeStarred } from '~/http/starred.server';
import { orRespond } from '~/http/errors.server';

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await localeOf(request);
  const t = translator(locale);
  const starred = await readStarred(request);
  const items = await findPublicProgramItems(db(), emptyFilter(), { uids: starred.uids });
  const feedPath = starred.token ? `/calendar/my/${starred.token}.ics${locale === DEFAULT_LOCALE ? '' : `?lang=${locale}`}` : null;
  return json(
    {
      title: t('feeds:my.title'),
      share: pageShare(request, t('feeds:my.title'), t('public:share.program')),
      items,
      revoked: new URL(request.url).searchParams.get('revoked') === '1',
      subscribe: feedPath && items.length > 0 ? subscribeLinks(env().PUBLIC_URL, feedPath, t('feeds:ics.myProgramName')) : null,
      hasToken: Boolean(starred.token),
    },
    // The page shows a secret address: never store it in a shared cache.
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
}

const actionSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('toggle'),
    uid: z.string().min(1).max(120),
    // Only a path on this site after URL normalisation (localPath): never an open redirect.
    back: z.string().max(2000).optional().catch(undefined),
  }),
  z.object({ intent: z.literal('revoke') }),
]);

export async function action({ request }: ActionFunctionArgs) {
  const parsed = actionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw json({ message: 'feeds:errors.badRequest' }, { status: 400 });
  const state = await readStarred(request);
  if (parsed.data.intent === 'revoke') {
    const next = await orRespond(() => revokePersonalFeed(db(), state));
    return redirect('/my-program?revoked=1', { headers: { 'Set-Cookie': await writeStarred(next) } });
  }
  const { uid, back } = parsed.data;
  const next = await orRespond(() => toggleStar(db(), state, uid));
  return redirect(localPath(back, '/my-program', '/my-program'), { headers: { 'Set-Cookie': await writeStarred(next) } });
}

/** Keep the parent's headers (language cookie, Vary) and add our no-store. */
export const headers: HeadersFunction = ({ parentHeaders, loaderHeaders }) => {
  const merged = new Headers(parentHeaders);
  merged.set('Cache-Control', loaderHeaders.get('Cache-Control') ?? 'private, no-store');
  return merged;
};

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => shareMeta(matches, data?.share);

export default function MyProgramPage() {
  const { items, revoked, subscribe, hasToken } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  return (
    <>
      <h1>{t('feeds:my.title')}</h1>
      <p className="lead">{t('feeds:my.intro')}</p>
      {revoked ? (
        <p className="notice notice--success" role="status">
          {t('feeds:my.revokedNotice')}
        </p>
      ) : null}

      <section aria-labelledby="starred-title">
        <h2 id="starred-title">{t('feeds:my.starred', { count: items.length })}</h2>
        {items.length === 0 ? (
          <p>
            {t('feeds:my.empty')} <Link to="/program">{t('feeds:my.toProgram')}</Link>
          </p>
        ) : (
          <ul className="program-list">
            {items.map((item) => (
              <ProgramEntryRow
                key={item.uid}
                item={item}
                place={item.stage_name}
                action={<StarButton uid={item.uid} title={pickText(item.title, locale).text} starred />}
              />
            ))}
          </ul>
        )}
      </section>

      {subscribe ? (
        <section aria-labelledby="my-feed-title" className="subscribe-section">
          <h2 id="my-feed-title">{t('feeds:my.feedTitle')}</h2>
          <p>{t('feeds:my.feedIntro')}</p>
          <SubscribeLinks links={subscribe} id="my-feed-address" />
        </section>
      ) : null}
      {hasToken ? (
        <Form method="post" className="revoke-form">
          <input type="hidden" name="intent" value="revoke" />
          <p className="hint">{t('feeds:my.revokeHint')}</p>
          <button type="submit" className="button button--secondary">
            {t('feeds:my.revoke')}
          </button>
        </Form>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
