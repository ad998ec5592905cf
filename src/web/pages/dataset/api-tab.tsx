// The API tab: the API URLs of the current filters, ready to copy, and a console built from the
// served OpenAPI document. The console is a GET form answered by the server, so it works
// without JavaScript and its URL can be shared; a script rebuilds it in place when loaded.

import type { Dataset } from '../../../core/dataset.ts';
import type { PageContext } from '../../page-context.ts';
import { ActiveFilters } from './active-filters.tsx';
import type { ConsoleOperation } from '../../client/console-model.ts';
import { ApiConsole, ConsoleAnswerView } from './api-console-form.tsx';
import type { ConsoleAnswer, ConsoleForm } from './api-console.ts';
import { datasetApiBase, recordsApiUrl, v1SearchUrl } from './api-urls.ts';
import { DatasetLayout } from './dataset-layout.tsx';
import type { TableState } from './table-state.ts';

function CopyField({ id, label, value }: { id: string; label: string; value: string }) {
  return (
    <div class="fr-input-group">
      <label class="fr-label" for={id}>
        {label}
      </label>
      <input class="fr-input dg-code" id={id} type="text" readOnly value={value} />
      <p class="fr-mt-1w">
        <a class="fr-link fr-link--sm" href={value}>
          {value}
        </a>
      </p>
    </div>
  );
}

export function ApiTab(props: {
  ctx: PageContext;
  dataset: Dataset;
  state: TableState;
  operations: ConsoleOperation[];
  form: ConsoleForm | null;
  answer: ConsoleAnswer | null;
}) {
  const { ctx, dataset, state, operations, form, answer } = props;
  const { t } = ctx;
  const base = ctx.site.baseUrl;
  return (
    <DatasetLayout ctx={ctx} dataset={dataset} tab="api" state={state}>
      <ActiveFilters ctx={ctx} dataset={dataset} state={state} tab="api" />
      <h2>{t('api.urls')}</h2>
      <CopyField
        id="api-records-url"
        label={t('api.recordsUrl')}
        value={recordsApiUrl(base, dataset.id, state)}
      />
      <CopyField
        id="api-v1-url"
        label={t('api.v1Url')}
        value={v1SearchUrl(base, dataset.id, state)}
      />
      <CopyField
        id="api-dataset-url"
        label={t('api.datasetUrl')}
        value={datasetApiBase(base, dataset.id)}
      />
      <p>
        <a class="fr-link" href="/api/explore/v2.1/openapi.json">
          {t('api.openapi')}
        </a>
      </p>

      <h2 class="fr-mt-4w">{t('api.console')}</h2>
      <p>{t('api.consoleHelp')}</p>
      {form ? <ApiConsole ctx={ctx} dataset={dataset} operations={operations} form={form} /> : null}
      {form && answer ? <ConsoleAnswerView ctx={ctx} form={form} answer={answer} /> : null}
      {form ? <script type="module" src="/static/js/api-console.js" /> : null}
    </DatasetLayout>
  );
}
