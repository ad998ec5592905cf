// The export tab: every format the dataset allows, with the filters of the table applied and
// an estimate of each file's size. The links are the API's export URLs.

import type { Dataset } from '../../../core/dataset.ts';
import type { MessageKey } from '../../../i18n/translate.ts';
import { ScrollTable } from '../../components/scroll-table.tsx';
import type { PageContext } from '../../page-context.ts';
import { exportApiUrl } from './api-urls.ts';
import { ActiveFilters } from './active-filters.tsx';
import { DatasetLayout } from './dataset-layout.tsx';
import type { ExportModel } from './export-model.ts';
import { availableFormats, estimateBytes, formatBytes } from './export-formats.ts';
import type { TableState } from './table-state.ts';

export function ExportTab(props: {
  ctx: PageContext;
  dataset: Dataset;
  state: TableState;
  model: ExportModel;
}) {
  const { ctx, dataset, state, model } = props;
  const { t } = ctx;
  const formats = availableFormats(dataset.current?.fields ?? []);
  return (
    <DatasetLayout ctx={ctx} dataset={dataset} tab="export" state={state}>
      <ActiveFilters ctx={ctx} dataset={dataset} state={state} />
      <p role="status">{t('export.count', { count: ctx.count('dataset.records', model.count) })}</p>
      <ScrollTable id="export-formats" caption={t('export.caption')}>
        <thead>
          <tr>
            <th scope="col">{t('export.format')}</th>
            <th scope="col">{t('export.description')}</th>
            <th scope="col">{t('export.size')}</th>
            <th scope="col">{t('export.download')}</th>
          </tr>
        </thead>
        <tbody>
          {formats.map((format) => (
            <tr>
              <th scope="row">{format.name.toUpperCase()}</th>
              <td>{t(`export.format.${format.name}` as MessageKey)}</td>
              <td>≈ {formatBytes(estimateBytes(model.sample, model.count, format), ctx.lang)}</td>
              <td>
                <a
                  class="fr-link fr-icon-download-line fr-link--icon-left"
                  href={exportApiUrl(ctx.site.baseUrl, dataset.id, state, format.name)}
                  download
                >
                  {t('export.downloadFormat', { format: format.name.toUpperCase() })}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      <p class="fr-text--sm">{t('export.estimateNote')}</p>
    </DatasetLayout>
  );
}
