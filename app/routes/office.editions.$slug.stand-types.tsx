import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { SetupPageHeader } from '~/components/places-forms';
import { Localized, useI18n } from '~/components/i18n';
import { formatMoney } from '~/lib/money';
import { listStandTypes } from '~/domain/places/stand-types.server';
import { requireEditionSetup } from '~/http/edition-setup.server';
import { localeOf } from '~/http/locale.server';
import { translator } from '~/lib/i18n';
import { parseList } from '~/lib/i18n-text';
import { db } from '~/server/db.server';

/** An edition's stand types: fee, capacity (and how much of it is approved), size, what is included. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition } = await requireEditionSetup(request, params.slug);
  const locale = await localeOf(request);
  return json({ title: translator(locale)('places:standTypes.title'), edition: { slug: edition.slug, title: edition.title }, types: await listStandTypes(db(), edition.id) });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

export default function StandTypes() {
  const { edition, types } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  const base = `/office/editions/${edition.slug}`;
  return (
    <>
      <SetupPageHeader edition={edition} title={t('places:standTypes.title')} />
      <p>
        <Link to={`${base}/stand-types/new`} className="button">
          {t('places:standTypes.add')}
        </Link>
      </p>
      {types.length === 0 ? (
        <p>{t('places:standTypes.none')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption>{t('places:standTypes.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('places:standType.name')}</th>
                <th scope="col">{t('places:standType.fee')}</th>
                <th scope="col">{t('places:standType.capacity')}</th>
                <th scope="col">{t('places:standType.size')}</th>
                <th scope="col">{t('places:standType.equipment')}</th>
              </tr>
            </thead>
            <tbody>
              {types.map((st) => (
                <tr key={st.id} id={`stand-type-${st.id}`}>
                  <th scope="row">
                    <Link to={`${base}/stand-types/${st.id}`}>
                      <Localized value={st.name} />
                    </Link>
                  </th>
                  <td>{st.fee_cents === 0 ? t('places:standTypes.free') : formatMoney(st.fee_cents, locale)}</td>
                  <td>{t('places:standTypes.approved', { approved: st.approved, capacity: st.capacity })}</td>
                  <td>{t('places:standType.sizeValue', { width: st.width_m.toLocaleString(locale), depth: st.depth_m.toLocaleString(locale) })}</td>
                  <td>{parseList(st.equipment).map((e) => t(`registration:equipment.${e}`)).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
