// The processors page over real HTTP (inject), on both engines: who may open it; processors
// added (each kind's form), edited, moved and deleted, each change stored with the source and
// written to the activity log; refused values kept as typed with the message next to their
// field (local checks, the processor's own checks and those against the stored file), nothing
// saved; a change that would break another processor, or made on an outdated list, refused.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { parse } from 'node-html-parser';

import type { ProcessorsPortal } from '../helpers/processors-portal.ts';
import { PAGE, startProcessorsPortal, textOf } from '../helpers/processors-portal.ts';
import { TEST_ENGINES } from '../helpers/test-portal.ts';

const RENAME = { type: 'rename', field: 'nom', to: 'name', label: 'Établissement' };
const SKIP = { type: 'skip', where: "ville = 'Paris'" };
const SET = { type: 'set', field: 'ville_maj', expression: 'upper(ville)' };

/** The administrative divisions' form as a browser posts it, outputs at their defaults. */
function adminForm(changes: Record<string, string>): Record<string, string> {
  const outputs = ['reg_name', 'reg_code', 'dep_name', 'dep_code', 'com_name', 'com_code'];
  return {
    type: 'admin_divisions',
    field: 'code_postal',
    code: 'postal_code',
    communeName: '',
    ...Object.fromEntries(outputs.map((name) => [`outputs.${name}`, name])),
    ...changes,
  };
}

for (const engine of TEST_ENGINES) {
  describe(`the processors page (${engine})`, () => {
    let p: ProcessorsPortal;
    before(async () => {
      p = await startProcessorsPortal(engine);
    });
    after(async () => p?.portal.close());

    const stored = async () => (await p.portal.engine.imports.getSource('cafes'))!.processors;
    const activity = async (action: string) =>
      (
        await p.portal.engine.metadata.listActivity({
          datasetId: 'cafes',
          action,
          limit: 50,
          offset: 0,
        })
      ).entries.reverse();
    const value = (body: string, name: string) => {
      const element = parse(body).querySelector(`#processor-form [name="${name}"]`);
      if (element?.tagName === 'TEXTAREA') return element.text;
      if (element?.tagName === 'SELECT') {
        return element.querySelector('option[selected]')?.getAttribute('value') ?? '';
      }
      return element?.getAttribute('value') ?? '';
    };
    const add = async (fields: Record<string, string>, session = p.editor) =>
      p.post(`${PAGE}new`, { ...fields, revision: await p.revision(session) }, session);

    test('administrators and the dataset’s editors open it; others are refused', async () => {
      const anonymous = await p.get(PAGE);
      assert.equal(anonymous.statusCode, 303);
      assert.equal(anonymous.headers.location, `/login/?next=${encodeURIComponent(PAGE)}`);
      assert.equal((await p.get(PAGE, p.user)).statusCode, 403);
      assert.equal((await p.get(PAGE, p.otherEditor)).statusCode, 403);
      assert.equal((await p.get(`${PAGE}new?type=rename`, p.otherEditor)).statusCode, 403);
      const refused = await p.post(`${PAGE}new`, { ...RENAME, revision: 'x' }, p.otherEditor);
      assert.equal(refused.statusCode, 403);
      assert.equal((await p.post(`${PAGE}reimport`, {}, p.user)).statusCode, 403);
      assert.deepEqual(await stored(), []);
      assert.equal((await p.get('/backoffice/datasets/nope/processors/', p.admin)).statusCode, 404);
      const page = await p.get(PAGE, p.editor);
      assert.equal(page.statusCode, 200);
      assert.equal(textOf(page.body, '[aria-current=page]'), 'Processors');
      assert.match(textOf(page.body, '#processors-empty'), /No processor/);
      assert.equal((await p.get(PAGE, p.admin)).statusCode, 200);
      const french = await p.get(PAGE, p.admin, 'fr');
      assert.equal(textOf(french.body, '[aria-current=page]'), 'Traitements');
      assert.equal(textOf(french.body, '#add-heading'), 'Ajouter un traitement');
    });

    test('processors are added in order, each written to the activity log', async () => {
      const form = await p.get(`${PAGE}new?type=rename`, p.editor);
      assert.equal(form.statusCode, 200);
      assert.deepEqual(
        parse(form.body)
          .querySelectorAll('#processor-form [name]')
          .map((e) => e.getAttribute('name')),
        ['csrfmiddlewaretoken', 'type', 'revision', 'field', 'to', 'label', 'then', 'then'],
      );
      assert.equal(
        textOf(form.body, '#processor-fields'),
        'Fields available at this step: nom, ville, code_postal',
      );
      for (const config of [RENAME, SKIP, SET]) {
        const { type, ...fields } = config;
        const done = await add({ type, ...fields });
        assert.equal(done.statusCode, 303, done.body);
        assert.equal(done.headers.location, `${PAGE}?done=add`);
      }
      assert.deepEqual(await stored(), [RENAME, SKIP, SET]);
      const page = await p.get(`${PAGE}?done=add`, p.editor);
      assert.match(textOf(page.body, '#bo-notice'), /processor is added/);
      assert.deepEqual(
        parse(page.body)
          .querySelectorAll('#processors tbody tr')
          .map((row) => row.getAttribute('data-processor')),
        ['rename', 'skip', 'set'],
      );
      const entries = await activity('dataset.processor_add');
      assert.deepEqual(
        entries.map((entry) => [
          entry.userId,
          entry.diff?.['position']?.after,
          entry.diff?.['processor']?.after,
        ]),
        [
          [p.editorId, 1, RENAME],
          [p.editorId, 2, SKIP],
          [p.editorId, 3, SET],
        ],
      );
      // The third one sees the field the first renamed.
      const third = await p.get(`${PAGE}new?type=delete`, p.editor);
      assert.equal(
        textOf(third.body, '#processor-fields'),
        'Fields available at this step: name, ville, code_postal, ville_maj',
      );
    });

    test('refused values stay as typed, each message by its field; nothing is saved', async () => {
      const before = await stored();
      const cases: [Record<string, string>, string, RegExp][] = [
        [{ type: 'rename', field: 'nom', to: '', label: 'Kept' }, 'to', /^Fill in this field\.$/],
        [{ type: 'rename', field: 'nom', to: 'Bad Name', label: '' }, 'to', /technical name/],
        [{ type: 'rename', field: 'absent', to: 'x', label: '' }, 'field', /no field "absent"/],
        [{ type: 'skip', where: "vile = 'Paris'" }, 'where', /Unknown field: vile/],
        [{ type: 'set', field: 'x', value: '1', expression: 'ville' }, 'value', /not both/],
        [{ type: 'split', field: 'ville', separator: 'more than ten' }, 'separator', /ten/],
        [
          {
            type: 'normalize_date',
            field: 'ville',
            format: '%d/%m/%Y',
            timezone: 'Mars/Olympus',
            to: 'date',
          },
          'timezone',
          /time zone/,
        ],
        [{ type: 'deduplicate', fields: 'name, Ville' }, 'fields', /technical name/],
        [adminForm({ 'outputs.dep_name': 'Dep Name' }), 'outputs.dep_name', /technical name/],
        [adminForm({ 'outputs.dep_name': 'com_name' }), 'outputs.reg_name', /given twice/],
      ];
      for (const [fields, field, message] of cases) {
        const refused = await add(fields);
        assert.equal(refused.statusCode, 400, `${fields['type']} ${field}`);
        const id = `#proc-${field.replace('.', '-')}`;
        assert.match(textOf(refused.body, `${id}-error`), message, `${fields['type']} ${field}`);
        assert.equal(parse(refused.body).querySelector(id)?.getAttribute('aria-invalid'), 'true');
        assert.ok(parse(refused.body).querySelector(`#processor-problems a[href="${id}"]`));
        for (const [name, typed] of Object.entries(fields)) {
          if (name !== 'type') assert.equal(value(refused.body, name), typed, name);
        }
      }
      const unknown = await add({ type: 'explode' });
      assert.equal(unknown.statusCode, 400);
      assert.match(textOf(unknown.body, '#bo-notice'), /Choose a kind/);
      assert.equal((await p.get(`${PAGE}new?type=explode`, p.editor)).statusCode, 400);
      assert.deepEqual(await stored(), before);
      assert.equal((await activity('dataset.processor_add')).length, 3);
    });

    test('a processor is edited from its form', async () => {
      const form = await p.get(`${PAGE}2/`, p.editor);
      assert.equal(form.statusCode, 200);
      assert.equal(value(form.body, 'where'), "ville = 'Paris'");
      assert.equal(value(form.body, 'type'), 'skip');
      const saved = await p.post(
        `${PAGE}2/`,
        { type: 'skip', where: "ville = 'Lille'", revision: value(form.body, 'revision') },
        p.editor,
      );
      assert.equal(saved.headers.location, `${PAGE}?done=update`);
      const lille = { type: 'skip', where: "ville = 'Lille'" };
      assert.deepEqual(await stored(), [RENAME, lille, SET]);
      const [entry] = await activity('dataset.processor_update');
      assert.deepEqual(entry?.diff?.['processor'], { before: SKIP, after: lille });
      const refused = await p.post(
        `${PAGE}2/`,
        { type: 'skip', where: '', revision: await p.revision(p.editor) },
        p.editor,
      );
      assert.equal(refused.statusCode, 400);
      assert.equal(textOf(refused.body, '#proc-where-error'), 'Fill in this field.');
      assert.equal((await p.get(`${PAGE}9/`, p.editor)).statusCode, 404);
      assert.equal((await p.get(`${PAGE}two/`, p.editor)).statusCode, 404);
    });

    test('processors move up and down and are deleted; one others need is kept', async () => {
      const lille = { type: 'skip', where: "ville = 'Lille'" };
      let moved = await p.post(
        `${PAGE}3/move`,
        { direction: 'up', revision: await p.revision(p.admin) },
        p.admin,
      );
      assert.equal(moved.headers.location, `${PAGE}?done=move`);
      assert.deepEqual(await stored(), [RENAME, SET, lille]);
      moved = await p.post(
        `${PAGE}1/move`,
        { direction: 'down', revision: await p.revision(p.admin) },
        p.admin,
      );
      assert.equal(moved.statusCode, 303);
      assert.deepEqual(await stored(), [SET, RENAME, lille]);
      // Nothing above the first: nothing changes, nothing is logged.
      await p.post(
        `${PAGE}1/move`,
        { direction: 'up', revision: await p.revision(p.admin) },
        p.admin,
      );
      assert.deepEqual(await stored(), [SET, RENAME, lille]);
      const moves = await activity('dataset.processor_move');
      assert.deepEqual(
        moves.map((entry) => [entry.diff?.['position']?.before, entry.diff?.['position']?.after]),
        [
          [3, 2],
          [1, 2],
        ],
      );
      const dedup = { type: 'deduplicate', fields: ['name'] };
      await add({ type: 'deduplicate', fields: 'name' }, p.admin);
      // The deduplication needs the renamed field: deleting the rename is refused.
      const refused = await p.post(
        `${PAGE}2/delete`,
        { revision: await p.revision(p.admin) },
        p.admin,
      );
      assert.equal(refused.statusCode, 400);
      assert.match(
        textOf(refused.body, '#bo-notice'),
        /Processor 3 \(deduplicate\).*no field "name"/,
      );
      assert.deepEqual(await stored(), [SET, RENAME, lille, dedup]);
      const deleted = await p.post(
        `${PAGE}4/delete`,
        { revision: await p.revision(p.admin) },
        p.admin,
      );
      assert.equal(deleted.headers.location, `${PAGE}?done=delete`);
      assert.deepEqual(await stored(), [SET, RENAME, lille]);
      const [entry] = await activity('dataset.processor_delete');
      assert.deepEqual(entry?.diff, {
        processor: { before: dedup, after: null },
        position: { before: 4, after: null },
      });
    });

    test('a change made on an outdated list, or without the CSRF token, is refused', async () => {
      const before = await stored();
      const outdated = await p.revision(p.admin);
      await p.post(`${PAGE}2/move`, { direction: 'down', revision: outdated }, p.admin);
      const moved = await stored();
      assert.notDeepEqual(moved, before);
      const stale = await p.post(`${PAGE}1/delete`, { revision: outdated }, p.admin);
      assert.equal(stale.statusCode, 409);
      assert.match(textOf(stale.body, '#bo-notice'), /changed meanwhile/);
      const gone = await p.post(
        `${PAGE}7/delete`,
        { revision: await p.revision(p.admin) },
        p.admin,
      );
      assert.equal(gone.statusCode, 409);
      const noToken = await p.post(
        `${PAGE}1/delete`,
        { revision: await p.revision(p.admin) },
        p.admin,
        false,
      );
      assert.equal(noToken.statusCode, 403);
      assert.deepEqual(await stored(), moved);
    });
  });
}
