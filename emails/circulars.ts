import type { TFunction } from 'i18next';

/** The footer line of a circular or an invitation to apply again: how to get no more of them. */
export function circularsFooter(t: TFunction, stopUrl: string | undefined): string[] {
  return stopUrl ? [`${t('newcomer:circulars.footer')}: ${stopUrl}`] : [];
}
