// The English messages of the site, one file per part of the portal (messages/en/), each with
// every key of its French counterpart (type-checked).

import type { Messages } from './fr.ts';
import { backOffice } from './en/back-office.ts';
import { statistics } from './en/statistics.ts';
import { consent } from './en/consent.ts';
import { datasetEditor } from './en/dataset-editor.ts';
import { imports } from './en/imports.ts';
import { processors } from './en/processors.ts';
import { accounts } from './en/accounts.ts';
import { site } from './en/site.ts';

export const en: Messages = {
  ...backOffice,
  ...statistics,
  ...datasetEditor,
  ...imports,
  ...processors,
  ...consent,
  ...accounts,
  ...site,
};
