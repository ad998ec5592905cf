// A stored HTML description as Markdown, so an editor can change it in the same language the
// back office writes (descriptions imported from ODS or written before arrive as HTML).
// `turndown` (about 10 MB) is imported when the back office's metadata editor first needs it.

import type TurndownService from 'turndown';

let converter: Promise<TurndownService> | undefined;

async function createConverter(): Promise<TurndownService> {
  const { default: Turndown } = await import('turndown');
  return new Turndown({
    headingStyle: 'atx',
    bulletListMarker: '-',
    codeBlockStyle: 'fenced',
    emDelimiter: '*',
  });
}

/** The HTML → Markdown conversion, once `turndown` is loaded (loaded once per process). */
export async function htmlToMarkdownConverter(): Promise<(html: string) => string> {
  converter ??= createConverter();
  const turndown = await converter;
  return (html) => turndown.turndown(html);
}

export async function htmlToMarkdown(html: string): Promise<string> {
  return (await htmlToMarkdownConverter())(html);
}
