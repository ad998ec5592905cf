// Import progress on the terminal: a live bar (rows, rows/s, ETA) on a TTY, plain lines otherwise.

import { SingleBar } from 'cli-progress';

export interface ProgressSnapshot {
  rows: number;
  bytesRead: number;
  totalBytes: number;
}

export interface ProgressReporter {
  update(snapshot: ProgressSnapshot): void;
  phase(text: string): void;
  stop(): void;
}

function formatRate(rows: number, seconds: number): string {
  return seconds > 0 ? `${Math.round(rows / seconds).toLocaleString('en-US')} rows/s` : '…';
}

function formatEta(snapshot: ProgressSnapshot, seconds: number): string {
  if (snapshot.bytesRead === 0 || snapshot.totalBytes === 0) return '…';
  const remaining = (seconds * (snapshot.totalBytes - snapshot.bytesRead)) / snapshot.bytesRead;
  return `${Math.max(0, Math.round(remaining))}s`;
}

class BarReporter implements ProgressReporter {
  private readonly bar: SingleBar;
  private readonly started = Date.now();

  constructor(
    private readonly stream: NodeJS.WriteStream,
    totalBytes: number,
  ) {
    this.bar = new SingleBar({
      stream,
      format: ' {bar} {percentage}% | {rows} rows | {rate} | ETA {eta}',
      barsize: 30,
      hideCursor: true,
    });
    this.bar.start(Math.max(totalBytes, 1), 0, { rows: '0', rate: '…', eta: '…' });
  }

  update(snapshot: ProgressSnapshot): void {
    const seconds = (Date.now() - this.started) / 1000;
    this.bar.update(snapshot.bytesRead, {
      rows: snapshot.rows.toLocaleString('en-US'),
      rate: formatRate(snapshot.rows, seconds),
      eta: formatEta(snapshot, seconds),
    });
  }

  phase(text: string): void {
    this.bar.stop();
    this.stream.write(`${text}\n`);
  }

  stop(): void {
    this.bar.stop();
  }
}

/** Without a terminal: one line every few seconds, so logs stay readable. */
class LineReporter implements ProgressReporter {
  private readonly started = Date.now();
  private lastLine = 0;

  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly everyMs = 5000,
  ) {}

  update(snapshot: ProgressSnapshot): void {
    const now = Date.now();
    if (now - this.lastLine < this.everyMs) return;
    this.lastLine = now;
    const seconds = (now - this.started) / 1000;
    const percent =
      snapshot.totalBytes > 0 ? Math.floor((100 * snapshot.bytesRead) / snapshot.totalBytes) : 0;
    this.stream.write(
      `${percent}% ${snapshot.rows} rows, ${formatRate(snapshot.rows, seconds)}, ETA ${formatEta(snapshot, seconds)}\n`,
    );
  }

  phase(text: string): void {
    this.stream.write(`${text}\n`);
  }

  stop(): void {}
}

export function progressReporter(stream: NodeJS.WriteStream, totalBytes: number): ProgressReporter {
  return stream.isTTY ? new BarReporter(stream, totalBytes) : new LineReporter(stream);
}
