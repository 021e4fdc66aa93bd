import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { FallbackNotice, Localized, useI18n } from '~/components/i18n';
import { listOrganisations } from '~/domain/organisations/organisations.server';
import { db } from '~/server/db.server';
import { translator } from '~/lib/i18n';
import { onlyIn, parseList } from '~/lib/i18n-text';
import { Paging, pagingOf } from '~/components/paging';
import { localeOf } from '~/http/locale.server';
import { pageShare } from '~/http/share.server';
import { shareMeta } from '~/lib/share';


/** Organisations on one page of the directory (docs/decisions/102). */
const PAGE_SIZE = 200;

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await localeOf(request);
  const t = translator(locale);
  const all = await listOrganisations(db());
  const { paging, shown } = pagingOf(all, new URL(request.url).searchParams.get('page'), PAGE_SIZE, (n) => (n > 1 ? `/organisations?page=${n}` : '/organisations'));
  // only what the cards show, the description only in the reader's language
  const organisations = shown.map((o) => ({ id: o.id, slug: o.slug, name: o.name, categories: o.categories, description: onlyIn(o.description, locale) }));
  return json({ title: t('organisations.title'), organisations, count: all.length, paging, share: pageShare(request, t('organisations.title'), t('public:share.site')) });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => shareMeta(matches, data?.share);

export default function OrganisationDirectory() {
  const { organisations, count, paging } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <>
      <h1>{t('organisations.title')}</h1>
      <FallbackNotice texts={organisations.map((o) => o.description)} />
      <p className="lead">{t('organisations.intro', { count })}</p>
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
      <Paging paging={paging} of={t('organisations.title')} />
    </>
  );
}
