import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { exportVolunteers } from '~/domain/volunteers/board.server';
import { orRespond } from '~/http/errors.server';
import { withReadableRefusals } from '~/http/http.server';
import { requireEditionSetup } from '~/http/edition-setup.server';
import { localeOf } from '~/http/locale.server';
import { db } from '~/server/db.server';

/** POST: the volunteer list as CSV for the city's insurance (confirmed by a tick, logged); without the tick back to the board. */
export async function action({ request, params }: ActionFunctionArgs) {
  return withReadableRefusals(request, async () => {
    const { person, edition } = await requireEditionSetup(request, params.slug);
    const locale = await localeOf(request);
    const form = await request.formData();
    if (form.get('confirm') !== 'on') return redirect(`/office/editions/${edition.slug}/volunteers?error=confirm#export`, 303);
    const file = await orRespond(() => exportVolunteers(db(), person, edition.id, locale));
    return new Response(file.csv, {
      headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${file.filename}"`, 'Cache-Control': 'no-store' },
    });
  });
}

/** GET: back to the board. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition } = await requireEditionSetup(request, params.slug);
  return redirect(`/office/editions/${edition.slug}/volunteers#export`);
}
