import { Fragment, type ReactNode } from 'react';
import { parseMarkdownLite, type Block, type Inline } from '~/lib/markdown-lite';

function renderInline(nodes: Inline[]): ReactNode {
  return nodes.map((n, i) => {
    switch (n.type) {
      case 'text':
        return <Fragment key={i}>{n.text}</Fragment>;
      case 'break':
        return <br key={i} />;
      case 'strong':
        return <strong key={i}>{renderInline(n.children)}</strong>;
      case 'link':
        return (
          <a key={i} href={n.href} rel={n.href.startsWith('http') ? 'noopener noreferrer' : undefined}>
            {renderInline(n.children)}
          </a>
        );
    }
  });
}

function renderBlock(block: Block, i: number): ReactNode {
  switch (block.type) {
    case 'heading':
      return block.level === 2 ? <h2 key={i}>{renderInline(block.children)}</h2> : <h3 key={i}>{renderInline(block.children)}</h3>;
    case 'paragraph':
      return <p key={i}>{renderInline(block.children)}</p>;
    case 'list':
      return (
        <ul key={i}>
          {block.items.map((item, j) => (
            <li key={j}>{renderInline(item)}</li>
          ))}
        </ul>
      );
  }
}

/** Markdown-lite written by organisers, rendered as React elements (never as raw HTML). */
export function RichText({ source, lang }: { source: string; lang?: string }) {
  return (
    <div className="rich-text" lang={lang}>
      {parseMarkdownLite(source).map(renderBlock)}
    </div>
  );
}
