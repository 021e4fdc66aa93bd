import { NotFoundError } from '~/domain/errors';
import { translator } from '~/lib/i18n';
import { localeOf } from './locale.server';

/**
 * The answer to an RFC 8058 one-click POST (a mail provider, no cookie, no page): plain text in
 * the request's language, 200 with `doneKey` when `act` ran, 404 with the reason for an unknown link.
 */
export async function oneClickAnswer(request: Request, act: () => Promise<unknown>, doneKey: string): Promise<Response> {
  const t = translator(await localeOf(request));
  const text = (body: string, status: number) => new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
  try {
    await act();
  } catch (error) {
    if (error instanceof NotFoundError) return text(t(error.messageKey), 404);
    throw error;
  }
  return text(t(doneKey), 200);
}
