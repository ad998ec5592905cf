import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';

import { PROJECT_ROOT } from '../helpers/run-cli.ts';

const BUNDLER = join(PROJECT_ROOT, 'scripts', 'bundle.mjs');

/** The bundle of `root`'s `entry` that a start would run (built when none matches). */
function bundle(root: string, entry = 'src/main.ts', name = 'main'): string {
  return execFileSync(process.execPath, [BUNDLER, entry, name, root], {
    encoding: 'utf8',
  }).trim();
}

/** The packages a bundle file loads at start: its static imports, and its chunks'. */
function staticImports(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  const imports = [...code.matchAll(/^import\b[^;]*?from\s*"([^"]+)"/gm)].map((m) => m[1]!);
  return imports.flatMap((specifier) =>
    specifier.startsWith('.') ? staticImports(join(dirname(file), specifier)) : [specifier],
  );
}

function run(file: string): string {
  return execFileSync(process.execPath, [file], { encoding: 'utf8' }).trim();
}

test('the start runs a bundle of the current sources: reused while they match, rebuilt when one changes', () => {
  const root = mkdtempSync(join(tmpdir(), 'datagora-bundle-'));
  try {
    mkdirSync(join(root, 'src', 'words'), { recursive: true });
    // import.meta.url keeps naming the source file: a file beside it is found, a worker URL too.
    writeFileSync(
      join(root, 'src', 'main.ts'),
      [
        "import { readFileSync } from 'node:fs';",
        // Imported when used: a chunk of its own.
        "const { word } = await import('./words/word.ts');",
        "const beside: string = readFileSync(new URL('./beside.txt', import.meta.url), 'utf8');",
        "const worker = new URL('./worker.ts', import.meta.url).pathname;",
        'console.log(word, beside.trim(), worker.endsWith("/src/worker.ts"));',
      ].join('\n'),
    );
    writeFileSync(join(root, 'src', 'beside.txt'), 'beside\n');
    const word = join(root, 'src', 'words', 'word.ts');
    writeFileSync(word, "export const word: string = 'one';\n");

    const first = bundle(root);
    assert.match(first, /[/\\]dist[/\\]main-[A-Z0-9]{8}\.js$/);
    assert.equal(run(first), 'one beside true');
    const manifest = join(root, 'dist', 'main.json');
    const built = statSync(manifest).mtimeMs;

    // Unchanged sources: the same bundle, not built again.
    assert.equal(bundle(root), first);
    assert.equal(statSync(manifest).mtimeMs, built);

    // A changed import, however deep: a new bundle, which runs the new code.
    writeFileSync(word, "export const word: string = 'two';\n");
    const second = bundle(root);
    assert.notEqual(second, first);
    assert.equal(run(second), 'two beside true');
    const inputs = (JSON.parse(readFileSync(manifest, 'utf8')) as { inputs: object }).inputs;
    assert.deepEqual(Object.keys(inputs).sort(), ['src/main.ts', 'src/words/word.ts']);

    // Back to the first sources: the first bundle (named by its content) serves again.
    writeFileSync(word, "export const word: string = 'one';\n");
    assert.equal(bundle(root), first);
    assert.equal(run(first), 'one beside true');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("a source that does not compile stops the start with esbuild's message", () => {
  const root = mkdtempSync(join(tmpdir(), 'datagora-bundle-'));
  try {
    mkdirSync(join(root, 'src'));
    writeFileSync(join(root, 'src', 'main.ts'), 'const x: number = ;\n');
    assert.throws(
      () =>
        execFileSync(process.execPath, [BUNDLER, 'src/main.ts', 'main', root], {
          encoding: 'utf8',
          stdio: 'pipe',
        }),
      (error: { status: number; stderr: string }) =>
        error.status === 1 &&
        /main\.ts/.test(error.stderr) &&
        /could not bundle src\/main\.ts/.test(error.stderr),
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

/** Packages imported only where used (docs/architecture.md, "The start"). */
const LAZY_PACKAGES = [
  'playwright-core',
  'exceljs',
  'pg',
  'pg-copy-streams',
  'pg-cursor',
  'n3',
  'turndown',
  'shapefile',
  'proj4',
];

test('packages the portal imports when first needed are not loaded by the bundles at start', () => {
  // A project module imported lazily is inlined into the bundle, and its package imports go to
  // the bundle's top: such packages must be imported lazily where they are used.
  for (const [entry, name] of [
    ['src/main.ts', 'main'],
    ['src/cli/main.ts', 'cli'],
  ]) {
    const loaded = staticImports(bundle(PROJECT_ROOT, entry, name));
    assert.ok(loaded.includes('better-sqlite3'), `${name}: the packages loaded at start`);
    for (const lazy of LAZY_PACKAGES) {
      assert.ok(!loaded.includes(lazy), `${name} loads ${lazy} at start`);
    }
  }
});
