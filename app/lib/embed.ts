/** The embeddable program (framed on partners' sites): /embed/editions/<slug>, /embed/program?<filters>. */
export const EMBED_PATH = /^\/embed(\/|$)/;

export function isEmbedPath(pathname: string): boolean {
  return EMBED_PATH.test(pathname);
}

/** The iframe snippet a partner copies into their page. */
export function embedSnippet(src: string, title: string): string {
  return `<iframe src="${src}" title="${title.replace(/"/g, '&quot;')}" width="100%" height="600" loading="lazy" style="border: 1px solid #ccc; border-radius: 8px;"></iframe>`;
}
