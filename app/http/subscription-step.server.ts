import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { subscriptionByToken } from '~/domain/notifications/subscriptions.server';
import type { DB } from '../../db/connection';
import { db } from '../server/db.server';
import { translator } from '../lib/i18n';
import { localeOf } from './locale.server';
import { orRespond } from './errors.server';

export type SubscriptionStep = 'confirm' | 'unsubscribe';

/**
 * The pages behind the links in a resident's mail (confirm, unsubscribe). The link opens
 * the page; only its button (a POST) changes anything, so mail scanners that follow links
 * cannot act on the resident's behalf.
 */
export function subscriptionStepLoader(step: SubscriptionStep) {
  return async ({ params, request }: LoaderFunctionArgs) => {
    const locale = await localeOf(request);
    const subscription = await orRespond(() => subscriptionByToken(db(), params.token ?? ''));
    return json(
      { title: translator(locale)(`feeds:notify.${step}.title`), series: subscription.series_name, status: subscription.status },
      { headers: { 'Cache-Control': 'private, no-store', 'Referrer-Policy': 'no-referrer' } },
    );
  };
}

export function subscriptionStepAction(act: (db: DB, token: string) => Promise<unknown>) {
  return async ({ params }: ActionFunctionArgs) => {
    await orRespond(() => act(db(), params.token ?? ''));
    return json({ done: true });
  };
}
