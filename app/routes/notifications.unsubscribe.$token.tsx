import type { MetaFunction } from '@remix-run/node';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { SubscriptionStepPage } from '~/components/subscription-step';
import { unsubscribe } from '~/domain/notifications/subscriptions.server';
import { subscriptionStepAction, subscriptionStepLoader } from '~/utils/subscription-step.server';

export const loader = subscriptionStepLoader('unsubscribe');
export const action = subscriptionStepAction(unsubscribe);

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

export default function Page() {
  return <SubscriptionStepPage step="unsubscribe" doneStatus="unsubscribed" />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
