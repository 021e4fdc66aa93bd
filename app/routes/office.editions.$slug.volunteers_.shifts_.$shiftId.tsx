import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { parseWithZod } from '@conform-to/zod/v4';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { Localized, useI18n } from '~/components/i18n';
import { FormAlert } from '~/components/registration';
import { ShiftForm, VolunteerNav } from '~/components/volunteer-forms';
import { peopleOnShift } from '~/domain/volunteers/board.server';
import { listRoles } from '~/domain/volunteers/roles.server';
import { readingsOf } from '~/domain/volunteers/shift-times';
import { getShift, placesOf, removeShift, updateShift } from '~/domain/volunteers/shifts.server';
import { removeFromShift } from '~/domain/volunteers/signups.server';
import { shiftSchema } from '~/domain/volunteers/volunteers.schema';
import { attempt, orRespond, replyOnFailure } from '~/http/errors.server';
import { idParam, requireEditionSetup } from '~/http/edition-setup.server';
import { localeOf } from '~/http/locale.server';
import { keyErrorMap } from '~/lib/form-keys';
import { languageList, translator } from '~/lib/i18n';
import { parseList, pickText } from '~/lib/i18n-text';
import { berlinDay, formatDay, formatTime, utcToBerlinWallClock } from '~/lib/time';
import { db } from '~/server/db.server';
import { env } from '~/server/env.server';

const wall = (iso: string) => {
  const local = utcToBerlinWallClock(iso);
  return { local, second: readingsOf(local)[1] === new Date(iso).toISOString() };
};

/** One shift: edit it, cancel or remove it, and the people on it (take one off; the waiting list moves up). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition } = await requireEditionSetup(request, params.slug);
  const locale = await localeOf(request);
  const shift = await orRespond(() => getShift(db(), edition.id, idParam(params.shiftId)));
  const [roles, places, people] = await Promise.all([listRoles(db(), edition.id), placesOf(db(), edition.id), peopleOnShift(db(), edition.id, shift.id)]);
  const starts = wall(shift.starts_at);
  const ends = wall(shift.ends_at);
  const role = roles.find((r) => r.id === shift.role_id);
  return json({
    title: translator(locale)('volunteers:shift.title'),
    edition: { slug: edition.slug, title: edition.title },
    shift: { id: shift.id, startsAt: shift.starts_at, endsAt: shift.ends_at, cancelled: shift.cancelled_at !== null, needed: shift.needed, roleName: role?.name ?? '{}' },
    roles: roles.map((r) => ({ value: String(r.id), label: pickText(r.name, locale).text })),
    places: places.map((p) => ({ value: String(p.id), label: pickText(p.name, locale).text })),
    people: people.map((p) => ({ ...p, languages: parseList(p.languages) })),
    values: {
      role_id: String(shift.role_id),
      stage_id: shift.stage_id ? String(shift.stage_id) : '',
      starts_at: starts.local,
      ends_at: ends.local,
      starts_second: starts.second ? 'on' : '',
      ends_second: ends.second ? 'on' : '',
      needed: String(shift.needed),
    },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

export async function action({ request, params }: ActionFunctionArgs) {
  const { person, edition } = await requireEditionSetup(request, params.slug);
  const id = idParam(params.shiftId);
  const form = await request.formData();
  const intent = form.get('intent');
  const here = `/office/editions/${edition.slug}/volunteers/shifts/${id}`;
  if (intent === 'remove') {
    const outcome = await attempt(() => removeShift(db(), person.id, edition.id, id, env().PUBLIC_URL));
    if (!outcome.ok) return json({ intent: 'remove' as const, error: outcome.formError, result: undefined, notice: undefined }, { status: outcome.status });
    if (outcome.value.outcome === 'removed') return redirect(`/office/editions/${edition.slug}/volunteers/shifts`);
    return json({ intent: 'remove' as const, error: undefined, result: undefined, notice: { key: 'volunteers:shift.cancelledNotice', values: { count: outcome.value.told } } });
  }
  if (intent === 'removePerson') {
    const outcome = await attempt(() => removeFromShift(db(), person.id, edition.id, Number(form.get('signupId')), env().PUBLIC_URL));
    if (!outcome.ok) return json({ intent: 'people' as const, error: outcome.formError, result: undefined, notice: undefined }, { status: outcome.status });
    return json({ intent: 'people' as const, error: undefined, result: undefined, notice: { key: 'volunteers:shift.personRemoved', values: { count: outcome.value.movedUp } } });
  }
  const submission = parseWithZod(form, { schema: shiftSchema, error: keyErrorMap });
  if (submission.status !== 'success') return json({ intent: 'shift' as const, result: submission.reply(), error: undefined, notice: undefined }, { status: 400 });
  const outcome = await replyOnFailure(submission, () => updateShift(db(), person.id, edition.id, id, submission.value, env().PUBLIC_URL));
  if (!outcome.ok) return outcome.response;
  return redirect(here);
}

export default function VolunteerShift() {
  const { edition, shift, roles, places, people, values } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as { intent?: string; result?: never; error?: { key: string; values?: Record<string, string | number> }; notice?: { key: string; values?: Record<string, string | number> } } | undefined;
  const { t, locale } = useI18n();
  return (
    <>
      <VolunteerNav slug={edition.slug} />
      <p className="eyebrow">
        <Localized value={edition.title} />
      </p>
      <h1>
        <Localized value={shift.roleName} />, {formatDay(berlinDay(shift.startsAt), locale)} {formatTime(shift.startsAt, locale)}–{formatTime(shift.endsAt, locale)}
      </h1>
      <p>
        <Link to={`/office/editions/${edition.slug}/volunteers/shifts`}>{t('volunteers:shifts.back')}</Link>
      </p>
      {data?.notice ? (
        <p role="status" className="notice">
          {t(data.notice.key, data.notice.values ?? {})}
        </p>
      ) : null}
      {shift.cancelled ? <p className="notice">{t('volunteers:board.cancelled')}</p> : null}
      <section aria-labelledby="people">
        <h2 id="people">{t('volunteers:shift.people', { filled: people.filter((p) => p.status === 'confirmed').length, needed: shift.needed })}</h2>
        <FormAlert message={data?.intent === 'people' ? data.error : undefined} />
        {people.some((p) => p.status !== 'cancelled') ? (
          <p>
            <Link to={`/office/editions/${edition.slug}/volunteers/mail?shift=${shift.id}`}>{t('volunteers:write.link')}</Link>
          </p>
        ) : null}
        {people.length === 0 ? (
          <p>{t('volunteers:shift.nobody')}</p>
        ) : (
          <div className="table-scroll">
            <table>
              <caption>{t('volunteers:shift.peopleCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('volunteers:shift.name')}</th>
                  <th scope="col">{t('volunteers:shift.status')}</th>
                  <th scope="col">{t('volunteers:shift.contact')}</th>
                  <th scope="col">{t('volunteers:shift.languages')}</th>
                  <th scope="col">{t('volunteers:shift.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {people.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      {p.name}
                      {p.guardian_name ? <span className="hint"> · {t('volunteers:shift.guardian', { name: p.guardian_name })}</span> : null}
                    </th>
                    <td>{t(`volunteers:status.${p.status}`)}</td>
                    <td>{p.email ?? (p.organisation ? `${p.organisation}: ${p.contact_email ?? ''}` : '')}</td>
                    <td>{languageList(p.languages, locale)}</td>
                    <td>
                      {p.status !== 'cancelled' ? (
                        <Form method="post">
                          <input type="hidden" name="intent" value="removePerson" />
                          <input type="hidden" name="signupId" value={p.id} />
                          <button type="submit" className="secondary">
                            {t('volunteers:shift.removePerson', { name: p.name })}
                          </button>
                        </Form>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {!shift.cancelled ? (
        <>
          <section aria-labelledby="edit-shift">
            <h2 id="edit-shift">{t('volunteers:shift.edit')}</h2>
            <ShiftForm lastResult={data?.intent === undefined || data.intent === 'shift' ? data?.result : undefined} defaultValue={values} submit={t('volunteers:save')} roles={roles} places={places} />
          </section>
          <section aria-labelledby="remove-shift">
            <h2 id="remove-shift">{t('volunteers:shift.remove')}</h2>
            <p className="hint">{t('volunteers:shift.removeHint')}</p>
            <FormAlert message={data?.intent === 'remove' ? data.error : undefined} />
            <Form method="post">
              <input type="hidden" name="intent" value="remove" />
              <button type="submit" className="secondary">
                {people.some((p) => p.status !== 'cancelled') ? t('volunteers:shift.cancel') : t('volunteers:shift.remove')}
              </button>
            </Form>
          </section>
        </>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
