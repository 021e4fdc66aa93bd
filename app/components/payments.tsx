import { Link } from '@remix-run/react';
import type { TextareaHTMLAttributes, ReactNode } from 'react';
import type { FieldError } from '~/lib/forms';
import { formatMoney } from '~/lib/money';
import type { FeeStatus } from '~/domain/payments/fees.server';
import type { PaymentLine } from '~/domain/payments/overview.server';
import { berlinDay, formatDateTime, formatDay } from '~/lib/time';
import { FieldFrame } from './forms';
import { useI18n } from './i18n';

export function Money({ cents }: { cents: number }) {
  const { locale } = useI18n();
  // amounts keep their own direction inside Arabic text
  return <bdi className="money">{formatMoney(cents, locale)}</bdi>;
}

export function FeeStatusTag({ status }: { status: FeeStatus }) {
  const { t } = useI18n();
  return <span className={`tag fee-status fee-status--${status}`}>{t(`payments:status.${status}`)}</span>;
}

interface TextAreaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name'> {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: FieldError;
}

/** A labelled textarea with its error tied to it, like <Field>. */
export function TextAreaField({ name, label, hint, error, id, ...rest }: TextAreaProps) {
  return (
    <FieldFrame name={name} id={id} label={label} hint={hint} error={error}>
      {(control) => <textarea {...control} rows={4} {...rest} />}
    </FieldFrame>
  );
}

/** Payments with their receipts and refunds, oldest first. */
export function PaymentList({ payments, office = false }: { payments: PaymentLine[]; office?: boolean }) {
  const { t, locale } = useI18n();
  if (payments.length === 0) return <p className="muted">{t('payments:list.none')}</p>;
  return (
    <ul className="payment-list">
      {payments.map((p) => (
        <li key={p.id}>
          <p>
            <strong>
              <Money cents={p.receivedCents ?? p.amountCents} />
            </strong>{' '}
            · {t(`payments:methods.${p.method}`)} · {t(`payments:paymentStates.${p.state}`)} · <span className="muted">{formatDateTime(p.at, locale)}</span>
            {p.receiptNumber ? (
              <>
                {' '}
                · <Link to={`/receipts/${p.receiptNumber}`}>{t('payments:list.receipt', { number: p.receiptNumber })}</Link>
              </>
            ) : null}
          </p>
          {office && p.flag ? <p className="tag tag--cancelled">{t(`payments:flags.${p.flag}`)}</p> : null}
          {p.refunds.length > 0 ? (
            <ul>
              {p.refunds.map((r) => (
                <li key={r.id}>
                  {t(`payments:list.refund.${r.state}`)}: <Money cents={r.amountCents} /> · <span className="muted">{formatDateTime(r.at, locale)}</span>
                  {office && r.external ? ` · ${t('payments:list.refund.external')}` : null}
                  {office && r.lastError ? <span className="field-error"> {r.lastError}</span> : null}
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/**
 * The fee on the registration's status page: what is due and by when, with the way to the
 * payment page. Render with `feeSummary()` from the loader (app/domain/payments/overview.server.ts).
 */
export function FeeNotice({ fee }: { fee: { registrationId: number; status: FeeStatus; outstandingCents: number; deadline: string | null } }) {
  const { t, locale } = useI18n();
  if (fee.status === 'free' || fee.status === 'not_due') return null;
  const deadline = fee.deadline ? formatDay(berlinDay(fee.deadline), locale) : '';
  return (
    <section aria-labelledby="fee-notice" className={`notice ${fee.status === 'due' ? 'notice--warning' : ''}`}>
      <h2 id="fee-notice">
        {t('payments:page.title')} <FeeStatusTag status={fee.status} />
      </h2>
      <p>{t(`payments:page.statusText.${fee.status}`, { deadline })}</p>
      <p>
        <Link to={`/account/applications/${fee.registrationId}/payment`}>
          {fee.status === 'due' ? t('payments:notice.pay', { amount: formatMoney(fee.outstandingCents, locale) }) : t('payments:notice.details')}
        </Link>
      </p>
    </section>
  );
}
