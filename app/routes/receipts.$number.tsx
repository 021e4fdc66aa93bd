/**
 * /receipts/:number — a receipt as a printable page (the site's header and footer are
 * hidden in print). Members of the paying organisation and organisers only; anyone else
 * gets a 404, as if it did not exist.
 */
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { Localized, useI18n } from '~/components/i18n';
import { Money } from '~/components/payments';
import { getReceipt } from '~/domain/payments/receipts.server';
import { db } from '~/server/db.server';
import { translator } from '~/lib/i18n';
import { localeOf } from '~/http/locale.server';
import { requirePerson } from '~/http/session.server';
import { formatDay, berlinDay } from '~/lib/time';
import { orRespond } from '~/http/errors.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const number = params.number ?? '';
  if (!/^\d{4}-\d{5,9}$/.test(number)) throw json({ message: 'Not found' }, { status: 404 });
  const person = await requirePerson(request);
  const locale = await localeOf(request);
  const receipt = await orRespond(() => getReceipt(db(), number, person));
  return json({ title: translator(locale)('payments:receipt.title', { number }), receipt, organiser: person.role === 'organiser' });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

export default function ReceiptPage() {
  const { receipt, organiser } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  return (
    <article className="receipt" aria-labelledby="receipt-title">
      <header className="receipt__payee">
        <p>
          <strong>{receipt.payee.name}</strong>
        </p>
        {receipt.payee.address.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </header>
      <h1 id="receipt-title">{t('payments:receipt.title', { number: receipt.receiptNumber })}</h1>
      <dl className="facts-list">
        <dt>{t('payments:receipt.number')}</dt>
        <dd>
          <bdi>{receipt.receiptNumber}</bdi>
        </dd>
        <dt>{t('payments:receipt.date')}</dt>
        <dd>{formatDay(berlinDay(receipt.issuedAt), locale)}</dd>
        <dt>{t('payments:receipt.payer')}</dt>
        <dd>{receipt.payerName}</dd>
        <dt>{t('payments:receipt.for')}</dt>
        <dd>
          <Localized value={receipt.description} />
        </dd>
        <dt>{t('payments:receipt.method')}</dt>
        <dd>{t(`payments:methods.${receipt.method}`)}</dd>
        <dt>{t('payments:receipt.reference')}</dt>
        <dd>
          <bdi>{receipt.reference}</bdi>
        </dd>
        <dt>{t('payments:receipt.amount')}</dt>
        <dd className="receipt__amount">
          <Money cents={receipt.amountCents} />
        </dd>
      </dl>
      {receipt.refunds.map((r, i) => (
        <p key={i}>
          {t('payments:receipt.refunded', { date: r.at ? formatDay(berlinDay(r.at), locale) : '' })} <Money cents={r.amountCents} />
        </p>
      ))}
      <p className="receipt__vat">{receipt.payee.vatNote ?? t('payments:receipt.vatNote')}</p>
      <p className="receipt__thanks">{t('payments:receipt.thanks')}</p>
      <p className="no-print">
        {organiser ? null : <Link to={`/account/applications/${receipt.registrationId}/payment`}>{t('payments:receipt.back')}</Link>}{' '}
        <span className="muted">{t('payments:receipt.printHint')}</span>
      </p>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
