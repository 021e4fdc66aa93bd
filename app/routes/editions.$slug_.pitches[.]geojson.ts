import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { NotFoundError } from '~/domain/errors';
import { pitchesGeoJson } from '~/domain/program/geodata.server';
import { apiAction, apiError, apiJson } from '~/http/api.server';
import { db } from '~/server/db.server';
import { env } from '~/server/env.server';

/** GET /editions/<slug>/pitches.geojson: open data (docs/api.md), CORS, ETag and 304. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  if (request.method === 'OPTIONS') return apiAction(request);
  try {
    return apiJson(request, await pitchesGeoJson(db(), params.slug ?? '', env().PUBLIC_URL), 200, 'application/geo+json; charset=utf-8');
  } catch (error) {
    if (error instanceof NotFoundError) return apiError(request, 404, 'No such edition');
    throw error;
  }
}

export function action({ request }: ActionFunctionArgs) {
  return apiAction(request);
}
