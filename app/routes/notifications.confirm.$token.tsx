import type { MetaFunction, LoaderFunctionArgs, ActionFunctionArgs } from '@remix-run/node';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { SubscriptionStepPage } from '~/components/subscription-step';
import { confirmSubscription } from '~/domain/notifications/subscriptions.server';
import { subscriptionStepAction, subscriptionStepLoader } from '~/http/subscription-step.server';

export async function loader(args: LoaderFunctionArgs) {
  return subscriptionStepLoader('confirm')(args);
}
export async function action(args: ActionFunctionArgs) {
  return subscriptionStepAction(confirmSubscription)(args);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

export default function Page() {
  return <SubscriptionStepPage step="confirm" doneStatus="confirmed" />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
