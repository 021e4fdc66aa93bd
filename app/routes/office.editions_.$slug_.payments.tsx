/**
 * /office/editions/:slug/payments — the organisers' view of an edition's fees: what is
 * outstanding (with deadline and reminders), waiver requests to decide, bank transfers to
 * book, paid stands to cancel with a refund, receipts. One form per task, told apart by
 * `intent`; errors come back next to the field of the row they belong to.
 */
import { requireEditionManager } from '~/http/office.server';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { getFormProps, type SubmissionResult } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ReactNode } from 'react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { ErrorSummary, Field } from '~/components/forms';
import { pageLink, Paging, pagingOf, type PagingInfo } from '~/components/paging';
import { useSchemaForm } from '~/components/schema-forms';
import { Localized, useI18n } from '~/components/i18n';
import { FeeStatusTag, Money, PaymentList, TextAreaField } from '~/components/payments';
import { recordBankTransfer } from '~/domain/payments/bank-transfer.server';
import { formatMoney } from '~/lib/money';
import { editionPayments, type OfficeRow } from '~/domain/payments/overview.server';
import { cancelPaidStand, sendStripeRefund } from '~/domain/payments/refunds.server';
import { parseTransferReference } from '~/domain/payments/reference';
import { cancelSchema, grantSchema, officeIntent, refuseSchema, retryRefundSchema, transferSchema } from '~/domain/payments/payments.schema';
import { grantWaiver, refuseWaiver } from '~/domain/payments/waivers.server';
import { db } from '~/server/db.server';
import { firstError, keyErrorMap } from '~/lib/form-keys';
import type { FieldError } from '~/lib/forms';
import { translator } from '~/lib/i18n';
import { pickText } from '~/lib/i18n-text';
import { localeOf } from '~/http/locale.server';
import { stripe } from '~/server/stripe.server';
import { berlinDay, berlinToday, formatDay } from '~/lib/time';
import type { Locale } from '~/lib/i18n';
import { attempt, orRespond, replyOf } from '~/http/errors.server';

/** A malformed slug is a 404 before anything else (never a sign-in redirect that carries it along). */
function editionSlug(params: { slug?: string }): string {
  const slug = params.slug ?? '';
  if (!/^[a-z0-9][a-z0-9-]{0,99}$/.test(slug)) throw json({ message: 'Not found' }, { status: 404 });
  return slug;
}

const PAYMENTS_PAGE_SIZE = 50;
type SectionId = 'waivers' | 'outstanding' | 'settled';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = editionSlug(params);
  await requireEditionManager(request, params.slug);
  const locale = await localeOf(request);
  const view = await orRespond(() => editionPayments(db(), slug));
  const url = new URL(request.url);
  const ref = url.searchParams.get('ref')?.trim() ?? '';
  const found = ref ? parseTransferReference(ref) : null;
  const rows = ref ? view.rows.filter((r) => r.registrationId === found?.registrationId) : view.rows;
  // Three lists, each in pages of its own (?waivers=, ?outstanding=, ?settled=): a city has thousands of stands.
  const waivers = rows.filter((r) => r.waiver?.state === 'requested');
  const outstanding = rows.filter((r) => (r.status === 'due' || r.status === 'pending') && r.waiver?.state !== 'requested');
  const settled = rows.filter((r) => r.waiver?.state !== 'requested' && !(r.status === 'due' || r.status === 'pending'));
  const path = `/office/editions/${slug}/payments`;
  const section = (id: SectionId, all: OfficeRow[]) => {
    const { shown, paging } = pagingOf(all, url.searchParams.get(id), PAYMENTS_PAGE_SIZE, (n) => `${pageLink(new URL(`${path}${url.search}`, url.origin), n, id)}#section-${id}`);
    return { id, rows: shown, total: all.length, paging };
  };
  return json({
    title: `${translator(locale)('payments:office.title')} · ${pickText(view.edition.title, locale).text}`,
    edition: view.edition,
    summary: view.summary,
    sections: [section('waivers', waivers), section('outstanding', outstanding), section('settled', settled)],
    today: berlinToday(),
    search: ref ? { ref, registrationId: found?.registrationId ?? null, matches: rows.length } : null,
    done: officeIntent.safeParse(url.searchParams.get('done')).data ?? null,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

type ActionData = {
  intent: string;
  target: number | null;
  result: SubmissionResult<string[]>;
};

const schemas = {
  transfer: transferSchema,
  grant: grantSchema,
  refuse: refuseSchema,
  cancel: cancelSchema,
  retryRefund: retryRefundSchema,
} as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const slug = editionSlug(params);
  const { person: organiser } = await requireEditionManager(request, params.slug);
  const form = await request.formData();
  const intent = officeIntent.safeParse(form.get('intent'));
  const target = Number(form.get('registrationId')) || null;
  if (!intent.success) {
    const result = parseWithZod(form, {
      schema: transferSchema,
      error: keyErrorMap,
    }).reply({ formErrors: ['forms:errors.invalid'] });
    return json<ActionData>({ intent: '', target: null, result }, { status: 400 });
  }
  // one zod schema per form, told apart by intent; the reply carries which row's form it answers
  const submission = parseWithZod(form, {
    schema: schemas[intent.data],
    error: keyErrorMap,
  });
  const fail = (
    to: number | null,
    failure: {
      formError?: FieldError;
      fieldErrors?: Record<string, FieldError>;
    },
    status = 400
  ) =>
    json<ActionData>(
      {
        intent: intent.data,
        target: to,
        result: replyOf(submission, {
          formError: failure.formError ?? { key: 'forms:errors.invalid' },
          fieldErrors: failure.fieldErrors ?? {},
        }),
      },
      { status }
    );
  if (intent.data === 'retryRefund') {
    const client = stripe();
    if (submission.status !== 'success' || !client) return fail(null, { formError: { key: 'payments:errors.onlineOff' } }, submission.status === 'success' ? 409 : 400);
  } else if (submission.status !== 'success') {
    return json<ActionData>({ intent: intent.data, target, result: submission.reply() }, { status: 400 });
  }
  // every registration acted on must belong to this edition
  const view = await orRespond(() => editionPayments(db(), slug));
  const inEdition = (id: number) => view.rows.some((r) => r.registrationId === id);
  const done = () => redirect(`/office/editions/${slug}/payments?done=${intent.data}#registration-${target ?? ''}`, 303);
  const notFound = () => fail(target, { formError: { key: 'payments:errors.notFound' } }, 404);

  const run = async <T,>(call: () => Promise<T>) => {
    if (target !== null && !inEdition(target)) return notFound();
    const result = await attempt(call);
    if (!result.ok) return fail(target, result, result.status);
    return done();
  };

  const value = submission.status === 'success' ? submission.value : null;
  if (!value) return fail(target, {});
  switch (value.intent) {
    case 'transfer':
      return run(() =>
        recordBankTransfer(db(), {
          registrationId: value.registrationId,
          amountCents: value.amount,
          receivedOn: value.receivedOn,
          note: value.note,
          organiser,
        })
      );
    case 'grant':
      return run(() =>
        grantWaiver(db(), {
          registrationId: value.registrationId,
          organiser,
          reason: value.reason ?? null,
        })
      );
    case 'refuse':
      return run(() =>
        refuseWaiver(db(), {
          registrationId: value.registrationId,
          organiser,
          reason: value.reason,
        })
      );
    case 'cancel': {
      if (!inEdition(value.registrationId)) return notFound();
      const result = await attempt(() =>
        cancelPaidStand(db(), {
          registrationId: value.registrationId,
          refundCents: value.refund,
          reason: value.reason,
          organiser,
        })
      );
      if (!result.ok) return fail(target, result, result.status);
      // Stripe refunds leave after the commit; a failure stays pending with its error, to retry
      const client = stripe();
      if (client) for (const refundId of result.value.stripeRefundIds) await sendStripeRefund(db(), client, refundId);
      return done();
    }
    case 'retryRefund': {
      const client = stripe()!;
      const refundRow = view.rows
        .flatMap((r) => r.payments.flatMap((p) => p.refunds.map((x) => ({ ...x, registrationId: r.registrationId }))))
        .find((x) => x.id === value.refundId);
      if (!refundRow) return fail(null, { formError: { key: 'payments:errors.notFound' } }, 404);
      const sent = await sendStripeRefund(db(), client, refundRow.id);
      if (!sent) return fail(refundRow.registrationId, { formError: { key: 'payments:errors.stripeUnavailable' } }, 503);
      return redirect(`/office/editions/${slug}/payments?done=retryRefund`, 303);
    }
  }
}

export default function OfficePayments() {
  const { edition, summary, sections, search, done, today } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <>
      <p className="eyebrow">
        <Link to="/office">{t('payments:office.back')}</Link>
      </p>
      <h1>
        {t('payments:office.title')}: <Localized value={edition.title} />
      </h1>
      {done ? (
        <p role="status" className="notice notice--success">
          {t(`payments:office.done.${done}`)}
        </p>
      ) : null}
      <dl className="facts-list payment-summary">
        <dt>{t('payments:office.summary.expected')}</dt>
        <dd>
          <Money cents={summary.expectedCents} />
        </dd>
        <dt>{t('payments:office.summary.received')}</dt>
        <dd>
          <Money cents={summary.receivedCents} />
        </dd>
        <dt>{t('payments:office.summary.refunded')}</dt>
        <dd>
          <Money cents={summary.refundedCents} />
        </dd>
        <dt>{t('payments:office.summary.outstanding')}</dt>
        <dd>
          <strong>
            <Money cents={summary.outstandingCents} />
          </strong>
        </dd>
      </dl>

      <Form method="get" className="inline-form">
        <label htmlFor="ref">{t('payments:office.search.label')}</label>
        <input id="ref" name="ref" type="text" defaultValue={search?.ref ?? ''} placeholder="FP-2027-000123-1" />
        <button type="submit" className="secondary">
          {t('payments:office.search.submit')}
        </button>
      </Form>
      {search && search.matches === 0 ? <p className="notice notice--warning">{t('payments:office.search.noMatch', { ref: search.ref })}</p> : null}

      {sections.map((section) => (
        <Section key={section.id} id={section.id} title={t(`payments:office.sections.${section.id}`)} rows={section.rows} paging={section.paging} today={today} />
      ))}
    </>
  );
}

function Section({ id, title, rows, paging, today }: { id: string; title: string; rows: OfficeRow[]; paging: PagingInfo; today: string }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby={`section-${id}`}>
      <h2 id={`section-${id}`}>{title}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t('payments:office.none')}</p>
      ) : (
        <ul className="pay-rows">
          {rows.map((r) => (
            <Row key={r.registrationId} row={r} today={today} />
          ))}
        </ul>
      )}
      <Paging paging={paging} of={title} />
    </section>
  );
}

type RowSetup = ReturnType<typeof useSchemaForm>;

/** One of a row's forms: its own Conform state, answered by the reply for this row and intent only. */
function RowForm({
  row,
  intent,
  children,
  submit,
  secondary,
  defaultValue,
}: {
  row: OfficeRow;
  intent: keyof typeof schemas;
  children: (setup: RowSetup) => ReactNode;
  submit: string;
  secondary?: boolean;
  defaultValue?: Record<string, string | undefined>;
}) {
  const busy = useNavigation().state === 'submitting';
  const data = useActionData<typeof action>() as ActionData | undefined;
  const mine = data && data.target === row.registrationId && data.intent === intent ? data.result : undefined;
  const setup = useSchemaForm(schemas[intent], mine, {
    intent,
    registrationId: String(row.registrationId),
    ...defaultValue,
  });
  return (
    <Form method="post" {...getFormProps(setup.form)} noValidate className="row-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="registrationId" value={row.registrationId} />
      {children(setup)}
      <p>
        <button type="submit" className={secondary ? 'secondary' : undefined} disabled={busy}>
          {submit}
        </button>
      </p>
    </Form>
  );
}

function euros(cents: number, locale: Locale): string {
  // what an organiser would type: "50,00" (German) or "50.00"
  return formatMoney(cents, locale).replace(/[^\d.,]/g, '');
}

function Row({ row, today }: { row: OfficeRow; today: string }) {
  const { t, locale } = useI18n();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const mine = data && data.target === row.registrationId ? data : undefined;
  // a refusal about the whole row (not about one field) is shown over the row's forms
  const rowError = firstError(mine?.result.error?.[''] ?? undefined);
  const fid = (intent: string, name: string) => `${intent}-${row.registrationId}-${name}`;
  const owes = row.status === 'due' || row.status === 'pending';
  return (
    <li className="card pay-row" id={`registration-${row.registrationId}`}>
      <h3 className="card__title">{row.organisationName}</h3>
      <p className="card__meta">
        <Localized value={row.standTypeName} /> · <Money cents={row.feeCents} /> · <FeeStatusTag status={row.status} />
      </p>
      <dl className="facts-list">
        <dt>{t('payments:office.row.reference')}</dt>
        <dd>
          <bdi className="reference">{row.reference}</bdi>
        </dd>
        <dt>{t('payments:office.row.paid')}</dt>
        <dd>
          <Money cents={row.paidCents} />
        </dd>
        {owes ? (
          <>
            <dt>{t('payments:office.row.outstanding')}</dt>
            <dd>
              <Money cents={row.outstandingCents} />
            </dd>
          </>
        ) : null}
        {row.deadline ? (
          <>
            <dt>{t('payments:office.row.deadline')}</dt>
            <dd>
              {formatDay(berlinDay(row.deadline), locale)}
              {row.overdue ? <span className="tag tag--cancelled"> {t('payments:office.row.overdue')}</span> : null}
            </dd>
          </>
        ) : null}
        {row.reminderStage > 0 ? (
          <>
            <dt>{t('payments:office.row.reminders')}</dt>
            <dd>
              {t('payments:office.row.reminderStage', {
                stage: row.reminderStage,
              })}
            </dd>
          </>
        ) : null}
      </dl>
      <PaymentList payments={row.payments} office />

      {rowError ? <ErrorSummary errors={{ form: rowError }} labels={{}} /> : null}

      {row.waiver?.state === 'requested' ? (
        <div className="waiver-request">
          <h4>{t('payments:office.waiver.title')}</h4>
          <p>
            {row.waiver.nonProfit ? <span className="tag">{t('payments:office.waiver.nonProfit')}</span> : null} {row.waiver.reason}
          </p>
          <RowForm row={row} intent="grant" submit={t('payments:office.waiver.grant')}>
            {(setup) => (
              <>
                <TextAreaField
                  id={fid('grant', 'reason')}
                  name="reason"
                  rows={2}
                  label={t('payments:office.waiver.grantReason')}
                  defaultValue={setup.value('reason')}
                  error={setup.error('reason')}
                />
              </>
            )}
          </RowForm>
          <RowForm row={row} intent="refuse" submit={t('payments:office.waiver.refuse')} secondary>
            {(setup) => (
              <>
                <TextAreaField
                  id={fid('refuse', 'reason')}
                  name="reason"
                  rows={2}
                  required
                  label={t('payments:office.waiver.refuseReason')}
                  defaultValue={setup.value('reason')}
                  error={setup.error('reason')}
                />
              </>
            )}
          </RowForm>
        </div>
      ) : row.waiver ? (
        <p className="muted">
          {t(`payments:office.waiver.${row.waiver.state}`)}
          {row.waiver.decisionReason ? `: ${row.waiver.decisionReason}` : ''}
        </p>
      ) : null}

      {owes ? (
        <details open={mine?.intent === 'transfer'}>
          <summary>{t('payments:office.transfer.summary')}</summary>
          <RowForm row={row} intent="transfer" submit={t('payments:office.transfer.submit')} defaultValue={{ amount: euros(row.outstandingCents, locale), receivedOn: today }}>
            {(setup) => (
              <>
                <Field
                  id={fid('transfer', 'amount')}
                  name="amount"
                  inputMode="decimal"
                  label={t('payments:office.transfer.amount')}
                  hint={t('payments:office.transfer.amountHint', {
                    amount: formatMoney(row.outstandingCents, locale),
                  })}
                  defaultValue={setup.value('amount')}
                  error={setup.error('amount')}
                />
                <Field
                  id={fid('transfer', 'receivedOn')}
                  name="receivedOn"
                  type="date"
                  max={today}
                  label={t('payments:office.transfer.receivedOn')}
                  defaultValue={setup.value('receivedOn')}
                  error={setup.error('receivedOn')}
                />
                <Field id={fid('transfer', 'note')} name="note" label={t('payments:office.transfer.note')} defaultValue={setup.value('note')} error={setup.error('note')} />
              </>
            )}
          </RowForm>
        </details>
      ) : null}

      {row.state === 'confirmed' && row.paidCents > 0 ? (
        <details open={mine?.intent === 'cancel'}>
          <summary>{t('payments:office.cancel.summary')}</summary>
          <RowForm row={row} intent="cancel" submit={t('payments:office.cancel.submit')} defaultValue={{ refund: euros(row.refundableCents, locale) }}>
            {(setup) => (
              <>
                <Field
                  id={fid('cancel', 'refund')}
                  name="refund"
                  inputMode="decimal"
                  label={t('payments:office.cancel.refund')}
                  hint={t('payments:office.cancel.refundHint', {
                    amount: formatMoney(row.refundableCents, locale),
                  })}
                  defaultValue={setup.value('refund')}
                  error={setup.error('refund')}
                />
                <TextAreaField
                  id={fid('cancel', 'reason')}
                  name="reason"
                  rows={2}
                  required
                  label={t('payments:office.cancel.reason')}
                  defaultValue={setup.value('reason')}
                  error={setup.error('reason')}
                />
              </>
            )}
          </RowForm>
        </details>
      ) : null}

      {row.payments
        .flatMap((p) => p.refunds.filter((r) => r.state === 'pending'))
        .map((r) => (
          <Form method="post" key={r.id} className="row-form">
            <input type="hidden" name="intent" value="retryRefund" />
            <input type="hidden" name="refundId" value={r.id} />
            <button type="submit" className="secondary">
              {t('payments:office.retryRefund', {
                amount: formatMoney(r.amountCents, locale),
              })}
            </button>
          </Form>
        ))}
    </li>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
