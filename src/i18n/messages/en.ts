// The English messages of the site, one file per part of the portal (messages/en/), each with
// every key of its French counterpart (type-checked).

import type { Messages } from './fr.ts';
import { backOffice } from './en/back-office.ts';
import { statistics } from './en/statistics.ts';
import { consent } from './en/consent.ts';
import { datasetEditor } from './en/dataset-editor.ts';
import { schemaEditor } from './en/schema-editor.ts';
import { imports } from './en/imports.ts';
import { attachments } from './en/attachments.ts';
import { datasetAccess } from './en/dataset-access.ts';
import { processors } from './en/processors.ts';
import { accounts } from './en/accounts.ts';
import { site } from './en/site.ts';

export const en: Messages = {
  ...backOffice,
  ...statistics,
  ...datasetEditor,
  ...schemaEditor,
  ...imports,
  ...attachments,
  ...datasetAccess,
  ...processors,
  ...consent,
  ...accounts,
  ...site,
};
