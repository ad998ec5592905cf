// A stand-in for a third-party provider, on its own local port: an audience tag that sets a
// first-party cookie from the page (as such tags do), an embed page and map tiles. It records
// every request, so tests can prove nothing reached it before consent.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A 1×1 grey PNG. */
const TILE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGP4DwABAQEAWjK1ZQAAAABJRU5ErkJggg==',
  'base64',
);

export interface ThirdPartyHost {
  origin: string;
  /** Paths requested so far, in order. */
  requests: string[];
  close(): Promise<void>;
}

export async function startThirdPartyHost(
  options: { cookieName?: string; cookieMaxAge?: number } = {},
): Promise<ThirdPartyHost> {
  const cookieName = options.cookieName ?? 'tp_visitor';
  const maxAge = options.cookieMaxAge ?? 390 * 86_400;
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    requests.push(path);
    if (path === '/tag.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' });
      response.end(
        `document.cookie = '${cookieName}=' + Math.random().toString(36).slice(2) + ` +
          `'; max-age=${maxAge}; path=/; samesite=lax';\nwindow.__tagLoaded = true;\n`,
      );
    } else if (path.startsWith('/embed')) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end('<!doctype html><html lang="en"><title>Video</title><p>A video.</p></html>');
    } else if (path.startsWith('/tiles/')) {
      response.writeHead(200, { 'content-type': 'image/png' });
      response.end(TILE);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
