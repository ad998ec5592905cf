// Administrator-written Markdown (texts around generated pages), rendered to HTML and then kept
// to the same safe subset as publisher HTML (rich-text.tsx). HTML typed in the Markdown is shown
// as text, never passed through: the sanitizer is a second lock, not the only one.

import { Marked } from 'marked';

import { safeHtml } from './rich-text.tsx';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

const markdown = new Marked({
  gfm: true,
  async: false,
  renderer: {
    html: (token) => {
      const text = escapeHtml(token.text);
      return 'block' in token && token.block ? `<p>${text.trim()}</p>\n` : text;
    },
  },
});

export function markdownHtml(source: string): string {
  return safeHtml(markdown.parse(source, { async: false }));
}

export function Markdown(props: { source: string; class?: string }) {
  return (
    <div class={props.class} dangerouslySetInnerHTML={{ __html: markdownHtml(props.source) }} />
  );
}
