// Application processes for the multi-process test: `npm start`'s entry (src/main.ts) in a child
// process on a free port, and a visitor's cookie jar for real HTTP between them.

import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';

import { parse } from 'node-html-parser';

import { PROJECT_ROOT } from '../helpers/run-cli.ts';

export interface PortalProcess {
  name: string;
  child: ChildProcess;
  url: string;
  /** SIGTERM, then waits for the exit; resolves with the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL: no clean-up of any kind. */
  kill(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Starts `src/main.ts` with `env` and waits until it answers HTTP. */
export async function startPortalProcess(
  name: string,
  env: Record<string, string>,
): Promise<PortalProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: PROJECT_ROOT,
    // One serving process each (not one per core): the test is about processes it starts itself.
    env: {
      ...process.env,
      DATAGORA_LOG_LEVEL: 'warn',
      DATAGORA_PROCESSES: '1',
      ...env,
      PORT: String(port),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = once(child, 'exit');
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/robots.txt`)).ok) break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return {
    name,
    child,
    url,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      return code;
    },
    async kill() {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Cookies as a browser keeps them, whatever process of the portal set them. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      const value = pair!.slice(at + 1);
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(pair!.slice(0, at));
      else this.cookies.set(pair!.slice(0, at), value);
    }
  }

  /** A request with the jar's cookies; the answer's cookies go into the jar. */
  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set('cookie', this.header());
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    this.take(response);
    return response;
  }

  /** POSTs a form (urlencoded). */
  post(url: string, fields: [string, string][]): Promise<Response> {
    return this.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  }
}

/** The fields a browser would send for the page's form posting to `action`. */
export function formFields(html: string, action: string): [string, string][] {
  const form = parse(html)
    .querySelectorAll('form')
    .find((f) => f.getAttribute('action') === action);
  if (!form) throw new Error(`no form posting to ${action}`);
  const fields: [string, string][] = [];
  for (const input of form.querySelectorAll('input, textarea, select')) {
    const name = input.getAttribute('name');
    if (!name || input.hasAttribute('disabled')) continue;
    const type = (input.getAttribute('type') ?? '').toLowerCase();
    if (input.tagName === 'SELECT') {
      const chosen = input.querySelector('option[selected]') ?? input.querySelectorAll('option')[0];
      fields.push([name, chosen?.getAttribute('value') ?? chosen?.text ?? '']);
    } else if (input.tagName === 'TEXTAREA') {
      fields.push([name, input.text]);
    } else if (type === 'checkbox' || type === 'radio') {
      if (input.hasAttribute('checked')) fields.push([name, input.getAttribute('value') ?? 'on']);
    } else if (type !== 'submit' && type !== 'file') {
      fields.push([name, input.getAttribute('value') ?? '']);
    }
  }
  return fields;
}

/** The CSRF token of a page's forms. */
export function pageToken(html: string): string {
  const token = parse(html).querySelector('input[name=csrfmiddlewaretoken]')?.getAttribute('value');
  if (!token) throw new Error('the page has no csrfmiddlewaretoken field');
  return token;
}
