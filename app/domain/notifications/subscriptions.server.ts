/**
 * Residents follow a series by email. Double opt-in: the confirmation link is the only
 * message before consent; the consent is kept with its time, text and version; every
 * later message carries an unsubscribe link; everything is written in the subscriber's
 * language. Mail goes through the outbox, in the same transaction as the change.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../db/schema';
import { parseLocalized } from '../../lib/i18n-text';
import { isLocale, translator, DEFAULT_LOCALE, type Locale } from '../../lib/i18n';
import { enqueueMail } from '../mail/outbox.server';
import { NotFoundError, ValidationError } from '../errors';
import { announcedChange, parseChanges } from '../schedule/changes';

type Executor = Kysely<Database> | Transaction<Database>;

/** Raise when the consent text (feeds:notify.consent) changes in meaning. */
export const CONSENT_VERSION = '2026-11-25';
export const SUBSCRIPTION_TOKEN = /^[A-Za-z0-9_-]{32}$/;

const now = () => new Date().toISOString();
const newToken = () => randomBytes(24).toString('base64url');

export function consentText(locale: Locale, seriesName: string): string {
  return translator(locale)('feeds:notify.consent', { series: seriesName });
}

/** The name of a series as the consent text names it: in that language, else German. */
function seriesNameIn(locale: Locale, name: string, slug: string): string {
  return parseLocalized(name)[locale] ?? parseLocalized(name)[DEFAULT_LOCALE] ?? slug;
}

/**
 * The consent text for each series, exactly as requestSubscription stores it: the page
 * shows these, so what a person reads is what the record keeps.
 */
export async function consentTexts(db: Executor, locale: Locale): Promise<Record<string, string>> {
  const rows = await db.selectFrom('series').select(['slug', 'name']).orderBy('id').execute();
  return Object.fromEntries(rows.map((r) => [r.slug, consentText(locale, seriesNameIn(locale, r.name, r.slug))]));
}

/**
 * Asks for a subscription: writes (or renews) a pending row and enqueues the confirmation
 * mail. Answers the same for a new, pending or already confirmed address, so the form
 * never tells who subscribes to what. A confirmed address gets no mail again.
 */
export async function requestSubscription(
  db: Kysely<Database>,
  input: { series: string; email: string; locale: Locale; publicUrl: string },
): Promise<void> {
  const email = input.email.trim().toLowerCase();
  await db.transaction().execute(async (trx) => {
    const series = await trx.selectFrom('series').select(['id', 'name']).where('slug', '=', input.series).executeTakeFirst();
    if (!series) throw new ValidationError('feeds:notify.errors.series', { series: 'feeds:notify.errors.series' });
    const seriesName = seriesNameIn(input.locale, series.name, input.series);
    const existing = await trx
      .selectFrom('series_subscriptions')
      .select(['id', 'status'])
      .where('series_id', '=', series.id)
      .where('email', '=', email)
      .executeTakeFirst();
    if (existing?.status === 'confirmed') return;
    const token = newToken();
    const row = {
      locale: input.locale,
      token,
      status: 'pending' as const,
      consent_version: CONSENT_VERSION,
      consent_text: consentText(input.locale, seriesName),
      requested_at: now(),
      confirmed_at: null,
      unsubscribed_at: null,
    };
    if (existing) await trx.updateTable('series_subscriptions').set(row).where('id', '=', existing.id).execute();
    else await trx.insertInto('series_subscriptions').values({ series_id: series.id, email, ...row }).execute();
    await enqueueMail(trx, {
      to: email,
      locale: input.locale,
      template: 'series-subscription-confirm',
      payload: {
        series: series.name,
        confirmUrl: `${input.publicUrl}/notifications/confirm/${token}`,
        unsubscribeUrl: `${input.publicUrl}/notifications/unsubscribe/${token}`,
      },
    });
  });
}

export async function subscriptionByToken(db: Executor, token: string) {
  if (!SUBSCRIPTION_TOKEN.test(token)) throw new NotFoundError('feeds:notify.errors.unknownLink');
  const row = await db
    .selectFrom('series_subscriptions')
    .innerJoin('series', 'series.id', 'series_subscriptions.series_id')
    .select(['series_subscriptions.id', 'series_subscriptions.status', 'series_subscriptions.email', 'series.name as series_name', 'series.slug as series_slug'])
    .where('series_subscriptions.token', '=', token)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('feeds:notify.errors.unknownLink');
  return row;
}

/** The click on the link in the confirmation mail (a POST from the page it opens). */
export async function confirmSubscription(db: Executor, token: string) {
  const row = await subscriptionByToken(db, token);
  if (row.status === 'pending') {
    await db.updateTable('series_subscriptions').set({ status: 'confirmed', confirmed_at: now() }).where('id', '=', row.id).execute();
  }
  return { ...row, status: row.status === 'unsubscribed' ? row.status : ('confirmed' as const) };
}

export async function unsubscribe(db: Executor, token: string) {
  const row = await subscriptionByToken(db, token);
  if (row.status !== 'unsubscribed') {
    await db.updateTable('series_subscriptions').set({ status: 'unsubscribed', unsubscribed_at: now() }).where('id', '=', row.id).execute();
  }
  return row;
}


/**
 * Tells the confirmed subscribers of the edition's series about a schedule release: the
 * first release publishes the program, later ones list what changed or was cancelled.
 * Call it in the publisher's transaction, right after the release row is written.
 */
export async function notifyScheduleRelease(db: Executor, releaseId: number, publicUrl: string): Promise<number> {
  const release = await db
    .selectFrom('schedule_releases')
    .innerJoin('editions', 'editions.id', 'schedule_releases.edition_id')
    .select(['schedule_releases.id', 'schedule_releases.version', 'schedule_releases.changes', 'editions.id as edition_id', 'editions.slug', 'editions.title', 'editions.series_id', 'editions.status'])
    .where('schedule_releases.id', '=', releaseId)
    .executeTakeFirst();
  if (!release) throw new NotFoundError('feeds:notify.errors.unknownRelease');
  if (release.status === 'draft') return 0;

  const changes = parseChanges(release.changes);
  const listed = release.version === 1 ? [] : changes;
  const items = listed.length
    ? await db
        .selectFrom('program_items')
        .select(['uid', 'title', 'starts_at'])
        .where('edition_id', '=', release.edition_id)
        .where('uid', 'in', listed.map((c) => c.uid))
        .execute()
    : [];
  const byUid = new Map(items.map((i) => [i.uid, i]));
  const changed = listed
    .filter((c) => byUid.has(c.uid))
    .map((c) => ({ change: announcedChange(c), title: byUid.get(c.uid)!.title, starts_at: byUid.get(c.uid)!.starts_at, url: `${publicUrl}/program/${c.uid}` }));

  const subscribers = await db
    .selectFrom('series_subscriptions')
    .select(['id', 'email', 'locale', 'token'])
    .where('series_id', '=', release.series_id)
    .where('status', '=', 'confirmed')
    .execute();
  for (const s of subscribers) {
    const locale: Locale = isLocale(s.locale) ? s.locale : DEFAULT_LOCALE;
    await enqueueMail(db, {
      to: s.email,
      locale,
      template: 'program-update',
      payload: {
        edition: release.title,
        first: release.version === 1,
        changes: changed,
        programUrl: `${publicUrl}/program?edition=${release.slug}${locale === DEFAULT_LOCALE ? '' : `&lang=${locale}`}`,
        unsubscribeUrl: `${publicUrl}/notifications/unsubscribe/${s.token}`,
      },
      dedupeKey: `release:${release.id}:subscription:${s.id}`,
    });
  }
  return subscribers.length;
}
