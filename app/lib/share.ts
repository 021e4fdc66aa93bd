/**
 * Link previews (Open Graph, Twitter card) and schema.org data for public pages. Pure: the
 * loaders put the texts in the reader's language into their data (`share`), the routes'
 * `meta` turn them into tags with `shareMeta`. The site's address comes from the root loader.
 */
import type { MetaDescriptor } from '@remix-run/node';
import type { Locale } from './i18n';

export interface ShareData {
  title: string;
  description: string;
  /** path and query of the page, e.g. "/program/abc?lang=en" */
  path: string;
  type?: 'website' | 'article';
  /** schema.org objects, each written as one <script type="application/ld+json"> */
  jsonLd?: Record<string, unknown>[];
}

const OG_LOCALE: Record<Locale, string> = { de: 'de_DE', en: 'en_GB', tr: 'tr_TR', ar: 'ar_AR', ro: 'ro_RO', bg: 'bg_BG' };
export const SHARE_IMAGE = { path: '/og-image.png', width: 1200, height: 630 };

interface RootData {
  locale: Locale;
  publicUrl: string;
}

type Matches = readonly { id: string; data: unknown }[];

/** The tags of one page: title, description, Open Graph, Twitter card, JSON-LD. */
export function shareMeta(matches: Matches, share: ShareData | undefined, fallbackTitle = 'Festplatz'): MetaDescriptor[] {
  if (!share) return [{ title: fallbackTitle }];
  const root = matches.find((m) => m.id === 'root')?.data as RootData | undefined;
  const origin = root?.publicUrl ?? '';
  const locale = root?.locale ?? 'de';
  const title = share.title.endsWith('Festplatz') ? share.title : `${share.title} · Festplatz`;
  const image = `${origin}${SHARE_IMAGE.path}`;
  const url = `${origin}${share.path}`;
  return [
    { title },
    { name: 'description', content: share.description },
    { property: 'og:type', content: share.type ?? 'website' },
    { property: 'og:site_name', content: 'Festplatz' },
    { property: 'og:title', content: share.title },
    { property: 'og:description', content: share.description },
    { property: 'og:url', content: url },
    { property: 'og:locale', content: OG_LOCALE[locale] },
    { property: 'og:image', content: image },
    { property: 'og:image:width', content: String(SHARE_IMAGE.width) },
    { property: 'og:image:height', content: String(SHARE_IMAGE.height) },
    { property: 'og:image:alt', content: 'Festplatz' },
    { name: 'twitter:card', content: 'summary_large_image' },
    { tagName: 'link', rel: 'canonical', href: url },
    ...(share.jsonLd ?? []).map((data) => ({ 'script:ld+json': data })),
  ];
}

/** A description of at most ~200 characters, cut at a word. */
export function shortText(text: string, max = 200): string {
  const plain = text.replace(/\s+/g, ' ').trim();
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20))}…`;
}
