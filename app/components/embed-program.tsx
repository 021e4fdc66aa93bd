import { useLoaderData } from '@remix-run/react';
import type { PickedText } from '~/lib/i18n-text';
import { formatDay } from '~/lib/time';
import { useI18n } from './i18n';
import { ProgramEntryRow } from './program';

interface EmbedData {
  title: string;
  full: string;
  itemQuery: string;
  days: {
    day: string;
    items: {
      uid: string;
      title: PickedText;
      starts_at: string;
      ends_at: string;
      category: string;
      languages: string[];
      accessibility: string[];
      status: string;
      host_name: string | null;
      place: PickedText | null;
    }[];
  }[];
}

/** The program framed on a partner's site: plain HTML, links open Festplatz in a new tab. */
export function EmbedProgram() {
  const { title, days, full, itemQuery } = useLoaderData() as EmbedData;
  const { t, locale } = useI18n();
  return (
    <>
      <h1 className="embed__title">{title}</h1>
      <p>
        <a href={full} target="_blank" rel="noopener">
          {t('public:embed.open')}
          <span className="visually-hidden"> {t('public:embed.newTab')}</span>
        </a>
      </p>
      {days.length === 0 ? <p>{t('public:embed.empty')}</p> : null}
      {days.map(({ day, items }) => (
        <section key={day} aria-labelledby={`embed-day-${day}`}>
          <h2 id={`embed-day-${day}`}>{formatDay(day, locale)}</h2>
          <ul className="program-list">
            {items.map((item) => (
              <ProgramEntryRow key={item.uid} item={item} place={item.place?.text ?? null} newTab={{ query: itemQuery }} />
            ))}
          </ul>
        </section>
      ))}
      <p className="muted embed__source">
        <a href="/" target="_blank" rel="noopener">
          {t('public:embed.source')}
          <span className="visually-hidden"> {t('public:embed.newTab')}</span>
        </a>
      </p>
    </>
  );
}
