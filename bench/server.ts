// Starts bench/serve-child.ts (the portal on a loopback port, in its own process) and talks to
// it: its address, its memory on demand, and stopping it. The children that send requests use
// it, so that the client and the server are two processes.

import { fork } from 'node:child_process';

export interface BenchServer {
  url: string;
  pid: number;
  /** The serving process's resident memory and live heap, in MB. */
  memory(): Promise<{ rssMb: number; heapMb: number }>;
  stop(): Promise<boolean>;
}

interface Message {
  kind: string;
  url?: string;
  rssMb?: number;
  heapMb?: number;
}

/** The portal on `spec`, in one process or in `processes` (node:cluster, one port). */
export function startServer(spec: string, processes = 1): Promise<BenchServer> {
  const child = fork(
    new URL('./serve-child.ts', import.meta.url).pathname,
    [spec, String(processes)],
    {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    },
  );
  const next = (kind: string) =>
    new Promise<Message>((resolve, reject) => {
      const onMessage = (message: Message) => {
        if (message.kind !== kind) return;
        child.off('exit', onExit);
        child.off('message', onMessage);
        resolve(message);
      };
      const onExit = (code: number | null) => reject(new Error(`server exited (${code})`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  return next('ready').then((ready) => ({
    url: ready.url!,
    pid: child.pid!,
    async memory() {
      const answer = next('memory');
      child.send({ kind: 'memory' });
      const { rssMb, heapMb } = await answer;
      return { rssMb: rssMb!, heapMb: heapMb! };
    },
    /** Closes the server; false when it did not exit within 15 s (it is killed then). */
    async stop() {
      if (child.exitCode !== null) return true;
      const exited = new Promise<boolean>((resolve) => child.once('exit', () => resolve(true)));
      child.send({ kind: 'stop' });
      const late = new Promise<boolean>((resolve) => setTimeout(resolve, 15_000, false).unref());
      if (await Promise.race([exited, late])) return true;
      child.kill('SIGKILL');
      return false;
    },
  }));
}
