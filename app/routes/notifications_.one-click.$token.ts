import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { SUBSCRIPTION_TOKEN, unsubscribe } from '~/domain/notifications/subscriptions.server';
import { db } from '~/server/db.server';
import { oneClickAnswer } from '~/http/one-click.server';

/**
 * RFC 8058 one-click unsubscribe, the address in a resident's List-Unsubscribe header: the
 * mail provider POSTs `List-Unsubscribe=One-Click` here, without a cookie and from its
 * own site (so the same-origin check lets this path through). A GET (a person or a link
 * scanner) only leads to the unsubscribe page, which asks first.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const token = params.token ?? '';
  if (!SUBSCRIPTION_TOKEN.test(token)) throw new Response('Not found', { status: 404 });
  return redirect(`/notifications/unsubscribe/${token}`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  return oneClickAnswer(request, () => unsubscribe(db(), params.token ?? ''), 'feeds:notify.unsubscribe.done');
}
