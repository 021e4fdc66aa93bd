import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { Localized, useI18n } from '~/components/i18n';
import { unsubscribe, subscriptionByToken } from '~/domain/notifications/subscriptions.server';
import { db } from '~/utils/db.server';
import { orRespond } from '~/utils/http.server';
import { translator } from '~/utils/i18n';
import { localeOf } from '~/utils/locale.server';

// The link in the mail opens this page; only its button (a POST) changes anything, so
// mail scanners that follow links cannot unsubscribe on the resident's behalf.
export async function loader({ params, request }: LoaderFunctionArgs) {
  const locale = await localeOf(request);
  const subscription = await orRespond(() => subscriptionByToken(db(), params.token ?? ''));
  return json(
    { title: translator(locale)('feeds:notify.unsubscribe.title'), series: subscription.series_name, status: subscription.status },
    { headers: { 'Cache-Control': 'private, no-store', 'Referrer-Policy': 'no-referrer' } },
  );
}

export async function action({ params }: ActionFunctionArgs) {
  await orRespond(() => unsubscribe(db(), params.token ?? ''));
  return json({ done: true });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

export default function Page() {
  const { series, status } = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>()?.done;
  const { t } = useI18n();
  return (
    <>
      <h1>{t('feeds:notify.unsubscribe.title')}</h1>
      <p className="lead">
        <Localized value={series} />
      </p>
      {done || status === 'unsubscribed' ? (
        <p className="notice notice--success" role="status">
          {t('feeds:notify.unsubscribe.done')}
        </p>
      ) : (
        <Form method="post">
          <p>{t('feeds:notify.unsubscribe.question')}</p>
          <button type="submit">{t('feeds:notify.unsubscribe.button')}</button>
        </Form>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
