import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { ErrorSummary, Field } from '~/components/forms';
import { useI18n } from '~/components/i18n';
import { auditFilterChoices, listAudit } from '~/domain/audit/audit.server';
import { assertAdministrator } from '~/domain/people/authorise.server';
import { db } from '~/server/db.server';
import type { FieldErrors } from '~/lib/forms';
import { translator } from '~/lib/i18n';
import { localeOf } from '~/http/locale.server';
import { requireOfficePerson } from '~/http/session.server';
import { formatDateTime } from '~/lib/time';
import { berlinToUtc } from '~/lib/berlin-clock';
import { orRespond } from '~/http/errors.server';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'forms:errors.invalid')
  .refine((d) => DateTime.fromISO(d).isValid, 'forms:errors.invalid');
const filterSchema = z.object({
  actor: z.coerce.number().int().positive().optional(),
  action: z.string().max(100).optional(),
  from: day.optional(),
  to: day.optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
});

/** Every organiser action, newest first, filtered by who, what and when (GET parameters). */
export async function loader({ request }: LoaderFunctionArgs) {
  const person = await requireOfficePerson(request);
  await orRespond(async () => assertAdministrator(person));
  const locale = await localeOf(request);
  const params = new URL(request.url).searchParams;
  const raw = Object.fromEntries([...params.entries()].filter(([, v]) => v !== ''));
  const parsed = filterSchema.safeParse(raw);
  const errors: FieldErrors = {};
  if (!parsed.success) for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= { key: issue.message.includes(':') ? issue.message : 'forms:errors.invalid' };
  const filter = parsed.success ? parsed.data : {};
  const [result, choices] = await Promise.all([
    listAudit(db(), {
      actorId: filter.actor,
      action: filter.action,
      from: filter.from ? berlinToUtc(filter.from, '00:00') : undefined,
      to: filter.to ? berlinToUtc(DateTime.fromISO(filter.to).plus({ days: 1 }).toISODate()!, '00:00') : undefined,
      page: filter.page,
    }),
    auditFilterChoices(db()),
  ]);
  return json(
    { title: translator(locale)('admin:audit.title'), ...result, choices, values: Object.fromEntries(params.entries()), errors },
    { status: parsed.success ? 200 : 400 },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

export default function AuditLog() {
  const { rows, total, page, pages, choices, values, errors } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  const pageLink = (p: number) => {
    const params = new URLSearchParams(values);
    params.set('page', String(p));
    return `?${params.toString()}`;
  };
  return (
    <>
      <p>
        <Link to="/office">{t('admin:office.back')}</Link>
      </p>
      <h1>{t('admin:audit.title')}</h1>
      <ErrorSummary errors={errors} labels={{ from: t('admin:audit.from'), to: t('admin:audit.to'), actor: t('admin:audit.actor'), page: t('admin:audit.page') }} />
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="field-actor">{t('admin:audit.actor')}</label>
          <select id="field-actor" name="actor" defaultValue={values.actor ?? ''}>
            <option value="">{t('admin:audit.anyone')}</option>
            {choices.actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name ? `${a.name} (${a.email})` : a.email}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="field-action">{t('admin:audit.action')}</label>
          <select id="field-action" name="action" defaultValue={values.action ?? ''}>
            <option value="">{t('admin:audit.anyAction')}</option>
            {choices.actions.map((a) => (
              <option key={a} value={a}>
                {t(`admin:audit.actions.${a}`, { defaultValue: a })}
              </option>
            ))}
          </select>
        </div>
        <Field name="from" type="date" label={t('admin:audit.from')} defaultValue={values.from} error={errors.from} />
        <Field name="to" type="date" label={t('admin:audit.to')} defaultValue={values.to} error={errors.to} />
        <p>
          <button type="submit">{t('admin:audit.filter')}</button>
        </p>
      </Form>
      <p role="status">{t('admin:audit.count', { count: total })}</p>
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">{t('admin:audit.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin:audit.time')}</th>
              <th scope="col">{t('admin:audit.actor')}</th>
              <th scope="col">{t('admin:audit.action')}</th>
              <th scope="col">{t('admin:audit.subject')}</th>
              <th scope="col">{t('admin:audit.details')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{formatDateTime(r.created_at, locale)}</td>
                <td>{r.actor_person_id === null ? t('admin:audit.system') : r.actor_email}</td>
                <td>{t(`admin:audit.actions.${r.action}`, { defaultValue: r.action })}</td>
                <td>
                  {r.subject_type}
                  {r.subject_id ? ` ${r.subject_id}` : ''}
                </td>
                <td>
                  <code className="break-all">{r.details}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <nav aria-label={t('admin:audit.pagination')} className="pagination">
          {page > 1 ? <Link to={pageLink(page - 1)}>{t('admin:audit.previous')}</Link> : null}
          <span>{t('admin:audit.pageOf', { page, pages })}</span>
          {page < pages ? <Link to={pageLink(page + 1)}>{t('admin:audit.next')}</Link> : null}
        </nav>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
