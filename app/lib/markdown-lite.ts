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

/** Counts the parser's work (characters looked at), for tests that its cost grows linearly. */
export interface ParseStats {
  steps: number;
}

const NONE = Number.MAX_SAFE_INTEGER;
const WHITESPACE = /\s/;

/**
 * Inline markup in one pass, in time linear in the text (an Impressum of 3.6 kB of `[`
 * used to take seconds with regular expressions that backtracked). Tables of "where is
 * the next `**`, `]`, line break, and `)`-or-space at or after i" are built right to left
 * once, so every candidate is checked in constant time. Same results as the
 * expressions it replaces: `**(.+?)**` on one line, `[text](href)` with text free of `]`
 * and href free of `)` and spaces; the earliest candidate wins.
 */
function parseInline(text: string, stats?: ParseStats): Inline[] {
  const n = text.length;
  const nextBold = new Float64Array(n + 2).fill(NONE);
  const nextBreak = new Float64Array(n + 2).fill(NONE);
  const nextBracket = new Float64Array(n + 2).fill(NONE);
  const nextParenOrSpace = new Float64Array(n + 2).fill(NONE);
  for (let i = n - 1; i >= 0; i--) {
    const c = text[i]!;
    nextBold[i] = c === '*' && text[i + 1] === '*' ? i : nextBold[i + 1]!;
    nextBreak[i] = c === '\n' ? i : nextBreak[i + 1]!;
    nextBracket[i] = c === ']' ? i : nextBracket[i + 1]!;
    nextParenOrSpace[i] = c === ')' || WHITESPACE.test(c) ? i : nextParenOrSpace[i + 1]!;
  }
  if (stats) stats.steps += n;

  const out: Inline[] = [];
  let plain = '';
  const flushText = () => {
    if (!plain) return;
    const last = out[out.length - 1];
    if (last?.type === 'text') last.text += plain;
    else out.push({ type: 'text', text: plain });
    plain = '';
  };
  let i = 0;
  while (i < n) {
    if (stats) stats.steps++;
    const c = text[i]!;
    if (c === '\n') {
      flushText();
      out.push({ type: 'break' });
      i++;
      continue;
    }
    if (c === '*' && text[i + 1] === '*' && i + 3 <= n) {
      const close = nextBold[i + 3]!;
      if (close !== NONE && nextBreak[i + 2]! > close) {
        flushText();
        out.push({ type: 'strong', children: parseInline(text.slice(i + 2, close), stats) });
        i = close + 2;
        continue;
      }
    }
    if (c === '[') {
      const close = nextBracket[i + 1]!;
      if (close !== NONE && close > i + 1 && text[close + 1] === '(') {
        const end = nextParenOrSpace[close + 2]!;
        if (end !== NONE && end > close + 2 && text[end] === ')') {
          const href = safeHref(text.slice(close + 2, end));
          flushText();
          if (href) out.push({ type: 'link', href, children: parseInline(text.slice(i + 1, close), stats) });
          else plain += text.slice(i, end + 1);
          i = end + 1;
          continue;
        }
      }
    }
    plain += c;
    i++;
  }
  flushText();
  return out;
}

export function parseMarkdownLite(source: string, stats?: ParseStats): Block[] {
  const blocks: Block[] = [];
  const chunks = source.replace(/\r\n?/g, '\n').split(/\n\s*\n/);
  for (const chunk of chunks) {
    const lines = chunk.split('\n').filter((l) => l.trim() !== '');
    if (lines.length === 0) continue;
    let paragraph: string[] = [];
    let list: Inline[][] = [];
    const flush = () => {
      if (paragraph.length) blocks.push({ type: 'paragraph', children: parseInline(paragraph.join('\n'), stats) });
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
        blocks.push({ type: 'heading', level: heading[1]!.length === 3 ? 3 : 2, children: parseInline(heading[2]!, stats) });
      } else if (item) {
        if (paragraph.length) flush();
        list.push(parseInline(item[1]!, stats));
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
