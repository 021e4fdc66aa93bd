import { json } from '@remix-run/node';
import { isMessageKey, statusErrorKind } from '~/lib/error-text';
import { translator } from '~/lib/i18n';
import { localeOf } from './locale.server';

/** Throws a 404 Response (caught by the nearest ErrorBoundary) unless the value is there. */
export function invariantResponse<T>(value: T | null | undefined | false, message = 'Not found', status = 404): asserts value is T {
  if (!value) throw json({ message }, { status });
}

/** For a route's `headers` export: the Retry-After of a rate-limited action reaches the browser. */
export function retryAfterOf(actionHeaders: Headers): Headers {
  const headers = new Headers();
  const retry = actionHeaders.get('Retry-After');
  if (retry) headers.set('Retry-After', retry);
  return headers;
}


/**
 * For resource routes (files, no page): a refusal thrown inside — a typed domain error via
 * orRespond (errors.server), a guard's 403 — reaches the person as plain text in their language instead of
 * the JSON with a message key that an error boundary would have translated on a page.
 */
export async function withReadableRefusals(request: Request, handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (thrown) {
    if (!(thrown instanceof Response) || thrown.status < 400 || !thrown.headers.get('content-type')?.includes('application/json')) throw thrown;
    const data = (await thrown.json().catch(() => null)) as { message?: unknown; values?: Record<string, unknown> } | null;
    const t = translator(await localeOf(request));
    const key = isMessageKey(data?.message) ? data.message : `errors.${statusErrorKind(thrown.status)}.body`;
    return new Response(t(key, data?.values ?? {}) as string, {
      status: thrown.status,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  }
}
