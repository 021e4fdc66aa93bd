import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react';
import { useI18n } from './i18n';

/** One error page for every route: a friendly, translated message per status. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t } = useI18n();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (!isRouteErrorResponse(error) && typeof document === 'undefined') console.error(error);
  if (status === 429 || status === 403) {
    const message = isRouteErrorResponse(error) ? (error.data as { message?: string } | undefined)?.message : undefined;
    if (message && message !== 'forbidden') {
      return (
        <section className="error-page" aria-labelledby="error-title">
          <h1 id="error-title">{t(status === 429 ? 'errors.badRequest.title' : 'errors.forbidden.title')}</h1>
          <p>{message}</p>
        </section>
      );
    }
  }
  const key = status === 404 ? 'notFound' : status === 403 ? 'forbidden' : status >= 500 ? 'serverError' : 'badRequest';
  return (
    <section className="error-page" aria-labelledby="error-title">
      <h1 id="error-title">{t(`errors.${key}.title`)}</h1>
      <p>{t(`errors.${key}.body`)}</p>
      <p>
        <Link to="/">{t('errors.backHome')}</Link>
      </p>
    </section>
  );
}
