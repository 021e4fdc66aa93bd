/**
 * Which strings a page ships: the visitor's language only, and on public pages without the
 * namespaces only the office and the account use (docs/decisions/079).
 */
const PRIVATE_PATHS = /^\/(?:office|account|receipts|login|invitations|logout)(?:\/|$)|^\/editions\/[^/]+\/apply(?:\/|$)/;
export const PUBLIC_PAGE_EXCLUDES = ['payments', 'office', 'emails'] as const;

/** The festival day's strings (docs/decisions/112) are for the office and, in public, the stage screen only. */
const STAGE_SCREEN = /^\/editions\/[^/]+\/stages\/[^/]+\/now\/?$/;
const PUBLIC_PAGE_EXCLUDES_WITH_FESTIVAL_DAY = [...PUBLIC_PAGE_EXCLUDES, 'festival-day'] as const;

export function excludedNamespaces(pathname: string): readonly string[] {
  if (PRIVATE_PATHS.test(pathname)) return [];
  return STAGE_SCREEN.test(pathname) ? PUBLIC_PAGE_EXCLUDES : PUBLIC_PAGE_EXCLUDES_WITH_FESTIVAL_DAY;
}
