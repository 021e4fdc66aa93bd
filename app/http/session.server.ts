/**
 * The session cookie carries only a random session id, signed with SESSION_SECRET (the
 * first secret signs, all are accepted, so secrets rotate without signing anyone out).
 * What the session is lives in the `sessions` table (app/domain/people/sessions.server.ts,
 * docs/decisions/090): sign-out deletes the row, so a copied cookie opens nothing after it.
 * Idle tracking writes `last_seen_at` on use (at most once a minute); the cookie itself is
 * set once per sign-in step with the session's absolute end as its Max-Age.
 */
import { createCookie, json, redirect } from '@remix-run/node';
import type { Person, SessionRow } from '../../db/schema';
import { getPerson } from '~/domain/people/sign-in.server';
import { isOfficePerson } from '~/domain/people/authorise.server';
import { endSession, findSession, SESSION_LIMITS, sessionMaxAgeSeconds, startSession, touchSession } from '~/domain/people/sessions.server';
import { db } from '../server/db.server';
import { env } from '../server/env.server';

export { SESSION_LIMITS };
export const SESSION_COOKIE = '__session';

let cookie: ReturnType<typeof createCookie> | undefined;
function sessionCookie() {
  const config = env();
  cookie ??= createCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: config.PUBLIC_URL.startsWith('https://'),
    secrets: config.SESSION_SECRET.split(',').map((s) => s.trim()),
  });
  return cookie;
}

/** The session id in the request's cookie, when its signature holds. */
export async function sessionTokenOf(request: Request): Promise<string | null> {
  const header = request.headers.get('Cookie');
  if (!header?.includes(`${SESSION_COOKIE}=`)) return null;
  const value: unknown = await sessionCookie().parse(header);
  return typeof value === 'string' && value.length >= 20 && value.length <= 100 ? value : null;
}

/** The live session of this request and its person (signed in with every factor they need), or null. */
export async function getCurrentSession(request: Request): Promise<{ session: SessionRow; person: Person } | null> {
  const token = await sessionTokenOf(request);
  if (!token) return null;
  const session = await findSession(db(), token);
  if (!session || session.pending) return null;
  const person = await getPerson(db(), session.person_id);
  if (!person || person.erased_at) return null;
  // Office people count as signed in only with both factors.
  if (!session.second_factor_at && (await isOfficePerson(db(), person))) return null;
  await touchSession(db(), session);
  return { session, person };
}

export async function getSessionPerson(request: Request): Promise<Person | null> {
  return (await getCurrentSession(request))?.person ?? null;
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

async function cookieHeaders(token: string, row: SessionRow): Promise<Headers> {
  return new Headers({ 'Set-Cookie': await sessionCookie().serialize(token, { maxAge: sessionMaxAgeSeconds(row) }) });
}

/** Starts a session (a new id; the browser's previous one ends). `secondFactor`: the person also passed TOTP. */
export async function signInHeaders(request: Request, personId: number, options: { secondFactor?: boolean } = {}): Promise<Headers> {
  const { token, row } = await startSession(db(), {
    personId,
    secondFactor: options.secondFactor,
    userAgent: request.headers.get('User-Agent'),
    replacesToken: await sessionTokenOf(request),
  });
  return cookieHeaders(token, row);
}

/** Ends this browser's session: its row is deleted, the cookie cleared. */
export async function signOutHeaders(request: Request): Promise<Headers> {
  const token = await sessionTokenOf(request);
  if (token) await endSession(db(), token);
  return new Headers({ 'Set-Cookie': await sessionCookie().serialize('', { maxAge: 0, expires: new Date(0) }) });
}

/** After the email link of an office person: not signed in yet, the second factor comes next. */
export async function pendingSignInHeaders(request: Request, personId: number, redirectTo: string): Promise<Headers> {
  const { token, row } = await startSession(db(), {
    personId,
    pendingRedirect: redirectTo,
    userAgent: request.headers.get('User-Agent'),
    replacesToken: await sessionTokenOf(request),
  });
  return cookieHeaders(token, row);
}

/** The person who used an email link and still owes the second factor, if not too long ago. */
export async function getPendingSignIn(request: Request): Promise<{ personId: number; redirectTo: string } | null> {
  const token = await sessionTokenOf(request);
  if (!token) return null;
  const session = await findSession(db(), token);
  if (!session?.pending) return null;
  return { personId: session.person_id, redirectTo: session.redirect_to ?? '/office' };
}
