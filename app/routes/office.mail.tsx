import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { useI18n } from '~/components/i18n';
import { listRecentMessages, listUndeliveredMessages, resendMessage } from '~/domain/mail/outbox.server';
import { db } from '~/server/db.server';
import { translator } from '~/lib/i18n';
import { localeOf } from '~/http/locale.server';
import { requireOrganiser } from '~/http/session.server';
import { formatDateTime } from '~/lib/time';

/** Mail that could not be delivered (yet): organisers see why and can send it again. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const locale = await localeOf(request);
  const [messages, recent] = await Promise.all([listUndeliveredMessages(db()), listRecentMessages(db())]);
  return json({ title: translator(locale)('office:mailTitle'), messages, recent });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

const schema = z.object({ id: z.coerce.number().int().positive() });

export async function action({ request }: ActionFunctionArgs) {
  const person = await requireOrganiser(request);
  const parsed = schema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return json({ ok: false }, { status: 400 });
  const ok = await resendMessage(db(), parsed.data.id, person.id);
  return json({ ok }, { status: ok ? 200 : 409 });
}

export default function OfficeMail() {
  const { messages, recent } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  return (
    <>
      <h1>{t('office:mailTitle')}</h1>
      {messages.length === 0 ? (
        <p>{t('office:mailNone')}</p>
      ) : (
        <table>
          <caption className="visually-hidden">{t('office:mailTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('office:mailTo')}</th>
              <th scope="col">{t('office:mailTemplate')}</th>
              <th scope="col">{t('office:mailStatus')}</th>
              <th scope="col">{t('office:mailError')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('office:mailResend')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {messages.map((m) => (
              <tr key={m.id}>
                <td>{m.to_address}</td>
                <td>{m.template}</td>
                <td>
                  {t(`office:mailStatuses.${m.status}`)} ({m.attempts}×)
                  <br />
                  <span className="muted">{formatDateTime(m.next_attempt_at, locale)}</span>
                </td>
                <td>{m.last_error}</td>
                <td>
                  {m.status === 'failed' ? (
                    <Form method="post">
                      <input type="hidden" name="id" value={m.id} />
                      <button type="submit">{t('office:mailResend')}</button>
                    </Form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t('office:mailRecent')}</h2>
      <ul>
        {recent.map((m) => (
          <li key={m.id}>
            <Link to={`/office/mail/${m.id}`}>
              {m.template} → {m.to_address}
            </Link>{' '}
            <span className="muted">
              {t(`office:mailStatuses.${m.status}`)}, {formatDateTime(m.created_at, locale)}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
