import { createCookie } from '@remix-run/node';
import { MAX_STARRED, TOKEN_PATTERN, type StarredState } from '~/domain/feeds/personal-feeds.server';
import { env } from '../server/env.server';

/**
 * The starred items and the secret feed token of a resident without an account. Signed,
 * so a tampered cookie is ignored rather than trusted; HttpOnly, since no script needs it.
 */
function starredCookie() {
  return createCookie('starred', {
    path: '/',
    sameSite: 'lax',
    httpOnly: true,
    secure: env().PUBLIC_URL.startsWith('https:'),
    maxAge: 60 * 60 * 24 * 400,
    secrets: env().SESSION_SECRET.split(',').map((s) => s.trim()),
  });
}

export async function readStarred(request: Request): Promise<StarredState> {
  const value: unknown = await starredCookie().parse(request.headers.get('Cookie'));
  if (!value || typeof value !== 'object') return { token: null, uids: [] };
  const { t, u } = value as { t?: unknown; u?: unknown };
  return {
    token: typeof t === 'string' && TOKEN_PATTERN.test(t) ? t : null,
    uids: Array.isArray(u) ? u.filter((x): x is string => typeof x === 'string').slice(0, MAX_STARRED) : [],
  };
}

export async function writeStarred(state: StarredState): Promise<string> {
  return starredCookie().serialize({ t: state.token, u: state.uids });
}
