/**
 * Where a redirect (or a link built from the current address) may go: a path on this
 * site *after* the WHATWG URL parser has normalised it. Browsers strip tabs and line
 * breaks and read `\` as `/`, so `/\t/evil.example/` or `/\\evil.example` are
 * other sites; checking the raw string is not enough. The answer is always the parser's
 * own serialisation (percent-encoded, never a control character), so it is safe in a
 * Location header.
 */
const BASE = 'http://festplatz.invalid';

/** The normalised local path of `to`, or `invalid` when it leaves the site; `fallback` when absent. */
export function localPath(to: unknown, fallback: string, invalid = '/'): string {
  if (typeof to !== 'string' || to === '') return fallback;
  if (!to.startsWith('/')) return invalid;
  let url: URL;
  try {
    url = new URL(to, BASE);
  } catch {
    return invalid;
  }
  if (url.origin !== BASE) return invalid;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // `new URL('/.//evil', base).pathname` is `//evil`: a path that a browser would read as a host.
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return invalid;
  return path;
}

/** A pathname safe to put in front of `?…` in a link: `//host/x` becomes `/host/x`. */
export function sitePathname(pathname: string): string {
  return `/${pathname.replace(/^[/\\]+/, '')}`;
}
