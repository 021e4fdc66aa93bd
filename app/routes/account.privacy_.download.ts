import type { LoaderFunctionArgs } from '@remix-run/node';
import { collectPersonalData } from '~/domain/privacy/export.server';
import { db } from '~/server/db.server';
import { withReadableRefusals } from '~/http/http.server';
import { requirePerson } from '~/http/session.server';
import { orRespond } from '~/http/errors.server';

/** Art. 15: everything about the signed-in person, as a JSON file. */
export async function loader({ request }: LoaderFunctionArgs) {
  return withReadableRefusals(request, async () => {
    const person = await requirePerson(request);
    const data = await orRespond(() => collectPersonalData(db(), person.id));
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="festplatz-my-data-${data.generatedAt.slice(0, 10)}.json"`,
        'Cache-Control': 'no-store',
      },
    });
  });
}
