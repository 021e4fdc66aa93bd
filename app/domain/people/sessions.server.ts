/**
 * Server-side sessions (docs/decisions/090). The cookie carries only a random id; the row
 * (found by the id's hash) says whose session it is, when it began, when it was last used
 * and when the second factor was shown. A session ends
 * - when idle: 30 minutes for office people (administrators, series teams), 14 days for others;
 * - at a maximum age: 12 hours for office people, 30 days for others;
 * - at once when its row is deleted: sign-out, "sign out everywhere", removal from a
 *   series team, a reset second factor, erasure.
 * Office people are signed in only after their second factor: the email link alone leaves a
 * short "pending" session that /login/totp and /login/enrol complete (with a new id).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database, SessionRow } from '../../../db/schema';

type Executor = Kysely<Database> | Transaction<Database>;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const SESSION_LIMITS = {
  office: { idleMs: 30 * MINUTE, maxAgeMs: 12 * HOUR },
  member: { idleMs: 14 * DAY, maxAgeMs: 30 * DAY },
  /** between the email link and the second factor */
  pendingMs: 10 * MINUTE,
  /** last_seen_at is written at most this often (each is a write) */
  touchAfterMs: MINUTE,
} as const;

export const hashSessionToken = (token: string) => createHash('sha256').update(token).digest('hex');

function limitsOf(row: Pick<SessionRow, 'second_factor_at'>) {
  return row.second_factor_at ? SESSION_LIMITS.office : SESSION_LIMITS.member;
}

/** Not idle too long, not too old (a pending one: not older than `pendingMs`). */
export function isSessionAlive(row: Pick<SessionRow, 'pending' | 'created_at' | 'last_seen_at' | 'second_factor_at'>, now: number = Date.now()): boolean {
  const createdAt = Date.parse(row.created_at);
  const lastSeenAt = Date.parse(row.last_seen_at);
  if (Number.isNaN(createdAt) || Number.isNaN(lastSeenAt)) return false;
  if (row.pending) return now - createdAt <= SESSION_LIMITS.pendingMs;
  const limits = limitsOf(row);
  return now - createdAt <= limits.maxAgeMs && now - lastSeenAt <= limits.idleMs;
}

/** Seconds the cookie of this session may live at most (its absolute end). */
export function sessionMaxAgeSeconds(row: Pick<SessionRow, 'pending' | 'created_at' | 'second_factor_at'>, now: number = Date.now()): number {
  const createdAt = Date.parse(row.created_at) || now;
  const span = row.pending ? SESSION_LIMITS.pendingMs : limitsOf(row).maxAgeMs;
  return Math.max(1, Math.round((createdAt + span - now) / 1000));
}

export interface StartSession {
  personId: number;
  /** the person also showed their second factor now */
  secondFactor?: boolean;
  /** the email link was used, the second factor is still owed; where to go afterwards */
  pendingRedirect?: string;
  userAgent?: string | null;
  /** the session this browser had before (ended: a new id on every sign-in step) */
  replacesToken?: string | null;
  now?: Date;
}

/** Starts a session and answers the id for the cookie (it exists nowhere else in clear). */
export async function startSession(db: Kysely<Database>, input: StartSession): Promise<{ token: string; row: SessionRow }> {
  const token = randomBytes(32).toString('base64url');
  const at = (input.now ?? new Date()).toISOString();
  const row = await db.transaction().execute(async (trx) => {
    if (input.replacesToken) await trx.deleteFrom('sessions').where('token_hash', '=', hashSessionToken(input.replacesToken)).execute();
    await deleteExpiredSessions(trx, input.personId, input.now);
    return trx
      .insertInto('sessions')
      .values({
        token_hash: hashSessionToken(token),
        person_id: input.personId,
        pending: input.pendingRedirect !== undefined ? 1 : 0,
        redirect_to: input.pendingRedirect ?? null,
        created_at: at,
        last_seen_at: at,
        second_factor_at: input.secondFactor ? at : null,
        user_agent: input.userAgent ? input.userAgent.slice(0, 300) : null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  });
  return { token, row };
}

/** The live session of this id, or null (an expired one is deleted on the way). */
export async function findSession(db: Executor, token: string, now: Date = new Date()): Promise<SessionRow | null> {
  const row = await db.selectFrom('sessions').selectAll().where('token_hash', '=', hashSessionToken(token)).executeTakeFirst();
  if (!row) return null;
  if (!isSessionAlive(row, now.getTime())) {
    await db.deleteFrom('sessions').where('id', '=', row.id).execute();
    return null;
  }
  return row;
}

/** Idle tracking: a used session records when, at most once per `touchAfterMs`. */
export async function touchSession(db: Executor, row: SessionRow, now: Date = new Date()): Promise<void> {
  if (now.getTime() - Date.parse(row.last_seen_at) < SESSION_LIMITS.touchAfterMs) return;
  await db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id', '=', row.id).execute();
}

export async function endSession(db: Executor, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', hashSessionToken(token)).execute();
}

/** Ends every session of a person (sign out everywhere, erasure, a role taken away); `except`: keep this one. */
export async function endSessionsOf(db: Executor, personId: number, except?: number): Promise<number> {
  let query = db.deleteFrom('sessions').where('person_id', '=', personId);
  if (except !== undefined) query = query.where('id', '!=', except);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

async function deleteExpiredSessions(db: Executor, personId: number, now: Date = new Date()): Promise<void> {
  const rows = await db.selectFrom('sessions').selectAll().where('person_id', '=', personId).execute();
  const dead = rows.filter((r) => !isSessionAlive(r, now.getTime())).map((r) => r.id);
  if (dead.length) await db.deleteFrom('sessions').where('id', 'in', dead).execute();
}

/** A person's open sessions, newest use first (for the page that lists them). */
export async function listOpenSessions(db: Executor, personId: number, now: Date = new Date()) {
  const rows = await db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'last_seen_at', 'second_factor_at', 'user_agent', 'pending'])
    .where('person_id', '=', personId)
    .where('pending', '=', 0)
    .orderBy('last_seen_at', 'desc')
    .execute();
  return rows.filter((r) => isSessionAlive(r, now.getTime()));
}

/** Ends one of the person's own sessions (another device); false when it is not theirs. */
export async function endOwnSession(db: Executor, personId: number, sessionId: number): Promise<boolean> {
  const result = await db.deleteFrom('sessions').where('id', '=', sessionId).where('person_id', '=', personId).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
