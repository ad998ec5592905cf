// Publisher-written HTML (dataset descriptions), kept to a safe subset: paragraphs, lists,
// emphasis, links (http, https, mailto) and headings; scripts, styles and event handlers go.

import sanitizeHtml from 'sanitize-html';

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'ul',
    'ol',
    'li',
    'strong',
    'b',
    'em',
    'i',
    'a',
    'code',
    'pre',
    'blockquote',
    'h3',
    'h4',
    'h5',
    'h6',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: { a: ['href', 'title'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  // Headings of the page own h1 and h2: a description's h1/h2 become h3.
  transformTags: { h1: 'h3', h2: 'h3' },
};

export function safeHtml(html: string): string {
  return sanitizeHtml(html, ALLOWED);
}

/** The text of publisher HTML, for summaries and meta descriptions. */
export function plainText(html: string): string {
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }).replace(/\s+/g, ' ').trim();
}

export function RichText(props: { html: string; class?: string; lang?: string }) {
  return (
    <div
      class={props.class}
      lang={props.lang}
      dangerouslySetInnerHTML={{ __html: safeHtml(props.html) }}
    />
  );
}
