/**
 * Sign-in by a one-time link: the token exists only in the email; the database keeps its
 * hash. Asking for a link answers the same whether the address is known or not; the
 * person is created when a link is first used.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { DB } from '../../../db/connection';
import type { Person } from '../../../db/schema';
import { enqueueMail } from '../mail/outbox.server';
import { ValidationError } from '../errors';
import { isLocale } from '../../lib/i18n';

export const SIGN_IN_LINK_MINUTES = 30;

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Only local paths: a sign-in link never sends anyone to another site. */
export function safeRedirect(to: unknown, fallback = '/account'): string {
  return typeof to === 'string' && to.startsWith('/') && !to.startsWith('//') && !to.startsWith('/\\') ? to : fallback;
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
  const token = randomBytes(32).toString('base64url');
  const now = input.now ?? new Date();
  await db.transaction().execute(async (trx) => {
    // The mail answers what this browser just did: it is written in that browser's language
    // (the stored language changes to it once the link is used, so a stranger asking for
    // a link cannot change it).
    const person = await trx.selectFrom('people').select(['locale']).where('email', '=', email).executeTakeFirst();
    const locale = input.sessionLocale ?? person?.locale ?? input.locale;
    await trx
      .insertInto('sign_in_tokens')
      .values({
        email,
        token_hash: hash(token),
        redirect_to: safeRedirect(input.redirectTo),
        locale,
        expires_at: new Date(now.getTime() + SIGN_IN_LINK_MINUTES * 60_000).toISOString(),
      })
      .execute();
    await enqueueMail(trx, {
      to: email,
      locale,
      template: 'sign-in-link',
      payload: { url: `${input.publicUrl}/login/verify?token=${token}`, minutes: SIGN_IN_LINK_MINUTES },
    });
  });
}

/** Uses a link once: returns the person (created on first sign-in) and where to go next. */
export async function redeemSignInToken(db: DB, token: string, now: Date = new Date()): Promise<{ person: Person; redirectTo: string }> {
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
    return { person, redirectTo: row.redirect_to };
  });
}

export async function getPerson(db: DB, id: number): Promise<Person | undefined> {
  return db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
}
