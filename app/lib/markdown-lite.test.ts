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

  it('parses adversarial input in linear time (work counted, not timed)', () => {
    // Issue 17: 3.6 kB of "[" took 5–8 s with backtracking expressions. The parser counts
    // the characters it looks at; ten times the input may cost at most ten times the work
    // (plus a little), and never more than a few steps per character.
    const attacks = [
      (n: number) => '['.repeat(n),
      (n: number) => '[a]('.repeat(n / 4),
      (n: number) => '**a'.repeat(n / 3),
      (n: number) => '[**'.repeat(n / 3),
      (n: number) => '[x](y '.repeat(n / 6),
      (n: number) => '*'.repeat(n),
      (n: number) => `${'[a'.repeat(n / 4)}${'](b'.repeat(n / 4)}`,
    ];
    for (const attack of attacks) {
      const small = { steps: 0 };
      const large = { steps: 0 };
      const a = attack(3600);
      const b = attack(36000);
      parseMarkdownLite(a, small);
      parseMarkdownLite(b, large);
      expect(small.steps).toBeGreaterThanOrEqual(a.length);
      expect(large.steps).toBeLessThanOrEqual(10.5 * small.steps);
      expect(large.steps).toBeLessThanOrEqual(4 * b.length);
    }
  });

  it('reads the same as before on input that mixes the marks', () => {
    expect(parseMarkdownLite('a **b [c](/d)** e [**f**](https://g.example) ***h** [i](j) [k](/l m)')).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'a ' },
          { type: 'strong', children: [{ type: 'text', text: 'b ' }, { type: 'link', href: '/d', children: [{ type: 'text', text: 'c' }] }] },
          { type: 'text', text: ' e ' },
          { type: 'link', href: 'https://g.example', children: [{ type: 'strong', children: [{ type: 'text', text: 'f' }] }] },
          { type: 'text', text: ' ' },
          { type: 'strong', children: [{ type: 'text', text: '*h' }] },
          { type: 'text', text: ' [i](j) [k](/l m)' },
        ],
      },
    ]);
  });
});
