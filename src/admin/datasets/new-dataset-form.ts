// The "new dataset" form: its values as typed, and their checks (the message of each refused
// field shown next to it). The file itself is checked as it streams (upload-form.ts).

import { isValidDatasetId } from '../../core/dataset.ts';
import { isPortalError } from '../../core/errors.ts';
import type { SourceOptions } from '../../core/import-job.ts';
import { checkSeparator } from '../../ingest/dataset-sources.ts';
import { DatasetSources } from '../../ingest/dataset-sources.ts';
import { checkSourceUrl } from '../../ingest/fetch-remote.ts';
import { normaliseSchedule } from '../../ingest/refresh-schedule.ts';
import type { Problems } from '../form-fields.tsx';

export type NewDatasetField = 'kind' | 'file' | 'url' | 'schedule' | 'separator' | 'id' | 'title';

export interface NewDatasetValues {
  kind: 'file' | 'url';
  url: string;
  schedule: string;
  separator: string;
  id: string;
  title: string;
}

export function newDatasetValues(
  fields: Record<string, string | undefined> = {},
): NewDatasetValues {
  return {
    kind: fields['kind'] === 'url' ? 'url' : 'file',
    url: (fields['url'] ?? '').trim(),
    schedule: (fields['schedule'] ?? '').trim() || 'none',
    separator: fields['separator'] ?? '',
    id: (fields['id'] ?? '').trim(),
    title: (fields['title'] ?? '').trim(),
  };
}

export interface CheckedNewDataset {
  problems: Problems<NewDatasetField>;
  url: string | null;
  schedule: string;
  options: SourceOptions;
  /** The id typed, or the one the file name suggests. */
  id: string;
}

/** Checks what needs no file; `fileName` suggests the id when none was typed. */
export function checkNewDataset(
  values: NewDatasetValues,
  fileName: string | null,
  idTaken: (id: string) => Promise<boolean>,
): Promise<CheckedNewDataset> {
  return (async () => {
    const problems: Problems<NewDatasetField> = {};
    let url: string | null = null;
    let schedule = 'none';
    let options: SourceOptions = {};
    if (values.kind === 'url') {
      try {
        url = checkSourceUrl(values.url);
      } catch {
        problems.url = { key: 'imp.problem.urlInvalid' };
      }
      try {
        schedule = normaliseSchedule(values.schedule);
      } catch (error) {
        if (!isPortalError(error)) throw error;
        problems.schedule = { key: 'imp.problem.schedule' };
      }
    }
    try {
      options = checkSeparator(values.separator);
    } catch {
      problems.separator = { key: 'imp.problem.separator' };
    }
    const id = values.id || (fileName ? DatasetSources.suggestId(fileName) : '');
    if (values.id && !isValidDatasetId(values.id)) problems.id = { key: 'imp.problem.idInvalid' };
    else if (id === '' && fileName !== null) problems.id = { key: 'imp.problem.idMissing' };
    else if (id !== '' && (await idTaken(id))) problems.id = { key: 'imp.problem.idTaken' };
    return { problems, url, schedule, options, id };
  })();
}
