import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import Database from 'better-sqlite3';

import { PROJECT_ROOT, runCli } from '../helpers/run-cli.ts';

describe('the datagora command', () => {
  let home: string;
  let env: Record<string, string>;
  before(() => {
    home = mkdtempSync(join(tmpdir(), 'datagora-cli-'));
    env = { DATAGORA_HOME: join(home, 'store') };
    writeFileSync(
      join(home, 'small.csv'),
      'Nom;Code postal;Note\r\nChez Paul;75009;4.5\r\n"Le Bistrot; du coin";69001;3\r\nLa Mère;13001;\r\n',
    );
  });
  after(() => rmSync(home, { recursive: true, force: true }));

  test('without a command, prints the usage and exits 2', () => {
    const result = runCli([], env);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /Usage: datagora <command>/);
  });

  test('usage errors print the usage and exit 2', () => {
    for (const args of [
      ['frobnicate'],
      ['import'],
      ['import', 'a.csv'],
      ['import', '--colour', 'x'],
      ['import', 'a.csv', '--id', 'a', '--format', 'docx'],
    ]) {
      const result = runCli(args, env);
      assert.equal(result.status, 2, args.join(' '));
      assert.match(result.stderr, /Usage: datagora/, args.join(' '));
    }
  });

  test('a wrong setting names it and exits 2', () => {
    const result = runCli(['datasets'], { ...env, DATAGORA_READERS: 'many' });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /DATAGORA_READERS/);
  });

  test('import loads a CSV, datasets lists it with its count', () => {
    const imported = runCli(
      ['import', join(home, 'small.csv'), '--id', 'restaurants', '--title', 'Restaurants'],
      env,
    );
    assert.equal(imported.status, 0, imported.stderr);
    assert.match(imported.stdout, /Imported 3 records into restaurants \(version \d+\)/);
    const listed = runCli(['datasets'], env);
    assert.equal(listed.status, 0, listed.stderr);
    assert.match(listed.stdout, /^ID\s+RECORDS/m);
    assert.match(listed.stdout, /^restaurants\s+3\s+domain\s+\S+\s+Restaurants$/m);
  });

  test('import detects other formats, or reads the one --format names', () => {
    // A store of its own: the backup test below expects the restaurants alone.
    const env = { DATAGORA_HOME: join(home, 'formats-store') };
    writeFileSync(
      join(home, 'places.geojson'),
      '{"type": "FeatureCollection", "features": [' +
        '{"type": "Feature", "properties": {"nom": "Mairie"}, "geometry": {"type": "Point", "coordinates": [2.35, 48.85]}},' +
        '{"type": "Feature", "properties": {"nom": "Gare"}, "geometry": {"type": "Point", "coordinates": [2.37, 48.84]}}]}',
    );
    const geo = runCli(['import', join(home, 'places.geojson'), '--id', 'places'], env);
    assert.equal(geo.status, 0, geo.stderr);
    assert.match(geo.stdout, /Imported 2 records into places \(version \d+\) from a geojson file/);
    writeFileSync(join(home, 'lines.txt'), '{"a": 1}\n{"a": "x"}\nnot json\n');
    const lines = runCli(
      ['import', join(home, 'lines.txt'), '--id', 'lines', '--format', 'jsonl'],
      env,
    );
    assert.equal(lines.status, 0, lines.stderr);
    assert.match(lines.stdout, /Imported 2 records into lines .* from a jsonl file/);
    assert.match(lines.stdout, /1 line\(s\) skipped/);
    assert.match(lines.stdout, /line 3: not JSON/);
  });

  test('import failures exit 1 with the reason and change nothing', () => {
    const missing = runCli(['import', join(home, 'missing.csv'), '--id', 'restaurants'], env);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /no such file/);
    const badId = runCli(['import', join(home, 'small.csv'), '--id', 'Not An Id'], env);
    assert.equal(badId.status, 1);
    assert.match(badId.stderr, /Invalid dataset id/);
    writeFileSync(join(home, 'empty.csv'), '');
    const empty = runCli(['import', join(home, 'empty.csv'), '--id', 'restaurants'], env);
    assert.equal(empty.status, 1);
    assert.match(empty.stderr, /cannot be imported/);
    const listed = runCli(['datasets'], env);
    assert.match(listed.stdout, /^restaurants\s+3\s/m);
  });

  test('attach copies a file under DATAGORA_HOME and records it with the dataset', () => {
    writeFileSync(join(home, 'Notice technique.pdf'), '%PDF-1.4 notice');
    const attached = runCli(
      ['attach', join(home, 'Notice technique.pdf'), '--id', 'restaurants', '--title', 'Notice'],
      env,
    );
    assert.equal(attached.status, 0, attached.stderr);
    assert.match(attached.stdout, /as notice_technique_pdf \(application\/pdf\)/);
    const copy = join(home, 'store', 'attachments', 'restaurants', 'Notice technique.pdf');
    assert.equal(readFileSync(copy, 'utf8'), '%PDF-1.4 notice');
    const db = new Database(join(home, 'store', 'datagora.sqlite'), { readonly: true });
    const rows = db.prepare('SELECT id, title, mimetype, path FROM attachments').all();
    db.close();
    assert.deepEqual(rows, [
      {
        id: 'notice_technique_pdf',
        title: 'Notice',
        mimetype: 'application/pdf',
        path: 'Notice technique.pdf',
      },
    ]);
    const missing = runCli(['attach', join(home, 'nope.pdf'), '--id', 'restaurants'], env);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /not a readable file/);
    const noDataset = runCli(['attach', join(home, 'small.csv'), '--id', 'nope'], env);
    assert.equal(noDataset.status, 1);
    assert.match(noDataset.stderr, /Unknown dataset: nope/);
    assert.equal(runCli(['attach', join(home, 'small.csv')], env).status, 2);
  });

  test('backup writes a copy of the store that opens on its own', () => {
    const target = join(home, 'copy.sqlite');
    const result = runCli(['backup', target], env);
    assert.equal(result.status, 0, result.stderr);
    assert.ok(existsSync(target));
    const copy = new Database(target, { readonly: true });
    try {
      const row = copy.prepare('SELECT id FROM datasets').get() as { id: string } | undefined;
      assert.equal(row?.id, 'restaurants');
    } finally {
      copy.close();
    }
    const again = runCli(['backup', target], env);
    assert.equal(again.status, 1);
    assert.match(again.stderr, /exists/);
  });

  test('import --restricted makes the dataset restricted; a later import keeps it so', () => {
    const imported = runCli(
      ['import', join(home, 'small.csv'), '--id', 'inspections', '--restricted'],
      env,
    );
    assert.equal(imported.status, 0, imported.stderr);
    assert.match(imported.stdout, /inspections is restricted/);
    assert.match(runCli(['datasets'], env).stdout, /^inspections\s+3\s+restricted\s/m);
    const again = runCli(['import', join(home, 'small.csv'), '--id', 'inspections'], env);
    assert.equal(again.status, 0, again.stderr);
    assert.match(runCli(['datasets'], env).stdout, /^inspections\s+3\s+restricted\s/m);
    const restricted = runCli(
      ['import', join(home, 'small.csv'), '--id', 'restaurants', '--restricted'],
      env,
    );
    assert.equal(restricted.status, 0, restricted.stderr);
    assert.match(runCli(['datasets'], env).stdout, /^restaurants\s+3\s+restricted\s/m);
  });

  test('npm start stops on a wrong setting with its name and exit code 2', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      env: { ...process.env, ...env, PORT: 'eighty' },
      timeout: 60_000,
    });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /Invalid setting PORT/);
    const cache = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      env: { ...process.env, ...env, DATAGORA_EXPORT_CACHE_MB: 'lots' },
      timeout: 60_000,
    });
    assert.equal(cache.status, 2);
    assert.match(cache.stderr, /Invalid setting DATAGORA_EXPORT_CACHE_MB/);
  });
});
