// The French messages of the site: the reference catalogue, whose keys every language has,
// gathered from one file per part of the portal (messages/fr/). `{name}` marks a value filled
// in; `a|b` gives the singular and plural forms of a count.

import { backOffice } from './fr/back-office.ts';
import { statistics } from './fr/statistics.ts';
import { consent } from './fr/consent.ts';
import { datasetEditor } from './fr/dataset-editor.ts';
import { schemaEditor } from './fr/schema-editor.ts';
import { imports } from './fr/imports.ts';
import { attachments } from './fr/attachments.ts';
import { datasetAccess } from './fr/dataset-access.ts';
import { processors } from './fr/processors.ts';
import { accounts } from './fr/accounts.ts';
import { site } from './fr/site.ts';

export const fr = {
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
} as const;

export type MessageKey = keyof typeof fr;
export type Messages = Record<MessageKey, string>;
