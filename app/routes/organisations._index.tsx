import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { FallbackNotice, Localized, useI18n } from '~/components/i18n';
import { listOrganisations } from '~/domain/organisations/organisations.server';
import { db } from '~/server/db.server';
import { translator } from '~/lib/i18n';
import { parseList } from '~/lib/i18n-text';
import { localeOf } from '~/http/locale.server';
import { pageShare } from '~/http/share.server';
import { shareMeta } from '~/lib/share';


export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await localeOf(request);
  const t = translator(locale);
  return json({ title: t('organisations.title'), organisations: await listOrganisations(db()), share: pageShare(request, t('organisations.title'), t('public:share.site')) });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => shareMeta(matches, data?.share);

export default function OrganisationDirectory() {
  const { organisations } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <>
      <h1>{t('organisations.title')}</h1>
      <FallbackNotice texts={organisations.map((o) => o.description)} />
      <p className="lead">{t('organisations.intro', { count: organisations.length })}</p>
      <ul className="card-list">
        {organisations.map((o) => (
          <li key={o.id} className="card">
            <Link to={`/organisations/${o.slug}`} className="card__link">
              <bdi>{o.name}</bdi>
            </Link>
            <Localized value={o.description} as="p" />
            <p className="card__meta">{parseList(o.categories).map((c) => t(`categories.${c}`, { defaultValue: c })).join(' · ')}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
