import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import { useSchemaForm } from '~/components/schema-forms';
import { FormAlert } from '~/components/registration';
import { useState } from 'react';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { ErrorSummary, Field, useFieldError } from '~/components/forms';
import { Honeypot } from '~/components/honeypot';
import { useI18n } from '~/components/i18n';
import { ValidationError } from '~/domain/errors';
import { consentTexts, requestSubscription } from '~/domain/notifications/subscriptions.server';
import { programFacets } from '~/domain/program/public-program.server';
import { db } from '~/server/db.server';
import { env } from '~/server/env.server';
import { encodeFieldError, keyErrorMap } from '~/lib/form-keys';
import { caughtByHoneypot } from '~/lib/forms';
import { translator } from '~/lib/i18n';
import { localeOf } from '~/http/locale.server';
import { pageShare } from '~/http/share.server';
import { shareMeta } from '~/lib/share';

import { rateLimited } from '~/http/rate-limit.server';

const schema = z.object({
  series: z.string({ error: 'feeds:notify.errors.series' }).trim().min(1, 'feeds:notify.errors.series').max(100),
  email: z.string().trim().min(1).max(254).pipe(z.email()),
  consent: z.literal('yes', { message: 'feeds:notify.errors.consent' }),
  // the series whose consent text the page showed next to the checkbox
  consentFor: z.string().trim().max(100).default(''),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await localeOf(request);
  const { series } = await programFacets(db());
  const preselected = new URL(request.url).searchParams.get('series') ?? '';
  return json({ title: translator(locale)('feeds:notify.title'), share: pageShare(request, translator(locale)('feeds:notify.title'), translator(locale)('public:share.site')), series, preselected, consents: await consentTexts(db(), locale) });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => shareMeta(matches, data?.share);

export async function action({ request, context }: ActionFunctionArgs) {
  const locale = await localeOf(request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema, error: keyErrorMap });
  const refuse = (fieldErrors: Record<string, string[]>, status = 400, headers?: HeadersInit) =>
    json({ sent: false as const, result: submission.reply({ fieldErrors }), email: null }, { status, headers });
  if (caughtByHoneypot(formData)) return json({ sent: false as const, result: submission.reply({ formErrors: ['forms:errors.bot'] }), email: null }, { status: 400 });
  if (submission.status !== 'success') return json({ sent: false as const, result: submission.reply(), email: null }, { status: 400 });
  const asked = submission.value;
  const values = { series: asked.series, email: asked.email };
  if (asked.consentFor !== asked.series) {
    // Without JavaScript the text beside the checkbox named the series chosen before: the
    // person agreed to another text than the one we would keep. Show the right one, ask again.
    return refuse({ consent: ['newcomer:notify.consentForOtherSeries'] });
  }
  const limited = await rateLimited([
    ['subscriptionEmail', asked.email],
    ['subscriptionIp', (context as { clientIp?: string }).clientIp],
  ]);
  if (limited) {
    return refuse({ email: [encodeFieldError({ key: 'forms:errors.tooManyRequests', values: { minutes: limited.minutes } })] }, 429, { 'Retry-After': String(limited.retryAfterSeconds) });
  }
  try {
    await requestSubscription(db(), { ...values, locale, publicUrl: env().PUBLIC_URL });
  } catch (error) {
    if (error instanceof ValidationError) return refuse({ series: [encodeFieldError({ key: error.messageKey })] });
    throw error;
  }
  // The same answer for a new and a known address.
  return json({ sent: true as const, result: null, email: values.email });
}

export default function NotificationsPage() {
  const { series, preselected, consents } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, text } = useI18n();
  const busy = useNavigation().state === 'submitting';
  const setup = useSchemaForm(schema, data?.result, { series: preselected || undefined });
  const seriesError = useFieldError(setup.error('series'));
  const consentError = useFieldError(setup.error('consent'));
  const wanted = setup.value('series') ?? preselected;
  const initial = series.some((s) => s.slug === wanted) ? wanted : (series[0]?.slug ?? '');
  const [chosen, choose] = useState(initial);
  if (data?.sent) {
    return (
      <>
        <h1>{t('feeds:notify.sentTitle')}</h1>
        <p role="status">{t('feeds:notify.sentBody', { email: data.email })}</p>
      </>
    );
  }
  return (
    <>
      <h1>{t('feeds:notify.title')}</h1>
      <p className="lead">{t('feeds:notify.intro')}</p>
      <FormAlert message={setup.formError} />
      <ErrorSummary
        errors={setup.fieldErrors}
        labels={{ series: t('feeds:notify.series'), email: t('feeds:notify.email'), consent: t('feeds:notify.consentLabel') }}
      />
      <Form method="post" {...getFormProps(setup.form)} noValidate>
        <Honeypot />
        <input type="hidden" name="consentFor" value={chosen} />
        <div className="field">
          <label htmlFor="field-series">{t('feeds:notify.series')}</label>
          <select
            id="field-series"
            name="series"
            value={chosen}
            onChange={(event) => choose(event.target.value)}
            aria-invalid={seriesError ? true : undefined}
            aria-describedby={seriesError ? 'field-series-error' : undefined}
          >
            {series.map((s) => (
              <option key={s.slug} value={s.slug}>
                {text(s.name).text}
              </option>
            ))}
          </select>
          {seriesError ? (
            <p className="field-error" id="field-series-error">
              {seriesError}
            </p>
          ) : null}
        </div>
        <Field name="email" type="email" autoComplete="email" required label={t('feeds:notify.email')} defaultValue={setup.value('email')} error={setup.error('email')} />
        <div className="field">
          <label className="checkbox" htmlFor="field-consent">
            <input
              id="field-consent"
              type="checkbox"
              name="consent"
              value="yes"
              aria-invalid={consentError ? true : undefined}
              aria-describedby={consentError ? 'field-consent-error' : undefined}
            />{' '}
            <span data-consent-for={chosen}>{consents[chosen]}</span>
          </label>
          {consentError ? (
            <p className="field-error" id="field-consent-error">
              {consentError}
            </p>
          ) : null}
        </div>
        <p>
          <button type="submit" disabled={busy}>
            {t('feeds:notify.submit')}
          </button>
        </p>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
