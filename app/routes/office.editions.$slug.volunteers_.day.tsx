import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { Localized, useI18n } from '~/components/i18n';
import { VolunteerNav } from '~/components/volunteer-forms';
import { dayList, shiftDays } from '~/domain/volunteers/board.server';
import { setCheckedIn } from '~/domain/volunteers/signups.server';
import { requireEditionSetup } from '~/http/edition-setup.server';
import { orRespond } from '~/http/errors.server';
import { localeOf } from '~/http/locale.server';
import { translator } from '~/lib/i18n';
import { berlinToday, formatDay, formatTime } from '~/lib/time';
import { db } from '~/server/db.server';

/**
 * On the festival day: the day's volunteers, searched by name, role, place or association,
 * checked in (or undone) with one button each; no-shows listed apart. Plain forms: works
 * without JavaScript and by keyboard, and comes back to the same day and search.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition } = await requireEditionSetup(request, params.slug);
  const locale = await localeOf(request);
  const search = new URL(request.url).searchParams;
  const days = await shiftDays(db(), edition.id);
  const today = berlinToday();
  const asked = search.get('day') ?? '';
  const day = days.includes(asked) ? asked : days.includes(today) ? today : (days[0] ?? today);
  const q = (search.get('q') ?? '').slice(0, 100);
  const { list, noShows, checkedIn } = await dayList(db(), edition.id, day, q, locale);
  const done = search.get('done');
  return json({
    title: translator(locale)('volunteers:day.title'),
    edition: { slug: edition.slug, title: edition.title },
    days,
    day,
    q,
    list,
    noShows,
    checkedIn,
    done: done === 'in' || done === 'undone' ? done : null,
    doneName: (search.get('name') ?? '').slice(0, 120),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

export async function action({ request, params }: ActionFunctionArgs) {
  const { person, edition } = await requireEditionSetup(request, params.slug);
  const form = await request.formData();
  const intent = form.get('intent');
  const signupId = Number(form.get('signupId'));
  if ((intent !== 'checkIn' && intent !== 'undo') || !Number.isInteger(signupId)) throw json({ message: 'forms:errors.invalid' }, { status: 400 });
  await orRespond(() => setCheckedIn(db(), person.id, edition.id, signupId, intent === 'checkIn'));
  const back = new URLSearchParams();
  for (const key of ['day', 'q', 'name'] as const) {
    const v = form.get(key);
    if (typeof v === 'string' && v) back.set(key, v.slice(0, 120));
  }
  back.set('done', intent === 'checkIn' ? 'in' : 'undone');
  return redirect(`/office/editions/${edition.slug}/volunteers/day?${back.toString()}#volunteer-${signupId}`, 303);
}

export default function VolunteerDay() {
  const { edition, days, day, q, list, noShows, checkedIn, done, doneName } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  const row = (v: (typeof list)[number]) => (
    <tr key={v.id} id={`volunteer-${v.id}`}>
      <th scope="row">
        {v.name}
        {v.organisation ? <span className="hint"> · {v.organisation}</span> : null}
      </th>
      <td>
        {formatTime(v.starts_at, locale)}–{formatTime(v.ends_at, locale)}
      </td>
      <td>{v.role}</td>
      <td>{v.place ?? t('volunteers:grounds')}</td>
      <td>{v.checked_in_at ? t('volunteers:day.checkedInAt', { time: formatTime(v.checked_in_at, locale) }) : v.noShow ? t('volunteers:day.noShow') : t('volunteers:day.expected')}</td>
      <td>
        <Form method="post">
          <input type="hidden" name="signupId" value={v.id} />
          <input type="hidden" name="day" value={day} />
          <input type="hidden" name="q" value={q} />
          <input type="hidden" name="name" value={v.name} />
          {v.checked_in_at ? (
            <button type="submit" name="intent" value="undo" className="secondary">
              {t('volunteers:day.undo', { name: v.name })}
            </button>
          ) : (
            <button type="submit" name="intent" value="checkIn">
              {t('volunteers:day.checkIn', { name: v.name })}
            </button>
          )}
        </Form>
      </td>
    </tr>
  );
  const table = (rows: typeof list, caption: string) => (
    <div className="table-scroll">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('volunteers:shift.name')}</th>
            <th scope="col">{t('volunteers:shift.time')}</th>
            <th scope="col">{t('volunteers:shift.role')}</th>
            <th scope="col">{t('volunteers:shift.place')}</th>
            <th scope="col">{t('volunteers:shift.status')}</th>
            <th scope="col">{t('volunteers:shift.actions')}</th>
          </tr>
        </thead>
        <tbody>{rows.map(row)}</tbody>
      </table>
    </div>
  );
  return (
    <>
      <VolunteerNav slug={edition.slug} />
      <p className="eyebrow">
        <Localized value={edition.title} />
      </p>
      <h1>{t('volunteers:day.title')}</h1>
      {done ? (
        <p role="status" className="notice">
          {t(done === 'in' ? 'volunteers:day.doneIn' : 'volunteers:day.doneUndone', { name: doneName })}
        </p>
      ) : null}
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="field-day">{t('volunteers:day.day')}</label>
          <select id="field-day" name="day" defaultValue={day}>
            {days.map((d) => (
              <option key={d} value={d}>
                {formatDay(d, locale)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="field-q">{t('volunteers:day.search')}</label>
          <input id="field-q" name="q" type="search" defaultValue={q} />
        </div>
        <p>
          <button type="submit">{t('volunteers:day.show')}</button>
        </p>
      </Form>
      <p>{t('volunteers:day.summary', { checkedIn, total: list.length, noShows: noShows.length })}</p>
      {noShows.length > 0 ? (
        <section aria-labelledby="no-shows">
          <h2 id="no-shows">{t('volunteers:day.noShows')}</h2>
          {table(noShows, t('volunteers:day.noShows'))}
        </section>
      ) : null}
      <section aria-labelledby="all-volunteers">
        <h2 id="all-volunteers">{formatDay(day, locale)}</h2>
        {list.length === 0 ? <p>{q ? t('volunteers:day.noMatch') : t('volunteers:day.nobody')}</p> : table(list, t('volunteers:day.everyone'))}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
