// Files received for a dataset not created yet: each waits in `uploads/pending/<token>/` with
// what the form said (id, title, source options) until the preview is confirmed, then moves
// under `uploads/<dataset>/`; one never confirmed is swept away later (upload-sweeper.ts). The
// token is 128 random bits, and only this shape is accepted, so a token can never name a path
// outside the folder.

import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { RefreshSchedule, SourceKind, SourceOptions } from '../core/import-job.ts';

export interface PendingUpload {
  token: string;
  kind: SourceKind;
  /** The remote source's URL (kind `url`). */
  url: string | null;
  fileName: string;
  size: number;
  datasetId: string;
  title: string;
  options: SourceOptions;
  schedule: RefreshSchedule;
  /** Who sent it: only they may preview it and create its dataset. */
  createdBy: string | null;
}

const TOKEN = /^[0-9a-f]{32}$/;
const DATA_FILE = 'data';
const META_FILE = 'upload.json';

export class PendingUploads {
  constructor(private readonly uploadsDir: string) {}

  private dirOf(token: string): string {
    return join(this.uploadsDir, 'pending', token);
  }

  /** A new token and the path its file is to be written to. */
  reserve(): { token: string; path: string } {
    const token = randomBytes(16).toString('hex');
    return { token, path: this.dataPath(token) };
  }

  dataPath(token: string): string {
    return join(this.dirOf(token), DATA_FILE);
  }

  async save(upload: PendingUpload): Promise<void> {
    await mkdir(this.dirOf(upload.token), { recursive: true });
    await writeFile(join(this.dirOf(upload.token), META_FILE), JSON.stringify(upload));
  }

  /**
   * The upload `by` sent, or null for a malformed, unknown or discarded token, or another
   * person's upload.
   */
  async get(token: string, by: string | null): Promise<PendingUpload | null> {
    if (!TOKEN.test(token)) return null;
    let upload: PendingUpload;
    try {
      upload = JSON.parse(await readFile(join(this.dirOf(token), META_FILE), 'utf8'));
    } catch {
      return null;
    }
    return (upload.createdBy ?? null) === by ? upload : null;
  }

  /** Moves the file under `uploads/<datasetId>/<token>`; returns its new path. */
  async adopt(token: string, datasetId: string): Promise<string> {
    const target = join(this.uploadsDir, datasetId, token);
    await mkdir(target, { recursive: true });
    await rename(this.dataPath(token), join(target, DATA_FILE));
    await this.discard(token);
    return join(target, DATA_FILE);
  }

  async discard(token: string): Promise<void> {
    if (TOKEN.test(token)) await rm(this.dirOf(token), { recursive: true, force: true });
  }

  /**
   * Removes the uploads nothing has written to for `maxAgeMs` before `now` (never confirmed,
   * or abandoned mid-way); returns their tokens. Entries of another shape are left alone.
   */
  async sweep(now: Date, maxAgeMs: number): Promise<string[]> {
    const root = join(this.uploadsDir, 'pending');
    const tokens = await readdir(root).catch(() => [] as string[]);
    const removed: string[] = [];
    for (const token of tokens) {
      if (!TOKEN.test(token)) continue;
      const touched = await lastWrite(this.dirOf(token));
      if (touched !== null && now.getTime() - touched > maxAgeMs) {
        await this.discard(token);
        removed.push(token);
      }
    }
    return removed;
  }
}

/** The newest modification time (ms) of a folder and the files in it; null if it is gone. */
async function lastWrite(dir: string): Promise<number | null> {
  const folder = await stat(dir).catch(() => null);
  if (!folder?.isDirectory()) return null;
  let newest = folder.mtimeMs;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const file = await stat(join(dir, name)).catch(() => null);
    if (file) newest = Math.max(newest, file.mtimeMs);
  }
  return newest;
}
