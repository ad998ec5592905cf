import assert from 'node:assert/strict';
import { test } from 'node:test';

import { htmlToMarkdown } from './html-to-markdown.ts';
import { markdownHtml } from './markdown.tsx';

test('an HTML description becomes Markdown that renders back to the same HTML', async () => {
  const html =
    '<p>Résultats des <strong>contrôles</strong> :</p><ul><li>restaurants</li><li>abattoirs</li></ul><p><a href="https://agriculture.gouv.fr/">Ministère</a></p>';
  const markdown = await htmlToMarkdown(html);
  assert.equal(
    markdown,
    'Résultats des **contrôles** :\n\n-   restaurants\n-   abattoirs\n\n[Ministère](https://agriculture.gouv.fr/)',
  );
  assert.equal(markdownHtml(markdown).replace(/\n/g, ''), html);
});

test('plain text stays plain text', async () => {
  assert.equal(await htmlToMarkdown('Données ouvertes'), 'Données ouvertes');
});
