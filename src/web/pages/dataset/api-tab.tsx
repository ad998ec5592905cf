// The API tab: the API URLs of the current filters, ready to copy, and a small console that
// runs ODSQL on the dataset. The console is a GET form answered by the server, so it works
// without JavaScript; its URL can be shared.

import type { Dataset } from '../../../core/dataset.ts';
import type { PageContext } from '../../page-context.ts';
import { ActiveFilters } from './active-filters.tsx';
import type { ConsoleAnswer, ConsoleInput } from './api-console.ts';
import { CONSOLE_PARAMETERS } from './api-console.ts';
import { datasetApiBase, recordsApiUrl, v1SearchUrl } from './api-urls.ts';
import { DatasetLayout } from './dataset-layout.tsx';
import { datasetUrl } from './dataset-tabs.tsx';
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
  input: ConsoleInput | null;
  answer: ConsoleAnswer | null;
}) {
  const { ctx, dataset, state, input, answer } = props;
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
      <form
        method="get"
        action={`${datasetUrl(dataset.id, 'api')}#console-answer`}
        id="api-console"
      >
        {state.q ? <input type="hidden" name="q" value={state.q} /> : null}
        {state.refines.map((r) => (
          <input type="hidden" name={`refine.${r.field}`} value={r.value} />
        ))}
        {state.excludes.map((e) => (
          <input type="hidden" name={`exclude.${e.field}`} value={e.value} />
        ))}
        <input type="hidden" name="run" value="1" />
        <div class="fr-grid-row fr-grid-row--gutters">
          {CONSOLE_PARAMETERS.map((name) => (
            <div class="fr-col-12 fr-col-md-6 fr-input-group">
              <label class="fr-label" for={`console-${name}`}>
                <code>{name}</code>
                <span class="fr-hint-text">{t(`api.hint.${name}`)}</span>
              </label>
              <input
                class="fr-input dg-code"
                id={`console-${name}`}
                name={name}
                type="text"
                value={input?.[name] ?? ''}
                spellcheck={false}
                autocomplete="off"
              />
            </div>
          ))}
        </div>
        <button class="fr-btn" type="submit">
          {t('api.run')}
        </button>
      </form>
      {answer ? (
        <section
          class="fr-mt-4w"
          id="console-answer"
          aria-labelledby="console-answer-title"
          tabIndex={-1}
        >
          <h3 id="console-answer-title">{t('api.answer', { status: answer.status })}</h3>
          <pre class="dg-json" tabIndex={0}>
            {JSON.stringify(answer.body, null, 2)}
          </pre>
        </section>
      ) : null}
    </DatasetLayout>
  );
}
