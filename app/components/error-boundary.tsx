import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react';
import { isMessageKey, statusErrorKind } from '~/lib/error-text';
import { useI18n } from './i18n';

/**
 * One error page for every route: a friendly, translated title per status and, where the
 * server said why, the reason in the reader's language. A reason arrives either as a message
 * key with values (a typed domain error, see app/http/http.server.ts) or as a text already
 * translated on the server (rate limits); anything else (an internal note such as "not found")
 * is never shown, the status's own text is.
 */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t } = useI18n();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (!isRouteErrorResponse(error) && typeof document === 'undefined') console.error(error);
  const data = isRouteErrorResponse(error) ? (error.data as { message?: unknown; values?: Record<string, unknown> } | undefined) : undefined;
  const message = typeof data?.message === 'string' ? data.message : undefined;
  const key = statusErrorKind(status);
  let reason: string | undefined;
  if (isMessageKey(message)) {
    const translated = t(message, { ...(data?.values ?? {}), defaultValue: '' }) as string;
    reason = translated && translated !== message ? translated : undefined;
  } else if (message && (status === 429 || status === 403) && message !== 'forbidden') {
    reason = message;
  }
  return (
    <section className="error-page" aria-labelledby="error-title">
      <h1 id="error-title">{t(`errors.${key}.title`)}</h1>
      <p>{reason ?? t(`errors.${key}.body`)}</p>
      <p>
        <Link to="/">{t('errors.backHome')}</Link>
      </p>
    </section>
  );
}
