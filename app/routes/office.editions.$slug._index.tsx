import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { Localized, useI18n } from '~/components/i18n';
import { inviteReturningExhibitors } from '~/domain/office/clone.server';
import { STATES } from '~/domain/office/constants';
import { editionDashboard } from '~/domain/office/dashboard.server';
import { arrivalBoard } from '~/domain/festival-day/check-in.server';
import { ArrivalCounts, useLiveData } from '~/components/festival-day';
import { isAdministrator, manageableEdition } from '~/domain/people/authorise.server';
import { db } from '~/server/db.server';
import { env } from '~/server/env.server';
import { translator } from '~/lib/i18n';
import { pickText } from '~/lib/i18n-text';
import { localeOf } from '~/http/locale.server';
import { requireOfficePerson } from '~/http/session.server';
import { formatDateTime, formatDayRange } from '~/lib/time';
import { orRespond } from '~/http/errors.server';

/** One edition at a glance: applications, capacity, what waits for a decision, mail, and the tools. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const person = await requireOfficePerson(request);
  const locale = await localeOf(request);
  const dashboard = await orRespond(() => editionDashboard(db(), person, params.slug ?? ''));
  // the festival day: arrived / expected stands per area (docs/decisions/110)
  const arrivals = await arrivalBoard(db(), dashboard.edition.id);
  return json({
    ...dashboard,
    arrivals: { areas: arrivals.areas, total: arrivals.total },
    title: pickText(dashboard.edition.title, locale).text,
    admin: isAdministrator(person),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

export async function action({ request, params }: ActionFunctionArgs) {
  const person = await requireOfficePerson(request);
  const form = await request.formData();
  if (form.get('intent') !== 'invite') return json({ invited: null, error: 'forms:errors.invalid' }, { status: 400 });
  const edition = await orRespond(() => manageableEdition(db(), person, params.slug ?? ''));
  const invited = await orRespond(() => inviteReturningExhibitors(db(), person, edition.id, env().PUBLIC_URL));
  const locale = await localeOf(request);
  return json({ invited, error: null, message: translator(locale)('admin:dashboard.invited', { count: invited }) });
}

export default function EditionDashboard() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, locale } = useI18n();
  // the arrivals of the festival day follow every few seconds (without JavaScript: a reload)
  useLiveData(15_000);
  const { edition } = data;
  const base = `/office/editions/${edition.slug}`;
  return (
    <>
      <p>
        <Link to="/office">{t('admin:office.back')}</Link>
      </p>
      <h1>
        <Localized value={edition.title} />
      </h1>
      <p className="lead">
        {formatDayRange(edition.starts_on, edition.ends_on, locale)} · {t(`admin:editionStatus.${edition.status}`)}
        {edition.registration_opens_at && edition.registration_closes_at ? (
          <>
            <br />
            {t('admin:dashboard.window', { opens: formatDateTime(edition.registration_opens_at, locale), closes: formatDateTime(edition.registration_closes_at, locale) })}
          </>
        ) : null}
      </p>
      <nav aria-label={t('admin:dashboard.tools')}>
        <ul className="tool-list">
          <li>
            <Link to={`${base}/registrations`}>{t('office:registrations')}</Link>
          </li>
          <li>
            <Link to={`${base}/schedule`}>{t('office:schedule')}</Link>
          </li>
          <li>
            <Link to={`${base}/mail`}>{t('admin:mail.title')}</Link>
          </li>
          <li>
            <Link to={`${base}/export`}>{t('admin:export.title')}</Link>
          </li>
          <li>
            <Link to={`${base}/volunteers`}>{t('volunteers:office.board')}</Link>
          </li>
          <li>
            <Link to={`${base}/clone`}>{t('admin:clone.title')}</Link>
          </li>
        </ul>
      </nav>

      <section aria-labelledby="set-up">
        <h2 id="set-up">{t('places:setup.title')}</h2>
        <ul className="tool-list">
          <li>
            <Link to={`${base}/settings`}>{t('setup:dashboard.settings')}</Link>
          </li>
          <li>
            <Link to={`${base}/venues`}>{t('places:setup.venues')}</Link>
          </li>
          <li>
            <Link to={`${base}/stand-types`}>{t('places:setup.standTypes')}</Link>
          </li>
          <li>
            <Link to={`${base}/pitches`}>{t('places:setup.pitches')}</Link>
          </li>
        </ul>
      </section>

      <section aria-labelledby="arrivals-title">
        <h2 id="arrivals-title">{t('festival-day:counts.title')}</h2>
        <ArrivalCounts areas={data.arrivals.areas} total={data.arrivals.total} />
        <p>
          <Link to={`${base}/check-in`}>{t('festival-day:checkIn.heading')}</Link>
        </p>
      </section>

      <section aria-labelledby="decide">
        <h2 id="decide">{t('admin:dashboard.needsDecision')}</h2>
        <ul className="figures">
          <li>
            <span className="figure">{data.needsDecision.submitted}</span> {t('admin:dashboard.submitted', { count: data.needsDecision.submitted })}
          </li>
          <li>
            <span className="figure">{data.needsDecision.waitlisted}</span> {t('admin:dashboard.waitlisted', { count: data.needsDecision.waitlisted })}
          </li>
        </ul>
        <p>
          <Link to={`${base}/registrations`}>{t('office:registrations')}</Link>
        </p>
      </section>

      <section aria-labelledby="by-type">
        <h2 id="by-type">{t('admin:dashboard.byStandType')}</h2>
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('admin:dashboard.standType')}</th>
                {STATES.map((s) => (
                  <th scope="col" key={s}>
                    {t(`admin:states.${s}`)}
                  </th>
                ))}
                <th scope="col">{t('admin:dashboard.capacity')}</th>
              </tr>
            </thead>
            <tbody>
              {data.byStandType.map((st) => (
                <tr key={st.id}>
                  <th scope="row">
                    <Localized value={st.name} />
                  </th>
                  {STATES.map((s) => (
                    <td key={s}>{st.perState[s]}</td>
                  ))}
                  <td>
                    <meter min={0} max={Math.max(st.capacity, 1)} value={Math.min(st.occupied, st.capacity)} aria-hidden="true" />{' '}
                    {t('admin:dashboard.used', { used: st.occupied, capacity: st.capacity })}
                    {st.over > 0 ? <strong className="warning"> {t('admin:dashboard.over', { count: st.over })}</strong> : null}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('admin:dashboard.total')}</th>
                {STATES.map((s) => (
                  <td key={s}>{data.totals[s]}</td>
                ))}
                <td />
              </tr>
            </tfoot>
          </table>
        </div>
      </section>

      <section aria-labelledby="mail-state">
        <h2 id="mail-state">{t('admin:dashboard.mail')}</h2>
        <p>
          {t('admin:dashboard.mailFailures', { count: data.mailFailures })}{' '}
          {data.admin && data.mailFailures > 0 ? <Link to="/office/mail">{t('office:mail')}</Link> : null}
        </p>
        <p>{t('admin:dashboard.campaigns', { count: data.campaigns })}</p>
        {edition.status === 'published' && data.previousSlug ? (
          <Form method="post">
            <input type="hidden" name="intent" value="invite" />
            <button type="submit" className="secondary">
              {t('admin:dashboard.invite')}
            </button>
          </Form>
        ) : null}
        {result && 'message' in result ? <p role="status">{result.message}</p> : null}
      </section>

      {data.fees ? (
        <section aria-labelledby="fees">
          <h2 id="fees">{t('admin:dashboard.fees')}</h2>
          <p>
            {t('admin:dashboard.feesOutstanding', {
              count: data.fees.count,
              amount: new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(data.fees.totalCents / 100),
            })}
          </p>
        </section>
      ) : null}

      {data.conflicts ? (
        <section aria-labelledby="conflicts">
          <h2 id="conflicts">{t('admin:dashboard.conflicts')}</h2>
          {data.conflicts.length === 0 ? (
            <p>{t('admin:dashboard.noConflicts')}</p>
          ) : (
            <ul>
              {data.conflicts.map((c, i) => (
                <li key={i}>{c.href ? <Link to={c.href}>{c.key ? t(c.key, c.values ?? {}) : c.label}</Link> : c.key ? t(c.key, c.values ?? {}) : c.label}</li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
