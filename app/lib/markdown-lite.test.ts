import { describe, expect, it } from 'vitest';
import { parseMarkdownLite, plainText, safeHref } from './markdown-lite';

describe('markdown-lite', () => {
  it('parses headings, paragraphs with line breaks, lists, bold and links', () => {
    const blocks = parseMarkdownLite('## Anbieter\nStadt Dortmund\nFriedensplatz 1\n\n- **E-Mail:** [fest@stadt.example](mailto:fest@stadt.example)\n- Telefon\n\n### Klein');
    expect(blocks).toEqual([
      { type: 'heading', level: 2, children: [{ type: 'text', text: 'Anbieter' }] },
      { type: 'paragraph', children: [{ type: 'text', text: 'Stadt Dortmund' }, { type: 'break' }, { type: 'text', text: 'Friedensplatz 1' }] },
      {
        type: 'list',
        items: [
          [
            { type: 'strong', children: [{ type: 'text', text: 'E-Mail:' }] },
            { type: 'text', text: ' ' },
            { type: 'link', href: 'mailto:fest@stadt.example', children: [{ type: 'text', text: 'fest@stadt.example' }] },
          ],
          [{ type: 'text', text: 'Telefon' }],
        ],
      },
      { type: 'heading', level: 3, children: [{ type: 'text', text: 'Klein' }] },
    ]);
  });

  it('keeps HTML and unsafe links as plain text', () => {
    const blocks = parseMarkdownLite('<script>alert(1)</script> [x](javascript:alert(1)) [y](//evil.example)');
    expect(blocks).toEqual([{ type: 'paragraph', children: [{ type: 'text', text: '<script>alert(1)</script> [x](javascript:alert(1)) [y](//evil.example)' }] }]);
    expect(safeHref('https://stadt.example/a?b=c')).toBe('https://stadt.example/a?b=c');
    expect(safeHref('/datenschutz')).toBe('/datenschutz');
    expect(safeHref('data:text/html,x')).toBeNull();
  });

  it('gives the plain text', () => {
    expect(plainText(parseMarkdownLite('## A\n\nb **c**\n\n- d'))).toBe('A b c d');
  });
});
