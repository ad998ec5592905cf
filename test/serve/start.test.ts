import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { test } from 'node:test';

import { PROJECT_ROOT } from '../helpers/run-cli.ts';

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** `npm start`'s command from package.json, run by this Node: the serving process itself. */
function startArgs(): string[] {
  const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const [command, ...args] = manifest.scripts.start.split(' ');
  assert.equal(command, 'node');
  return args;
}

/** A process's command line, as the system reports it. */
function commandLine(pid: number): string[] {
  return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
}

/** Asserts that a process runs JavaScript files only, with no module loader (tsx) in its way. */
function assertPlainJavaScript(pid: number): void {
  const [node, ...args] = commandLine(pid);
  assert.equal(node, process.execPath);
  assert.equal(args.length >= 1, true, 'a script');
  assert.match(args[0]!, /\.m?js$/, 'runs a JavaScript file');
  assert.ok(!args.some((arg) => /^--(import|loader|require|experimental-loader)/.test(arg)));
  const environment = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
  assert.ok(
    !environment.some((v) => v.startsWith('NODE_OPTIONS=') && /tsx|--import|--loader/.test(v)),
  );
}

async function waitForHttp(url: string, deadline: number): Promise<Response> {
  for (;;) {
    try {
      return await fetch(url);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

test('npm start serves the demo and its assets over HTTP without a TypeScript loader, then stops cleanly on SIGTERM', async () => {
  const home = mkdtempSync(join(tmpdir(), 'datagora-start-'));
  const port = await freePort();
  const child = spawn(process.execPath, startArgs(), {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: String(port), DATAGORA_HOME: home, DATAGORA_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    const query = new URLSearchParams({
      where: 'code_postal="75009"',
      order_by: 'date_inspection desc',
      limit: '5',
    });
    const response = await waitForHttp(
      `http://127.0.0.1:${port}/api/explore/v2.1/catalog/datasets/export_alimconfiance/records?${query}`,
      Date.now() + 60_000,
    );
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /application\/json/);
    const body = (await response.json()) as {
      total_count: number;
      results: { code_postal: string }[];
    };
    assert.ok(body.total_count > 5);
    assert.equal(body.results.length, 5);
    assert.ok(body.results.every((r) => r.code_postal === '75009'));

    // A page and the assets it links to: files read beside their modules (the site's style
    // sheet) and browser code bundled at start (the consent script).
    const page = await fetch(
      `http://127.0.0.1:${port}/explore/dataset/export_alimconfiance/table/`,
    );
    assert.equal(page.status, 200);
    const html = await page.text();
    for (const [asset, type] of [
      ['/static/site.css', /text\/css/],
      ['/static/js/consent.js', /javascript/],
      ['/static/dsfr/dsfr.min.css', /text\/css/],
    ] as const) {
      assert.ok(html.includes(`"${asset}"`), `the page links ${asset}`);
      const response = await fetch(`http://127.0.0.1:${port}${asset}`);
      assert.equal(response.status, 200, asset);
      assert.match(response.headers.get('content-type') ?? '', type);
      assert.ok((await response.arrayBuffer()).byteLength > 100, asset);
    }
    assertPlainJavaScript(child.pid!);

    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    assert.equal(code, 0);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(home, { recursive: true, force: true });
  }
});

/** The pids of the serving workers forked by `primary` (node:cluster children running the bundle). */
function workersOf(primary: number): number[] {
  let out: string;
  try {
    out = execFileSync('ps', ['--ppid', String(primary), '-o', 'pid=,args='], { encoding: 'utf8' });
  } catch (error) {
    // ps exits with 1 when the process has no child.
    if ((error as { status?: number }).status === 1) return [];
    throw error;
  }
  return out
    .split('\n')
    .filter((line) => /dist\/main-[A-Z0-9]+\.js/.test(line))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}

test('DATAGORA_PROCESSES=2 serves from two processes, replaces one that dies, stops both', async () => {
  const home = mkdtempSync(join(tmpdir(), 'datagora-processes-'));
  const port = await freePort();
  const child = spawn(process.execPath, startArgs(), {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      DATAGORA_HOME: home,
      // Info: each worker logs when it listens (Fastify's line, with the worker's pid).
      DATAGORA_LOG_LEVEL: 'info',
      DATAGORA_PROCESSES: '2',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const listening = new Set<number>();
  let partial = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop()!;
    for (const line of lines) {
      const entry = /"pid":(\d+).*"msg":"Server listening at/.exec(line);
      if (entry) listening.add(Number(entry[1]));
    }
  });
  const url = `http://127.0.0.1:${port}/api/explore/v2.1/catalog/datasets/export_alimconfiance/records?limit=1`;
  try {
    const first = await waitForHttp(url, Date.now() + 90_000);
    assert.equal(first.status, 200);
    // The demo was loaded once, by the primary, before the workers started.
    const body = (await first.json()) as { total_count: number };
    assert.equal(body.total_count, 15_463);
    const workers = workersOf(child.pid!);
    assert.equal(workers.length, 2, 'two serving processes');
    for (const worker of workers) assertPlainJavaScript(worker);

    // A worker that dies after it listened is replaced; the port keeps answering meanwhile. (One
    // that dies before stops the portal: the first answer may come from the other one alone.)
    const listened = Date.now() + 60_000;
    while (!workers.every((pid) => listening.has(pid))) {
      if (Date.now() > listened) throw new Error(`listening: ${[...listening].join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    process.kill(workers[0]!, 'SIGKILL');
    const deadline = Date.now() + 60_000;
    for (;;) {
      const now = workersOf(child.pid!);
      if (now.length === 2 && !now.includes(workers[0]!)) break;
      if (Date.now() > deadline) throw new Error(`workers: ${now.join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.equal((await waitForHttp(url, Date.now() + 60_000)).status, 200);

    const last = workersOf(child.pid!);
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    assert.equal(code, 0);
    for (const pid of last) {
      assert.throws(() => process.kill(pid, 0), 'the worker is gone too');
    }
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(home, { recursive: true, force: true });
  }
});

test('DATAGORA_PROCESSES=2 on a taken port stops, with exit code 1, instead of forking forever', async () => {
  const home = mkdtempSync(join(tmpdir(), 'datagora-processes-'));
  const taken = createServer();
  taken.listen(0, '127.0.0.1');
  await once(taken, 'listening');
  const port = (taken.address() as { port: number }).port;
  const child = spawn(process.execPath, startArgs(), {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATAGORA_HOME: home,
      DATAGORA_LOG_LEVEL: 'warn',
      DATAGORA_DEMO: 'false',
      DATAGORA_PROCESSES: '2',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  try {
    const [code] = await once(child, 'exit');
    assert.equal(code, 1, stderr);
    assert.match(stderr, /stopped before it listened/);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    taken.close();
    rmSync(home, { recursive: true, force: true });
  }
});
