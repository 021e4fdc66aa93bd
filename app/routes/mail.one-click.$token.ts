import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { NotFoundError } from '~/domain/errors';
import { PREFERENCES_TOKEN, stopCirculars } from '~/domain/mail/preferences.server';
import { localeOf } from '~/http/locale.server';
import { translator } from '~/lib/i18n';
import { db } from '~/server/db.server';

/**
 * RFC 8058 one-click: the address in the List-Unsubscribe header of circulars and
 * invitations to apply again. The mail provider POSTs here without a cookie from its own
 * site (the same-origin check lets this path through); a GET only leads to the page, which asks.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const token = params.token ?? '';
  if (!PREFERENCES_TOKEN.test(token)) throw new Response('Not found', { status: 404 });
  return redirect(`/mail/circulars/${token}`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const t = translator(await localeOf(request));
  const text = (body: string, status: number) => new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
  try {
    await stopCirculars(db(), params.token ?? '');
  } catch (error) {
    if (error instanceof NotFoundError) return text(t(error.messageKey), 404);
    throw error;
  }
  return text(t('newcomer:circulars.stopped'), 200);
}
