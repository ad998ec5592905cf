// A folder of finished export files (DATAGORA_HOME/exports), shared by every serving process of
// the machine. A file is written under a unique temporary name and renamed into place only once
// complete, so a reader never sees half a file; the least recently used files go first when the
// folder passes its capacity. Names are `<group>~<entry>`: a group (a dataset's state) is swept
// as a whole when it is no longer current.

import { randomUUID } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { mkdir, open, readdir, rename, stat, unlink, utimes } from 'node:fs/promises';
import { join } from 'node:path';

import { isProcessAlive } from '../util/is-process-alive.ts';

export interface ExportFilesOptions {
  dir: string;
  /** Bytes the folder may hold; 0 keeps nothing. */
  capacityBytes: number;
  /** Smaller files are not kept (rendering them again costs little). */
  minBytes: number;
}

/** An open kept file: read it from `handle` (it stays readable if it is evicted meanwhile). */
export interface KeptFile {
  handle: FileHandle;
  size: number;
}

const TEMP_PREFIX = '.tmp-';
const NAME = /^[a-z0-9_-]+~[a-z0-9_-]+~[a-z0-9_-]+$/;

function missing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

async function removeQuietly(path: string): Promise<void> {
  await unlink(path).catch(() => undefined);
}

/** Was the temporary file written by a process that is gone (killed mid-export)? */
function orphaned(name: string): boolean {
  return !isProcessAlive(Number(name.slice(TEMP_PREFIX.length).split('-')[0]));
}

/** A file being written; `commit` puts it in place, `abort` removes it. Both settle once. */
export class ExportFileWriter {
  private settled = false;
  private bytes = 0;

  constructor(
    private readonly files: ExportFiles,
    private readonly handle: FileHandle,
    private readonly temp: string,
    readonly name: string,
  ) {}

  async write(chunk: Uint8Array): Promise<void> {
    if (this.settled) return;
    await this.handle.write(chunk);
    this.bytes += chunk.byteLength;
  }

  /** Renames the file into place (when worth keeping); true when it was kept. */
  async commit(): Promise<boolean> {
    if (this.settled) return false;
    this.settled = true;
    await this.handle.close();
    if (this.bytes < this.files.minBytes || this.bytes > this.files.capacityBytes) {
      await removeQuietly(this.temp);
      return false;
    }
    await rename(this.temp, join(this.files.dir, this.name));
    await this.files.evict();
    return true;
  }

  async abort(): Promise<void> {
    if (this.settled) return;
    this.settled = true;
    await this.handle.close().catch(() => undefined);
    await removeQuietly(this.temp);
  }
}

export class ExportFiles {
  readonly dir: string;
  readonly capacityBytes: number;
  readonly minBytes: number;
  private ready: Promise<void> | null = null;

  constructor(options: ExportFilesOptions) {
    this.dir = options.dir;
    this.capacityBytes = options.capacityBytes;
    this.minBytes = options.minBytes;
  }

  get enabled(): boolean {
    return this.capacityBytes > 0;
  }

  /** Creates the folder once and removes what killed processes left half written. */
  private prepare(): Promise<void> {
    this.ready ??= (async () => {
      await mkdir(this.dir, { recursive: true });
      for (const name of await readdir(this.dir)) {
        if (name.startsWith(TEMP_PREFIX) && orphaned(name))
          await removeQuietly(join(this.dir, name));
      }
    })();
    return this.ready;
  }

  /** The kept file `name`, opened and marked as just used, or null. */
  async open(name: string): Promise<KeptFile | null> {
    if (!this.enabled || !NAME.test(name)) return null;
    const path = join(this.dir, name);
    let handle: FileHandle;
    try {
      handle = await open(path, 'r');
    } catch (error) {
      if (missing(error)) return null;
      throw error;
    }
    try {
      const { size } = await handle.stat();
      // The modification time orders files for eviction: a hit makes it recent (in seconds,
      // to the microsecond, so that two uses in one millisecond keep their order).
      const now = (performance.timeOrigin + performance.now()) / 1000;
      await utimes(path, now, now).catch(() => undefined);
      return { handle, size };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /** Starts writing the file `name` under a temporary name of this process alone. */
  async begin(name: string): Promise<ExportFileWriter | null> {
    if (!this.enabled || !NAME.test(name)) return null;
    await this.prepare();
    const temp = join(this.dir, `${TEMP_PREFIX}${process.pid}-${randomUUID()}`);
    // The folder may have been removed by hand since: made again.
    const handle = await open(temp, 'wx').catch(async (error: unknown) => {
      if (!missing(error)) throw error;
      await mkdir(this.dir, { recursive: true });
      return open(temp, 'wx');
    });
    return new ExportFileWriter(this, handle, temp, name);
  }

  /** The kept files with their size and last use (temporary files left out). */
  private async list(): Promise<{ name: string; size: number; used: number }[]> {
    const names = await readdir(this.dir).catch((error: unknown) => {
      if (missing(error)) return [];
      throw error;
    });
    const files = [];
    for (const name of names) {
      if (!NAME.test(name)) continue;
      try {
        const info = await stat(join(this.dir, name));
        files.push({ name, size: info.size, used: info.mtimeMs });
      } catch (error) {
        if (!missing(error)) throw error;
      }
    }
    return files;
  }

  /** Removes the least recently used files until the folder fits its capacity. */
  async evict(): Promise<void> {
    const files = await this.list();
    let total = files.reduce((sum, f) => sum + f.size, 0);
    files.sort((a, b) => a.used - b.used);
    for (const file of files) {
      if (total <= this.capacityBytes) break;
      await removeQuietly(join(this.dir, file.name));
      total -= file.size;
    }
  }

  /** Removes the files of every group not in `live` (versions no longer current). */
  async sweep(live: ReadonlySet<string>): Promise<void> {
    for (const file of await this.list()) {
      const group = file.name.slice(0, file.name.lastIndexOf('~'));
      if (!live.has(group)) await removeQuietly(join(this.dir, file.name));
    }
  }

  /** Bytes kept now (for tests and operators). */
  async size(): Promise<number> {
    return (await this.list()).reduce((sum, f) => sum + f.size, 0);
  }
}
