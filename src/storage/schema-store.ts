// The storage contract for the schema editor's edits and for changing the fields of a dataset's
// current version in place; both engines implement it.

import type { Field } from '../core/field.ts';
import type { SchemaEdits } from '../core/schema-edits.ts';

export interface SchemaStore {
  /** The edits the schema editor saved for the dataset, or null. */
  getEdits(datasetId: string): Promise<SchemaEdits | null>;
  /** Creates or replaces the dataset's edits (gone with the dataset). */
  saveEdits(datasetId: string, edits: SchemaEdits, updatedBy: string | null): Promise<void>;
  /**
   * Replaces the fields of the dataset's current version if `versionId` is still the current one
   * (labels, descriptions, annotations that change neither values nor indexes), and marks the
   * metadata changed (modified, metadata processed); false when another version is current.
   */
  replaceCurrentFields(datasetId: string, versionId: number, fields: Field[]): Promise<boolean>;
}
