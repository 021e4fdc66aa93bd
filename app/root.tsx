import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import type { ShouldRevalidateFunction } from '@remix-run/react';
import { excludedNamespaces } from '~/lib/i18n-scope';
import { json } from '@remix-run/node';
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLocation, useRouteLoaderData } from '@remix-run/react';
import { useEffect, useRef, type ReactNode } from 'react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { SiteFooter, SiteHeader } from '~/components/site-chrome';
import { I18nProvider, useI18n } from '~/components/i18n';
import { useNonce } from '~/components/nonce';
import { DEFAULT_LOCALE, directionOf, resourcesFor } from '~/lib/i18n';
import { embedLocale, resolveLocale } from '~/http/locale.server';
import { isEmbedPath } from '~/lib/embed';
import { getSessionPerson } from '~/http/session.server';
import { env } from '~/server/env.server';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: '/styles.css' },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

export async function loader({ request }: LoaderFunctionArgs) {
  // The embed on other sites: no cookie set or read, nobody signed in.
  const { pathname } = new URL(request.url);
  if (isEmbedPath(pathname)) {
    const locale = embedLocale(request);
    return json({ locale, strings: resourcesFor(locale, excludedNamespaces(pathname)), publicUrl: env().PUBLIC_URL, signedIn: null }, { headers: { Vary: 'Accept-Language' } });
  }
  const [{ locale, setCookie }, person] = await Promise.all([resolveLocale(request), getSessionPerson(request)]);
  const headers = new Headers({ Vary: 'Cookie, Accept-Language' });
  if (setCookie) headers.append('Set-Cookie', setCookie);
  // Only the visitor's language, and on public pages not the office's and account's namespaces.
  return json({ locale, strings: resourcesFor(locale, excludedNamespaces(pathname)), publicUrl: env().PUBLIC_URL, signedIn: person ? { role: person.role } : null }, { headers });
}

/** A client-side move between public pages and the office or account loads the strings those need. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, defaultShouldRevalidate }) => {
  if (excludedNamespaces(currentUrl.pathname).join() !== excludedNamespaces(nextUrl.pathname).join()) return true;
  return defaultShouldRevalidate;
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root');
  const locale = data?.locale ?? DEFAULT_LOCALE;
  const nonce = useNonce();
  const { pathname } = useLocation();
  if (isEmbedPath(pathname)) {
    // Framed on other sites: the program only, no site chrome, no JavaScript; every link opens Festplatz in a new tab.
    return (
      <html lang={locale} dir={directionOf(locale)}>
        <head>
          <meta charSet="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex" />
          <base target="_blank" />
          <Meta />
          <Links />
        </head>
        <body className="embed">
          <I18nProvider locale={locale} strings={data?.strings}>
            <main id="main">{children}</main>
          </I18nProvider>
        </body>
      </html>
    );
  }
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#8a1538" />
        <link rel="manifest" href={`/manifest.webmanifest?lang=${locale}`} />
        <link rel="apple-touch-icon" href="/icon-192.png" />
        <Meta />
        <Links />
      </head>
      <body>
        <I18nProvider locale={locale} strings={data?.strings}>
          <Shell>{children}</Shell>
        </I18nProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

/**
 * After a client-side navigation to another page, focus moves to the main content, as a full
 * page load would reset it: keyboard and screen-reader users start reading the new page
 * instead of staying on a link that no longer exists. Query changes (filters) keep focus.
 */
function useFocusMainOnNavigation() {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [pathname]);
}

function Shell({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  useFocusMainOnNavigation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      <SiteHeader />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter />
    </>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
