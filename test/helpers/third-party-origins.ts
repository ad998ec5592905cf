// Stand-ins for other companies' servers, one origin per service, for the cookie audit's test:
// a local HTTP server that serves tag scripts (which sets a first-party cookie through document.cookie, as audience
// tags do), an embeddable page and map tiles, and logs every request it receives. Chromium
// resolves `localhost` and its subdomains to the loopback address, so each service gets an
// origin of its own (`tag.localhost`, `embed.localhost`…) and a cookie domain apart from the
// portal's 127.0.0.1.

import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  host: string;
  path: string;
}

/** A script that sets cookies on the page that loads it: `name` → max-age in seconds. */
export type ScriptCookies = Record<string, number>;

export interface ThirdPartyOrigins {
  port: number;
  /** `http://SUB.localhost:PORT` */
  origin(subdomain: string): string;
  /** Every request received since the start (or the last `clear`), in order. */
  readonly received: ReceivedRequest[];
  clear(): void;
  /** Serves `/NAME.js`, a script setting these cookies. */
  script(name: string, cookies: ScriptCookies): void;
  close(): Promise<void>;
}

// A 1×1 transparent PNG, the smallest valid tile.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGBgAAAABQABpfZFQAAAAABJRU5ErkJggg==',
  'base64',
);

const EMBED = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Embedded video</title></head>
<body><p>An embedded player from another site.</p></body></html>`;

function scriptBody(cookies: ScriptCookies): string {
  return Object.entries(cookies)
    .map(
      ([name, maxAge]) =>
        `document.cookie = ${JSON.stringify(`${name}=v${Math.random().toString(36).slice(2)}; max-age=${maxAge}; path=/; samesite=lax`)};`,
    )
    .join('\n');
}

export async function startThirdPartyOrigins(): Promise<ThirdPartyOrigins> {
  const received: ReceivedRequest[] = [];
  const scripts = new Map<string, string>();
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0]!;
    received.push({ host: (request.headers.host ?? '').split(':')[0]!, path });
    const script = /^\/([a-z0-9-]+)\.js$/.exec(path);
    if (script && scripts.has(script[1]!)) {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      response.end(scripts.get(script[1]!));
    } else if (path === '/embed') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(EMBED);
    } else if (/^\/tiles\/\d+\/\d+\/\d+\.png$/.test(path)) {
      response.writeHead(200, { 'content-type': 'image/png' });
      response.end(PNG);
    } else {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    origin: (subdomain) => `http://${subdomain}.localhost:${port}`,
    received,
    clear: () => {
      received.length = 0;
    },
    script: (name, cookies) => {
      scripts.set(name, scriptBody(cookies));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
