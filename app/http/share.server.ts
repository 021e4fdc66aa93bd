import type { ShareData } from '../lib/share';

/** The link preview of a plain public page: its title, a description and its own address. */
export function pageShare(request: Request, title: string, description: string): ShareData {
  const url = new URL(request.url);
  url.searchParams.delete('_data');
  return { title, description, path: `${url.pathname}${url.search}` };
}
