import { Link, NavLink, useLocation, useRouteLoaderData } from '@remix-run/react';
import { LOCALES, localeInfo } from '~/lib/i18n';
import { sitePathname } from '~/lib/local-path';
import { useI18n } from './i18n';

export function SiteHeader() {
  const { t } = useI18n();
  const root = useRouteLoaderData<{ signedIn: { role: string } | null }>('root');
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="site-title">
          {t('site.name')}
        </Link>
        <nav aria-label={t('nav.main')}>
          <ul className="nav-list">
            <li>
              <NavLink to="/" end>
                {t('nav.home')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/program">{t('nav.program')}</NavLink>
            </li>
            <li>
              <NavLink to="/organisations">{t('nav.organisations')}</NavLink>
            </li>
            <li>
              {root?.signedIn ? <NavLink to="/account">{t('auth:nav.account')}</NavLink> : <NavLink to="/login">{t('auth:nav.signIn')}</NavLink>}
            </li>
          </ul>
        </nav>
        <LanguageSwitcher />
      </div>
    </header>
  );
}

/** Plain links that keep the visitor on the same page; the choice is remembered in a cookie. */
export function LanguageSwitcher() {
  const { t, locale } = useI18n();
  const location = useLocation();
  return (
    <nav aria-label={t('nav.language')} className="language-switcher">
      <ul>
        {LOCALES.map((code) => {
          const params = new URLSearchParams(location.search);
          params.set('lang', code);
          return (
            <li key={code}>
              <a
                href={`${sitePathname(location.pathname)}?${params.toString()}`}
                hrefLang={code}
                lang={code}
                aria-current={code === locale ? 'true' : undefined}
              >
                {localeInfo[code].name}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

export function SiteFooter() {
  const { t } = useI18n();
  return (
    <footer className="site-footer">
      <p>{t('site.footer')}</p>
      <nav aria-label={t('admin:footer.label')}>
        <ul className="footer-links">
          <li>
            <Link to="/accessibility" className="site-footer__link">
              {t('site.accessibility')}
            </Link>
          </li>
          <li>
            <Link to="/impressum" className="site-footer__link">
              {t('admin:footer.impressum')}
            </Link>
          </li>
          <li>
            <Link to="/datenschutz" className="site-footer__link">
              {t('admin:footer.privacy')}
            </Link>
          </li>
        </ul>
      </nav>
    </footer>
  );
}
