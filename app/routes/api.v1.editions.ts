import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { readProgramFilterStrict } from '~/domain/program/program-filter-strict';
import { editionsForApi } from '~/domain/program/open-data.server';
import { apiAction, apiError, apiJson } from '~/http/api.server';
import { db } from '~/server/db.server';
import { env } from '~/server/env.server';

/** GET /api/v1/editions: public editions with venues and stages, narrowed by `series` and `edition`. */
export async function loader({ request }: LoaderFunctionArgs) {
  // Remix hands OPTIONS (the CORS preflight) to the loader, not the action.
  if (request.method === 'OPTIONS') return apiAction(request);
  const read = readProgramFilterStrict(new URL(request.url).searchParams);
  if (!read.ok) return apiError(request, 400, read.message);
  const editions = await editionsForApi(db(), read.filter, env().PUBLIC_URL);
  return apiJson(request, { count: editions.length, editions });
}

export function action({ request }: ActionFunctionArgs) {
  return apiAction(request);
}
