// The console's markup: a form to choose an operation of the OpenAPI document, the form of its
// parameters (descriptions from the document, in English), and the answer. The browser script
// (client/api-console.ts) builds the same fields and answer, so both read alike.

import type { Dataset } from '../../../core/dataset.ts';
import type { ConsoleOperation, ConsoleParameter } from '../../client/console-model.ts';
import { PATH_PREFIX, QUERY_PREFIX } from '../../client/console-model.ts';
import type { PageContext } from '../../page-context.ts';
import type { ConsoleAnswer, ConsoleForm } from './api-console.ts';
import { datasetUrl } from './dataset-tabs.tsx';

/** The OpenAPI document is written in English: marked so on pages in another language. */
function docLang(ctx: PageContext): string | undefined {
  return ctx.lang === 'en' ? undefined : 'en';
}

/** The tab's filters, kept in the URL when a console form is sent. */
function TabState({ query }: { query: URLSearchParams }) {
  const kept = [...query].filter(
    ([name]) => name === 'q' || name.startsWith('refine.') || name.startsWith('exclude.'),
  );
  return (
    <>
      {kept.map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

function ParameterField(props: {
  ctx: PageContext;
  field: string;
  name: string;
  description: string;
  required: boolean;
  repeated: boolean;
  value: string;
}) {
  const { ctx, field, name, description, required, repeated, value } = props;
  const id = `console-${field.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const common = {
    class: 'fr-input dg-code',
    id,
    name: field,
    spellcheck: false,
    autocomplete: 'off',
    ...(required ? { required: true } : {}),
  };
  return (
    <div class="fr-col-12 fr-col-md-6 fr-input-group">
      <label class="fr-label" for={id}>
        <code>{name}</code>
        {required ? ` ${ctx.t('api.required')}` : ''}
        <span class="fr-hint-text">
          {description ? <span lang={docLang(ctx)}>{description}</span> : null}
          {repeated ? ` ${ctx.t('api.onePerLine')}` : ''}
        </span>
      </label>
      {repeated ? (
        <textarea {...common} rows={2}>
          {value}
        </textarea>
      ) : (
        <input {...common} type="text" value={value} />
      )}
    </div>
  );
}

export function ApiConsole(props: {
  ctx: PageContext;
  dataset: Dataset;
  operations: ConsoleOperation[];
  form: ConsoleForm;
}) {
  const { ctx, dataset, operations, form } = props;
  const { t } = ctx;
  const action = datasetUrl(dataset.id, 'api');
  const op = form.operation;
  const field = (p: ConsoleParameter) => `${QUERY_PREFIX}${p.name}`;
  return (
    <div id="api-console-root">
      <form method="get" action={`${action}#api-console`} id="api-console-endpoint">
        <TabState query={ctx.query} />
        <div class="fr-select-group">
          <label class="fr-label" for="console-endpoint">
            {t('api.endpoint')}
          </label>
          <select class="fr-select" id="console-endpoint" name="endpoint">
            {operations.map((o) => (
              <option value={o.id} selected={o.id === op.id} lang={docLang(ctx)}>
                {`GET ${o.path} — ${o.summary}`}
              </option>
            ))}
          </select>
        </div>
        <button class="fr-btn fr-btn--secondary fr-mb-3w" type="submit" id="console-choose">
          {t('api.showParameters')}
        </button>
      </form>
      <form
        method="get"
        action={`${action}#console-answer`}
        id="api-console"
        data-openapi="/api/explore/v2.1/openapi.json"
        data-dataset={dataset.id}
        data-required={t('api.required')}
        data-one-per-line={t('api.onePerLine')}
        data-answer={t('api.answer', { status: '{status}' })}
        data-file={t('api.file')}
        data-request={t('api.request')}
        data-doc-lang={docLang(ctx) ?? ''}
      >
        <TabState query={ctx.query} />
        <input type="hidden" name="endpoint" value={op.id} />
        <input type="hidden" name="run" value="1" />
        <fieldset class="fr-fieldset" id="console-parameters" aria-labelledby="console-legend">
          <legend class="fr-fieldset__legend" id="console-legend">
            {t('api.parameters')} <code>{`GET ${op.path}`}</code>
          </legend>
          <div class="fr-grid-row fr-grid-row--gutters" id="console-fields">
            {op.pathParameters.map((name) => (
              <ParameterField
                ctx={ctx}
                field={`${PATH_PREFIX}${name}`}
                name={name}
                description=""
                required
                repeated={false}
                value={form.values[`${PATH_PREFIX}${name}`] ?? ''}
              />
            ))}
            {op.parameters.map((p) => (
              <ParameterField
                ctx={ctx}
                field={field(p)}
                name={p.name}
                description={p.description}
                required={p.required}
                repeated={p.repeated}
                value={form.values[field(p)] ?? ''}
              />
            ))}
          </div>
        </fieldset>
        <button class="fr-btn" type="submit">
          {t('api.run')}
        </button>
      </form>
    </div>
  );
}

export function ConsoleAnswerView(props: {
  ctx: PageContext;
  form: ConsoleForm;
  answer: ConsoleAnswer;
}) {
  const { ctx, form, answer } = props;
  const { t } = ctx;
  return (
    <section
      class="fr-mt-4w"
      id="console-answer"
      aria-labelledby="console-answer-title"
      tabIndex={-1}
    >
      <h3 id="console-answer-title">
        {answer.text === null ? t('api.file') : t('api.answer', { status: answer.status })}
      </h3>
      <p>
        {t('api.request')}{' '}
        <a class="fr-link dg-code" href={form.url}>
          {form.url}
        </a>
      </p>
      {answer.text === null ? null : (
        <pre class="dg-json" tabIndex={0}>
          {answer.text}
        </pre>
      )}
      {answer.truncated ? <p>{t('api.truncated')}</p> : null}
    </section>
  );
}
