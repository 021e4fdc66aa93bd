import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { PREFERENCES_TOKEN, stopCirculars } from '~/domain/mail/preferences.server';
import { db } from '~/server/db.server';
import { oneClickAnswer } from '~/http/one-click.server';

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
  return oneClickAnswer(request, () => stopCirculars(db(), params.token ?? ''), 'newcomer:circulars.stopped');
}
