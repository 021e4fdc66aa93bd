/**
 * Which strings a page ships: the visitor's language only, and on public pages without the
 * namespaces only the office and the account use (docs/decisions/079).
 */
const PRIVATE_PATHS = /^\/(?:office|account|receipts|login|invitations|logout)(?:\/|$)|^\/editions\/[^/]+\/apply(?:\/|$)/;
export const PUBLIC_PAGE_EXCLUDES = ['payments', 'office', 'emails'] as const;

export function excludedNamespaces(pathname: string): readonly string[] {
  return PRIVATE_PATHS.test(pathname) ? [] : PUBLIC_PAGE_EXCLUDES;
}
