import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { useI18n } from '~/components/i18n';
import { translator } from '~/lib/i18n';
import { localeOf } from '~/http/locale.server';
import { pageShare } from '~/http/share.server';
import { shareMeta } from '~/lib/share';

import { formatDate } from '~/lib/time';

/** When this statement was last reviewed (BITV 2.0 asks for the date); update it with the text. */
const STATEMENT_DATE = '2026-11-25';
/** Where barriers are reported. A placeholder until the city names its real mailbox. */
const BARRIER_EMAIL = 'barrierefreiheit@festplatz.localhost';

/** The enforcement body under § 16 BGG: its own name and address, in German in every language. */
const CONCILIATION = {
  name: 'Schlichtungsstelle nach dem Behindertengleichstellungsgesetz bei dem Beauftragten der Bundesregierung für die Belange von Menschen mit Behinderungen',
  street: 'Mauerstraße 53',
  city: '10117 Berlin',
  phone: '030 18 527-2805',
  phoneHref: 'tel:+4930185272805',
  email: 'info@schlichtungsstelle-bgg.de',
  website: 'https://www.schlichtungsstelle-bgg.de',
};

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await localeOf(request);
  const t = translator(locale);
  return json({ title: t('a11yStatement.title'), share: pageShare(request, t('a11yStatement.title'), t('public:share.site')) });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => shareMeta(matches, data?.share);

/** The accessibility statement in the structure BITV 2.0 (EU model statement 2018/1523) asks for. */
export default function AccessibilityStatement() {
  const { t, locale } = useI18n();
  const s = (key: string, options?: Record<string, string>) => t(`a11yStatement.${key}`, options);
  return (
    <article className="statement">
      <h1>{s('title')}</h1>
      <p className="lead">{s('intro')}</p>

      <section aria-labelledby="statement-status">
        <h2 id="statement-status">{s('status.title')}</h2>
        <p>{s('status.body')}</p>
      </section>

      <section aria-labelledby="statement-limitations">
        <h2 id="statement-limitations">{s('limitations.title')}</h2>
        <p>{s('limitations.intro')}</p>
        <ul>
          <li>{s('limitations.signLanguage')}</li>
          <li>{s('limitations.easyLanguage')}</li>
          <li>{s('limitations.contentLanguages')}</li>
          <li>{s('limitations.audit')}</li>
        </ul>
      </section>

      <section aria-labelledby="statement-feedback">
        <h2 id="statement-feedback">{s('feedback.title')}</h2>
        <p>{s('feedback.body')}</p>
        <p>
          {s('feedback.email')}:{' '}
          <a href={`mailto:${BARRIER_EMAIL}`} dir="ltr">
            {BARRIER_EMAIL}
          </a>
        </p>
      </section>

      <section aria-labelledby="statement-enforcement">
        <h2 id="statement-enforcement">{s('enforcement.title')}</h2>
        <p>{s('enforcement.body')}</p>
        <dl className="facts-list">
          <dt>{s('enforcement.address')}</dt>
          <dd>
            {/* A postal address stays in German; each line keeps its left-to-right order in Arabic. */}
            <address lang="de">
              <span dir="ltr">{CONCILIATION.name}</span>
              <br />
              <span dir="ltr">{CONCILIATION.street}</span>
              <br />
              <span dir="ltr">{CONCILIATION.city}</span>
            </address>
          </dd>
          <dt>{s('enforcement.phone')}</dt>
          <dd>
            <a href={CONCILIATION.phoneHref} dir="ltr">
              {CONCILIATION.phone}
            </a>
          </dd>
          <dt>{s('enforcement.email')}</dt>
          <dd>
            <a href={`mailto:${CONCILIATION.email}`} dir="ltr">
              {CONCILIATION.email}
            </a>
          </dd>
          <dt>{s('enforcement.website')}</dt>
          <dd>
            <a href={CONCILIATION.website} dir="ltr" lang="de" rel="noopener noreferrer">
              www.schlichtungsstelle-bgg.de
            </a>
          </dd>
        </dl>
      </section>

      <section aria-labelledby="statement-prepared">
        <h2 id="statement-prepared">{s('prepared.title')}</h2>
        <p>{s('prepared.body', { date: formatDate(STATEMENT_DATE, locale) })}</p>
      </section>
    </article>
  );
}
