import { requireEditionManager } from '~/http/office.server';
import type { LoaderFunctionArgs } from '@remix-run/node';
import { getLogistics, logisticsCsv } from '~/domain/siteplan/logistics.server';
import { db } from '~/server/db.server';
import { withReadableRefusals } from '~/http/http.server';
import { translator } from '~/lib/i18n';
import { localeOf } from '~/http/locale.server';

/** The crew list as a CSV file for Excel (also reached as /logistics?format=csv). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return withReadableRefusals(request, async () => {
    const { edition } = await requireEditionManager(request, params.slug);
    const locale = await localeOf(request);
    const t = translator(locale);
    const data = await getLogistics(db(), edition.id);
    return new Response(logisticsCsv(data, locale, (key) => t(key)), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${edition.slug}-crew.csv"`,
        'Cache-Control': 'private, no-store',
      },
    });
  });
}
