import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { useI18n } from '~/components/i18n';
import { preferencesByToken, resumeCirculars, stopCirculars } from '~/domain/mail/preferences.server';
import { localeOf } from '~/http/locale.server';
import { translator } from '~/lib/i18n';
import { db } from '~/server/db.server';
import { orRespond } from '~/http/errors.server';

const NO_STORE = { 'Cache-Control': 'private, no-store', 'Referrer-Policy': 'no-referrer' };

/**
 * The page behind "No more circulars" in an organisers' circular or an invitation to apply
 * again. Opening the link changes nothing (mail scanners follow links); the button does,
 * and the same page lets the person opt back in.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const t = translator(await localeOf(request));
  const preferences = await orRespond(() => preferencesByToken(db(), params.token ?? ''));
  return json({ title: t('newcomer:circulars.title'), circularsOff: preferences.circularsOff }, { headers: NO_STORE });
}

const schema = z.object({ intent: z.enum(['stop', 'resume']) });

export async function action({ request, params }: ActionFunctionArgs) {
  const parsed = schema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return json({ done: null, error: 'forms:errors.invalid' }, { status: 400, headers: NO_STORE });
  const token = params.token ?? '';
  await orRespond(() => (parsed.data.intent === 'stop' ? stopCirculars(db(), token) : resumeCirculars(db(), token)));
  return json({ done: parsed.data.intent, error: null }, { headers: NO_STORE });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

export default function CircularsPage() {
  const { circularsOff } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const off = result?.done ? result.done === 'stop' : circularsOff;
  return (
    <>
      <h1>{t('newcomer:circulars.title')}</h1>
      {result?.error ? (
        <p className="notice notice--error" role="alert">
          {t(result.error)}
        </p>
      ) : null}
      {result?.done ? (
        <p className="notice notice--success" role="status">
          {t(result.done === 'stop' ? 'newcomer:circulars.stopped' : 'newcomer:circulars.resumed')}
        </p>
      ) : null}
      <p className="lead">{t(off ? 'newcomer:circulars.offNow' : 'newcomer:circulars.intro')}</p>
      <p>{t('newcomer:circulars.stillSent')}</p>
      <Form method="post">
        <input type="hidden" name="intent" value={off ? 'resume' : 'stop'} />
        <button type="submit">{t(off ? 'newcomer:circulars.resume' : 'newcomer:circulars.stop')}</button>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
