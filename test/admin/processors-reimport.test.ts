// The processors page's preview and re-import over real HTTP (inject), on both engines: the first
// rows of the stored file before and after the processors, read with the schema editor's types; "Re-import" and "Save and re-import"
// queue an import whose records reflect the processors (checked through the Explore API against
// records worked out by hand from the file); a busy dataset, processors that cannot run on the
// file and a dataset without a source are refused with a notice, never a 500.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { parse } from 'node-html-parser';

import { emptyMetas } from '../../src/core/dataset.ts';
import type { ProcessorsPortal } from '../helpers/processors-portal.ts';
import { CAFES_CSV, PAGE, startProcessorsPortal, textOf } from '../helpers/processors-portal.ts';
import { TEST_ENGINES, getJson } from '../helpers/test-portal.ts';

const PROCESSORS = [
  { type: 'rename' as const, field: 'nom', to: 'name' },
  { type: 'skip' as const, where: "ville = 'Paris'" },
  { type: 'set' as const, field: 'ville_maj', expression: 'upper(ville)' },
  { type: 'deduplicate' as const, fields: ['name'] },
];

for (const engine of TEST_ENGINES) {
  describe(`the processors page's preview and re-import (${engine})`, () => {
    let p: ProcessorsPortal;
    before(async () => {
      p = await startProcessorsPortal(engine);
      // The version online before: the file as it is.
      await p.portal.services.imports.start({
        datasetId: 'cafes',
        trigger: 'upload',
        createdBy: null,
      });
      await p.portal.services.imports.idle();
      await p.portal.engine.imports.saveProcessors('cafes', PROCESSORS);
    });
    after(async () => {
      await p?.portal.services.imports.idle();
      await p?.portal.close();
    });

    const records = async (select: string) =>
      (
        await getJson(
          p.portal,
          `/api/explore/v2.1/catalog/datasets/cafes/records?select=${select}&order_by=name`,
        )
      ).body.results;
    const grid = (body: string, id: string) => {
      const table = parse(body).querySelector(`#${id}`);
      return {
        names: table?.querySelectorAll('thead th code').map((code) => code.text) ?? [],
        rows:
          table
            ?.querySelectorAll('tbody tr')
            .map((row) => row.querySelectorAll('td').map((td) => td.text)) ?? [],
      };
    };

    test('the preview shows the first rows as read, then as the processors leave them', async () => {
      const page = await p.get(PAGE, p.editor);
      assert.equal(page.statusCode, 200);
      const lines = CAFES_CSV.trim()
        .split('\n')
        .slice(1)
        .map((line) => line.split(';'));
      assert.deepEqual(grid(page.body, 'preview-before'), {
        names: ['nom', 'ville', 'code_postal'],
        rows: lines,
      });
      // Paris is skipped, the second Chez Paul is a duplicate.
      assert.deepEqual(grid(page.body, 'preview-after'), {
        names: ['name', 'ville', 'code_postal', 'ville_maj'],
        rows: [
          ['Chez Paul', 'Lyon', '69001', 'LYON'],
          ['La Cloche', 'Lille', '59000', 'LILLE'],
        ],
      });
      assert.match(textOf(page.body, '#preview-skipped'), /^2 records of the preview are dropped/);
    });

    test('the preview reads the file with the schema editor’s types, as an import does', async () => {
      const type = (body: string, id: string, name: string) =>
        parse(body)
          .querySelectorAll(`#${id} thead th`)
          .find((th) => th.querySelector('code')?.text === name)
          ?.text.match(/\((\w+)\)$/)?.[1];
      const before = await p.get(PAGE, p.editor);
      assert.equal(type(before.body, 'preview-before', 'code_postal'), 'int');
      const edit = { label: 'Code', description: null, annotations: {}, translations: {} };
      await p.portal.engine.schemas.saveEdits(
        'cafes',
        { fields: { code_postal: { ...edit, type: 'text' } } },
        null,
      );
      try {
        const page = await p.get(PAGE, p.editor);
        assert.equal(type(page.body, 'preview-before', 'code_postal'), 'text');
        assert.equal(type(page.body, 'preview-after', 'code_postal'), 'text');
        assert.equal(grid(page.body, 'preview-after').rows[0]?.[2], '69001');
      } finally {
        await p.portal.engine.schemas.saveEdits('cafes', { fields: {} }, null);
      }
    });

    test('re-importing applies the processors to the records online', async () => {
      const online = await getJson(
        p.portal,
        '/api/explore/v2.1/catalog/datasets/cafes/records?limit=0',
      );
      assert.equal(online.body['total_count'], 4);
      const started = await p.post(`${PAGE}reimport`, {}, p.editor);
      assert.equal(started.statusCode, 303);
      assert.equal(started.headers.location, `${PAGE}?done=started`);
      await p.portal.services.imports.idle();
      const [job] = await p.portal.engine.imports.listJobs('cafes', 1);
      assert.equal(job?.state, 'succeeded', job?.error ?? '');
      assert.equal(job?.createdBy, p.editorId);
      assert.equal(job?.trigger, 'refresh');
      assert.deepEqual(await records('*'), [
        { name: 'Chez Paul', ville: 'Lyon', code_postal: 69001, ville_maj: 'LYON' },
        { name: 'La Cloche', ville: 'Lille', code_postal: 59000, ville_maj: 'LILLE' },
      ]);
      const page = await p.get(`${PAGE}?done=started`, p.editor);
      assert.match(textOf(page.body, '#bo-notice'), /import has started/);
      assert.match(textOf(page.body, '#latest-import'), /^Latest import: Succeeded/);
    });

    test('"Save and re-import" saves the processor, then imports with it', async () => {
      const saved = await p.post(
        `${PAGE}new`,
        {
          type: 'delete',
          field: 'code_postal',
          then: 'reimport',
          revision: await p.revision(p.admin),
        },
        p.admin,
      );
      assert.equal(saved.headers.location, `${PAGE}?done=started`);
      await p.portal.services.imports.idle();
      assert.deepEqual(await records('*'), [
        { name: 'Chez Paul', ville: 'Lyon', ville_maj: 'LYON' },
        { name: 'La Cloche', ville: 'Lille', ville_maj: 'LILLE' },
      ]);
    });

    test('while an import runs, re-importing waits; a save still saves', async () => {
      const queued = await p.portal.engine.imports.createJob({
        datasetId: 'cafes',
        trigger: 'refresh',
        createdBy: null,
      });
      try {
        const busy = await p.post(`${PAGE}reimport`, {}, p.editor);
        assert.equal(busy.statusCode, 409);
        assert.match(textOf(busy.body, '#bo-notice'), /already running/);
        const saved = await p.post(
          `${PAGE}new`,
          {
            type: 'set',
            field: 'source',
            value: 'DGAL',
            expression: '',
            fieldType: '',
            label: '',
            then: 'reimport',
            revision: await p.revision(p.editor),
          },
          p.editor,
        );
        assert.equal(saved.headers.location, `${PAGE}?done=savedBusy`);
        const stored = (await p.portal.engine.imports.getSource('cafes'))!.processors;
        assert.deepEqual(stored.at(-1), { type: 'set', field: 'source', value: 'DGAL' });
      } finally {
        await p.portal.engine.imports.finishJob(queued.id, {
          state: 'failed',
          rowsRead: 0,
          rowsRejected: 0,
          issues: [],
          issueCount: 0,
          versionId: null,
          error: 'test',
        });
      }
    });

    test('processors that cannot run on the stored file are shown, and not imported', async () => {
      p.writeSource('Nom;Commune\nChez Paul;Lyon\n');
      try {
        const page = await p.get(PAGE, p.editor);
        assert.equal(page.statusCode, 200);
        assert.match(
          textOf(page.body, '#preview-notice'),
          /cannot run on this file: Processor 2 \(skip\)/,
        );
        const jobs = (await p.portal.engine.imports.listJobs('cafes', 50)).length;
        const refused = await p.post(`${PAGE}reimport`, {}, p.editor);
        assert.equal(refused.statusCode, 400);
        assert.match(textOf(refused.body, '#bo-notice'), /^Refused: Processor 2 \(skip\)/);
        assert.equal((await p.portal.engine.imports.listJobs('cafes', 50)).length, jobs);
      } finally {
        p.writeSource(CAFES_CSV);
      }
    });

    test('a dataset without a source says where processors come from', async () => {
      await p.portal.engine.metadata.saveDataset({ id: 'cli_only', metas: emptyMetas('CLI') });
      const url = '/backoffice/datasets/cli_only/processors/';
      const page = await p.get(url, p.admin);
      assert.equal(page.statusCode, 200);
      assert.match(textOf(page.body, '#no-source'), /no stored source/);
      assert.equal(parse(page.body).querySelector('#add-type'), null);
      assert.equal((await p.get(`${url}new?type=rename`, p.admin)).statusCode, 400);
      const added = await p.post(
        `${url}new`,
        { type: 'delete', field: 'x', revision: '' },
        p.admin,
      );
      assert.equal(added.statusCode, 400);
      assert.equal((await p.post(`${url}reimport`, {}, p.admin)).statusCode, 400);
    });
  });
}
