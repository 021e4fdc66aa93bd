/**
 * Circulars (organisers' bulk mail to exhibitors) and invitations to apply again are mail
 * an exhibitor did not ask for right then: each carries a link and a List-Unsubscribe
 * header (RFC 8058 one-click) that stops them, and a way back in. Messages that answer the
 * association's own application (received, decided, fee requested, receipts) are part of the
 * service it asked for and carry only the footer saying why (docs/decisions/071).
 */
import { randomBytes } from 'node:crypto';
import type { ExpressionBuilder } from 'kysely';
import type { DB } from '../../../db/connection';
import type { Database } from '../../../db/schema';
import { NotFoundError } from '../errors';

export const PREFERENCES_TOKEN = /^[A-Za-z0-9_-]{32}$/;
const newToken = () => randomBytes(24).toString('base64url');

/** The person's token (made the first time a circular goes to them). */
export async function preferencesTokenFor(db: DB, personId: number): Promise<string> {
  // one statement: a new row, or the existing one's token unchanged
  const row = await db
    .insertInto('mail_preferences')
    .values({ person_id: personId, token: newToken() })
    .onConflict((oc) => oc.column('person_id').doUpdateSet((eb) => ({ token: eb.ref('mail_preferences.token') })))
    .returning('token')
    .executeTakeFirstOrThrow();
  return row.token;
}

/**
 * For a query over `people`: only those who did not stop circulars (the recipients of
 * circulars and of invitations to apply again).
 */
export function wantsCirculars(eb: ExpressionBuilder<Database, 'people'>) {
  return eb.not(
    eb.exists(
      eb
        .selectFrom('mail_preferences')
        .select('mail_preferences.person_id')
        .whereRef('mail_preferences.person_id', '=', 'people.id')
        .where('mail_preferences.circulars_off_at', 'is not', null),
    ),
  );
}

/** The address of the page behind the link in the message, and of its one-click twin. */
export function preferencesUrls(publicUrl: string, token: string): { page: string; oneClick: string } {
  return { page: `${publicUrl}/mail/circulars/${token}`, oneClick: `${publicUrl}/mail/one-click/${token}` };
}

export async function preferencesByToken(db: DB, token: string): Promise<{ personId: number; circularsOff: boolean }> {
  const row = PREFERENCES_TOKEN.test(token)
    ? await db.selectFrom('mail_preferences').select(['person_id', 'circulars_off_at']).where('token', '=', token).executeTakeFirst()
    : undefined;
  if (!row) throw new NotFoundError('newcomer:circulars.unknownLink');
  return { personId: row.person_id, circularsOff: row.circulars_off_at !== null };
}

/** Stops circulars; repeating it changes nothing. */
export async function stopCirculars(db: DB, token: string): Promise<void> {
  await preferencesByToken(db, token);
  await db
    .updateTable('mail_preferences')
    .set({ circulars_off_at: new Date().toISOString() })
    .where('token', '=', token)
    .where('circulars_off_at', 'is', null)
    .execute();
}

export async function resumeCirculars(db: DB, token: string): Promise<void> {
  await preferencesByToken(db, token);
  await db.updateTable('mail_preferences').set({ circulars_off_at: null }).where('token', '=', token).execute();
}
