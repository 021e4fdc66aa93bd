import { json } from '@remix-run/node';
import { readProgramFilter, type ProgramFilter } from '../domain/program/program-filter';
import { findPublicProgramItems } from '../domain/program/public-program.server';
import { DEFAULT_LOCALE, translator } from '../lib/i18n';
import { parseList, pickText } from '../lib/i18n-text';
import { berlinDay } from '../lib/time';
import { db } from '../server/db.server';
import { embedLocale } from './locale.server';

/**
 * The data of an embedded program: the items of a /program filter (or of one edition), by day,
 * in the reader's language. No cookie is read or set; partners' pages may cache it briefly.
 */
export async function embedProgramData(request: Request, override: Partial<ProgramFilter> = {}) {
  const locale = embedLocale(request);
  const t = translator(locale);
  const url = new URL(request.url);
  const filter = { ...readProgramFilter(url.searchParams), ...override };
  const items = await findPublicProgramItems(db(), filter);
  const days = new Map<string, ReturnType<typeof row>[]>();
  function row(item: (typeof items)[number]) {
    return {
      uid: item.uid,
      title: pickText(item.title, locale),
      starts_at: item.starts_at,
      ends_at: item.ends_at,
      category: item.category,
      languages: parseList(item.languages),
      accessibility: parseList(item.accessibility),
      status: item.status,
      host_name: item.host_name,
      place: item.stage_name ? pickText(item.stage_name, locale) : null,
    };
  }
  for (const item of items) {
    const day = berlinDay(item.starts_at);
    days.set(day, [...(days.get(day) ?? []), row(item)]);
  }
  const editionTitles = [...new Map(items.map((i) => [i.edition_slug, pickText(i.edition_title, locale).text])).values()];
  const name = editionTitles.length === 1 ? editionTitles[0]! : t('feeds:program.title');
  // where "open on Festplatz" leads: the edition, or the same filter on /program
  const search = new URLSearchParams(url.search);
  search.delete('lang');
  if (locale !== DEFAULT_LOCALE) search.set('lang', locale);
  const query = search.toString();
  const full = override.edition?.length === 1 ? `/editions/${override.edition[0]}${locale === DEFAULT_LOCALE ? '' : `?lang=${locale}`}` : `/program${query ? `?${query}` : ''}`;
  return json(
    {
      title: t('public:embed.heading', { name }),
      days: [...days.entries()].map(([day, dayItems]) => ({ day, items: dayItems })),
      full,
      itemQuery: locale === DEFAULT_LOCALE ? '' : `?lang=${locale}`,
    },
    { headers: { 'Cache-Control': 'public, max-age=300', Vary: 'Accept-Language' } },
  );
}
