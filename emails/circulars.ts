import type { TFunction } from '../app/lib/i18n';

/** The footer line of a circular or an invitation to apply again: how to get no more of them. */
export function circularsFooter(t: TFunction, stopUrl: string | undefined): string[] {
  return stopUrl ? [`${t('newcomer:circulars.footer')}: ${stopUrl}`] : [];
}
