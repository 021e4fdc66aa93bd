import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { useI18n } from '~/components/i18n';
import { getMessage } from '~/domain/mail/outbox.server';
import { withWithheldLink } from '~/domain/mail/links';
import { renderEmail } from '../../emails/index';
import { db } from '~/server/db.server';
import { invariantResponse } from '~/http/http.server';
import { requireOrganiser } from '~/http/session.server';
import { formatDateTime } from '~/lib/time';

/** One message as its recipient reads it (the text part), rendered from the outbox row. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const id = Number(params.id);
  const message = Number.isInteger(id) && id > 0 ? await getMessage(db(), id) : undefined;
  invariantResponse(message, 'Not found', 404);
  // never a live link: sign-in and invitation links are made when the message is sent
  const payload = withWithheldLink(message.template, JSON.parse(message.payload) as Record<string, unknown>);
  const rendered = renderEmail(message.template, payload, message.locale);
  const linkWithheld = typeof payload.url === 'string' && payload.url.endsWith('…');
  return json({
    message: { id: message.id, to: message.to_address, status: message.status, created_at: message.created_at, locale: message.locale },
    subject: rendered.subject,
    text: rendered.text,
    attachments: (rendered.attachments ?? []).map((a) => a.filename),
    linkWithheld,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.subject ?? ''} · Festplatz` }];

export default function OfficeMailMessage() {
  const { message, subject, text, attachments, linkWithheld } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  return (
    <>
      <p>
        <Link to="/office/mail">{t('office:mailTitle')}</Link>
      </p>
      <h1 lang={message.locale}>{subject}</h1>
      <dl className="facts-list">
        <dt>{t('office:mailTo')}</dt>
        <dd>{message.to}</dd>
        <dt>{t('office:mailStatus')}</dt>
        <dd>
          {t(`office:mailStatuses.${message.status}`)}, {formatDateTime(message.created_at, locale)}
        </dd>
        {attachments.length > 0 ? (
          <>
            <dt>{t('office:mailAttachments')}</dt>
            <dd>{attachments.join(', ')}</dd>
          </>
        ) : null}
      </dl>
      {linkWithheld ? <p className="notice">{t('security:mail.linkWithheld')}</p> : null}
      <pre className="mail-text" lang={message.locale}>
        {text}
      </pre>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
