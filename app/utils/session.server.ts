import { createCookieSessionStorage, redirect } from '@remix-run/node';
import { json } from '@remix-run/node';
import type { Person } from '../../db/schema';
import { getPerson } from '~/domain/people/sign-in.server';
import { db } from './db.server';
import { env } from './env.server';

const MAX_AGE_SECONDS = 60 * 60 * 24 * 30;

type SessionData = { personId: number; signedInAt: string };

let storage: ReturnType<typeof createCookieSessionStorage<SessionData>> | undefined;
function sessionStorage() {
  const config = env();
  storage ??= createCookieSessionStorage<SessionData>({
    cookie: {
      name: '__session',
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: config.PUBLIC_URL.startsWith('https://'),
      // the first secret signs; all are accepted, so secrets rotate without signing anyone out
      secrets: config.SESSION_SECRET.split(',').map((s) => s.trim()),
      maxAge: MAX_AGE_SECONDS,
    },
  });
  return storage;
}

export async function getSessionPerson(request: Request): Promise<Person | null> {
  const session = await sessionStorage().getSession(request.headers.get('Cookie'));
  const id = session.get('personId');
  const signedInAt = session.get('signedInAt');
  if (!id || !signedInAt || Date.now() - Date.parse(signedInAt) > MAX_AGE_SECONDS * 1000) return null;
  return (await getPerson(db(), id)) ?? null;
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

export async function requireOrganiser(request: Request): Promise<Person> {
  const person = await requirePerson(request);
  if (person.role !== 'organiser') throw json({ message: 'forbidden' }, { status: 403 });
  return person;
}

export async function signInHeaders(request: Request, personId: number): Promise<Headers> {
  const s = sessionStorage();
  const session = await s.getSession(request.headers.get('Cookie'));
  session.set('personId', personId);
  session.set('signedInAt', new Date().toISOString());
  return new Headers({ 'Set-Cookie': await s.commitSession(session) });
}

export async function signOutHeaders(request: Request): Promise<Headers> {
  const s = sessionStorage();
  const session = await s.getSession(request.headers.get('Cookie'));
  return new Headers({ 'Set-Cookie': await s.destroySession(session) });
}
