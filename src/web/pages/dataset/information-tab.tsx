// The information tab: description, metadata, and the fields with their labels (and units) and
// types.

import type { ComponentChildren } from 'preact';

import type { Dataset } from '../../../core/dataset.ts';
import type { Field } from '../../../core/field.ts';
import type { MessageKey } from '../../../i18n/translate.ts';
import { formatDate } from '../../components/dates.ts';
import { labelWithUnit } from '../../components/field-label.ts';
import { RichText } from '../../components/rich-text.tsx';
import { langAttribute, shownMetas } from '../../components/shown-metas.ts';
import { ScrollTable } from '../../components/scroll-table.tsx';
import type { PageContext } from '../../page-context.ts';
import { DatasetLayout } from './dataset-layout.tsx';
import { isWebUrl, schemaOrgDataset, scriptJson } from './schema-org.ts';

function MetadataRows({ ctx, dataset }: { ctx: PageContext; dataset: Dataset }) {
  const { t } = ctx;
  const m = dataset.metas;
  const rows: [MessageKey, ComponentChildren][] = [];
  if (m.publisher) rows.push(['meta.publisher', m.publisher]);
  if (m.license) {
    rows.push([
      'meta.license',
      m.license_url && isWebUrl(m.license_url) ? (
        <a href={m.license_url}>{m.license}</a>
      ) : (
        m.license
      ),
    ]);
  }
  if (m.theme?.length) rows.push(['meta.theme', m.theme.join(', ')]);
  if (m.keyword?.length) rows.push(['meta.keyword', m.keyword.join(', ')]);
  if (m.territory?.length) rows.push(['meta.territory', m.territory.join(', ')]);
  if (m.language) rows.push(['meta.language', m.language]);
  if (m.references) {
    rows.push([
      'meta.references',
      isWebUrl(m.references) ? <a href={m.references}>{m.references}</a> : m.references,
    ]);
  }
  rows.push(['meta.records', ctx.number(dataset.current?.recordsCount ?? 0)]);
  rows.push(['meta.created', formatDate(ctx.lang, dataset.createdAt)]);
  rows.push(['meta.modified', formatDate(ctx.lang, dataset.modifiedAt, true)]);
  if (dataset.dataProcessedAt) {
    rows.push(['meta.dataProcessed', formatDate(ctx.lang, dataset.dataProcessedAt, true)]);
  }
  rows.push(['meta.identifier', <code>{dataset.id}</code>]);
  return (
    <dl class="dg-metadata">
      {rows.map(([key, value]) => (
        <div>
          <dt>{t(key)}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function FieldsTable({ ctx, fields }: { ctx: PageContext; fields: Field[] }) {
  const { t } = ctx;
  return (
    <ScrollTable id="fields-table" caption={t('fields.caption')}>
      <thead>
        <tr>
          <th scope="col">{t('fields.label')}</th>
          <th scope="col">{t('fields.name')}</th>
          <th scope="col">{t('fields.type')}</th>
          <th scope="col">{t('fields.description')}</th>
        </tr>
      </thead>
      <tbody>
        {fields.map((field) => (
          <tr>
            <th scope="row">{labelWithUnit(field)}</th>
            <td>
              <code>{field.name}</code>
            </td>
            <td>{t(`fieldType.${field.type}` as MessageKey)}</td>
            <td>{field.description ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

/** The files published with the dataset, linked where API v1 serves them (as on ODS). */
function Attachments({ ctx, dataset }: { ctx: PageContext; dataset: Dataset }) {
  if (dataset.attachments.length === 0) return null;
  const base = `/api/datasets/1.0/${encodeURIComponent(dataset.id)}/attachments/`;
  return (
    <section aria-labelledby="attachments-heading" id="attachments">
      <h2 class="fr-mt-4w" id="attachments-heading">
        {ctx.t('information.attachments')}
      </h2>
      <ul>
        {dataset.attachments.map((attachment) => (
          <li>
            <a class="fr-link" href={`${base}${encodeURIComponent(attachment.id)}/`} download>
              {ctx.t('information.attachmentLink', {
                title: attachment.title,
                type: attachment.mimetype,
              })}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function InformationTab({ ctx, dataset }: { ctx: PageContext; dataset: Dataset }) {
  const { t } = ctx;
  const fields = dataset.current?.fields ?? [];
  const shown = shownMetas(dataset, ctx.lang);
  return (
    <DatasetLayout
      ctx={ctx}
      dataset={dataset}
      tab="information"
      head={
        <script
          type="application/ld+json"
          dangerouslySetInnerHTML={{
            __html: scriptJson(schemaOrgDataset(dataset, ctx.site.baseUrl)),
          }}
        />
      }
    >
      <div class="fr-grid-row fr-grid-row--gutters">
        <div class="fr-col-12 fr-col-md-8">
          <h2>{t('information.description')}</h2>
          {shown.description ? (
            <RichText
              html={shown.description}
              class="dg-description"
              lang={langAttribute(shown.lang, ctx.lang)}
            />
          ) : (
            <p>{t('information.noDescription')}</p>
          )}
        </div>
        <div class="fr-col-12 fr-col-md-4">
          <h2>{t('information.metadata')}</h2>
          <MetadataRows ctx={ctx} dataset={dataset} />
        </div>
      </div>
      <Attachments ctx={ctx} dataset={dataset} />
      <h2 class="fr-mt-4w">{t('information.fields')}</h2>
      {fields.length === 0 ? (
        <p>{t('information.noFields')}</p>
      ) : (
        <FieldsTable ctx={ctx} fields={fields} />
      )}
    </DatasetLayout>
  );
}
