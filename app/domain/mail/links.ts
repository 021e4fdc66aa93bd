/**
 * Links that sign someone in (sign-in links, invitations) are not stored in the outbox:
 * the payload holds which row to mint a token for, and the worker makes the token as it
 * sends the message (docs/decisions/091).
 */
export type MailLink = { kind: 'sign-in' | 'invitation'; id: number; base: string };

export function mailLinkOf(payload: unknown): MailLink | null {
  if (!payload || typeof payload !== 'object' || !('link' in payload)) return null;
  const link = (payload as { link: unknown }).link as Partial<MailLink> | null;
  if (!link || (link.kind !== 'sign-in' && link.kind !== 'invitation') || typeof link.id !== 'number' || typeof link.base !== 'string') return null;
  return link as MailLink;
}

const SHOWN_INSTEAD = { 'sign-in': '/login/verify?token=…', invitation: '/invitations/…' } as const;

/**
 * The payload as an organiser may see it: the link replaced by a placeholder (and any
 * clear link written before links were minted at send time, too).
 */
export function withWithheldLink(template: string, payload: Record<string, unknown>): Record<string, unknown> {
  const link = mailLinkOf(payload);
  if (link) return { ...payload, url: `${link.base}${SHOWN_INSTEAD[link.kind]}` };
  if (template === 'sign-in-link' || template === 'organisation-invitation') {
    const url = typeof payload.url === 'string' ? payload.url : '';
    return { ...payload, url: url.replace(/(\/login\/verify\?token=|\/invitations\/).*$/, '$1…') };
  }
  return payload;
}
