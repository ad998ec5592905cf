// wrk (Debian's `wrk` package, written in C) driving a bench server: the throughput run's client
// when it is installed. autocannon runs in Node and spends about as much CPU per request as the
// server it measures; on two cores that halves what the server can be shown to do.

import { execFileSync, spawn } from 'node:child_process';

import type { LoadOptions, LoadResult } from './load.ts';

/** Whether `wrk` is on the PATH. */
export function hasWrk(): boolean {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return true;
  } catch (error) {
    // wrk prints its usage and exits 1 for --version: it is there.
    return (error as { status?: number }).status === 1;
  }
}

/** Milliseconds from one of wrk's durations (`512.00us`, `1.20ms`, `2.01s`). */
export function wrkMs(text: string): number {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(text.trim());
  if (!match) throw new Error(`wrk: unreadable duration ${text}`);
  const value = Number(match[1]);
  if (match[2] === 'us') return value / 1000;
  return value * { ms: 1, s: 1000, m: 60_000 }[match[2] as 'ms' | 's' | 'm'];
}

/** The figures of wrk's `--latency` report. */
export function parseWrk(report: string): LoadResult {
  const number = (pattern: RegExp) => Number(pattern.exec(report)?.[1] ?? NaN);
  const percentile = (p: string) => {
    const match = new RegExp(`^\\s+${p}%\\s+(\\S+)`, 'm').exec(report);
    if (!match) throw new Error(`wrk: no ${p}th percentile in its report`);
    return wrkMs(match[1]!);
  };
  const total = number(/(\d+) requests in /);
  const seconds = wrkMs(/requests in ([\d.]+\w+),/.exec(report)?.[1] ?? 'NaN');
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(
    report,
  );
  const [connect, read, write, timeout] = socket ? socket.slice(1).map(Number) : [0, 0, 0, 0];
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(report)?.[1] ?? 0);
  const bytes = /requests in [\d.]+\w+, ([\d.]+)(B|KB|MB|GB) read/.exec(report);
  const unit = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 }[(bytes?.[2] ?? 'B') as 'B'];
  if (!Number.isFinite(total) || !Number.isFinite(seconds)) {
    throw new Error(`wrk: unreadable report\n${report}`);
  }
  return {
    requestsPerSecond: number(/Requests\/sec:\s+([\d.]+)/),
    total,
    latencyP50Ms: percentile('50'),
    latencyP99Ms: percentile('99'),
    errors: connect! + read! + write! + timeout! + non2xx,
    non2xx,
    timeouts: timeout!,
    bytesPerSecond: (Number(bytes?.[1] ?? 0) * unit) / (seconds / 1000),
  };
}

/** Runs wrk with one thread (the server needs the other core) against `options.url`. */
export function runWrk(options: LoadOptions): Promise<LoadResult> {
  if (options.paths) throw new Error('wrk: one URL only (the endurance run uses autocannon)');
  const headers = Object.entries({ 'accept-encoding': 'identity', ...options.headers }).flatMap(
    ([name, value]) => ['-H', `${name}: ${value}`],
  );
  const args = ['-t1', `-c${options.connections}`, `-d${options.duration}s`, '--latency'];
  return new Promise((resolve, reject) => {
    const child = spawn('wrk', [...args, ...headers, options.url]);
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`wrk exited with ${code}: ${err || out}`));
      else {
        try {
          resolve(parseWrk(out));
        } catch (error) {
          reject(error as Error);
        }
      }
    });
  });
}
