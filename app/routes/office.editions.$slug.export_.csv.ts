import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { z } from 'zod';
import { EXPORT_KINDS } from '~/domain/office/constants';
import { exportEdition } from '~/domain/office/exports.server';
import { manageableEdition } from '~/domain/people/authorise.server';
import { db } from '~/server/db.server';
import { parseWithZod } from '@conform-to/zod/v4';
import { keyErrorMap } from '~/lib/form-keys';
import { withReadableRefusals } from '~/http/http.server';
import { localeOf } from '~/http/locale.server';
import { requireOfficePerson } from '~/http/session.server';
import { orRespond } from '~/http/errors.server';
import { requireEditionManager } from '~/http/office.server';

const schema = z.object({ kind: z.enum(EXPORT_KINDS), confirm: z.literal('on') });

/** POST: the CSV file itself (see office.editions.$slug.export.tsx for the form). */
export async function action({ request, params }: ActionFunctionArgs) {
  return withReadableRefusals(request, async () => {
    const person = await requireOfficePerson(request);
    const locale = await localeOf(request);
    const edition = await orRespond(() => manageableEdition(db(), person, params.slug ?? ''));
    const form = await request.formData();
    // a file is the answer, not a page: what is missing goes back to the form as ?error=<field>
    const submission = parseWithZod(form, { schema, error: keyErrorMap });
    if (submission.status !== 'success') {
      const back = new URLSearchParams();
      const kind = form.get('kind');
      if (typeof kind === 'string' && kind.length <= 20) back.set('kind', kind);
      for (const field of Object.keys(submission.error ?? {})) back.append('error', field || 'form');
      return redirect(`/office/editions/${edition.slug}/export?${back.toString()}`, 303);
    }
    const file = await orRespond(() => exportEdition(db(), person, edition.id, submission.value.kind, locale));
    return new Response(file.csv, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${file.filename}"`,
        'Cache-Control': 'no-store',
      },
    });
  });
}

/** GET: back to the form (after the same checks as the form itself). */
export async function loader({ request, params }: ActionFunctionArgs) {
  return withReadableRefusals(request, async () => {
    const { edition } = await requireEditionManager(request, params.slug);
    return redirect(`/office/editions/${edition.slug}/export`);
  });
}
