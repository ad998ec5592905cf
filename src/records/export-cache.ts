// Finished export files kept on disk (docs/performance.md, "Session 9: the export cache"): a
// repeated export of the same dataset state with the same request streams the file the first
// one wrote. Files of states no longer current go at the next kept file and at each dataset
// change notice; the folder's capacity evicts the least recently used.

import type { KeptFile } from '../storage/export-files.ts';
import { ExportFiles } from '../storage/export-files.ts';
import type { MetadataStore } from '../storage/engine.ts';
import { CoalescedTask } from '../util/coalesced-task.ts';
import { exportGroup } from './export-key.ts';

export { exportFileName } from './export-key.ts';
export type { KeptFile } from '../storage/export-files.ts';

/** Where an export being sent writes its bytes; settles once, by `commit` or `abort`. */
export interface ExportSink {
  write(chunk: Uint8Array): Promise<void>;
  /** The whole file was sent: keep it (if worth keeping). */
  commit(): Promise<void>;
  /** The export failed or its client left: forget it. */
  abort(): Promise<void>;
}

export interface ExportCacheOptions {
  dir: string;
  capacityBytes: number;
  minBytes: number;
}

export class ExportCache {
  private readonly files: ExportFiles;
  private readonly sweeps = new CoalescedTask(async () => {
    const datasets = await this.metadata.listDatasets();
    const live = new Set(datasets.map((d) => exportGroup(d)).filter((g) => g !== null));
    await this.files.sweep(live);
  });

  constructor(
    private readonly metadata: MetadataStore,
    options: ExportCacheOptions,
  ) {
    this.files = new ExportFiles(options);
  }

  get enabled(): boolean {
    return this.files.enabled;
  }

  /** The kept file `name`, or null (none, or unreadable: the export is rendered instead). */
  async open(name: string): Promise<KeptFile | null> {
    return this.files.open(name).catch(() => null);
  }

  /** A sink writing the file `name`, or null (disabled, or the folder cannot be written). */
  async begin(name: string): Promise<ExportSink | null> {
    const writer = await this.files.begin(name).catch(() => null);
    if (writer === null) return null;
    return {
      write: (chunk) => writer.write(chunk),
      commit: async () => {
        if (await writer.commit()) await this.sweep();
      },
      abort: () => writer.abort(),
    };
  }

  /**
   * Removes the files of every dataset state that is no longer current (a new version, a
   * metadata or schema change, a deletion). Runs once at a time; a call meanwhile runs it again.
   */
  sweep(): Promise<void> {
    if (!this.files.enabled) return Promise.resolve();
    return this.sweeps.run();
  }

  /** Bytes the folder holds now. */
  size(): Promise<number> {
    return this.files.size();
  }
}
