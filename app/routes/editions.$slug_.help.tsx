import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { FallbackNotice, Localized, useI18n } from '~/components/i18n';
import { openShifts, publicEdition } from '~/domain/volunteers/public.server';
import { orRespond } from '~/http/errors.server';
import { localeOf } from '~/http/locale.server';
import { languageList, languageName, translator } from '~/lib/i18n';
import { parseList, pickText } from '~/lib/i18n-text';
import { formatDay, formatTime } from '~/lib/time';
import { db } from '~/server/db.server';

/**
 * "Help at the festival": the open shifts of an edition by day, role and language needed, in
 * the visitor's language; filters in the URL (a plain GET form); each shift leads to its
 * sign-up page.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await localeOf(request);
  const edition = await orRespond(() => publicEdition(db(), params.slug ?? ''));
  const search = new URL(request.url).searchParams;
  const role = Number(search.get('role')) || undefined;
  const language = (search.get('language') ?? '').slice(0, 10) || undefined;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(search.get('day') ?? '') ? search.get('day')! : undefined;
  const open = await openShifts(db(), edition.id, { role, language, day });
  const t = translator(locale);
  return json({
    title: `${t('volunteers:help.title')} · ${pickText(edition.title, locale).text}`,
    edition: { slug: edition.slug, title: edition.title, cancelled: edition.cancelled_at !== null },
    filters: { role: role ? String(role) : '', language: language ?? '', day: day ?? '' },
    ...open,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

export default function HelpAtTheFestival() {
  const { edition, filters, shifts, roles, languages, days, total } = useLoaderData<typeof loader>();
  const { t, locale, text } = useI18n();
  const byDay = new Map<string, typeof shifts>();
  for (const s of shifts) byDay.set(s.day, [...(byDay.get(s.day) ?? []), s]);
  return (
    <>
      <p className="eyebrow">
        <Link to={`/editions/${edition.slug}`}>
          <Localized value={edition.title} />
        </Link>
      </p>
      <h1>{t('volunteers:help.title')}</h1>
      <p className="lead">{t('volunteers:help.intro')}</p>
      <FallbackNotice texts={roles.flatMap((r) => [r.name, r.description])} />
      {edition.cancelled ? <p className="notice">{t('volunteers:help.editionCancelled')}</p> : null}
      {roles.length > 0 ? (
        <section aria-labelledby="roles">
          <h2 id="roles">{t('volunteers:help.roles')}</h2>
          <dl className="volunteer-roles">
            {roles.map((r) => (
              <div key={r.id}>
                <dt>
                  <Localized value={r.name} />
                </dt>
                <dd>
                  <Localized value={r.description} />
                  {text(r.note).text ? (
                    <>
                      {' '}
                      <span className="hint">
                        <Localized value={r.note} />
                      </span>
                    </>
                  ) : null}
                  <br />
                  <span className="hint">
                    {r.allows_minors ? t('volunteers:roles.ageWithMinors', { age: r.min_age }) : t('volunteers:roles.age', { age: Math.max(18, r.min_age) })}
                    {parseList(r.languages).length ? ` · ${t('volunteers:help.languagesAsked', { languages: languageList(parseList(r.languages), locale) })}` : ''}
                  </span>
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
      {total === 0 ? (
        <p>{t('volunteers:help.none')}</p>
      ) : (
        <>
          <Form method="get" className="filters" aria-label={t('volunteers:help.filter')}>
            <div className="field">
              <label htmlFor="field-day">{t('volunteers:help.day')}</label>
              <select id="field-day" name="day" defaultValue={filters.day}>
                <option value="">{t('volunteers:help.allDays')}</option>
                {days.map((d) => (
                  <option key={d} value={d}>
                    {formatDay(d, locale)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="field-role">{t('volunteers:help.role')}</label>
              <select id="field-role" name="role" defaultValue={filters.role}>
                <option value="">{t('volunteers:help.allRoles')}</option>
                {roles.map((r) => (
                  <option key={r.id} value={r.id}>
                    {text(r.name).text}
                  </option>
                ))}
              </select>
            </div>
            {languages.length > 0 ? (
              <div className="field">
                <label htmlFor="field-language">{t('volunteers:help.language')}</label>
                <select id="field-language" name="language" defaultValue={filters.language}>
                  <option value="">{t('volunteers:help.allLanguages')}</option>
                  {languages.map((l) => (
                    <option key={l} value={l}>
                      {languageName(l, locale)}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
            <p>
              <button type="submit">{t('volunteers:help.show')}</button>
            </p>
          </Form>
          {shifts.length === 0 ? <p>{t('volunteers:help.noMatch')}</p> : null}
          {[...byDay.entries()].map(([day, list]) => (
            <section key={day} aria-labelledby={`help-${day}`}>
              <h2 id={`help-${day}`}>{formatDay(day, locale)}</h2>
              <ul className="shift-list">
                {list.map((s) => (
                  <li key={s.id} id={`shift-${s.id}`} className="shift">
                    <Link to={`/editions/${edition.slug}/help/${s.id}`}>
                      <strong>
                        {formatTime(s.startsAt, locale)}–{formatTime(s.endsAt, locale)}
                      </strong>{' '}
                      {text(s.roleName).text}
                    </Link>
                    <br />
                    <span>{s.placeName ? text(s.placeName).text : t('volunteers:grounds')}</span>
                    {' · '}
                    <span>{s.free > 0 ? t('volunteers:help.free', { free: s.free, needed: s.needed }) : t('volunteers:help.full')}</span>
                    {s.asked.length ? (
                      <>
                        {' · '}
                        <span>{t('volunteers:help.languagesAsked', { languages: languageList(s.asked, locale) })}</span>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
      <p>
        <Link to="/account/volunteering">{t('volunteers:help.myShifts')}</Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
