/**
 * Markdown-lite for texts organisers edit (Impressum, privacy notice, accessibility
 * statement): parsed into a small tree that React renders element by element, so nothing
 * typed is ever injected as HTML. Supported: "## " and "### " headings, "- " lists,
 * paragraphs (blank line between; a single line break stays a break), **bold** and
 * [links](https://…) to http(s), mailto: or tel: addresses and local paths.
 */
export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] }
  | { type: 'break' };

export type Block =
  | { type: 'heading'; level: 2 | 3; children: Inline[] }
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'list'; items: Inline[][] };

export function safeHref(href: string): string | null {
  const h = href.trim();
  if (/^(https?:\/\/|mailto:|tel:)[^\s<>"]+$/i.test(h)) return h;
  if (/^\/(?!\/)[^\s<>"]*$/.test(h)) return h;
  return null;
}

function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let rest = text;
  const pushText = (t: string) => {
    if (!t) return;
    const last = out[out.length - 1];
    if (last?.type === 'text') last.text += t;
    else out.push({ type: 'text', text: t });
  };
  while (rest.length > 0) {
    const bold = /\*\*(.+?)\*\*/.exec(rest);
    const link = /\[([^\]]+)\]\(([^)\s]+)\)/.exec(rest);
    const newline = rest.indexOf('\n');
    const candidates = [
      bold ? { at: bold.index, kind: 'bold' as const, m: bold } : null,
      link ? { at: link.index, kind: 'link' as const, m: link } : null,
      newline >= 0 ? { at: newline, kind: 'break' as const, m: null } : null,
    ].filter((c): c is NonNullable<typeof c> => c !== null);
    if (candidates.length === 0) {
      pushText(rest);
      break;
    }
    const next = candidates.reduce((a, b) => (b.at < a.at ? b : a));
    pushText(rest.slice(0, next.at));
    if (next.kind === 'break') {
      out.push({ type: 'break' });
      rest = rest.slice(next.at + 1);
    } else if (next.kind === 'bold') {
      out.push({ type: 'strong', children: parseInline(next.m![1]!) });
      rest = rest.slice(next.at + next.m![0].length);
    } else {
      const href = safeHref(next.m![2]!);
      if (href) out.push({ type: 'link', href, children: parseInline(next.m![1]!) });
      else pushText(next.m![0]);
      rest = rest.slice(next.at + next.m![0].length);
    }
  }
  return out;
}

export function parseMarkdownLite(source: string): Block[] {
  const blocks: Block[] = [];
  const chunks = source.replace(/\r\n?/g, '\n').split(/\n\s*\n/);
  for (const chunk of chunks) {
    const lines = chunk.split('\n').filter((l) => l.trim() !== '');
    if (lines.length === 0) continue;
    let paragraph: string[] = [];
    let list: Inline[][] = [];
    const flush = () => {
      if (paragraph.length) blocks.push({ type: 'paragraph', children: parseInline(paragraph.join('\n')) });
      if (list.length) blocks.push({ type: 'list', items: list });
      paragraph = [];
      list = [];
    };
    for (const raw of lines) {
      const line = raw.trimEnd();
      const heading = /^(#{1,3})\s+(.*)$/.exec(line);
      const item = /^\s*[-*]\s+(.*)$/.exec(line);
      if (heading) {
        flush();
        blocks.push({ type: 'heading', level: heading[1]!.length === 3 ? 3 : 2, children: parseInline(heading[2]!) });
      } else if (item) {
        if (paragraph.length) flush();
        list.push(parseInline(item[1]!));
      } else {
        if (list.length) flush();
        paragraph.push(line.trim());
      }
    }
    flush();
  }
  return blocks;
}

/** The plain text of a tree (for meta descriptions and search). */
export function plainText(blocks: Block[]): string {
  const inline = (nodes: Inline[]): string =>
    nodes.map((n) => (n.type === 'text' ? n.text : n.type === 'break' ? ' ' : inline(n.children))).join('');
  return blocks.map((b) => (b.type === 'list' ? b.items.map(inline).join(' ') : inline(b.children))).join(' ');
}
