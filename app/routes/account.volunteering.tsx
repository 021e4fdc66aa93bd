import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { Localized, useI18n } from '~/components/i18n';
import { FormAlert } from '~/components/registration';
import { subscribeLinks } from '~/domain/feeds/calendar-links';
import { existingFeedToken, revokeVolunteerFeed } from '~/domain/volunteers/public.server';
import { cancelOwnSignup, signupsOf } from '~/domain/volunteers/signups.server';
import { attempt } from '~/http/errors.server';
import { localeOf } from '~/http/locale.server';
import { requirePerson } from '~/http/session.server';
import { DEFAULT_LOCALE, translator } from '~/lib/i18n';
import { berlinDay, formatDateTime, formatDay, formatTime } from '~/lib/time';
import { db } from '~/server/db.server';
import { env } from '~/server/env.server';

/** A volunteer's shifts (and places on waiting lists): cancel up to the role's time before, and the personal calendar feed. */
export async function loader({ request }: LoaderFunctionArgs) {
  const person = await requirePerson(request);
  const locale = await localeOf(request);
  const t = translator(locale);
  const signups = await signupsOf(db(), person.id);
  // made with the first sign-up (or the button below): this page only reads it
  const token = await existingFeedToken(db(), person.id);
  const path = token ? `/volunteering/calendar/${token}.ics${locale === DEFAULT_LOCALE ? '' : `?lang=${locale}`}` : null;
  const search = new URL(request.url).searchParams;
  const signed = search.get('signed');
  const now = Date.now();
  return json(
    {
      title: t('volunteers:account.title'),
      signed: signed === 'confirmed' || signed === 'waiting' || signed === 'group' ? signed : null,
      count: Number(search.get('count')) || 0,
      revoked: search.get('revoked') === '1',
      feed: path ? subscribeLinks(env().PUBLIC_URL, path, t('volunteers:feed.name')) : null,
      signups: signups.map((s) => ({
        ...s,
        cancelUntil: new Date(Date.parse(s.starts_at) - s.cancel_hours * 3_600_000).toISOString(),
        canCancel: s.status !== 'cancelled' && s.cancelled_at === null && s.group_id === null && (s.status === 'waiting' || now <= Date.parse(s.starts_at) - s.cancel_hours * 3_600_000),
        past: Date.parse(s.ends_at) < now,
      })),
    },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

export async function action({ request }: ActionFunctionArgs) {
  const person = await requirePerson(request);
  const locale = await localeOf(request);
  const form = await request.formData();
  if (form.get('intent') === 'revoke') {
    await revokeVolunteerFeed(db(), person.id);
    return redirect('/account/volunteering?revoked=1');
  }
  const signupId = Number(form.get('signupId'));
  const outcome = await attempt(() => cancelOwnSignup(db(), person, signupId, { locale, publicUrl: env().PUBLIC_URL }));
  if (!outcome.ok) return json({ error: outcome.formError, signupId, cancelled: false }, { status: outcome.status });
  return json({ error: null, signupId, cancelled: true });
}

export default function Volunteering() {
  const { signed, count, revoked, feed, signups } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, locale, text } = useI18n();
  const upcoming = signups.filter((s) => !s.past);
  return (
    <>
      <p>
        <Link to="/account">{t('volunteers:account.back')}</Link>
      </p>
      <h1>{t('volunteers:account.title')}</h1>
      {signed ? (
        <p role="status" className="notice">
          {t(`volunteers:account.signed.${signed}`, { count })}
        </p>
      ) : null}
      {data?.cancelled ? (
        <p role="status" className="notice">
          {t('volunteers:account.cancelled')}
        </p>
      ) : null}
      <FormAlert message={data?.error ?? undefined} />
      {upcoming.length === 0 ? <p>{t('volunteers:account.none')}</p> : null}
      <ul className="shift-list">
        {upcoming.map((s) => (
          <li key={s.id} id={`signup-${s.id}`} className="shift">
            <strong>
              {formatDay(berlinDay(s.starts_at), locale)}, {formatTime(s.starts_at, locale)}–{formatTime(s.ends_at, locale)}
            </strong>{' '}
            <Localized value={s.role_name} /> · {s.place_name ? text(s.place_name).text : t('volunteers:grounds')} · <Localized value={s.edition_title} />
            <br />
            <span>
              {s.cancelled_at ? t('volunteers:account.shiftCancelled') : t(`volunteers:status.${s.status}`)}
              {s.group_id !== null ? ` · ${t('volunteers:account.groupMember', { name: s.name })}` : ''}
            </span>
            {s.canCancel ? (
              <Form method="post">
                <input type="hidden" name="signupId" value={s.id} />
                <p className="hint">{t('volunteers:account.cancelUntil', { until: formatDateTime(s.cancelUntil, locale) })}</p>
                <button type="submit" name="intent" value="cancel" className="secondary">
                  {s.status === 'waiting' ? t('volunteers:account.leaveWaitingList') : t('volunteers:account.cancel')}
                </button>
              </Form>
            ) : s.status === 'confirmed' && s.group_id === null && !s.cancelled_at ? (
              <p className="hint">{t('volunteers:account.tooLate')}</p>
            ) : null}
          </li>
        ))}
      </ul>
      <section aria-labelledby="feed">
        <h2 id="feed">{t('volunteers:feed.title')}</h2>
        <p>{t('volunteers:feed.intro')}</p>
        {revoked ? (
          <p role="status" className="notice">
            {t('volunteers:feed.revoked')}
          </p>
        ) : null}
        {feed ? (
          <>
            <p>
              <a href={feed.webcal}>{t('volunteers:feed.subscribe')}</a> · <a href={feed.google}>Google</a> · <a href={feed.outlook}>Outlook</a>
            </p>
            <p className="hint">
              <code dir="ltr">{feed.https}</code>
            </p>
          </>
        ) : null}
        <Form method="post">
          <button type="submit" name="intent" value="revoke" className="secondary">
            {feed ? t('volunteers:feed.revoke') : t('volunteers:feed.make')}
          </button>
        </Form>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
