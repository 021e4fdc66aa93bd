/**
 * "My program": residents star items without an account. The list lives in a cookie for
 * the pages, and is mirrored server-side under a random token so that the feed URL
 * /calendar/my/<token>.ics works in a calendar app that has no cookie. Revoking makes a
 * new token; the old URL then answers 404.
 */
import { randomBytes } from 'node:crypto';
import type { DB } from '../../../db/connection';
import { NotFoundError, ValidationError } from '../errors';
import { existingPublicUids } from '../program/public-program.server';

export const MAX_STARRED = 200;
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;

export interface StarredState {
  token: string | null;
  uids: string[];
}

function newToken(): string {
  return randomBytes(24).toString('base64url'); // 32 characters, 192 bits
}

const now = () => new Date().toISOString();

/** Stores the list under the token (or a new token when there is none or it was revoked). */
async function save(db: DB, token: string | null, uids: string[]): Promise<string> {
  if (token && TOKEN_PATTERN.test(token)) {
    const updated = await db
      .updateTable('personal_feeds')
      .set({ uids: JSON.stringify(uids), updated_at: now() })
      .where('token', '=', token)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) > 0) return token;
  }
  const fresh = newToken();
  await db.insertInto('personal_feeds').values({ token: fresh, uids: JSON.stringify(uids) }).execute();
  return fresh;
}

/** Stars or unstars a public item; answers the new state to keep in the cookie. */
export async function toggleStar(db: DB, state: StarredState, uid: string): Promise<StarredState & { starred: boolean }> {
  const [existing] = await existingPublicUids(db, [uid]);
  if (!existing) throw new NotFoundError('feeds:errors.itemNotFound');
  const starred = !state.uids.includes(uid);
  if (starred && state.uids.length >= MAX_STARRED) throw new ValidationError('feeds:errors.tooManyStarred', {}, { max: MAX_STARRED });
  const uids = starred ? [...state.uids, uid] : state.uids.filter((u) => u !== uid);
  const token = await save(db, state.token, uids);
  return { token, uids, starred };
}

/** A new secret URL for the same list; the old token stops working at once. */
export async function revokePersonalFeed(db: DB, state: StarredState): Promise<StarredState> {
  return db.transaction().execute(async (trx) => {
    if (state.token) await trx.deleteFrom('personal_feeds').where('token', '=', state.token).execute();
    const token = await save(trx, null, state.uids);
    return { token, uids: state.uids };
  });
}

/** The uids behind a feed token, or null when the token is unknown (revoked or never made). */
export async function starredUidsOf(db: DB, token: string): Promise<string[] | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const row = await db.selectFrom('personal_feeds').select('uids').where('token', '=', token).executeTakeFirst();
  if (!row) return null;
  try {
    const uids: unknown = JSON.parse(row.uids);
    return Array.isArray(uids) ? uids.filter((u): u is string => typeof u === 'string') : [];
  } catch {
    return [];
  }
}
