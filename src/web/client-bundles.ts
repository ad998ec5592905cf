// The site's browser scripts (src/web/client/*.ts), bundled by esbuild in memory the first
// time they are asked for, then served from memory for the life of the process.

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';
import type { FastifyInstance } from 'fastify';

const CLIENT_FOLDER = join(dirname(fileURLToPath(import.meta.url)), 'client');
/** The scripts pages may load, by the name in their URL (`/static/js/<name>.js`). */
const ENTRIES: Record<string, string> = {
  map: 'map.ts',
  'api-console': 'api-console.ts',
  consent: 'consent.ts',
  'import-progress': 'import-progress.ts',
};

const bundles = new Map<string, Promise<string>>();

export function clientBundle(name: string): Promise<string> | null {
  const entry = ENTRIES[name];
  if (!entry) return null;
  let bundle = bundles.get(name);
  if (!bundle) {
    bundle = build({
      entryPoints: [join(CLIENT_FOLDER, entry)],
      bundle: true,
      format: 'esm',
      minify: true,
      target: 'es2020',
      write: false,
      legalComments: 'none',
      logLevel: 'silent',
    }).then((result) => result.outputFiles[0]!.text);
    // A failed build is not kept: the next request tries again (and reports the failure).
    bundle.catch(() => bundles.delete(name));
    bundles.set(name, bundle);
  }
  return bundle;
}

export function clientBundleRoutes(scope: FastifyInstance): void {
  scope.get<{ Params: { name: string } }>('/static/js/:name.js', async (request, reply) => {
    const bundle = clientBundle(request.params.name);
    if (!bundle) return reply.callNotFound();
    return reply
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(await bundle);
  });
}
