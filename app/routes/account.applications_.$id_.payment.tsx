/**
 * /account/applications/:id/payment — the association's fee: how much, by when, how to
 * pay (Stripe Checkout when configured, else bank transfer with the reference), asking for
 * a waiver, and the payments with their receipts. Only members of the organisation see it.
 * (File name escapes the status page and list routes so this page never nests inside them.)
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { getFormProps, type SubmissionResult } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { ErrorSummary } from '~/components/forms';
import { SchemaFormErrors, useSchemaForm } from '~/components/schema-forms';
import { Localized, useI18n } from '~/components/i18n';
import { FeeStatusTag, Money, PaymentList, TextAreaField } from '~/components/payments';
import { startCheckout } from '~/domain/payments/checkout.server';
import { paymentPageFor } from '~/domain/payments/overview.server';
import { checkoutSchema, waiverRequestSchema } from '~/domain/payments/payments.schema';
import { requestWaiver } from '~/domain/payments/waivers.server';
import { db } from '~/server/db.server';
import { env } from '~/server/env.server';
import { encodeFieldError, firstError, keyErrorMap } from '~/lib/form-keys';
import { translator } from '~/lib/i18n';
import { pickText } from '~/lib/i18n-text';
import { localeOf } from '~/http/locale.server';
import { log } from '~/server/log.server';
import { requirePerson } from '~/http/session.server';
import { stripe } from '~/server/stripe.server';
import { berlinDay, formatDay } from '~/lib/time';
import { attempt, orRespond, replyOf } from '~/http/errors.server';

const params = z.object({ id: z.coerce.number().int().positive() });

function registrationId(raw: Record<string, string | undefined>): number {
  const parsed = params.safeParse(raw);
  if (!parsed.success) throw json({ message: 'Not found' }, { status: 404 });
  return parsed.data.id;
}

export async function loader({ request, params: raw }: LoaderFunctionArgs) {
  // the id first: a malformed one is a 404, never a sign-in redirect that carries it along
  const id = registrationId(raw);
  const person = await requirePerson(request);
  const locale = await localeOf(request);
  const page = await orRespond(() => paymentPageFor(db(), person, id));
  const checkout = new URL(request.url).searchParams.get('checkout');
  const waiver = new URL(request.url).searchParams.get('waiver');
  return json({
    title: `${translator(locale)('payments:page.title')} · ${pickText(page.editionTitle, locale).text}`,
    page,
    checkout: checkout === 'success' || checkout === 'cancelled' ? checkout : null,
    waiverRequested: waiver === 'requested',
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

type ActionData = { intent: 'checkout' | 'waiver'; result: SubmissionResult<string[]> };

export async function action({ request, params: raw }: ActionFunctionArgs) {
  const id = registrationId(raw);
  const person = await requirePerson(request);
  const locale = await localeOf(request);
  const form = await request.formData();
  const reply = (data: ActionData, status: number) => json(data, { status });

  if (form.get('intent') === 'waiver') {
    const submission = parseWithZod(form, { schema: waiverRequestSchema, error: keyErrorMap });
    if (submission.status !== 'success') return reply({ intent: 'waiver', result: submission.reply() }, 400);
    const { reason, nonProfit } = submission.value;
    const done = await attempt(() => requestWaiver(db(), { registrationId: id, person, reason, nonProfit: nonProfit === 'on' }));
    if (!done.ok) {
      if (done.status === 404) throw json({ message: 'Not found' }, { status: 404 });
      return reply({ intent: 'waiver', result: replyOf(submission, done) }, done.status);
    }
    return redirect(`/account/applications/${id}/payment?waiver=requested`, 303);
  }

  const submission = parseWithZod(form, { schema: checkoutSchema, error: keyErrorMap });
  const refuse = (key: string, status: number) => reply({ intent: 'checkout', result: submission.reply({ formErrors: [encodeFieldError({ key })] }) }, status);
  if (submission.status !== 'success') return refuse('forms:errors.invalid', 400);
  const client = stripe();
  if (!client) return refuse('payments:errors.onlineOff', 409);
  try {
    const started = await attempt(() => startCheckout(db(), client, { registrationId: id, person, locale, publicUrl: env().PUBLIC_URL }));
    if (!started.ok) {
      if (started.status === 404) throw json({ message: 'Not found' }, { status: 404 });
      return reply({ intent: 'checkout', result: replyOf(submission, started) }, started.status);
    }
    return redirect(started.value.url, 303);
  } catch (error) {
    if (error instanceof Response) throw error;
    // Stripe could not be reached or refused: say so, the association can try again
    log.error('stripe checkout failed', { registrationId: id, error: error instanceof Error ? error.message : String(error) });
    return refuse('payments:errors.stripeUnavailable', 503);
  }
}

export default function PaymentPage() {
  const { page, checkout, waiverRequested } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const { t, locale } = useI18n();
  const busy = useNavigation().state === 'submitting';
  const waiverForm = useSchemaForm(waiverRequestSchema, data?.intent === 'waiver' ? data.result : undefined, { intent: 'waiver' });
  // the checkout form is one button: its refusal is about the whole form
  const checkoutError = data?.intent === 'checkout' ? firstError(data.result.error?.[''] ?? undefined) : undefined;
  const deadline = page.deadline ? formatDay(berlinDay(page.deadline), locale) : null;
  const due = page.status === 'due';
  return (
    <>
      <p className="eyebrow">{page.organisationName}</p>
      <h1>{t('payments:page.title')}</h1>
      <p className="lead">
        <Localized value={page.editionTitle} /> · <Localized value={page.standTypeName} />
      </p>

      {checkout === 'success' ? (
        <p role="status" className={`notice ${page.status === 'paid' ? 'notice--success' : ''}`}>
          {page.status === 'paid' ? t('payments:page.checkoutPaid') : t('payments:page.checkoutWaiting')}
        </p>
      ) : null}
      {checkout === 'cancelled' && due ? (
        <p role="status" className="notice">
          {t('payments:page.checkoutCancelled')}
        </p>
      ) : null}
      {waiverRequested ? (
        <p role="status" className="notice notice--success">
          {t('payments:waiver.sent')}
        </p>
      ) : null}

      <dl className="facts-list">
        <dt>{t('payments:page.fee')}</dt>
        <dd>
          <Money cents={page.feeCents} />
        </dd>
        <dt>{t('payments:page.status')}</dt>
        <dd>
          <FeeStatusTag status={page.status} />
        </dd>
        {page.outstandingCents > 0 && page.outstandingCents !== page.feeCents ? (
          <>
            <dt>{t('payments:page.outstanding')}</dt>
            <dd>
              <Money cents={page.outstandingCents} />
            </dd>
          </>
        ) : null}
        {deadline ? (
          <>
            <dt>{t('payments:page.deadline')}</dt>
            <dd>{deadline}</dd>
          </>
        ) : null}
      </dl>
      <p>{t(`payments:page.statusText.${page.status}`, { amount: '', deadline: deadline ?? '' })}</p>

      {checkoutError ? <ErrorSummary errors={{ form: checkoutError }} labels={{}} /> : null}

      {due && page.online ? (
        <section aria-labelledby="pay-online">
          <h2 id="pay-online">{t('payments:page.onlineTitle')}</h2>
          <p>{t('payments:page.onlineBody')}</p>
          {/* a plain form: the answer is a redirect to Stripe, with or without JavaScript */}
          <Form method="post" reloadDocument>
            <input type="hidden" name="intent" value="checkout" />
            <button type="submit" disabled={busy}>
              {t('payments:page.onlineButton')} (<Money cents={page.outstandingCents} />)
            </button>
          </Form>
        </section>
      ) : null}

      {due && page.bank ? (
        <section aria-labelledby="pay-bank">
          <h2 id="pay-bank">{t('payments:page.bankTitle')}</h2>
          <p>{t('payments:page.bankBody', { deadline })}</p>
          <dl className="facts-list bank-details">
            <dt>{t('payments:bank.payee')}</dt>
            <dd>{page.bank.payee}</dd>
            <dt>{t('payments:bank.iban')}</dt>
            <dd>
              <bdi>{page.bank.iban}</bdi>
            </dd>
            <dt>{t('payments:bank.bic')}</dt>
            <dd>
              <bdi>{page.bank.bic}</bdi>
            </dd>
            <dt>{t('payments:bank.bank')}</dt>
            <dd>{page.bank.bank}</dd>
            <dt>{t('payments:bank.amount')}</dt>
            <dd>
              <Money cents={page.outstandingCents} />
            </dd>
            <dt>{t('payments:bank.reference')}</dt>
            <dd>
              <strong>
                <bdi className="reference">{page.bank.reference}</bdi>
              </strong>
            </dd>
          </dl>
          <p className="hint">{t('payments:bank.referenceHint')}</p>
        </section>
      ) : null}

      {page.waiver ? (
        <section aria-labelledby="waiver">
          <h2 id="waiver">{t('payments:waiver.title')}</h2>
          <p>{t(`payments:waiver.state.${page.waiver.state}`)}</p>
          {page.waiver.decisionReason ? <p>{t('payments:waiver.decisionReason', { reason: page.waiver.decisionReason })}</p> : null}
        </section>
      ) : page.canAskWaiver ? (
        <section aria-labelledby="waiver">
          <h2 id="waiver">{t('payments:waiver.title')}</h2>
          <p>{t('payments:waiver.body')}</p>
          <SchemaFormErrors setup={waiverForm} labels={{ reason: t('payments:waiver.reason') }} />
          <Form method="post" {...getFormProps(waiverForm.form)} noValidate>
            <input type="hidden" name="intent" value="waiver" />
            <TextAreaField
              name="reason"
              label={t('payments:waiver.reason')}
              hint={t('payments:waiver.reasonHint')}
              required
              maxLength={2000}
              defaultValue={waiverForm.value('reason')}
              error={waiverForm.error('reason')}
            />
            <label className="checkbox">
              <input type="checkbox" name="nonProfit" defaultChecked={waiverForm.value('nonProfit') === 'on'} />
              {t('payments:waiver.nonProfit')}
            </label>
            <p>
              <button type="submit" className="secondary" disabled={busy}>
                {t('payments:waiver.submit')}
              </button>
            </p>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="payments">
        <h2 id="payments">{t('payments:list.title')}</h2>
        <PaymentList payments={page.payments} />
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
