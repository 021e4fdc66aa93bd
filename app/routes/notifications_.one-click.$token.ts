import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { NotFoundError } from '~/domain/errors';
import { SUBSCRIPTION_TOKEN, unsubscribe } from '~/domain/notifications/subscriptions.server';
import { db } from '~/server/db.server';
import { translator } from '~/lib/i18n';
import { localeOf } from '~/http/locale.server';

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
  const t = translator(await localeOf(request));
  const text = (body: string, status: number) => new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
  try {
    await unsubscribe(db(), params.token ?? '');
  } catch (error) {
    if (error instanceof NotFoundError) return text(t(error.messageKey), 404);
    throw error;
  }
  return text(t('feeds:notify.unsubscribe.done'), 200);
}
