// A stored HTML description as Markdown, so an editor can change it in the same language the
// back office writes (descriptions imported from ODS or written before arrive as HTML).

import TurndownService from 'turndown';

const turndown = new TurndownService({
  headingStyle: 'atx',
  bulletListMarker: '-',
  codeBlockStyle: 'fenced',
  emDelimiter: '*',
});

export function htmlToMarkdown(html: string): string {
  return turndown.turndown(html);
}
