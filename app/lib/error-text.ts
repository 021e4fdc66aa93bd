/**
 * What an error page or a refused file request says, shared by the error boundary (pages) and
 * `withReadableRefusals` (resource routes): a domain message key travels with the refusal and
 * is translated where the reader's language is known; otherwise the status's own text.
 */

/** A message key as the domain throws it: `namespace:path.to.key`. */
export function isMessageKey(text: unknown): text is string {
  return typeof text === 'string' && /^[a-z][a-zA-Z]*:[a-zA-Z0-9_.]+$/.test(text);
}

/** The `common:errors.<kind>` texts for a status. */
export function statusErrorKind(status: number): 'notFound' | 'forbidden' | 'serverError' | 'badRequest' {
  return status === 404 ? 'notFound' : status === 403 ? 'forbidden' : status >= 500 ? 'serverError' : 'badRequest';
}
