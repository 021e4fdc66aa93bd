import { createHash } from 'node:crypto';

/** Read access from any site: the open-data portal and partner websites call the API from browsers. */
export const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Access-Control-Allow-Headers': 'If-None-Match, If-Modified-Since, Content-Type',
  'Access-Control-Expose-Headers': 'ETag',
  'Access-Control-Max-Age': '86400',
};

/** JSON with CORS, caching and an ETag; a matching If-None-Match gets 304 without a body. */
export function apiJson(request: Request, data: unknown, status = 200, contentType = 'application/json; charset=utf-8'): Response {
  const body = JSON.stringify(data);
  const headers = new Headers({ ...CORS_HEADERS, 'Content-Type': contentType });
  if (status !== 200) {
    headers.set('Cache-Control', 'no-store');
    return new Response(body, { status, headers });
  }
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
  headers.set('ETag', etag);
  headers.set('Cache-Control', 'public, max-age=300');
  headers.set('Vary', 'Accept-Encoding');
  const given = request.headers.get('If-None-Match');
  if (given && given.split(',').some((e) => e.trim().replace(/^W\//, '') === etag || e.trim() === '*')) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(body, { status, headers });
}

export function apiError(request: Request, status: number, message: string): Response {
  return apiJson(request, { error: { status, message } }, status);
}

/** The CORS preflight gets 204; methods other than GET/HEAD/OPTIONS reach the action and get 405. */
export function apiAction(request: Request): Response {
  if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: CORS_HEADERS });
  return new Response(JSON.stringify({ error: { status: 405, message: 'Only GET, HEAD and OPTIONS' } }), {
    status: 405,
    headers: { ...CORS_HEADERS, Allow: 'GET, HEAD, OPTIONS', 'Content-Type': 'application/json; charset=utf-8' },
  });
}
