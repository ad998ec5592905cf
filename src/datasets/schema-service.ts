// The back office's schema editor: a dataset's fields as its current version has them, and saving
// what the editor asks each field to become. Labels, descriptions, translations and the
// annotations read at query time change the current version in place; a type, a list, a facet or
// a sortable index needs a new version built from the current one (version-rebuild.ts); a new
// order of the fields is only the order of the version's fields (columns are read by name), so it
// goes in place too, or into the new version when one is built. Either way the edits are kept for
// the dataset, so the next imports apply them again, and the save is written to the activity log
// (`dataset.schema`) with each changed part, and the order, before and after.

import type { Viewer } from '../core/access.ts';
import type { ActivityDiff } from '../core/activity.ts';
import type { Dataset, DatasetVersion } from '../core/dataset.ts';
import { PortalError } from '../core/errors.ts';
import type { Field } from '../core/field.ts';
import type { DesiredField } from '../core/schema-edit-check.ts';
import { fieldEditProblems } from '../core/schema-edit-check.ts';
import type { SchemaEdits } from '../core/schema-edits.ts';
import { applyEdit, editOf, isOrderOf, needsRebuild } from '../core/schema-edits.ts';
import type { StorageEngine } from '../storage/engine.ts';
import { sameJson } from '../util/same-json.ts';
import type { ActivityLog } from './activity-log.ts';
import { editableDataset } from './editable-dataset.ts';
import { rebuildVersion } from './version-rebuild.ts';

export interface SchemaSave {
  /** The version the editor was opened on: another one current means the data changed. */
  versionId: number;
  /** What each field of that version should become, by name. */
  fields: Record<string, DesiredField>;
  /** The fields' names in their new order; absent, the order stays. */
  order?: string[];
}

export interface SchemaSaved {
  changed: boolean;
  /** A new version was built (its id), or null when the current one changed in place. */
  rebuiltVersion: number | null;
}

export interface SchemaServiceOptions {
  /** Time limit of reading the current version back for a rebuild. */
  rebuildTimeoutMs: number;
}

function invalid(datasetId: string, detail: string): PortalError {
  return new PortalError('DG_ERR_SCHEMA_INVALID', { dataset_id: datasetId, detail });
}

const PARTS = ['label', 'description', 'type', 'annotations', 'translations'] as const;

function partOf(field: Field, part: (typeof PARTS)[number]): unknown {
  if (part === 'translations') return field.translations ?? {};
  return field[part];
}

/** `<field>.<part>` for each part that differs, and `order`, before and after. */
function schemaDiff(before: readonly Field[], after: readonly Field[]): ActivityDiff {
  const diff: ActivityDiff = {};
  const names = (fields: readonly Field[]) => fields.map((f) => f.name);
  if (!sameJson(names(before), names(after))) {
    diff['order'] = { before: names(before), after: names(after) };
  }
  const byName = new Map(after.map((f) => [f.name, f]));
  before.forEach((was) => {
    const now = byName.get(was.name)!;
    for (const part of PARTS) {
      const a = partOf(was, part);
      const b = partOf(now, part);
      if (!sameJson(a, b)) diff[`${was.name}.${part}`] = { before: a, after: b };
    }
  });
  return diff;
}

export class SchemaService {
  constructor(
    private readonly engine: StorageEngine,
    private readonly activity: ActivityLog,
    private readonly options: SchemaServiceOptions,
  ) {}

  /** The dataset the viewer may edit, with its current fields (none before the first load). */
  async open(viewer: Viewer, id: string): Promise<Dataset> {
    return editableDataset(this.engine.metadata, viewer, id);
  }

  async save(viewer: Viewer, id: string, request: SchemaSave): Promise<SchemaSaved> {
    const dataset = await editableDataset(this.engine.metadata, viewer, id);
    const current = dataset.current;
    if (current === null) throw invalid(id, 'the dataset has no data yet');
    if (current.id !== request.versionId) throw stale(id);
    const names = current.fields.map((f) => f.name);
    const unknown = Object.keys(request.fields).filter((name) => !names.includes(name));
    if (unknown.length > 0) throw invalid(id, `unknown field ${unknown[0]}`);
    const order = request.order ?? names;
    if (!isOrderOf(order, names)) throw invalid(id, 'the order must name each field once');
    const edited = new Map<string, Field>();
    for (const field of current.fields) {
      const desired = request.fields[field.name];
      if (desired === undefined) throw invalid(id, `field ${field.name} is missing`);
      const problem = fieldEditProblems(desired)[0];
      if (problem) throw invalid(id, `field ${field.name}, ${problem.part}: ${problem.code}`);
      edited.set(field.name, applyEdit(field, desired, true));
    }
    const after = order.map((name) => edited.get(name)!);
    const diff = schemaDiff(current.fields, after);
    if (Object.keys(diff).length === 0) return { changed: false, rebuiltVersion: null };
    let rebuilt: DatasetVersion | null = null;
    if (current.fields.some((field) => needsRebuild(field, edited.get(field.name)!))) {
      const [job] = await this.engine.imports.listJobs(id, 1);
      if (job && (job.state === 'queued' || job.state === 'running')) throw stale(id);
      rebuilt = await rebuildVersion(this.engine, {
        dataset,
        fields: after,
        createdBy: viewer.userId,
        timeoutMs: this.options.rebuildTimeoutMs,
      });
      diff['version'] = { before: current.id, after: rebuilt.id };
    } else if (!(await this.engine.schemas.replaceCurrentFields(id, current.id, after))) {
      throw stale(id);
    }
    const newOrder = diff['order'] === undefined ? undefined : order;
    await this.engine.schemas.saveEdits(
      id,
      await this.keptEdits(id, current.fields, edited, newOrder),
      viewer.userId,
    );
    await this.activity.record(viewer, 'dataset.schema', id, diff);
    return { changed: true, rebuiltVersion: rebuilt?.id ?? null };
  }

  /**
   * The edits kept for the next imports: those of the fields changed now, and those saved before
   * (a type once changed stays the field's type); the order set now, or the one saved before.
   */
  private async keptEdits(
    id: string,
    before: Field[],
    after: ReadonlyMap<string, Field>,
    order: string[] | undefined,
  ): Promise<SchemaEdits> {
    const saved = await this.engine.schemas.getEdits(id);
    const fields = { ...saved?.fields };
    for (const was of before) {
      const now = after.get(was.name)!;
      const previous = fields[now.name];
      if (previous === undefined && sameJson(was, now)) continue;
      const edit = editOf(now);
      const typed = previous?.type !== undefined || was.type !== now.type;
      fields[now.name] = typed ? { ...edit, type: now.type } : edit;
    }
    const kept = order ?? saved?.order;
    return kept === undefined ? { fields } : { fields, order: kept };
  }
}

function stale(id: string): PortalError {
  return new PortalError('DG_ERR_SCHEMA_STALE', { dataset_id: id });
}
