import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { parseWithZod } from '@conform-to/zod/v4';
import type { SubmissionResult } from '@conform-to/react';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { Localized, useI18n } from '~/components/i18n';
import { GenerateForm, ShiftForm, VolunteerNav } from '~/components/volunteer-forms';
import { boardShifts } from '~/domain/volunteers/board.server';
import { listRoles } from '~/domain/volunteers/roles.server';
import { createShift, generateShifts, placesOf } from '~/domain/volunteers/shifts.server';
import { generateSchema, shiftSchema } from '~/domain/volunteers/volunteers.schema';
import { replyOnFailure } from '~/http/errors.server';
import { requireEditionSetup } from '~/http/edition-setup.server';
import { localeOf } from '~/http/locale.server';
import { keyErrorMap } from '~/lib/form-keys';
import { translator } from '~/lib/i18n';
import { pickText } from '~/lib/i18n-text';
import { daysBetween, formatDay, formatTime } from '~/lib/time';
import { db } from '~/server/db.server';

/** An edition's shifts: made in blocks from opening hours or the setup window, or one by one; each links to its page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition } = await requireEditionSetup(request, params.slug);
  const locale = await localeOf(request);
  const [roles, places, shifts] = await Promise.all([listRoles(db(), edition.id), placesOf(db(), edition.id), boardShifts(db(), edition.id)]);
  return json({
    title: translator(locale)('volunteers:shifts.title'),
    edition: { slug: edition.slug, title: edition.title },
    roles: roles.map((r) => ({ value: String(r.id), label: pickText(r.name, locale).text })),
    places: places.map((p) => ({ value: String(p.id), label: pickText(p.name, locale).text })),
    days: daysBetween(edition.starts_on, edition.ends_on).map((d) => ({ value: d, label: formatDay(d, locale) })),
    shifts,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

type Reply = { intent: 'generate' | 'shift'; result: SubmissionResult<string[]>; created?: number; skipped?: number };

async function replyOf(response: Response, intent: Reply['intent']) {
  const { result } = (await response.json()) as { result: SubmissionResult<string[]> };
  return json({ intent, result } as Reply, { status: response.status });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { person, edition } = await requireEditionSetup(request, params.slug);
  const form = await request.formData();
  if (form.get('intent') === 'generate') {
    const submission = parseWithZod(form, { schema: generateSchema, error: keyErrorMap });
    if (submission.status !== 'success') return json({ intent: 'generate', result: submission.reply() } as Reply, { status: 400 });
    const outcome = await replyOnFailure(submission, () => generateShifts(db(), person.id, edition, submission.value));
    if (!outcome.ok) return replyOf(outcome.response, 'generate');
    return json({ intent: 'generate', result: submission.reply({ resetForm: true }), ...outcome.value } as Reply);
  }
  const submission = parseWithZod(form, { schema: shiftSchema, error: keyErrorMap });
  if (submission.status !== 'success') return json({ intent: 'shift', result: submission.reply() } as Reply, { status: 400 });
  const outcome = await replyOnFailure(submission, () => createShift(db(), person.id, edition.id, submission.value));
  if (!outcome.ok) return replyOf(outcome.response, 'shift');
  return json({ intent: 'shift', result: submission.reply({ resetForm: true }), created: 1, skipped: 0 } as Reply);
}

export default function VolunteerShifts() {
  const { edition, roles, places, days, shifts } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, locale, text } = useI18n();
  const base = `/office/editions/${edition.slug}/volunteers`;
  const byDay = new Map<string, typeof shifts>();
  for (const s of shifts) byDay.set(s.day, [...(byDay.get(s.day) ?? []), s]);
  return (
    <>
      <VolunteerNav slug={edition.slug} />
      <p className="eyebrow">
        <Localized value={edition.title} />
      </p>
      <h1>{t('volunteers:shifts.title')}</h1>
      {data && data.created !== undefined ? (
        <p role="status" className="notice">
          {t('volunteers:shifts.created', { created: data.created, skipped: data.skipped ?? 0 })}
        </p>
      ) : null}
      {roles.length === 0 ? (
        <p>
          {t('volunteers:shifts.noRoles')} <Link to={`${base}/roles`}>{t('volunteers:office.roles')}</Link>
        </p>
      ) : (
        <>
          <section aria-labelledby="generate">
            <h2 id="generate">{t('volunteers:generate.title')}</h2>
            <p className="hint">{t('volunteers:generate.intro')}</p>
            <GenerateForm lastResult={data?.intent === 'generate' ? data.result : undefined} roles={roles} places={places} days={days} />
          </section>
          <section aria-labelledby="one-shift">
            <h2 id="one-shift">{t('volunteers:shifts.add')}</h2>
            <ShiftForm lastResult={data?.intent === 'shift' ? data.result : undefined} submit={t('volunteers:shifts.create')} roles={roles} places={places} />
          </section>
        </>
      )}
      <section aria-labelledby="all-shifts">
        <h2 id="all-shifts">{t('volunteers:shifts.all')}</h2>
        {shifts.length === 0 ? <p>{t('volunteers:shifts.none')}</p> : null}
        {[...byDay.entries()].map(([day, list]) => (
          <div className="table-scroll" key={day}>
            <table>
              <caption>{formatDay(day, locale)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('volunteers:shift.time')}</th>
                  <th scope="col">{t('volunteers:shift.role')}</th>
                  <th scope="col">{t('volunteers:shift.place')}</th>
                  <th scope="col">{t('volunteers:board.filled')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((s) => (
                  <tr key={s.id} id={`shift-${s.id}`}>
                    <th scope="row">
                      <Link to={`${base}/shifts/${s.id}`}>
                        {formatTime(s.startsAt, locale)}–{formatTime(s.endsAt, locale)}
                      </Link>
                    </th>
                    <td>{text(s.roleName).text}</td>
                    <td>{s.placeName ? text(s.placeName).text : t('volunteers:grounds')}</td>
                    <td>{s.cancelled ? t('volunteers:board.cancelled') : t('volunteers:board.count', { filled: s.filled, needed: s.needed })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
