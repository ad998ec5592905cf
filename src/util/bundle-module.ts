// A TypeScript module and what it imports from the project, bundled by esbuild into one
// JavaScript module held in memory (a data: URL), so that a worker thread can run it without a
// TypeScript loader of its own: each loader costs a thread and about 15 MB. Packages stay
// outside the bundle, imported from their installed files by absolute URL.

import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { build, stop } from 'esbuild';

const require = createRequire(import.meta.url);
const bundles = new Map<string, Promise<string>>();
/** Builds running now: esbuild's service process is stopped when none is left. */
let building = 0;

/** A package import, by its absolute file URL (a data: module has no folder to resolve from). */
function packageUrl(specifier: string, folder: string): string {
  return pathToFileURL(require.resolve(specifier, { paths: [folder] })).href;
}

async function bundle(url: string): Promise<string> {
  building += 1;
  try {
    return await bundleOnce(url);
  } finally {
    building -= 1;
    // The service (a process of about 15 MB) would otherwise idle beside the portal for good;
    // the next build starts it again (a few milliseconds, once per module and process).
    if (building === 0) void stop();
  }
}

async function bundleOnce(url: string): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(url)],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    plugins: [
      {
        name: 'packages-by-url',
        setup(builder) {
          builder.onResolve({ filter: /^[^./]/ }, (args) => ({
            path: args.path.startsWith('node:')
              ? args.path
              : packageUrl(args.path, args.resolveDir),
            external: true,
          }));
        },
      },
    ],
  });
  return `data:text/javascript;base64,${Buffer.from(result.outputFiles[0]!.contents).toString('base64')}`;
}

/**
 * The module at `url` (a file: URL) as a self-contained module URL, built once per process.
 * Other URLs (already JavaScript elsewhere, or data:) are returned as they are.
 */
export function bundledModuleUrl(url: string): Promise<string> {
  if (!url.startsWith('file:') || !/\.tsx?$/.test(url)) return Promise.resolve(url);
  let bundled = bundles.get(url);
  if (!bundled) {
    bundled = bundle(url);
    // A failed build is not kept: the next call tries again (and reports the failure).
    bundled.catch(() => bundles.delete(url));
    bundles.set(url, bundled);
  }
  return bundled;
}
