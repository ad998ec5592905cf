// A dataset in a list (home page, catalog): a DSFR card linking to its page.

import type { Dataset } from '../../core/dataset.ts';
import type { PageContext } from '../page-context.ts';
import { formatDate } from './dates.ts';
import { plainText } from './rich-text.tsx';
import { langAttribute, shownMetas } from './shown-metas.ts';

const SUMMARY_LENGTH = 180;

function summary(html: string | null): string {
  const text = plainText(html ?? '');
  return text.length > SUMMARY_LENGTH ? `${text.slice(0, SUMMARY_LENGTH - 1)}…` : text;
}

export function DatasetCard({ ctx, dataset }: { ctx: PageContext; dataset: Dataset }) {
  const { metas } = dataset;
  const shown = shownMetas(dataset, ctx.lang);
  const textLang = langAttribute(shown.lang, ctx.lang);
  const records = dataset.current?.recordsCount ?? 0;
  return (
    <div class="fr-card fr-enlarge-link fr-card--horizontal dg-dataset-card">
      <div class="fr-card__body">
        <div class="fr-card__content">
          <h3 class="fr-card__title">
            <a href={`/explore/dataset/${dataset.id}/`} lang={textLang}>
              {shown.title}
            </a>
          </h3>
          <p class="fr-card__desc" lang={textLang}>
            {summary(shown.description)}
          </p>
          <div class="fr-card__start">
            <ul class="fr-tags-group">
              {(metas.theme ?? []).map((theme) => (
                <li>
                  <p class="fr-tag fr-tag--sm">{theme}</p>
                </li>
              ))}
            </ul>
          </div>
          <div class="fr-card__end">
            <p class="fr-card__detail">
              {metas.publisher ? `${metas.publisher} · ` : ''}
              {ctx.count('dataset.records', records)} ·{' '}
              {ctx.t('dataset.modifiedOn', { date: formatDate(ctx.lang, dataset.modifiedAt) })}
            </p>
          </div>
        </div>
      </div>
    </div>
  );
}
