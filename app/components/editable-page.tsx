import { shareMeta, type ShareData } from '~/lib/share';
import type { MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import type { ShownPage } from '~/domain/pages/pages.server';
import { useI18n } from './i18n';
import { RichText } from './rich-text';

/** A public page whose text organisers edit at /office/pages (see app/domain/pages/pages.server.ts). */
export function EditablePage() {
  const { page } = useLoaderData<{ page: ShownPage }>();
  const { t, locale } = useI18n();
  const lang = page.lang !== locale ? page.lang : undefined;
  return (
    <article className="editable-page">
      <h1 lang={lang}>{page.title}</h1>
      {page.fallback ? (
        <p className="notice" role="note">
          {t('admin:pages.fallbackNote', { language: t(`admin:languages.${page.lang}`) })}
        </p>
      ) : null}
      <RichText source={page.body} lang={lang} />
    </article>
  );
}

export const editablePageMeta: MetaFunction = ({ data, matches }) => shareMeta(matches, (data as { share?: ShareData } | undefined)?.share);
