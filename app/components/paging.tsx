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
  const shown = all.slice((page - 1) * size, page * size);
  return {
    shown,
    paging: {
      page,
      pages,
      previous: page > 1 ? link(page - 1) : null,
      next: page < pages ? link(page + 1) : null,
      from: shown.length ? (page - 1) * size + 1 : 0,
      to: (page - 1) * size + shown.length,
    },
  };
}

export function Paging({ paging }: { paging: PagingInfo }) {
  const { t } = useI18n();
  if (paging.pages <= 1) return null;
  return (
    <nav className="paging" aria-label={t('security:paging.label')}>
      <p>{t('security:paging.status', { page: paging.page, pages: paging.pages, from: paging.from, to: paging.to })}</p>
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
