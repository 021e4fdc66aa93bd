/**
 * Pages organisers edit (Impressum, privacy notice, and – once its route exists – the
 * accessibility statement): one row per page and language in `pages`, Markdown-lite bodies.
 * Without a row the built-in default text is shown; without a text in the reader's
 * language the German one, marked as a fallback.
 *
 * To make another page editable (e.g. the accessibility statement on /accessibility):
 * add it to EDITABLE_PAGES with its path and default texts, and give its route
 * `export const loader = editablePageLoader('accessibility')` (app/http/editable-page.server.ts)
 * and `export default EditablePage` (app/components/editable-page.tsx).
 */
import type { DB } from '../../../db/connection';
import { recordAudit } from '../audit/audit.server';
import { NotFoundError } from '../errors';
import { assertAdministrator, type Actor } from '../people/authorise.server';
import { impressumDefaults, privacyDefaults, type PageText } from './defaults';

export interface EditablePageDefinition {
  path: string;
  defaults: Record<string, PageText>;
}

export const EDITABLE_PAGES = {
  impressum: { path: '/impressum', defaults: impressumDefaults },
  datenschutz: { path: '/datenschutz', defaults: privacyDefaults },
} satisfies Record<string, EditablePageDefinition>;

export type PageSlug = keyof typeof EDITABLE_PAGES;
export const PAGE_SLUGS = Object.keys(EDITABLE_PAGES) as PageSlug[];
const FALLBACK_LOCALE = 'de';

export function isPageSlug(value: string): value is PageSlug {
  return Object.hasOwn(EDITABLE_PAGES, value);
}

export interface ShownPage {
  slug: PageSlug;
  title: string;
  body: string;
  /** the language the text is in */
  lang: string;
  fallback: boolean;
  /** 0: the built-in default text */
  version: number;
  updatedAt: string | null;
}

async function stored(db: DB, slug: PageSlug, locale: string) {
  return db.selectFrom('pages').selectAll().where('slug', '=', slug).where('locale', '=', locale).executeTakeFirst();
}

/** The text in one language exactly (stored, else the default), or null. */
export async function pageInLocale(db: DB, slug: PageSlug, locale: string): Promise<Omit<ShownPage, 'fallback'> | null> {
  const row = await stored(db, slug, locale);
  if (row) return { slug, title: row.title, body: row.body, lang: locale, version: row.version, updatedAt: row.updated_at };
  const text = (EDITABLE_PAGES[slug].defaults as Record<string, PageText>)[locale];
  return text ? { slug, ...text, lang: locale, version: 0, updatedAt: null } : null;
}

/** What a reader sees: their language, else German with `fallback`. */
export async function getPage(db: DB, slug: string, locale: string): Promise<ShownPage> {
  if (!isPageSlug(slug)) throw new NotFoundError('errors.notFound.title');
  const own = await pageInLocale(db, slug, locale);
  if (own) return { ...own, fallback: false };
  const german = await pageInLocale(db, slug, FALLBACK_LOCALE);
  if (!german) throw new NotFoundError('errors.notFound.title');
  return { ...german, fallback: true };
}

/** "datenschutz:de@3": which wording of the privacy notice a person acknowledged. */
export async function privacyNoticeVersion(db: DB, locale: string): Promise<string> {
  const page = await getPage(db, 'datenschutz', locale);
  return `datenschutz:${page.lang}@${page.version}`;
}

export async function savePage(db: DB, actor: Actor, input: { slug: string; locale: string; title: string; body: string }): Promise<number> {
  assertAdministrator(actor);
  if (!isPageSlug(input.slug)) throw new NotFoundError('errors.notFound.title');
  const slug = input.slug;
  return db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const existing = await stored(trx, slug, input.locale);
    let version: number;
    if (existing) {
      version = existing.version + 1;
      await trx
        .updateTable('pages')
        .set({ title: input.title, body: input.body, version, updated_by: actor.id, updated_at: now })
        .where('id', '=', existing.id)
        .execute();
    } else {
      version = 1;
      await trx.insertInto('pages').values({ slug, locale: input.locale, title: input.title, body: input.body, version, updated_by: actor.id, updated_at: now }).execute();
    }
    await recordAudit(trx, { actorId: actor.id, action: 'page.updated', subjectType: 'page', subjectId: `${slug}/${input.locale}`, details: { version } });
    return version;
  });
}

/** For the office: every page in every language, stored or default. */
export async function listPages(db: DB, locales: readonly string[]) {
  const rows = await db.selectFrom('pages').select(['slug', 'locale', 'version', 'updated_at']).execute();
  return PAGE_SLUGS.map((slug) => ({
    slug,
    path: EDITABLE_PAGES[slug].path,
    locales: locales.map((locale) => {
      const row = rows.find((r) => r.slug === slug && r.locale === locale);
      const hasDefault = Boolean((EDITABLE_PAGES[slug].defaults as Record<string, PageText>)[locale]);
      return { locale, version: row?.version ?? 0, updatedAt: row?.updated_at ?? null, state: row ? ('edited' as const) : hasDefault ? ('default' as const) : ('missing' as const) };
    }),
  }));
}
