import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { FallbackNotice, Localized, useI18n } from '~/components/i18n';
import { getPublicOrganisation } from '~/domain/organisations/organisations.server';
import { db } from '~/server/db.server';
import { formatList, languageName } from '~/lib/i18n';
import { parseList } from '~/lib/i18n-text';
import { formatDateTime } from '~/lib/time';
import { localeOf } from '~/http/locale.server';
import { translator } from '~/lib/i18n';
import { pickText } from '~/lib/i18n-text';
import { pageShare } from '~/http/share.server';
import { shareMeta, shortText } from '~/lib/share';
import { orRespond } from '~/http/errors.server';


export async function loader({ params, request }: LoaderFunctionArgs) {
  const locale = await localeOf(request);
  const organisation = await orRespond(() => getPublicOrganisation(db(), params.slug ?? ''));
  const about = pickText(organisation.description, locale).text;
  return json({ organisation, share: pageShare(request, organisation.name, shortText(about || translator(locale)('public:share.site'))) });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => shareMeta(matches, data?.share);

export default function OrganisationPage() {
  const { organisation: o } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  const languages = parseList(o.languages);
  return (
    <article>
      <h1>
        {/* a proper name in its own direction: "e.V." keeps its full stop on an Arabic page */}
        <bdi>{o.name}</bdi>
      </h1>
      <FallbackNotice texts={[o.description, ...o.items.flatMap((i) => [i.title, i.edition_title])]} />
      <Localized value={o.description} as="p" />
      <dl className="facts-list">
        {o.legal_form ? (
          <>
            <dt>{t('organisations.legalForm')}</dt>
            <dd>
              <bdi>{o.legal_form}</bdi>
            </dd>
          </>
        ) : null}
        <dt>{t('organisations.categories')}</dt>
        <dd>{formatList(parseList(o.categories).map((c) => t(`categories.${c}`, { defaultValue: c })), locale)}</dd>
        {languages.length > 0 ? (
          <>
            <dt>{t('organisations.languages')}</dt>
            <dd>{formatList(languages.map((l) => languageName(l, locale)), locale)}</dd>
          </>
        ) : null}
        {o.website ? (
          <>
            <dt>{t('organisations.website')}</dt>
            <dd>
              <a href={o.website} rel="noopener noreferrer">
                {o.website}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      <section aria-labelledby="hosted-title">
        <h2 id="hosted-title">{t('organisations.hosted')}</h2>
        {o.items.length === 0 ? <p>{t('organisations.noItems')}</p> : null}
        <ul>
          {o.items.map((item) => (
            <li key={item.uid}>
              <Link to={`/program/${item.uid}`}>
                <Localized value={item.title} />
              </Link>{' '}
              <span className="muted">
                <Localized value={item.edition_title} />, {formatDateTime(item.starts_at, locale)}
                {item.status === 'cancelled' ? ` (${t('program.cancelled')})` : null}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
