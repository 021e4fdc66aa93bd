/**
 * Sign-in by a one-time link: the token exists only in the email; the database keeps its
 * hash. The token is made when the mail is sent (mintSignInLink, called by the mail
 * worker), so the outbox never holds it and a resend makes a new one (docs/decisions/091). Asking for a link answers the same whether the address is known or not; the
 * person is created when a link is first used.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/connection';
import type { Database } from '../../../db/schema';
import type { MailLink } from '../mail/links';
import type { Person } from '../../../db/schema';
import { enqueueMail } from '../mail/outbox.server';
import { ValidationError } from '../errors';
import { isLocale } from '../../lib/i18n';
import { localPath } from '../../lib/local-path';

export const SIGN_IN_LINK_MINUTES = 30;
type Executor = Kysely<Database> | Transaction<Database>;

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Only local paths after URL normalisation (app/lib/local-path.ts): a sign-in link never
 * sends anyone to another site. Absent: `fallback`; leaving the site: `/`.
 */
export function safeRedirect(to: unknown, fallback = '/account'): string {
  return localPath(to, fallback);
}

export async function requestSignInLink(
  db: DB,
  input: {
    email: string;
    /** the page's language: for a person not known yet */
    locale: string;
    /** the language the asking browser chose, if it said one: wins over the stored language */
    sessionLocale?: string;
    redirectTo?: string;
    publicUrl: string;
    now?: Date;
  },
): Promise<void> {
  const email = input.email.trim().toLowerCase();
  // a placeholder hash nobody knows the token of: the real one is minted at send time
  const placeholder = randomBytes(32).toString('base64url');
  const now = input.now ?? new Date();
  await db.transaction().execute(async (trx) => {
    // The mail answers what this browser just did: it is written in that browser's language
    // (the stored language changes to it once the link is used, so a stranger asking for
    // a link cannot change it).
    const person = await trx.selectFrom('people').select(['locale']).where('email', '=', email).executeTakeFirst();
    const locale = input.sessionLocale ?? person?.locale ?? input.locale;
    const row = await trx
      .insertInto('sign_in_tokens')
      .values({
        email,
        token_hash: hash(placeholder),
        // empty: no page asked for; the person lands where they belong (office or account)
        redirect_to: input.redirectTo ? safeRedirect(input.redirectTo) : '',
        locale,
        expires_at: new Date(now.getTime() + SIGN_IN_LINK_MINUTES * 60_000).toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const link: MailLink = { kind: 'sign-in', id: row.id, base: input.publicUrl };
    await enqueueMail(trx, { to: email, locale, template: 'sign-in-link', payload: { link, minutes: SIGN_IN_LINK_MINUTES } });
  });
}

/** Uses a link once: returns the person (created on first sign-in) and where to go next. */
export async function redeemSignInToken(db: DB, token: string, now: Date = new Date()): Promise<{ person: Person; redirectTo: string | null }> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('sign_in_tokens').selectAll().where('token_hash', '=', hash(token)).executeTakeFirst();
    if (!row || row.used_at) throw new ValidationError('auth:errors.linkInvalid');
    if (row.expires_at <= now.toISOString()) throw new ValidationError('auth:errors.linkExpired');
    const used = await trx
      .updateTable('sign_in_tokens')
      .set({ used_at: now.toISOString() })
      .where('id', '=', row.id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) throw new ValidationError('auth:errors.linkInvalid');
    let person = await trx.selectFrom('people').selectAll().where('email', '=', row.email).executeTakeFirst();
    if (person && isLocale(row.locale) && person.locale !== row.locale) {
      person = await trx.updateTable('people').set({ locale: row.locale }).where('id', '=', person.id).returningAll().executeTakeFirstOrThrow();
    }
    person ??= await trx
      .insertInto('people')
      .values({ email: row.email, name: '', locale: row.locale, role: 'member' })
      .returningAll()
      .executeTakeFirstOrThrow();
    // Links asked for before the target was normalised are checked again here.
    return { person, redirectTo: row.redirect_to ? safeRedirect(row.redirect_to) : null };
  });
}

/**
 * Makes the token of a sign-in link now, as its mail is sent: the row gets the new hash and
 * a fresh lifetime, so the link works for SIGN_IN_LINK_MINUTES from sending and every
 * earlier link of this row stops working. A row already used gets a new row instead.
 */
export async function mintSignInLink(db: Executor, tokenId: number, base: string, now: Date = new Date()): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const expires_at = new Date(now.getTime() + SIGN_IN_LINK_MINUTES * 60_000).toISOString();
  const updated = await db.updateTable('sign_in_tokens').set({ token_hash: hash(token), expires_at }).where('id', '=', tokenId).where('used_at', 'is', null).executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) {
    const old = await db.selectFrom('sign_in_tokens').select(['email', 'redirect_to', 'locale']).where('id', '=', tokenId).executeTakeFirst();
    if (!old) throw new Error(`sign-in token ${tokenId} is gone`);
    await db.insertInto('sign_in_tokens').values({ ...old, token_hash: hash(token), expires_at }).execute();
  }
  return `${base}/login/verify?token=${token}`;
}

export async function getPerson(db: DB, id: number): Promise<Person | undefined> {
  return db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
}
