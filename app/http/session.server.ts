/**
 * Sessions live in a signed cookie (no server-side store). Besides who is signed in it
 * carries when the session began and when it was last used, so it ends
 * - when idle: 30 minutes for office people (administrators, series teams), 14 days for others;
 * - at a maximum age: 12 hours for office people, 30 days for others.
 * Office people are signed in only after their second factor (TOTP): the email link alone
 * leaves a short "pending" session that the /login/totp and /login/enrol pages complete.
 * Idle tracking re-commits the cookie while the session is used: entry.server.tsx calls
 * `refreshSessionCookie` for every rendered document and every data request (see there).
 */
import { createCookieSessionStorage, json, redirect } from '@remix-run/node';
import type { Person } from '../../db/schema';
import { getPerson } from '~/domain/people/sign-in.server';
import { isOfficePerson } from '~/domain/people/authorise.server';
import { db } from '../server/db.server';
import { env } from '../server/env.server';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const SESSION_LIMITS = {
  office: { idleMs: 30 * MINUTE, maxAgeMs: 12 * HOUR },
  member: { idleMs: 14 * DAY, maxAgeMs: 30 * DAY },
  /** between the email link and the second factor */
  pendingMs: 10 * MINUTE,
  /** the cookie is re-committed at most this often (each refresh is a Set-Cookie) */
  refreshAfterMs: MINUTE,
} as const;

export const SESSION_COOKIE = '__session';

export type SessionData = {
  personId: number;
  signedInAt: string;
  lastSeenAt: string;
  /** set once the second factor was checked (office people) */
  secondFactorAt: string;
  pendingPersonId: number;
  pendingAt: string;
  pendingRedirect: string;
};

let storage: ReturnType<typeof createCookieSessionStorage<SessionData>> | undefined;
export function sessionStorage() {
  const config = env();
  storage ??= createCookieSessionStorage<SessionData>({
    cookie: {
      name: SESSION_COOKIE,
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: config.PUBLIC_URL.startsWith('https://'),
      // the first secret signs; all are accepted, so secrets rotate without signing anyone out
      secrets: config.SESSION_SECRET.split(',').map((s) => s.trim()),
      maxAge: SESSION_LIMITS.member.maxAgeMs / 1000,
    },
  });
  return storage;
}

type Session = Awaited<ReturnType<ReturnType<typeof sessionStorage>['getSession']>>;

function limitsOf(session: Session) {
  return session.get('secondFactorAt') ? SESSION_LIMITS.office : SESSION_LIMITS.member;
}

/** Signed in, not idle too long, not too old. */
export function isSessionAlive(session: Session, now: number = Date.now()): boolean {
  const id = session.get('personId');
  const signedInAt = Date.parse(session.get('signedInAt') ?? '');
  const lastSeenAt = Date.parse(session.get('lastSeenAt') ?? session.get('signedInAt') ?? '');
  if (!id || Number.isNaN(signedInAt) || Number.isNaN(lastSeenAt)) return false;
  const limits = limitsOf(session);
  return now - signedInAt <= limits.maxAgeMs && now - lastSeenAt <= limits.idleMs;
}

export async function getSessionPerson(request: Request): Promise<Person | null> {
  const session = await sessionStorage().getSession(request.headers.get('Cookie'));
  if (!isSessionAlive(session)) return null;
  const person = await getPerson(db(), session.get('personId')!);
  if (!person || person.erased_at) return null;
  // Office people count as signed in only with both factors.
  if (!session.get('secondFactorAt') && (await isOfficePerson(db(), person))) return null;
  return person;
}

/** The signed-in person, or a redirect to the sign-in page that comes back here. */
export async function requirePerson(request: Request): Promise<Person> {
  const person = await getSessionPerson(request);
  if (!person) {
    const url = new URL(request.url);
    // Come back to the same page; an absurdly long query is not worth a giant Location header.
    // Path parameters can be absurd too (/account/applications/<20 000 characters>).
    const back = url.pathname + url.search;
    const target = back.length <= 1000 ? back : url.pathname.length <= 1000 ? url.pathname : '/account';
    throw redirect(`/login?redirectTo=${encodeURIComponent(target)}`);
  }
  return person;
}

/** Organiser administrators only (role 'organiser'). Series teams use requireOfficePerson. */
export async function requireOrganiser(request: Request): Promise<Person> {
  const person = await requirePerson(request);
  if (person.role !== 'organiser') throw json({ message: 'forbidden' }, { status: 403 });
  return person;
}

/** Administrators and series-team members; the domain checks which series they may touch. */
export async function requireOfficePerson(request: Request): Promise<Person> {
  const person = await requirePerson(request);
  if (!(await isOfficePerson(db(), person))) throw json({ message: 'forbidden' }, { status: 403 });
  return person;
}

function maxAgeSeconds(session: Session, now: number): number {
  const limits = limitsOf(session);
  const signedInAt = Date.parse(session.get('signedInAt') ?? '') || now;
  return Math.max(1, Math.round((signedInAt + limits.maxAgeMs - now) / 1000));
}

/** Starts a session. `secondFactor`: the person also passed TOTP (office people). */
export async function signInHeaders(request: Request, personId: number, options: { secondFactor?: boolean } = {}): Promise<Headers> {
  const s = sessionStorage();
  const session = await s.getSession(request.headers.get('Cookie'));
  const now = new Date();
  for (const key of ['pendingPersonId', 'pendingAt', 'pendingRedirect', 'secondFactorAt'] as const) session.unset(key);
  session.set('personId', personId);
  session.set('signedInAt', now.toISOString());
  session.set('lastSeenAt', now.toISOString());
  if (options.secondFactor) session.set('secondFactorAt', now.toISOString());
  return new Headers({ 'Set-Cookie': await s.commitSession(session, { maxAge: maxAgeSeconds(session, now.getTime()) }) });
}

export async function signOutHeaders(request: Request): Promise<Headers> {
  const s = sessionStorage();
  const session = await s.getSession(request.headers.get('Cookie'));
  return new Headers({ 'Set-Cookie': await s.destroySession(session) });
}

/** After the email link of an office person: not signed in yet, the second factor comes next. */
export async function pendingSignInHeaders(request: Request, personId: number, redirectTo: string): Promise<Headers> {
  const s = sessionStorage();
  const session = await s.getSession(request.headers.get('Cookie'));
  for (const key of ['personId', 'signedInAt', 'lastSeenAt', 'secondFactorAt'] as const) session.unset(key);
  session.set('pendingPersonId', personId);
  session.set('pendingAt', new Date().toISOString());
  session.set('pendingRedirect', redirectTo);
  return new Headers({ 'Set-Cookie': await s.commitSession(session, { maxAge: SESSION_LIMITS.pendingMs / 1000 }) });
}

/** The person who used an email link and still owes the second factor, if not too long ago. */
export async function getPendingSignIn(request: Request): Promise<{ personId: number; redirectTo: string } | null> {
  const session = await sessionStorage().getSession(request.headers.get('Cookie'));
  const personId = session.get('pendingPersonId');
  const at = Date.parse(session.get('pendingAt') ?? '');
  if (!personId || Number.isNaN(at) || Date.now() - at > SESSION_LIMITS.pendingMs) return null;
  return { personId, redirectTo: session.get('pendingRedirect') ?? '/office' };
}

/**
 * Idle tracking: a live session used again after `refreshAfterMs` gets its cookie
 * re-committed with a new lastSeenAt. Skipped when the response sets the session cookie
 * itself (sign-in, sign-out), so there is never a second, older cookie in one response.
 */
export async function refreshSessionCookie(request: Request, responseHeaders: Headers): Promise<void> {
  const cookie = request.headers.get('Cookie');
  if (!cookie?.includes(`${SESSION_COOKIE}=`)) return;
  if (responseHeaders.getSetCookie().some((c) => c.startsWith(`${SESSION_COOKIE}=`))) return;
  const s = sessionStorage();
  const session = await s.getSession(cookie);
  const now = Date.now();
  if (!isSessionAlive(session, now)) return;
  const lastSeenAt = Date.parse(session.get('lastSeenAt') ?? session.get('signedInAt') ?? '');
  if (now - lastSeenAt < SESSION_LIMITS.refreshAfterMs) return;
  session.set('lastSeenAt', new Date(now).toISOString());
  responseHeaders.append('Set-Cookie', await s.commitSession(session, { maxAge: maxAgeSeconds(session, now) }));
}
