// Removes the uploads never turned into a dataset: a file sent for a new dataset whose preview
// was never confirmed (or whose upload stopped mid-way) is removed once nothing has written to
// it for a day. The sweep runs when the portal starts, then every hour.

import type { PendingUploads } from './pending-uploads.ts';

/** How long an unconfirmed upload is kept after its last write: one day. */
export const PENDING_UPLOAD_MAX_AGE_MS = 24 * 60 * 60 * 1000;
/** How often the sweep runs: every hour. */
export const UPLOAD_SWEEP_INTERVAL_MS = 60 * 60 * 1000;

export interface UploadSweeperOptions {
  maxAgeMs?: number;
  intervalMs?: number;
  /** The clock (tests move it). */
  now?: () => Date;
  /** Told when a sweep fails (a folder that cannot be read or removed). */
  onError?: (error: unknown) => void;
}

export class UploadSweeper {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<string[]> | null = null;

  constructor(
    private readonly pending: PendingUploads,
    private readonly options: UploadSweeperOptions = {},
  ) {}

  /** Sweeps now (awaited), then every interval until `stop`. */
  async start(): Promise<void> {
    if (this.timer !== null) return;
    this.timer = setInterval(
      () => void this.sweep(),
      this.options.intervalMs ?? UPLOAD_SWEEP_INTERVAL_MS,
    );
    this.timer.unref();
    await this.sweep();
  }

  async stop(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Removes the abandoned uploads; returns their tokens. One sweep at a time. */
  async sweep(): Promise<string[]> {
    if (this.running) return this.running;
    const now = (this.options.now ?? (() => new Date()))();
    this.running = this.pending
      .sweep(now, this.options.maxAgeMs ?? PENDING_UPLOAD_MAX_AGE_MS)
      .catch((error: unknown) => {
        this.options.onError?.(error);
        return [];
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }
}
