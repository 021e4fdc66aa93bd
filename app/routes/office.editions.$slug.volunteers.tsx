import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { ErrorSummary } from '~/components/forms';
import { Localized, useI18n } from '~/components/i18n';
import { Checkbox } from '~/components/registration';
import { VolunteerNav } from '~/components/volunteer-forms';
import { boardShifts, coverageByDay } from '~/domain/volunteers/board.server';
import { requireEditionSetup } from '~/http/edition-setup.server';
import { localeOf } from '~/http/locale.server';
import type { FieldErrors } from '~/lib/forms';
import { languageName, translator } from '~/lib/i18n';
import { formatDay, formatTime } from '~/lib/time';
import { db } from '~/server/db.server';

/**
 * The coverage board: per day and place each shift with filled / needed (gaps first), the
 * waiting lists, and which languages asked for are covered when. Plain HTML, no script needed.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition } = await requireEditionSetup(request, params.slug);
  const locale = await localeOf(request);
  const errors: FieldErrors = new URL(request.url).searchParams.get('error') === 'confirm' ? { confirm: { key: 'volunteers:export.confirmRequired' } } : {};
  const days = coverageByDay(await boardShifts(db(), edition.id));
  return json({ title: translator(locale)('volunteers:board.title'), edition: { slug: edition.slug, title: edition.title }, days, errors }, { status: Object.keys(errors).length ? 400 : 200 });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

export default function CoverageBoard() {
  const { edition, days, errors } = useLoaderData<typeof loader>();
  const { t, locale, text } = useI18n();
  const base = `/office/editions/${edition.slug}/volunteers`;
  const range = (r: { from: string; to: string }) => `${formatTime(r.from, locale)}–${formatTime(r.to, locale)}`;
  return (
    <>
      <VolunteerNav slug={edition.slug} />
      <p className="eyebrow">
        <Localized value={edition.title} />
      </p>
      <h1>{t('volunteers:board.title')}</h1>
      <p className="lead">{t('volunteers:board.intro')}</p>
      <p>
        <Link to={`/editions/${edition.slug}/help`}>{t('volunteers:board.publicPage')}</Link>
      </p>
      {days.length === 0 ? (
        <p>
          {t('volunteers:board.none')} <Link to={`${base}/shifts`}>{t('volunteers:office.shifts')}</Link>
        </p>
      ) : null}
      {days.map((day) => (
        <section key={day.day} aria-labelledby={`day-${day.day}`}>
          <h2 id={`day-${day.day}`}>
            {formatDay(day.day, locale)} · {t('volunteers:board.count', { filled: day.filled, needed: day.needed })}
          </h2>
          {day.languages.length > 0 ? (
            <>
              <h3>{t('volunteers:board.languages')}</h3>
              <ul className="language-coverage">
                {day.languages.map((l) => (
                  <li key={l.code} id={`language-${day.day}-${l.code}`}>
                    <strong lang={l.code}>{languageName(l.code, locale)}</strong>
                    {`: ${l.covered.length ? t('volunteers:board.coveredAt', { times: l.covered.map(range).join(', ') }) : t('volunteers:board.notCovered')}${l.gaps.length ? ` · ${t('volunteers:board.missingAt', { times: l.gaps.map(range).join(', ') })}` : ''}`}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {day.places.map((place) => (
            <div className="table-scroll" key={String(place.stageId)}>
              <table>
                <caption>{place.placeName ? text(place.placeName).text : t('volunteers:grounds')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('volunteers:shift.time')}</th>
                    <th scope="col">{t('volunteers:shift.role')}</th>
                    <th scope="col">{t('volunteers:board.filled')}</th>
                    <th scope="col">{t('volunteers:board.waiting')}</th>
                    <th scope="col">{t('volunteers:board.languagesAsked')}</th>
                  </tr>
                </thead>
                <tbody>
                  {place.shifts.map((s) => (
                    <tr key={s.id} id={`board-shift-${s.id}`} className={s.cancelled ? 'cancelled' : s.filled < s.needed ? 'gap' : undefined}>
                      <th scope="row">
                        <Link to={`${base}/shifts/${s.id}`}>
                          {formatTime(s.startsAt, locale)}–{formatTime(s.endsAt, locale)}
                        </Link>
                      </th>
                      <td>{text(s.roleName).text}</td>
                      <td>
                        {s.cancelled ? t('volunteers:board.cancelled') : t('volunteers:board.count', { filled: s.filled, needed: s.needed })}
                        {!s.cancelled && s.filled < s.needed ? ` · ${t('volunteers:board.gap', { count: s.needed - s.filled })}` : ''}
                      </td>
                      <td>{s.waiting}</td>
                      <td>
                        {s.asked.length === 0
                          ? '–'
                          : s.asked.map((code) => `${languageName(code, locale)} ${s.spoken.includes(code) ? t('volunteers:board.covered') : t('volunteers:board.missing')}`).join(', ')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </section>
      ))}
      <section aria-labelledby="export">
        <h2 id="export">{t('volunteers:export.title')}</h2>
        <p className="hint">{t('volunteers:export.intro')}</p>
        <ErrorSummary errors={errors} labels={{ confirm: t('volunteers:export.confirmLabel') }} />
        {/* a native submission, so the browser downloads the file */}
        <Form method="post" action={`${base}/export.csv`} reloadDocument noValidate>
          <Checkbox name="confirm" label={t('volunteers:export.confirmLabel')} error={errors.confirm} />
          <p>
            <button type="submit">{t('volunteers:export.submit')}</button>
          </p>
        </Form>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
