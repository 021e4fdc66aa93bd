import type { LoaderFunctionArgs } from '@remix-run/node';
import { volunteerFeed } from '~/domain/volunteers/public.server';
import { DEFAULT_LOCALE, isLocale } from '~/lib/i18n';
import { db } from '~/server/db.server';
import { env } from '~/server/env.server';

/** GET /volunteering/calendar/<token>.ics (not under /calendar/, which server.mjs answers before Remix): a volunteer's shifts for their calendar app (404 once revoked). */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const match = /^([A-Za-z0-9_-]{32})\.ics$/.exec(params.file ?? '');
  const lang = new URL(request.url).searchParams.get('lang');
  const body = match ? await volunteerFeed(db(), match[1]!, isLocale(lang) ? lang : DEFAULT_LOCALE, env().PUBLIC_URL) : null;
  if (body === null) return new Response('Not found\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return new Response(body, {
    headers: { 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Disposition': 'inline; filename="volunteering.ics"', 'Cache-Control': 'private, no-store', 'Referrer-Policy': 'no-referrer' },
  });
}
