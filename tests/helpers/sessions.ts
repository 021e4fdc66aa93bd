/**
 * Session cookies made the way the server makes them: a row in the server's `sessions`
 * table (through the app's own startSession) and the id signed with the server's secret.
 */
import { createCookie } from '@remix-run/node';
import { openDatabase } from '../../db/connection';
import { startSession } from '../../app/domain/people/sessions.server';

export interface SessionShape {
  personId: number;
  createdAt?: string;
  lastSeenAt?: string;
  secondFactorAt?: string;
}

export async function mintSessionCookies(databasePath: string, secret: string, sessions: SessionShape[]): Promise<string[]> {
  const { db } = openDatabase(databasePath);
  const cookie = createCookie('__session', { secrets: [secret], httpOnly: true, sameSite: 'lax', path: '/' });
  try {
    const out: string[] = [];
    for (const s of sessions) {
      const { token, row } = await startSession(db, { personId: s.personId, secondFactor: Boolean(s.secondFactorAt), now: s.createdAt ? new Date(s.createdAt) : undefined });
      if (s.lastSeenAt || s.secondFactorAt) {
        await db
          .updateTable('sessions')
          .set({ last_seen_at: s.lastSeenAt ?? row.last_seen_at, second_factor_at: s.secondFactorAt ?? null })
          .where('id', '=', row.id)
          .execute();
      }
      out.push((await cookie.serialize(token)).split(';')[0]!);
    }
    return out;
  } finally {
    await db.destroy();
  }
}

/** The stored session row behind a cookie (for tests of idle tracking). */
export async function sessionRowOf(databasePath: string, secret: string, cookieHeader: string) {
  const { hashSessionToken } = await import('../../app/domain/people/sessions.server');
  const token = (await createCookie('__session', { secrets: [secret] }).parse(cookieHeader)) as string;
  const { db } = openDatabase(databasePath);
  try {
    return await db.selectFrom('sessions').selectAll().where('token_hash', '=', hashSessionToken(token)).executeTakeFirst();
  } finally {
    await db.destroy();
  }
}
