// Starts the portal on a bench store as users do (`npm start`'s command, the bundled start of
// scripts/start.mjs, on a loopback port) and measures it: its memory on demand (resident and
// heap, through bench/memory-probe.mjs), its resident memory, peak and CPU time from /proc
// (the serving process and the workers it forks, all threads), and stopping it with SIGTERM.
// The children that send requests use it, so that the client and the server are two processes.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import {
  existsSync,
  lstatSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { basename, dirname, join } from 'node:path';

import { SQLITE_FILE_NAME } from '../src/app.ts';
import { parseStore, storeEnvironment } from './store.ts';

export interface BenchServer {
  url: string;
  pid: number;
  /** The serving processes' resident memory and live heap, in MB (asked of them). */
  memory(): Promise<{ rssMb: number; heapMb: number }>;
  /**
   * Resident memory (MB), of it the anonymous part (the processes' own: not the pages of the
   * store file that the readers map), and CPU time (s, all threads) of the serving processes,
   * from /proc.
   */
  usage(): { rssMb: number; anonMb: number; cpuSeconds: number; largestRssMb: number };
  /** Starts a new peak: the kernel's high-water mark is reset (0 when it cannot be). */
  resetPeak(): void;
  /**
   * The peak resident memory (MB) since resetPeak, as the kernel counts it, of all the processes
   * and of the largest one (the worker that served, with several); null if unknown.
   */
  peakRssMb(): { all: number; largest: number } | null;
  stop(): Promise<boolean>;
}

export interface StartOptions {
  /** DATAGORA_PROCESSES (node:cluster, one port). */
  processes?: number;
  /** More settings (e.g. DATAGORA_QUERY_TIMEOUT_MS). */
  env?: Record<string, string>;
}

const root = new URL('..', import.meta.url).pathname;
const probe = new URL('./memory-probe.mjs', import.meta.url).href;
/** Clock ticks per second of /proc/PID/stat's CPU times (USER_HZ: 100 on Linux). */
const TICKS = 100;

/** `npm start`'s command from package.json: its arguments after `node`. */
function startArguments(): string[] {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const [command, ...args] = manifest.scripts.start.split(' ');
  if (command !== 'node') throw new Error(`npm start runs ${command}, not node`);
  return args;
}

/**
 * A SQLite store is `<home>/datagora.sqlite` for the portal: a bench store of another name gets
 * that name beside it, as a symbolic link (SQLite keeps its WAL beside the file linked to).
 */
function linkSqliteStore(path: string): void {
  if (basename(path) === SQLITE_FILE_NAME) return;
  const link = join(dirname(path), SQLITE_FILE_NAME);
  if (existsSync(link) || lstatSync(link, { throwIfNoEntry: false })) {
    if (!lstatSync(link).isSymbolicLink()) throw new Error(`${link} is in the way of ${path}`);
    return;
  }
  symlinkSync(basename(path), link);
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

/** The process and its descendants (cluster workers). */
function processTree(pid: number): number[] {
  const tree = [pid];
  for (let i = 0; i < tree.length; i += 1) {
    let children = '';
    try {
      for (const task of readdirSync(`/proc/${tree[i]}/task`)) {
        children += ` ${readFileSync(`/proc/${tree[i]}/task/${task}/children`, 'utf8')}`;
      }
    } catch {
      continue; // gone meanwhile
    }
    // Only Node processes: esbuild's service (bundling worker code) is a helper, not the portal.
    for (const child of children.split(/\s+/).filter(Boolean).map(Number)) {
      if (readProc(child, 'comm')?.trim() === 'node') tree.push(child);
    }
  }
  return tree;
}

function readProc(pid: number, file: string): string | null {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return null;
  }
}

/** A `Vm…` or `Rss…` figure of /proc/PID/status, in MB. */
function statusMb(pid: number, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readProc(pid, 'status') ?? '');
  return match ? Number(match[1]) / 1024 : 0;
}

/** User and system CPU time of all the process's threads, in seconds. */
function cpuSeconds(pid: number): number {
  const stat = readProc(pid, 'stat');
  if (!stat) return 0;
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS;
}

async function waitForHttp(url: string, exited: () => boolean): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exited()) throw new Error('the portal stopped before it answered');
    try {
      await fetch(url);
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** The portal on `spec`, in one process or in `processes` (node:cluster, one port). */
export async function startServer(spec: string, options: StartOptions = {}): Promise<BenchServer> {
  const store = parseStore(spec);
  if (store.engine === 'sqlite') linkSqliteStore(store.path);
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', probe, ...startArguments()], {
    cwd: root,
    env: {
      ...process.env,
      ...storeEnvironment(spec),
      HOST: '127.0.0.1',
      PORT: String(port),
      DATAGORA_DEMO: 'false',
      DATAGORA_PROCESSES: String(options.processes ?? 1),
      ...options.env,
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(
    `${url}/api/explore/v2.1/catalog/datasets?limit=0`,
    () => child.exitCode !== null,
  );
  const pid = child.pid!;
  let peakReset = false;
  return {
    url,
    pid,
    memory() {
      return new Promise((resolve, reject) => {
        const onMessage = (message: { kind: string; rssMb: number; heapMb: number }) => {
          if (message.kind !== 'memory') return;
          child.off('message', onMessage);
          child.off('exit', onExit);
          resolve({ rssMb: message.rssMb, heapMb: message.heapMb });
        };
        const onExit = (code: number | null) => reject(new Error(`server exited (${code})`));
        child.on('message', onMessage);
        child.once('exit', onExit);
        child.send({ kind: 'memory' });
      });
    },
    usage() {
      const tree = processTree(pid);
      const resident = tree.map((p) => statusMb(p, 'VmRSS'));
      return {
        rssMb: resident.reduce((sum, mb) => sum + mb, 0),
        anonMb: tree.reduce((sum, p) => sum + statusMb(p, 'RssAnon'), 0),
        cpuSeconds: tree.reduce((sum, p) => sum + cpuSeconds(p), 0),
        largestRssMb: Math.max(...resident),
      };
    },
    resetPeak() {
      // Writing 5 to clear_refs resets VmHWM to the current resident size (Linux ≥ 4.0).
      try {
        for (const p of processTree(pid)) writeFileSync(`/proc/${p}/clear_refs`, '5');
        peakReset = true;
      } catch {
        peakReset = false;
      }
    },
    peakRssMb() {
      if (!peakReset) return null;
      const peaks = processTree(pid).map((p) => statusMb(p, 'VmHWM'));
      return { all: peaks.reduce((sum, peak) => sum + peak, 0), largest: Math.max(...peaks) };
    },
    /** Stops the portal (SIGTERM); false when it did not exit within 15 s (it is killed then). */
    async stop() {
      if (child.exitCode !== null) return true;
      const exited = new Promise<boolean>((resolve) => child.once('exit', () => resolve(true)));
      child.kill('SIGTERM');
      const late = new Promise<boolean>((resolve) => setTimeout(resolve, 15_000, false).unref());
      if (await Promise.race([exited, late])) return true;
      child.kill('SIGKILL');
      return false;
    },
  };
}
