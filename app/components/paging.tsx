/**
 * Long public lists (a city's whole program, every organisation) come in pages of a fixed
 * size, with links to the previous and next page that keep the rest of the query
 * (docs/decisions/102). Works without JavaScript: the links are plain links.
 */
import { Link } from '@remix-run/react';
import { useI18n } from './i18n';

export interface PagingInfo {
  page: number;
  pages: number;
  previous: string | null;
  next: string | null;
  from: number;
  to: number;
}

/** The slice of `all` on the page asked for (1 when missing or out of range) and the links around it. */
export function pagingOf<T>(all: T[], asked: string | null, size: number, link: (page: number) => string): { paging: PagingInfo; shown: T[] } {
  const pages = Math.max(1, Math.ceil(all.length / size));
  const page = Math.min(pages, Math.max(1, Number.parseInt(asked ?? '1', 10) || 1));
  return { shown: all.slice((page - 1) * size, page * size), paging: pagingInfo({ page, pages, total: all.length, size, link }) };
}

/** The links around a page that was cut out elsewhere (by the database's LIMIT and OFFSET). */
export function pagingInfo({ page, pages, total, size, link }: { page: number; pages: number; total: number; size: number; link: (page: number) => string }): PagingInfo {
  const from = total ? (page - 1) * size + 1 : 0;
  return {
    page,
    pages,
    previous: page > 1 ? link(page - 1) : null,
    next: page < pages ? link(page + 1) : null,
    from,
    to: total ? Math.min(total, page * size) : 0,
  };
}

/** The address of another page of the same list: the query kept, `page` replaced (none for page 1). */
export function pageLink(url: URL, page: number, param = 'page'): string {
  const search = new URLSearchParams(url.search);
  if (page > 1) search.set(param, String(page));
  else search.delete(param);
  const query = search.toString();
  return `${url.pathname}${query ? `?${query}` : ''}`;
}

/**
 * Without `of` the pages are of the program (the public program pages). `of` names any other
 * list ("Anmeldungen prüfen", "Offene Gebühren"): the navigation is named after it, so several
 * paged lists on one page stay apart, and the status counts entries, not program items.
 */
export function Paging({ paging, of }: { paging: PagingInfo; of?: string }) {
  const { t } = useI18n();
  if (paging.pages <= 1) return null;
  const numbers = { page: paging.page, pages: paging.pages, from: paging.from, to: paging.to };
  return (
    <nav className="paging" aria-label={of ? t('security:paging.labelOf', { list: of }) : t('security:paging.label')}>
      <p>{of ? t('security:paging.statusRows', numbers) : t('security:paging.status', numbers)}</p>
      <p className="paging__links">
        {paging.previous ? (
          <Link to={paging.previous} rel="prev">
            {t('security:paging.previous')}
          </Link>
        ) : null}{' '}
        {paging.next ? (
          <Link to={paging.next} rel="next">
            {t('security:paging.next')}
          </Link>
        ) : null}
      </p>
    </nav>
  );
}
