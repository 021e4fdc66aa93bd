import { Form, useLocation } from '@remix-run/react';
import { useI18n } from './i18n';

/**
 * Stars or unstars an item: a plain POST form (works without JavaScript) that comes back
 * to the page it was sent from.
 */
export function StarButton({ uid, title, starred }: { uid: string; title: string; starred: boolean }) {
  const { t } = useI18n();
  const location = useLocation();
  return (
    <Form method="post" action="/my-program" className="star-form" preventScrollReset>
      <input type="hidden" name="intent" value="toggle" />
      <input type="hidden" name="uid" value={uid} />
      <input type="hidden" name="back" value={`${location.pathname}${location.search}`} />
      <button type="submit" className={starred ? 'star-button star-button--on' : 'star-button'} aria-pressed={starred}>
        <span aria-hidden="true">{starred ? '★' : '☆'}</span> {starred ? t('feeds:star.starred') : t('feeds:star.star')}
        <span className="visually-hidden">: {title}</span>
      </button>
    </Form>
  );
}

/** webcal://, Google and Outlook links for a feed, plus the plain address to copy. */
export function SubscribeLinks({ links, id }: { links: { path: string; https: string; webcal: string; google: string; outlook: string }; id: string }) {
  const { t } = useI18n();
  return (
    <div className="subscribe">
      <ul className="subscribe__links">
        <li>
          <a className="button" href={links.webcal}>
            {t('feeds:subscribe.webcal')}
          </a>
        </li>
        <li>
          <a href={links.google} rel="noopener noreferrer" target="_blank">
            {t('feeds:subscribe.google')}
          </a>
        </li>
        <li>
          <a href={links.outlook} rel="noopener noreferrer" target="_blank">
            {t('feeds:subscribe.outlook')}
          </a>
        </li>
        <li>
          <a href={links.path} download>
            {t('feeds:subscribe.download')}
          </a>
        </li>
      </ul>
      <label htmlFor={id}>{t('feeds:subscribe.address')}</label>
      <input id={id} type="url" readOnly value={links.https} className="subscribe__address" />
    </div>
  );
}
