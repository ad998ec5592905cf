// The confirmation step of a dataset's irreversible or public-facing actions (delete, roll back):
// what will happen, a box to tick, the button, and a way back. Refused without the box ticked,
// the page comes again with the message next to it.

import type { DatasetOverview } from '../datasets/index.ts';
import { CsrfField } from '../web/components/csrf-field.tsx';
import { Layout } from '../web/layout/layout.tsx';
import type { PageContext } from '../web/page-context.ts';
import { BackOfficeMenu, DATASETS_PATH } from './backoffice-menu.tsx';
import { datasetPath } from './dataset-tabs.tsx';

export type ConfirmedAction = 'delete' | 'rollback';

export function DatasetConfirmPage(props: {
  ctx: PageContext;
  overview: DatasetOverview;
  action: ConfirmedAction;
  /** The box was not ticked. */
  unconfirmed: boolean;
}) {
  const { ctx, overview, action, unconfirmed } = props;
  const { t } = ctx;
  const { dataset } = overview;
  const title = t(`bo.confirm.${action}.title`, { title: dataset.metas.title });
  const current = dataset.current;
  const checkId = `confirm-${action}`;
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[
        { label: t('bo.datasets.title'), href: DATASETS_PATH },
        { label: dataset.metas.title, href: datasetPath(dataset.id) },
        { label: title },
      ]}
    >
      <div class="fr-container fr-pb-6w">
        <BackOfficeMenu ctx={ctx} current={DATASETS_PATH} />
        <h1>{title}</h1>
        <p class="fr-text--lead">
          {t(`bo.confirm.${action}.text`, {
            id: current?.id ?? dataset.id,
            records: ctx.count('dataset.records', current?.recordsCount ?? 0),
          })}
        </p>
        <form method="post" action={datasetPath(dataset.id, action)} id="confirm-form">
          <CsrfField ctx={ctx} />
          <fieldset
            class={`fr-fieldset${unconfirmed ? ' fr-fieldset--error' : ''}`}
            aria-labelledby={`${checkId}-legend${unconfirmed ? ` ${checkId}-error` : ''}`}
          >
            <legend class="fr-sr-only" id={`${checkId}-legend`}>
              {title}
            </legend>
            <div class="fr-fieldset__element">
              <div class="fr-checkbox-group">
                <input type="checkbox" id={checkId} name="confirm" value="yes" />
                <label class="fr-label" for={checkId}>
                  {t(`bo.confirm.${action}.check`)}
                </label>
              </div>
            </div>
            {unconfirmed ? (
              <p class="fr-error-text" id={`${checkId}-error`}>
                {t('bo.confirm.required')}
              </p>
            ) : null}
          </fieldset>
          <ul class="fr-btns-group fr-btns-group--inline-md">
            <li>
              <button class="fr-btn" type="submit">
                {t(`bo.confirm.${action}.submit`)}
              </button>
            </li>
            <li>
              <a class="fr-btn fr-btn--secondary" href={datasetPath(dataset.id)}>
                {t('bo.confirm.cancel')}
              </a>
            </li>
          </ul>
        </form>
      </div>
    </Layout>
  );
}
