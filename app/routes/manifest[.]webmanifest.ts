import type { LoaderFunctionArgs } from '@remix-run/node';
import { DEFAULT_LOCALE, isLocale, localeInfo, translator } from '~/lib/i18n';

/**
 * The web app manifest in the language asked for (`?lang=`, as the page links it): the
 * site's name and description in that language, the icons, the start page in that language.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const asked = new URL(request.url).searchParams.get('lang');
  const locale = isLocale(asked) ? asked : DEFAULT_LOCALE;
  const t = translator(locale);
  const manifest = {
    name: t('public:app.name'),
    short_name: t('public:app.shortName'),
    description: t('public:app.description'),
    lang: locale,
    dir: localeInfo[locale].dir,
    start_url: `/?lang=${locale}`,
    scope: '/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#8a1538',
    icons: [
      { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: '/icon-maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
      { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
  return new Response(JSON.stringify(manifest), {
    headers: { 'Content-Type': 'application/manifest+json; charset=utf-8', 'Cache-Control': 'public, max-age=3600', Vary: 'Accept-Language' },
  });
}
