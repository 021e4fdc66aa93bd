import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { Localized, useI18n } from './i18n';

/** The page of a subscription link: the question and its button, or that it is done. */
export function SubscriptionStepPage({ step, doneStatus }: { step: 'confirm' | 'unsubscribe'; doneStatus: string }) {
  const { series, status } = useLoaderData<{ series: string; status: string }>();
  const done = useActionData<{ done?: boolean }>()?.done;
  const { t } = useI18n();
  return (
    <>
      <h1>{t(`feeds:notify.${step}.title`)}</h1>
      <p className="lead">
        <Localized value={series} />
      </p>
      {done || status === doneStatus ? (
        <p className="notice notice--success" role="status">
          {t(`feeds:notify.${step}.done`)}
        </p>
      ) : (
        <Form method="post">
          <p>{t(`feeds:notify.${step}.question`)}</p>
          <button type="submit">{t(`feeds:notify.${step}.button`)}</button>
        </Form>
      )}
    </>
  );
}
