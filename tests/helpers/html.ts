/**
 * The part of a page a person sees: without scripts and styles. Since a page's strings travel
 * in its loader data (docs/decisions/079), a text that must *not* be shown is looked for here,
 * never in the raw HTML.
 */
export function shownHtml(html: string): string {
  return html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<style[\s\S]*?<\/style>/g, '');
}
