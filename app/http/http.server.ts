import { json } from '@remix-run/node';
import { DomainError, statusOf } from '~/domain/errors';

/** Throws a 404 Response (caught by the nearest ErrorBoundary) unless the value is there. */
export function invariantResponse<T>(value: T | null | undefined | false, message = 'Not found', status = 404): asserts value is T {
  if (!value) throw json({ message }, { status });
}

/** Runs a domain call and maps its typed errors to a status, once for every route. */
export async function orRespond<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    rethrowAsResponse(error);
  }
}

/**
 * A typed domain error becomes its status with the message key and values, which the error
 * boundary translates into the reader's language; anything else is rethrown as it is.
 */
export function rethrowAsResponse(error: unknown): never {
  if (error instanceof DomainError) {
    throw json({ message: error.messageKey, values: error.values }, { status: statusOf(error) });
  }
  throw error;
}

/** For a route's `headers` export: the Retry-After of a rate-limited action reaches the browser. */
export function retryAfterOf(actionHeaders: Headers): Headers {
  const headers = new Headers();
  const retry = actionHeaders.get('Retry-After');
  if (retry) headers.set('Retry-After', retry);
  return headers;
}
