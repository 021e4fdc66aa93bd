import { requireEditionManager } from '~/http/office.server';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { Localized, useI18n } from '~/components/i18n';
import { OfficeEditionNav } from '~/components/schedule';
import { getLogistics } from '~/domain/siteplan/logistics.server';
import { arrivalBoard } from '~/domain/festival-day/check-in.server';
import { ArrivalCounts, useLiveData } from '~/components/festival-day';
import { db } from '~/server/db.server';
import { translator } from '~/lib/i18n';
import { pickText } from '~/lib/i18n-text';
import { localeOf } from '~/http/locale.server';
import { formatTime } from '~/lib/time';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition } = await requireEditionManager(request, params.slug);
  const locale = await localeOf(request);
  const t = translator(locale);
  const [data, arrivals] = await Promise.all([getLogistics(db(), edition.id), arrivalBoard(db(), edition.id)]);
  // The file comes from a resource route: a page route always renders its page.
  if (new URL(request.url).searchParams.get('format') === 'csv') throw redirect(`/office/editions/${edition.slug}/logistics.csv`);
  return json({
    title: t('schedule:logistics.title', { edition: pickText(edition.title, locale).text }),
    edition,
    data,
    // the festival day: arrived / expected per area (docs/decisions/111)
    arrivals: { areas: arrivals.areas, total: arrivals.total },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

export default function Logistics() {
  const { edition, data, arrivals } = useLoaderData<typeof loader>();
  // on the festival day the arrivals follow every few seconds (without JavaScript: a reload)
  useLiveData(15_000);
  const { t, text, locale } = useI18n();
  const yesNo = (v: number) => (v ? t('schedule:logistics.yes') : t('schedule:logistics.no'));
  return (
    <>
      <OfficeEditionNav slug={edition.slug} />
      <h1>
        {t('schedule:nav.logistics')}: <Localized value={edition.title} />
      </h1>
      <p className="lead">{t('schedule:logistics.intro')}</p>
      <p>
        <a className="button" href={`/office/editions/${edition.slug}/logistics.csv`} download>
          {t('schedule:logistics.download')}
        </a>
      </p>
      <div className="table-scroll" role="region" aria-labelledby="totals-caption" tabIndex={0}>
        <table>
          <caption id="totals-caption">{t('schedule:logistics.area')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('schedule:logistics.area')}</th>
              <th scope="col">{t('schedule:logistics.stands')}</th>
              <th scope="col">{t('schedule:logistics.power')}</th>
              <th scope="col">{t('schedule:logistics.water')}</th>
              <th scope="col">{t('schedule:logistics.tables')}</th>
              <th scope="col">{t('schedule:logistics.benches')}</th>
            </tr>
          </thead>
          <tbody>
            {data.areas.map((a) => (
              <tr key={a.areaId ?? 'none'}>
                <th scope="row">{a.areaName ? text(a.areaName).text : t('schedule:logistics.unplaced')}</th>
                <td>{a.totals.stands}</td>
                <td>{a.totals.power_watts}</td>
                <td>{a.totals.water}</td>
                <td>{a.totals.tables}</td>
                <td>{a.totals.benches}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('schedule:logistics.total')}</th>
              <td>{data.total.stands}</td>
              <td>{data.total.power_watts}</td>
              <td>{data.total.water}</td>
              <td>{data.total.tables}</td>
              <td>{data.total.benches}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <h2>{t('festival-day:counts.title')}</h2>
      <ArrivalCounts areas={arrivals.areas} total={arrivals.total} />
      <h2>{t('schedule:logistics.byStand')}</h2>
      <div className="table-scroll" role="region" aria-label={t('schedule:logistics.byStand')} tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('schedule:logistics.csv.area')}</th>
              <th scope="col">{t('schedule:logistics.csv.pitch')}</th>
              <th scope="col">{t('schedule:logistics.csv.organisation')}</th>
              <th scope="col">{t('schedule:logistics.csv.state')}</th>
              <th scope="col">{t('schedule:logistics.csv.power')}</th>
              <th scope="col">{t('schedule:logistics.csv.water')}</th>
              <th scope="col">{t('schedule:logistics.csv.tables')}</th>
              <th scope="col">{t('schedule:logistics.csv.benches')}</th>
              <th scope="col">{t('schedule:logistics.csv.vehicleAccess')}</th>
              <th scope="col">{t('festival-day:csv.arrivedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {data.areas.flatMap((a) =>
              a.stands.map((s) => (
                <tr key={s.id}>
                  <td>{a.areaName ? text(a.areaName).text : t('schedule:logistics.unplaced')}</td>
                  <td>{s.pitch_label ?? '–'}</td>
                  <th scope="row">{s.organisation_name}</th>
                  <td>{t(`registration:states.${s.state}`)}</td>
                  <td>{s.power_watts}</td>
                  <td>{yesNo(s.water)}</td>
                  <td>{s.tables}</td>
                  <td>{s.benches}</td>
                  <td>{yesNo(s.vehicle_access)}</td>
                  <td>{s.arrived_at ? formatTime(s.arrived_at, locale) : '–'}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
