import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { getPage, type PageSlug } from '~/domain/pages/pages.server';
import { db } from '../server/db.server';
import { localeOf } from './locale.server';
import { pageShare } from './share.server';
import { shortText } from '../lib/share';
import { orRespond } from './errors.server';

/** The loader of a public editable page: `export const loader = editablePageLoader('impressum')`. */
export function editablePageLoader(slug: PageSlug) {
  return async function loader({ request }: LoaderFunctionArgs) {
    const locale = await localeOf(request);
    const page = await orRespond(() => getPage(db(), slug, locale));
    return json({ page, title: page.title, share: pageShare(request, page.title, shortText(page.body.replace(/[#*_`>]|\]\([^)]*\)|\[/g, '') || page.title)) });
  };
}
