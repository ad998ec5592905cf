import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { demoRows } from '../../helpers/demo-csv.ts';
import type { TestPortal } from '../../helpers/test-portal.ts';
import { TEST_ENGINES, getJson, startTestPortal } from '../../helpers/test-portal.ts';

const FACETS = '/api/explore/v2.1/catalog/datasets/export_alimconfiance/facets';

interface Node {
  name: string;
  value: string;
  count: number;
  state: string;
  facets?: Node[];
}
interface Group {
  name: string;
  facets: Node[];
}

function countBy(key: (row: Record<string, string>) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of demoRows()) counts.set(key(row), (counts.get(key(row)) ?? 0) + 1);
  return counts;
}

const utc = (row: Record<string, string>) => new Date(Date.parse(row['Date_inspection'] ?? ''));

for (const engine of TEST_ENGINES) {
  describe(`GET /catalog/datasets/{id}/facets (${engine})`, () => {
    let portal: TestPortal;
    before(async () => {
      portal = await startTestPortal({ demo: true, engine });
    });
    after(async () => portal.close());

    async function groups(query: string): Promise<Map<string, Node[]>> {
      const { status, body } = await getJson(portal, `${FACETS}${query}`);
      assert.equal(status, 200, JSON.stringify(body));
      return new Map((body['facets'] as Group[]).map((g) => [g.name, g.facets]));
    }

    test('without a facet parameter, every facet field, counted and sorted by count', async () => {
      const all = await groups('');
      assert.deepEqual([...all.keys()].sort(), [
        'app_libelle_activite_etablissement',
        'date_inspection',
        'filtre',
        'libelle_commune',
        'ods_type_activite',
        'synthese_eval_sanit',
      ]);
      const expected = [...countBy((r) => r['Synthese_eval_sanit'] ?? '')]
        .sort((a, b) => b[1] - a[1])
        .map(([value, count]) => ({ name: value, value, count, state: 'displayed' }));
      assert.deepEqual(all.get('synthese_eval_sanit'), expected);
      assert.deepEqual(all.get('filtre'), [
        { name: 'Restaurant', value: 'Restaurant', count: demoRows().length, state: 'displayed' },
      ]);
    });

    test('a disjunctive facet keeps its other values when refined; other facets narrow', async () => {
      const refined = await groups(
        `?facet=synthese_eval_sanit&facet=ods_type_activite&refine=${encodeURIComponent('synthese_eval_sanit:"A améliorer"')}`,
      );
      const synthese = refined.get('synthese_eval_sanit') ?? [];
      assert.equal(synthese.length, 4);
      assert.equal(synthese.find((n) => n.value === 'A améliorer')?.state, 'refined');
      assert.ok(
        synthese.filter((n) => n.value !== 'A améliorer').every((n) => n.state === 'displayed'),
      );
      const improvable = countBy((r) => r['Synthese_eval_sanit'] ?? '').get('A améliorer');
      assert.deepEqual(refined.get('ods_type_activite'), [
        { name: 'Autres', value: 'Autres', count: improvable, state: 'displayed' },
      ]);
    });

    test('dates form a year → month → day hierarchy under refines', async () => {
      const years = countBy((r) => String(utc(r).getUTCFullYear()));
      const top = (await groups('?facet=date_inspection')).get('date_inspection') ?? [];
      assert.deepEqual(
        top.map((n) => [n.value, n.count]),
        [...years].sort().map(([y, n]) => [y, n]),
      );
      assert.ok(top.every((n) => n.facets === undefined));

      const in2019 = (await groups('?facet=date_inspection&refine=date_inspection:2019')).get(
        'date_inspection',
      );
      const year = in2019?.find((n) => n.value === '2019');
      assert.equal(year?.state, 'refined');
      const months = countBy((r) =>
        utc(r).getUTCFullYear() === 2019
          ? `2019/${String(utc(r).getUTCMonth() + 1).padStart(2, '0')}`
          : '',
      );
      months.delete('');
      assert.deepEqual(
        year?.facets?.map((n) => [n.value, n.count, n.name]),
        [...months].sort().map(([m, n]) => [m, n, m.slice(5)]),
      );

      const inMarch = (await groups('?facet=date_inspection&refine=date_inspection:2019/03')).get(
        'date_inspection',
      );
      const march = inMarch?.[0]?.facets?.find((n) => n.value === '2019/03');
      assert.equal(march?.state, 'refined');
      const days = march?.facets ?? [];
      assert.ok(days.length > 0);
      assert.equal(
        days.reduce((sum, n) => sum + n.count, 0),
        march?.count,
      );
      assert.match(days[0]?.value ?? '', /^2019\/03\/\d\d$/);
    });

    test('facet() takes sort and limit; exclude marks the value excluded', async () => {
      const sorted = await groups(
        `?facet=${encodeURIComponent('facet(name="libelle_commune", sort="alphanum", limit=3)')}`,
      );
      const communes = [...countBy((r) => r['Libelle_commune'] ?? '').keys()].sort((a, b) =>
        a.localeCompare(b, 'fr'),
      );
      assert.deepEqual(
        sorted.get('libelle_commune')?.map((n) => n.value),
        communes.slice(0, 3),
      );
      const excluded = await groups(
        `?facet=synthese_eval_sanit&exclude=${encodeURIComponent('synthese_eval_sanit:"Satisfaisant"')}`,
      );
      const node = excluded.get('synthese_eval_sanit')?.find((n) => n.value === 'Satisfaisant');
      assert.equal(node?.state, 'excluded');
    });

    test('a bad facet answers an ODS error', async () => {
      for (const query of ['?facet=nope', '?facet=geores', '?facet=facet(disjunctive=true)']) {
        const { status, body } = await getJson(portal, `${FACETS}${query}`);
        assert.equal(status, 400, query);
        assert.equal(body['error_code'], 'InvalidRESTParameterError', query);
      }
    });
  });
}
