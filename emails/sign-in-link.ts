import { translator, type Locale } from '../app/lib/i18n';
import { renderLayout } from './layout';

export interface SignInLinkPayload {
  url: string;
  minutes: number;
}

export function signInLinkEmail(payload: SignInLinkPayload, locale: Locale) {
  const t = translator(locale);
  return renderLayout({
    locale,
    subject: t('emails:signIn.subject'),
    paragraphs: [t('emails:signIn.body', { minutes: payload.minutes })],
    action: { label: t('emails:signIn.action'), url: payload.url },
    footer: [t('emails:signIn.notYou')],
  });
}
