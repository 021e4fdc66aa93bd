import { Link } from '@remix-run/react';
import type { ReactNode } from 'react';
import { formatList, isolate, languageName } from '~/lib/i18n';
import { parseList, type LocalizedText, type PickedText } from '~/lib/i18n-text';
import { formatTime } from '~/lib/time';
import { Localized, useI18n } from './i18n';

export interface ProgramEntry {
  uid: string;
  /** stored JSON of all languages, only the reader's language, or the text picked on the server */
  title: string | LocalizedText | PickedText;
  starts_at: string;
  ends_at: string;
  category: string;
  languages: string | string[];
  accessibility: string | string[];
  status: string;
  host_name: string | null;
}

/** Category, languages, accessibility and a cancelled mark, as short labels. */
export function ItemFacts({ item }: { item: Pick<ProgramEntry, 'category' | 'languages' | 'accessibility' | 'status'> }) {
  const { t, locale } = useI18n();
  const languages = parseList(item.languages);
  const access = parseList(item.accessibility);
  return (
    <ul className="facts">
      {item.status === 'cancelled' ? <li className="tag tag--cancelled">{t('program.cancelled')}</li> : null}
      <li className="tag">{t(`programCategories.${item.category}`, { defaultValue: item.category })}</li>
      {languages.length > 0 ? (
        <li className="tag">
          {t('program.languages')}: {formatList(languages.map((l) => languageName(l, locale)), locale)}
        </li>
      ) : null}
      {access.map((a) => (
        <li key={a} className="tag tag--access">
          {t(`accessibility.${a}`, { defaultValue: a })}
        </li>
      ))}
    </ul>
  );
}

/**
 * `place` (a stage name) and `action` (e.g. a star button) are optional extras of the row.
 * `newTab` (the embed on other sites): a plain link that opens Festplatz in a new tab.
 */
export function ProgramEntryRow({ item, place, action, newTab }: { item: ProgramEntry; place?: string | LocalizedText | PickedText | null; action?: ReactNode; newTab?: { query: string } }) {
  const { t, locale } = useI18n();
  const cancelled = item.status === 'cancelled';
  const label = (
    <>
      {cancelled ? <span className="visually-hidden">{t('program.cancelled')}: </span> : null}
      <Localized value={item.title} />
    </>
  );
  return (
    <li className={cancelled ? 'program-entry program-entry--cancelled' : 'program-entry'}>
      <p className="program-entry__time">
        <time dateTime={item.starts_at}>{formatTime(item.starts_at, locale)}</time>
        {'–'}
        <time dateTime={item.ends_at}>{formatTime(item.ends_at, locale)}</time>
      </p>
      <div>
        {newTab ? (
          <a href={`/program/${encodeURIComponent(item.uid)}${newTab.query}`} className="program-entry__title" target="_blank" rel="noopener">
            {label}
            <span className="visually-hidden"> {t('public:embed.newTab')}</span>
          </a>
        ) : (
          <Link to={`/program/${item.uid}`} className="program-entry__title">
            {label}
          </Link>
        )}
        {place ? (
          <p className="muted">
            <Localized value={place} />
          </p>
        ) : null}
        {item.host_name ? <p className="muted">{t('program.hostedBy', { name: isolate(item.host_name) })}</p> : null}
        <ItemFacts item={item} />
        {action}
      </div>
    </li>
  );
}
