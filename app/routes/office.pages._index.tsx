import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { useI18n } from '~/components/i18n';
import { listPages } from '~/domain/pages/pages.server';
import { assertAdministrator } from '~/domain/people/authorise.server';
import { db } from '~/server/db.server';
import { LOCALES, localeInfo, translator } from '~/lib/i18n';
import { localeOf } from '~/http/locale.server';
import { requireOfficePerson } from '~/http/session.server';
import { orRespond } from '~/http/errors.server';

/** The pages organisers edit (Impressum, privacy notice …), in every language. */
export async function loader({ request }: LoaderFunctionArgs) {
  const person = await requireOfficePerson(request);
  await orRespond(async () => assertAdministrator(person));
  const locale = await localeOf(request);
  return json({ title: translator(locale)('admin:pages.title'), pages: await listPages(db(), LOCALES) });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Festplatz` }];

export default function Pages() {
  const { pages } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <>
      <p>
        <Link to="/office">{t('admin:office.back')}</Link>
      </p>
      <h1>{t('admin:pages.title')}</h1>
      <p className="lead">{t('admin:pages.intro')}</p>
      {pages.map((p) => (
        <section key={p.slug} aria-labelledby={`page-${p.slug}`}>
          <h2 id={`page-${p.slug}`}>
            {t(`admin:pages.names.${p.slug}`)} (<Link to={p.path}>{p.path}</Link>)
          </h2>
          <ul>
            {p.locales.map((l) => (
              <li key={l.locale}>
                <Link to={`/office/pages/${p.slug}?locale=${l.locale}`}>{localeInfo[l.locale as keyof typeof localeInfo].name}</Link>:{' '}
                {t(`admin:pages.states.${l.state}`, { version: l.version })}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
