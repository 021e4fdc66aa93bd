import type { MetaFunction } from '@remix-run/node';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { SubscriptionStepPage } from '~/components/subscription-step';
import { confirmSubscription } from '~/domain/notifications/subscriptions.server';
import { subscriptionStepAction, subscriptionStepLoader } from '~/utils/subscription-step.server';

export const loader = subscriptionStepLoader('confirm');
export const action = subscriptionStepAction(confirmSubscription);

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

export default function Page() {
  return <SubscriptionStepPage step="confirm" doneStatus="confirmed" />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
