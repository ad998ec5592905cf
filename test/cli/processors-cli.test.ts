import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import Database from 'better-sqlite3';

import { runCli } from '../helpers/run-cli.ts';

describe('datagora import --processors', () => {
  let home: string;
  let env: Record<string, string>;
  before(() => {
    home = mkdtempSync(join(tmpdir(), 'datagora-cli-processors-'));
    env = { DATAGORA_HOME: join(home, 'store') };
    writeFileSync(
      join(home, 'small.csv'),
      'Nom;Code postal;Ville;Note\r\nChez Paul;75009;Paris;4.5\r\n' +
        'Le Bistrot;69001;Lyon;3\r\nLa Mère;47290;Saint-Pastour;\r\n',
    );
  });
  after(() => rmSync(home, { recursive: true, force: true }));

  test('applies the processors of a JSON file', () => {
    const processors = join(home, 'processors.json');
    writeFileSync(
      processors,
      JSON.stringify([
        { type: 'skip', where: 'note is null' },
        {
          type: 'admin_divisions',
          field: 'code_postal',
          code: 'postal_code',
          communeName: 'ville',
        },
        { type: 'delete', field: 'reg_code' },
      ]),
    );
    const result = runCli(
      ['import', join(home, 'small.csv'), '--id', 'cafes', '--processors', processors],
      env,
    );
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /Imported 2 records into cafes/);
    assert.match(result.stdout, /1 record\(s\) dropped by the processors/);
    const db = new Database(join(home, 'store', 'datagora.sqlite'), { readonly: true });
    try {
      const table = db
        .prepare(
          `SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 'records\\_%' ESCAPE '\\' AND name NOT LIKE '%fts%'`,
        )
        .pluck()
        .all() as string[];
      const rows = db
        .prepare(`SELECT nom, dep_name, com_code FROM "${table[0]}" ORDER BY nom`)
        .all();
      assert.deepEqual(rows, [
        { nom: 'Chez Paul', dep_name: 'Paris', com_code: '75056' },
        { nom: 'Le Bistrot', dep_name: 'Rhône', com_code: '69123' },
      ]);
    } finally {
      db.close();
    }
  });

  test('an invalid processor file fails with the reason and imports nothing', () => {
    const broken = join(home, 'broken.json');
    writeFileSync(broken, '[{"type": "delete", "field": "nope"}]');
    const result = runCli(
      ['import', join(home, 'small.csv'), '--id', 'other', '--processors', broken],
      env,
    );
    assert.equal(result.status, 1);
    assert.match(result.stderr, /Processor 1 \(delete\), option "field": no field "nope"/);
    const unreadable = join(home, 'unreadable.json');
    writeFileSync(unreadable, '[{');
    const bad = runCli(
      ['import', join(home, 'small.csv'), '--id', 'other', '--processors', unreadable],
      env,
    );
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /Cannot read the processors in .*unreadable\.json/);
    const listed = runCli(['datasets'], env);
    assert.doesNotMatch(listed.stdout, /^other/m);
  });
});
