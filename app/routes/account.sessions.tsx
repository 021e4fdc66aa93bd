import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { parseWithZod } from '@conform-to/zod/v4';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { useI18n } from '~/components/i18n';
import { endOwnSession, endSessionsOf, listOpenSessions } from '~/domain/people/sessions.server';
import { db } from '~/server/db.server';
import { translator } from '~/lib/i18n';
import { localeOf } from '~/http/locale.server';
import { getCurrentSession, requirePerson, signOutHeaders } from '~/http/session.server';
import { formatDateTime } from '~/lib/time';

/** Where this person is signed in: every open session, with a way to end one, the others, or all. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePerson(request);
  const current = (await getCurrentSession(request))!;
  const locale = await localeOf(request);
  const sessions = await listOpenSessions(db(), current.person.id);
  return json({
    title: translator(locale)('security:sessions.title'),
    sessions: sessions.map((s) => ({ ...s, current: s.id === current.session.id })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

const schema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('end'), sessionId: z.coerce.number().int().positive() }),
  z.object({ intent: z.literal('others') }),
  z.object({ intent: z.literal('everywhere') }),
]);

export async function action({ request }: ActionFunctionArgs) {
  await requirePerson(request);
  const current = (await getCurrentSession(request))!;
  const submission = parseWithZod(await request.formData(), { schema });
  if (submission.status !== 'success') return json({ done: null, error: 'security:errors.sessionNotFound' as const }, { status: 400 });
  const { value } = submission;
  if (value.intent === 'everywhere') {
    await endSessionsOf(db(), current.person.id);
    return redirect('/', { headers: await signOutHeaders(request) });
  }
  if (value.intent === 'others') {
    await endSessionsOf(db(), current.person.id, current.session.id);
    return json({ done: 'others' as const, error: null });
  }
  if (value.sessionId === current.session.id) return redirect('/', { headers: await signOutHeaders(request) });
  const ended = await endOwnSession(db(), current.person.id, value.sessionId);
  if (!ended) return json({ done: null, error: 'security:errors.sessionNotFound' as const }, { status: 404 });
  return json({ done: 'ended' as const, error: null });
}

export default function AccountSessions() {
  const { sessions } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, locale } = useI18n();
  return (
    <>
      <p>
        <Link to="/account">{t('auth:account.title')}</Link>
      </p>
      <h1>{t('security:sessions.title')}</h1>
      <p className="lead">{t('security:sessions.intro')}</p>
      {data?.done ? (
        <p role="status" className="notice">
          {t(`security:sessions.done.${data.done}`)}
        </p>
      ) : null}
      {data?.error ? (
        <div role="alert" className="error-summary">
          <p>{t(data.error)}</p>
        </div>
      ) : null}
      <table>
        <caption>{t('security:sessions.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('security:sessions.device')}</th>
            <th scope="col">{t('security:sessions.started')}</th>
            <th scope="col">{t('security:sessions.lastSeen')}</th>
            <th scope="col">{t('security:sessions.secondFactor')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('security:sessions.end')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.id} data-session-id={s.id}>
              <td>
                {s.user_agent ?? t('security:sessions.unknownDevice')}
                {s.current ? <strong> ({t('security:sessions.current')})</strong> : null}
              </td>
              <td>{formatDateTime(s.created_at, locale)}</td>
              <td>{formatDateTime(s.last_seen_at, locale)}</td>
              <td>{s.second_factor_at ? formatDateTime(s.second_factor_at, locale) : t('security:sessions.none')}</td>
              <td>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="end" />
                  <input type="hidden" name="sessionId" value={s.id} />
                  <button type="submit" className="secondary">
                    {t('security:sessions.end')}
                  </button>
                </Form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Form method="post">
        <input type="hidden" name="intent" value="others" />
        <button type="submit" className="secondary">
          {t('security:sessions.endOthers')}
        </button>
      </Form>
      <Form method="post">
        <input type="hidden" name="intent" value="everywhere" />
        <button type="submit">{t('security:sessions.everywhere')}</button>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
