import type { LoaderFunctionArgs } from '@remix-run/node';
import { planImageBytes } from '~/domain/places/plan-image.server';
import { canManageSeries } from '~/domain/people/authorise.server';
import { getSessionPerson } from '~/http/session.server';
import { db } from '~/server/db.server';

/**
 * GET /editions/<slug>/site-plan/<area id>: the picture of the grounds under an area's plan
 * (only re-encoded pixels are stored). Public once the edition is; a draft's only to its
 * organisers. The URL carries the picture's version, so it may be kept for long.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const areaId = Number(params.areaId);
  const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  if (!Number.isInteger(areaId) || areaId <= 0) return notFound();
  const picture = await planImageBytes(db(), areaId);
  if (!picture || picture.slug !== params.slug) return notFound();
  const isPublic = picture.status !== 'draft';
  if (!isPublic) {
    const person = await getSessionPerson(request);
    const edition = await db().selectFrom('editions').select('series_id').where('id', '=', picture.edition_id).executeTakeFirstOrThrow();
    if (!person || !(await canManageSeries(db(), person, edition.series_id))) return notFound();
  }
  return new Response(new Uint8Array(picture.image), {
    headers: {
      'Content-Type': picture.mime,
      'Content-Length': String(picture.image.length),
      'Cache-Control': isPublic ? 'public, max-age=86400' : 'private, no-store',
      'Last-Modified': new Date(picture.updated_at).toUTCString(),
      'X-Content-Type-Options': 'nosniff',
      'Content-Disposition': 'inline',
    },
  });
}
