// The portal's processes run JavaScript bundled by esbuild, not TypeScript through a loader: tsx's
// loader thread and its source maps cost about 75 MB of resident memory (docs/performance.md,
// "Session 9: the bundled start"). `bundleEntry` bundles an entry of src/ (packages stay
// outside, imported from node_modules) into dist/, under a name made of its content's hash, and
// reuses it while none of the files it was built from changed: a stale bundle never runs.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync } from 'node:fs';
import { statSync } from 'node:fs';
import { utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
/** The project's root; tests bundle a project of their own. */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Bundles kept per entry besides the current one (a cluster may fork a worker from one). */
const KEEP = 4;

/** SHA-256 of a file's bytes, or null if it is gone. */
function fileHash(path) {
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex');
  } catch {
    return null;
  }
}

/** What a bundle depends on besides its inputs: this script, the TypeScript settings, esbuild. */
function buildKey(root) {
  const esbuild = JSON.parse(readFileSync(require.resolve('esbuild/package.json'), 'utf8'));
  return [
    fileHash(fileURLToPath(import.meta.url)),
    fileHash(join(root, 'tsconfig.json')),
    esbuild.version,
  ].join(':');
}

/** The bundle a manifest names, if it exists and every input still has the recorded content. */
function reusable(root, name) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(root, 'dist', `${name}.json`), 'utf8'));
  } catch {
    return null;
  }
  if (manifest.key !== buildKey(root)) return null;
  const file = join(root, 'dist', manifest.file);
  try {
    statSync(file);
  } catch {
    return null;
  }
  for (const [input, hash] of Object.entries(manifest.inputs)) {
    if (fileHash(join(root, input)) !== hash) return null;
  }
  return file;
}

const LOADERS = { ts: 'ts', tsx: 'tsx', js: 'js', mjs: 'js', json: 'json' };

/**
 * esbuild plugin: reads the project's files, recording the hash of what it read (the manifest's
 * inputs), and makes `import.meta.url` (and `dirname` / `filename`) keep naming the source
 * file, so that module URLs handed to worker threads and files read beside a module stay right.
 */
function projectFiles(root, inputs) {
  return {
    name: 'project-files',
    setup(build) {
      build.onLoad({ filter: /\.(tsx?|m?js|json)$/ }, (args) => {
        if (args.path.includes('/node_modules/')) return undefined;
        const bytes = readFileSync(args.path);
        inputs[relative(root, args.path)] = createHash('sha256').update(bytes).digest('hex');
        const contents = bytes
          .toString('utf8')
          .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
          .replaceAll('import.meta.dirname', JSON.stringify(resolve(args.path, '..')))
          .replaceAll('import.meta.filename', JSON.stringify(args.path));
        return { contents, loader: LOADERS[args.path.slice(args.path.lastIndexOf('.') + 1)] };
      });
    },
  };
}

/** Writes `bytes` at `path` through a temporary name, so that no reader sees half a file. */
function writeAtomically(path, bytes) {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, path);
}

/**
 * Removes the bundles of `name` but `current` and the KEEP most recently used, then the chunks
 * no kept bundle of any name imports (unless recent: a build may be writing its own).
 */
function prune(dist, name, current) {
  const pattern = new RegExp(`^${name}-[A-Z0-9]{8}\\.js$`);
  const old = readdirSync(dist)
    .filter((file) => pattern.test(file) && join(dist, file) !== current)
    .map((file) => ({ file, used: statSync(join(dist, file)).mtimeMs }))
    .sort((a, b) => b.used - a.used)
    .slice(KEEP);
  for (const { file } of old) {
    for (const suffix of ['', '.map', '.chunks'])
      rmSync(join(dist, file + suffix), { force: true });
  }
  const kept = new Set();
  for (const file of readdirSync(dist).filter((f) => f.endsWith('.js.chunks'))) {
    try {
      for (const chunk of JSON.parse(readFileSync(join(dist, file), 'utf8'))) kept.add(chunk);
    } catch {
      // Removed meanwhile by another start.
    }
  }
  const recent = Date.now() - 10 * 60_000;
  for (const file of readdirSync(join(dist, 'chunks'))) {
    const path = join(dist, 'chunks', file);
    if (kept.has(`chunks/${file}`)) continue;
    try {
      if (statSync(path).mtimeMs < recent) rmSync(path, { force: true });
    } catch {
      // Removed meanwhile by another start.
    }
  }
}

/**
 * The bundle of `entry` (a path under the project root, e.g. `src/main.ts`) as an absolute
 * path under dist/. When none matches the sources, a child process builds it: a build in the
 * serving process would leave it about 20 MB larger (esbuild's output, its grown heap).
 */
export function bundleEntry(entry, name, root = ROOT) {
  const found = reusable(root, name);
  if (found) {
    // Its time of last use, for prune().
    const now = new Date();
    try {
      utimesSync(found, now, now);
    } catch {
      // A read-only dist/ keeps working; only pruning needs the time.
    }
    return found;
  }
  const child = spawnSync(
    process.execPath,
    [fileURLToPath(import.meta.url), '--build', entry, name, root],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  if (child.status !== 0) {
    // A read-only install: `npm run build` by the folder's owner writes the bundles beforehand.
    console.error(
      `datagora: could not bundle ${entry} into ${join(root, 'dist')} (npm run build writes it)`,
    );
    process.exit(1);
  }
  return child.stdout.trim();
}

/** Builds the bundle of `entry` and writes it, its map and its manifest under dist/. */
async function build(entry, name, root) {
  const dist = join(root, 'dist');
  const key = buildKey(root);
  const esbuild = await import('esbuild');
  /** Each file the bundle was built from, by its path under the root, and its content's hash. */
  const inputs = {};
  const result = await esbuild.build({
    entryPoints: { [name]: join(root, entry) },
    bundle: true,
    // A module imported with import() (the app, in a primary of several processes that never
    // serves) becomes a chunk of its own, its packages loaded with it, not at start.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    // Class and function names stay as written (error names, logs, stack traces).
    keepNames: true,
    // A map for reading a stack trace by hand (or with NODE_OPTIONS=--enable-source-maps,
    // which costs about 25 MB): the process does not load it.
    sourcemap: 'linked',
    outdir: dist,
    // Named by their content's hash (an entry's covers the chunks it imports by name).
    entryNames: '[name]-[hash]',
    chunkNames: 'chunks/[name]-[hash]',
    write: false,
    metafile: true,
    logLevel: 'error',
    absWorkingDir: root,
    plugins: [projectFiles(root, inputs)],
  });
  const entryOutput = Object.keys(result.metafile.outputs).find(
    (output) => result.metafile.outputs[output].entryPoint !== undefined,
  );
  const file = join(root, entryOutput);
  mkdirSync(join(dist, 'chunks'), { recursive: true });
  // Chunks first, the entry last: a process that finds the entry finds what it imports.
  const outputs = [...result.outputFiles].sort((a, b) => (a.path === file) - (b.path === file));
  for (const output of outputs) writeAtomically(output.path, output.contents);
  const chunks = outputs
    .map((output) => relative(dist, output.path))
    .filter((path) => path.startsWith('chunks/'));
  writeAtomically(`${file}.chunks`, JSON.stringify(chunks));
  // Any input the plugin did not read (another kind of file) is hashed as it is now.
  for (const input of Object.keys(result.metafile.inputs)) {
    inputs[input] ??= fileHash(join(root, input));
  }
  writeAtomically(
    join(dist, `${name}.json`),
    JSON.stringify({ key, file: relative(dist, file), inputs }),
  );
  prune(dist, name, file);
  return file;
}

// `node scripts/bundle.mjs --build ENTRY NAME [ROOT]` builds, then prints the bundle's path
// (`npm run build` builds both entries); `node scripts/bundle.mjs ENTRY NAME [ROOT]` prints the
// path of a bundle that matches the sources, built if there is none.
/** Whether this module is the process's script (not imported by the start or the command). */
function isMain() {
  try {
    return realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (isMain()) {
  const building = process.argv[2] === '--build';
  const [entry, name, root = ROOT] = process.argv.slice(building ? 3 : 2);
  try {
    const file = building ? await build(entry, name, root) : bundleEntry(entry, name, root);
    process.stdout.write(`${file}\n`);
  } catch (error) {
    // esbuild has printed its own errors (a file that does not compile).
    if (!Array.isArray(error.errors)) console.error(error.message);
    process.exit(1);
  }
}
