// /backoffice/datasets/{id}/metadata/: the metadata editor, for those who manage the dataset.
// A refused form comes back with what was typed and the messages (400); a saved one redirects
// to the page with a notice (303). Descriptions are written in Markdown and stored as the
// sanitised HTML that ODS clients expect; the stored HTML is turned back into Markdown to edit.

import type { FastifyInstance } from 'fastify';

import { htmlToMarkdownConverter } from '../web/components/html-to-markdown.ts';
import { markdownHtml } from '../web/components/markdown.tsx';
import { pageContext } from '../web/page-context.ts';
import { sendPage } from '../web/render.ts';
import type { SiteOptions } from '../web/site-options.ts';
import { datasetPath } from './dataset-tabs.tsx';
import type { ById } from './managed-dataset.ts';
import { managedDataset } from './managed-dataset.ts';
import type { DescriptionFormat } from './metadata-form.ts';
import {
  metadataProblems,
  metadataValuesFromBody,
  metadataValuesOf,
  metasFromValues,
} from './metadata-form.ts';
import { MetadataPage } from './metadata-page.tsx';
import { translationLanguages } from './translation-languages.ts';

/** The editor's description formats (`turndown` is loaded on the first use). */
async function descriptions(): Promise<DescriptionFormat> {
  return { toHtml: markdownHtml, toMarkdown: await htmlToMarkdownConverter() };
}

export function metadataRoutes(scope: FastifyInstance, options: SiteOptions): void {
  const { datasets } = options.services;

  scope.get<ById>('/backoffice/datasets/:id/metadata', async (request, reply) => {
    const overview = await managedDataset(request, reply, options, 'metadata/');
    if (!overview) return reply;
    const ctx = pageContext(request, options);
    const languages = translationLanguages(overview.dataset);
    const values = metadataValuesOf(overview.dataset.metas, languages, await descriptions());
    const saved = ctx.query.get('done') === 'saved';
    const state = { overview, values, problems: {}, languages, saved };
    return sendPage(reply, ctx, MetadataPage({ ctx, state }));
  });

  scope.post<ById>('/backoffice/datasets/:id/metadata', async (request, reply) => {
    const overview = await managedDataset(request, reply, options, 'metadata/');
    if (!overview) return reply;
    const ctx = pageContext(request, options);
    const languages = translationLanguages(overview.dataset);
    const values = metadataValuesFromBody(request.body, languages);
    const problems = metadataProblems(values);
    if (Object.keys(problems).length > 0) {
      const state = { overview, values, problems, languages, saved: false };
      return sendPage(reply, ctx, MetadataPage({ ctx, state }), 400);
    }
    const metas = metasFromValues(overview.dataset.metas, values, languages, await descriptions());
    await datasets.saveMetas(request.viewer, overview.dataset.id, metas);
    return reply.redirect(`${datasetPath(overview.dataset.id, 'metadata/')}?done=saved`, 303);
  });
}
