// A dataset's processors as the back office edits them: kept with its source (one list, in
// order), changed one step at a time (add, update, delete, move), previewed on the first rows of
// the stored file, and applied by the next import. Each change is checked against the list the
// page showed (its revision) and, when the source is a stored file, against that file's fields:
// a change that breaks a pipeline that worked is refused. Every change goes to the activity log.

import { createHash } from 'node:crypto';

import type { Viewer } from '../core/access.ts';
import { canEdit } from '../core/access.ts';
import type { ActivityDiff } from '../core/activity.ts';
import type { Field } from '../core/field.ts';
import { PortalError, isPortalError } from '../core/errors.ts';
import type { DatasetSource, ImportJob } from '../core/import-job.ts';
import type { ProcessorConfig } from '../core/processors.ts';
import { parseProcessors } from '../core/processors.ts';
import type { StorageEngine } from '../storage/engine.ts';
import type { ImportJobs } from './import-jobs.ts';
import { previewSourceFile, processorsTimeZone } from './import-source-file.ts';
import { compile } from './processors/pipeline.ts';
import type { ProcessorsPreview } from './processors/preview.ts';
import { previewProcessors } from './processors/preview.ts';

export const PROCESSOR_ACTIONS = [
  'dataset.processor_add',
  'dataset.processor_update',
  'dataset.processor_delete',
  'dataset.processor_move',
] as const;

/** A change of the list; positions count from 1. `config` is checked by parseProcessors. */
export type ProcessorsChange =
  | { kind: 'add'; config: unknown }
  | { kind: 'update'; position: number; config: unknown }
  | { kind: 'delete'; position: number }
  | { kind: 'move'; position: number; direction: 'up' | 'down' };

export interface ProcessorsState {
  source: DatasetSource | null;
  processors: ProcessorConfig[];
  /** Names this version of the list; a change made on another one is refused. */
  revision: string;
}

/** The first rows of the stored file, before and after the processors. */
export type PipelinePreview =
  | { kind: 'none' }
  | { kind: 'remote' }
  | { kind: 'unreadable'; detail: string }
  | {
      kind: 'ready';
      fields: Field[];
      rows: ProcessorsPreview['rows'];
      /** Null when the processors cannot run on this file (`problem` says why). */
      after: ProcessorsPreview | null;
      problem: PortalError | null;
    };

/** JSON with the keys of objects sorted (PostgreSQL's jsonb gives them back in its own order). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function revisionOf(processors: readonly ProcessorConfig[]): string {
  return createHash('sha256').update(canonical(processors)).digest('hex').slice(0, 16);
}

export class DatasetProcessors {
  constructor(
    private readonly engine: StorageEngine,
    private readonly jobs: ImportJobs,
  ) {}

  async get(viewer: Viewer, datasetId: string): Promise<ProcessorsState> {
    this.allow(viewer, datasetId);
    const source = await this.engine.imports.getSource(datasetId);
    const processors = source?.processors ?? [];
    return { source, processors, revision: revisionOf(processors) };
  }

  /**
   * Applies one change to the list shown at `revision`. Throws DG_ERR_PROCESSORS_CHANGED (the
   * list changed since, or the position is gone), DG_ERR_PROCESSOR_INVALID (the new processor,
   * or the pipeline it breaks) or DG_ERR_IMPORT_SOURCE_INVALID (no source).
   */
  async change(
    viewer: Viewer,
    datasetId: string,
    revision: string,
    change: ProcessorsChange,
  ): Promise<ProcessorsState> {
    const { source, processors: before } = await this.get(viewer, datasetId);
    if (source === null) throw noSource(datasetId);
    if (revision !== revisionOf(before)) throw changed(datasetId);
    const at = change.kind === 'add' ? before.length + 1 : change.position;
    if (!Number.isInteger(at) || at < 1 || at > before.length + (change.kind === 'add' ? 1 : 0)) {
      throw changed(datasetId);
    }
    const after = changedList(before, change, at);
    const parsed = parseProcessors(after);
    const edited = change.kind === 'add' || change.kind === 'update' ? at : null;
    await this.checkOnFile(source, before, parsed, edited);
    const diff = diffOf(before, parsed, change, at);
    if (diff === null) return { source, processors: before, revision };
    const saved = (await this.engine.imports.saveProcessors(datasetId, parsed)) ?? source;
    await this.engine.metadata.appendActivity({
      userId: viewer.userId,
      action: `dataset.processor_${change.kind}`,
      datasetId,
      diff,
    });
    return { source: saved, processors: parsed, revision: revisionOf(parsed) };
  }

  /** The first `limit` rows of the stored file, before and after the processors. */
  async preview(viewer: Viewer, datasetId: string, limit = 10): Promise<PipelinePreview> {
    const { source, processors } = await this.get(viewer, datasetId);
    if (source === null) return { kind: 'none' };
    if (source.kind === 'url') return { kind: 'remote' };
    let file;
    try {
      file = await this.readSource(source, limit);
    } catch (error) {
      if (isPortalError(error) || (error as { code?: unknown }).code === 'ENOENT') {
        return { kind: 'unreadable', detail: (error as Error).message };
      }
      throw error;
    }
    const timeZone = await processorsTimeZone(this.engine, datasetId);
    try {
      const after = previewProcessors(processors, file.fields, file.rows, undefined, { timeZone });
      return { kind: 'ready', fields: file.fields, rows: file.rows, after, problem: null };
    } catch (error) {
      if (!isPortalError(error)) throw error;
      return { kind: 'ready', fields: file.fields, rows: file.rows, after: null, problem: error };
    }
  }

  /**
   * The names of the fields processor `position` (from 1) sees: the stored file's, as the
   * processors before it leave them; null when unknown (a URL source, a pipeline that fails).
   */
  async fieldsAt(viewer: Viewer, datasetId: string, position: number): Promise<string[] | null> {
    const { source, processors } = await this.get(viewer, datasetId);
    const fields = source === null ? null : await this.fileFields(source);
    if (fields === null) return null;
    try {
      const timeZone = await processorsTimeZone(this.engine, datasetId);
      const before = compile(processors.slice(0, position - 1), fields, { timeZone });
      return before.fields.map((field) => field.name);
    } catch (error) {
      if (isPortalError(error)) return null;
      throw error;
    }
  }

  /** Queues an import of the source with its processors (refused when they cannot run on it). */
  async reimport(viewer: Viewer, datasetId: string): Promise<ImportJob> {
    const { source, processors } = await this.get(viewer, datasetId);
    if (source === null) throw noSource(datasetId);
    const fields = await this.fileFields(source);
    if (fields !== null) {
      compile(processors, fields, { timeZone: await processorsTimeZone(this.engine, datasetId) });
    }
    return this.jobs.start({ datasetId, trigger: 'refresh', createdBy: viewer.userId });
  }

  private allow(viewer: Viewer, datasetId: string): void {
    const staff = viewer.role === 'admin' || viewer.role === 'editor';
    if (!staff || !canEdit(viewer, datasetId)) {
      throw new PortalError('DG_ERR_DATASET_EDIT_FORBIDDEN', { dataset_id: datasetId });
    }
  }

  /** The first `limit` rows of a stored file as an import reads them (schema edits applied). */
  private async readSource(source: DatasetSource, limit: number) {
    return previewSourceFile(
      this.jobs.pathOf(source.location),
      {
        ...source.options,
        fileName: source.fileName ?? undefined,
        edits: await this.engine.schemas.getEdits(source.datasetId),
      },
      limit,
    );
  }

  /**
   * The fields of the stored file as an import reads them (the schema editor's types and lists
   * applied), or null when there is none to read (a URL, a lost file).
   */
  private async fileFields(source: DatasetSource): Promise<Field[] | null> {
    if (source.kind !== 'file') return null;
    try {
      return (await this.readSource(source, 1)).fields;
    } catch {
      return null;
    }
  }

  /**
   * Refuses a list that cannot run on the stored file when the old one could (the change broke
   * it), or when the processor at fault is the one being added or edited.
   */
  private async checkOnFile(
    source: DatasetSource,
    before: ProcessorConfig[],
    after: ProcessorConfig[],
    edited: number | null,
  ): Promise<void> {
    const fields = await this.fileFields(source);
    if (fields === null) return;
    const timeZone = await processorsTimeZone(this.engine, source.datasetId);
    const problem = (list: ProcessorConfig[]): PortalError | null => {
      try {
        compile(list, fields, { timeZone });
        return null;
      } catch (error) {
        if (isPortalError(error)) return error;
        throw error;
      }
    };
    const now = problem(after);
    if (now === null) return;
    if (now.params['position'] === edited || problem(before) === null) throw now;
  }
}

function noSource(datasetId: string): PortalError {
  return new PortalError('DG_ERR_IMPORT_SOURCE_INVALID', {
    detail: `dataset ${datasetId} has no source to import`,
  });
}

function changed(datasetId: string): PortalError {
  return new PortalError('DG_ERR_PROCESSORS_CHANGED', { dataset_id: datasetId });
}

function changedList(list: ProcessorConfig[], change: ProcessorsChange, at: number): unknown[] {
  const next: unknown[] = [...list];
  switch (change.kind) {
    case 'add':
      next.push(change.config);
      break;
    case 'update':
      next[at - 1] = change.config;
      break;
    case 'delete':
      next.splice(at - 1, 1);
      break;
    case 'move': {
      const to = change.direction === 'up' ? at - 1 : at + 1;
      if (to >= 1 && to <= list.length) [next[at - 1], next[to - 1]] = [next[to - 1], next[at - 1]];
    }
  }
  return next;
}

/** What the activity log keeps of a change, or null when it changed nothing. */
function diffOf(
  before: ProcessorConfig[],
  after: ProcessorConfig[],
  change: ProcessorsChange,
  at: number,
): ActivityDiff | null {
  if (canonical(before) === canonical(after)) return null;
  const old = before[at - 1] ?? null;
  switch (change.kind) {
    case 'add':
      return {
        processor: { before: null, after: after[at - 1] },
        position: { before: null, after: at },
      };
    case 'update':
      return {
        processor: { before: old, after: after[at - 1] },
        position: { before: at, after: at },
      };
    case 'delete':
      return { processor: { before: old, after: null }, position: { before: at, after: null } };
    case 'move': {
      const to = change.direction === 'up' ? at - 1 : at + 1;
      return { processor: { before: old, after: old }, position: { before: at, after: to } };
    }
  }
}
