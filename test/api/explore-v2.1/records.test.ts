import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { demoRows } from '../../helpers/demo-csv.ts';
import type { TestPortal } from '../../helpers/test-portal.ts';
import { TEST_ENGINES, getJson, startTestPortal } from '../../helpers/test-portal.ts';

const RECORDS = '/api/explore/v2.1/catalog/datasets/export_alimconfiance/records';

function url(params: Record<string, string | number>): string {
  const pairs = Object.entries(params).map(([k, v]): [string, string] => [k, String(v)]);
  return `${RECORDS}?${new URLSearchParams(pairs)}`;
}

/** The CSV's Europe/Berlin datetime as the UTC rendering the API gives by default. */
function utc(berlin: string): string {
  return new Date(berlin).toISOString().replace('.000Z', '+00:00');
}

for (const engine of TEST_ENGINES)
  describe(`GET /catalog/datasets/{id}/records on the demo dataset (${engine})`, () => {
    let portal: TestPortal;
    before(async () => {
      portal = await startTestPortal({ demo: true, engine });
    });
    after(async () => portal.close());

    test('filters on a postcode, sorts by date and pages like ODS', async () => {
      const { status, body } = await getJson(
        portal,
        url({ where: 'code_postal="75009"', order_by: 'date_inspection desc', limit: 5 }),
      );
      assert.equal(status, 200);
      const expected = demoRows()
        .filter((r) => r['Code_postal'] === '75009')
        .sort(
          (a, b) => Date.parse(b['Date_inspection'] ?? '') - Date.parse(a['Date_inspection'] ?? ''),
        );
      assert.equal(body['total_count'], expected.length);
      const results = body.results ?? [];
      assert.equal(results.length, 5);
      assert.deepEqual(
        results.map((r) => r['date_inspection']),
        expected.slice(0, 5).map((r) => utc(r['Date_inspection'] ?? '')),
      );
      for (const record of results) assert.equal(record['code_postal'], '75009');
    });

    test('renders each field type as Explore v2.1 does', async () => {
      const { body } = await getJson(portal, url({ where: 'siret="75052913300019"', limit: 1 }));
      assert.deepEqual(body.results?.[0], {
        filtre: ['Restaurant'],
        app_libelle_activite_etablissement: ['Restaurant'],
        app_libelle_etablissement: 'RELAIS DES BASTIDES',
        ods_adresse: 'LD LE BOURG',
        code_postal: '47290',
        libelle_commune: 'Saint-Pastour',
        synthese_eval_sanit: 'Très satisfaisant',
        geores: { lon: 0.600709, lat: 44.488403 },
        siret: '75052913300019',
        date_inspection: '2019-03-22T00:00:00+00:00',
        numero_inspection: '19-048897-1',
        agrement: null,
        ods_type_activite: 'Autres',
      });
    });

    test('timezone renders datetimes with the zone offset, as the original export', async () => {
      const { body } = await getJson(
        portal,
        url({
          where: 'siret="75052913300019"',
          select: 'date_inspection',
          timezone: 'Europe/Berlin',
        }),
      );
      assert.deepEqual(body.results, [{ date_inspection: '2019-03-22T01:00:00+01:00' }]);
    });

    test('select takes field lists and aliases', async () => {
      const { body } = await getJson(
        portal,
        url({ select: 'siret, libelle_commune as commune', where: 'siret="75052913300019"' }),
      );
      assert.deepEqual(body.results, [{ siret: '75052913300019', commune: 'Saint-Pastour' }]);
    });

    test('where combines AND, OR, NOT, IN and IS NULL with ODS precedence', async () => {
      const rows = demoRows();
      const count = (predicate: (r: Record<string, string>) => boolean) =>
        rows.filter(predicate).length;
      const cases: [string, number][] = [
        ['geores is null', count((r) => r['geores'] === '')],
        ['geores is not null', count((r) => r['geores'] !== '')],
        [
          'code_postal in ("75009", "75011")',
          count((r) => r['Code_postal'] === '75009' || r['Code_postal'] === '75011'),
        ],
        [
          'synthese_eval_sanit = "A améliorer" or synthese_eval_sanit = "Très satisfaisant" and code_postal = "75011"',
          count(
            (r) =>
              r['Synthese_eval_sanit'] === 'A améliorer' ||
              (r['Synthese_eval_sanit'] === 'Très satisfaisant' && r['Code_postal'] === '75011'),
          ),
        ],
        [
          'not synthese_eval_sanit = "Satisfaisant"',
          count((r) => r['Synthese_eval_sanit'] !== 'Satisfaisant'),
        ],
        [
          "date_inspection >= date'2019-08-01'",
          count((r) => Date.parse(r['Date_inspection'] ?? '') >= Date.UTC(2019, 7, 1)),
        ],
      ];
      for (const [where, expected] of cases) {
        const { status, body } = await getJson(portal, url({ where, limit: 0 }));
        assert.equal(status, 200, where);
        assert.equal(body['total_count'], expected, where);
        assert.deepEqual(body.results, [], where);
      }
    });

    test('a bare string searches the words of every text field, accents and case aside', async () => {
      const fold = (text: string) =>
        text
          .normalize('NFD')
          .replace(/\p{M}/gu, '')
          .toLowerCase()
          .split(/[^\p{L}\p{N}]+/u);
      // Each word: the forms a record may hold. PostgreSQL also matches the forms sharing the
      // word's French stem (docs/odsql.md), listed here by hand from the Snowball rules.
      const matching = (words: readonly (readonly string[])[]) =>
        demoRows().filter((row) => {
          const tokens = new Set(Object.values(row).flatMap(fold));
          return words.every((forms) => forms.some((w) => tokens.has(w)));
        }).length;
      for (const [text, words, stems] of [
        ['"Très satisfaisant"', ['tres', 'satisfaisant'], [['tres', 'tre'], ['satisfaisant']]],
        ['"PIZZA"', ['pizza'], [['pizz', 'pizza', 'pizzas', 'pizze', 'pizzer']]],
        ['"crêperie"', ['creperie'], [['creperie', 'creperies']]],
      ] as const) {
        const { status, body } = await getJson(portal, url({ where: text, limit: 0 }));
        assert.equal(status, 200, text);
        const expected = engine === 'postgres' ? stems : words.map((w) => [w]);
        assert.equal(body['total_count'], matching(expected), text);
      }
    });

    test('qv1 carries API v1 queries, as ods-widgets send them', async () => {
      const where = await getJson(portal, url({ where: 'code_postal="75009"', limit: 0 }));
      const v1 = await getJson(portal, url({ qv1: 'code_postal:75009', limit: 0 }));
      assert.equal(v1.status, 200);
      assert.equal(v1.body['total_count'], where.body['total_count']);
      const dated = await getJson(
        portal,
        url({
          qv1: 'date_inspection>=2019/08/01 AND NOT synthese_eval_sanit:Satisfaisant',
          limit: 0,
        }),
      );
      const expected = demoRows().filter(
        (r) =>
          Date.parse(r['Date_inspection'] ?? '') >= Date.UTC(2019, 7, 1) &&
          r['Synthese_eval_sanit'] !== 'Satisfaisant',
      ).length;
      assert.equal(dated.body['total_count'], expected);
      const broken = await getJson(portal, url({ qv1: '(pizza' }));
      assert.equal(broken.status, 400);
      assert.equal(broken.body['error_code'], 'ODSQLError');
      assert.match(String(broken.body['message']), /Clause\(s\) containing the error\(s\): q\./);
    });

    test('refines on a disjunctive facet are ORed, on other facets ANDed', async () => {
      const refine = (facet: string, value: string) =>
        `refine=${encodeURIComponent(`${facet}:"${value}"`)}`;
      const both = await getJson(
        portal,
        `${RECORDS}?limit=0&${refine('synthese_eval_sanit', 'A améliorer')}&${refine('synthese_eval_sanit', 'Satisfaisant')}`,
      );
      const expected = demoRows().filter((r) =>
        ['A améliorer', 'Satisfaisant'].includes(r['Synthese_eval_sanit'] ?? ''),
      ).length;
      assert.equal(both.body['total_count'], expected);
      const communes = await getJson(
        portal,
        `${RECORDS}?limit=0&${refine('libelle_commune', 'Saint-Pastour')}&${refine('libelle_commune', 'Lyon')}`,
      );
      assert.equal(communes.body['total_count'], 0);
    });

    test('several where parameters are ANDed', async () => {
      const { body } = await getJson(
        portal,
        `${RECORDS}?where=code_postal%3D%2275009%22&where=synthese_eval_sanit%3D%22Satisfaisant%22&limit=0`,
      );
      const expected = demoRows().filter(
        (r) => r['Code_postal'] === '75009' && r['Synthese_eval_sanit'] === 'Satisfaisant',
      ).length;
      assert.equal(body['total_count'], expected);
    });

    test('offset pages through the same order', async () => {
      const first = await getJson(portal, url({ order_by: 'siret', limit: 20 }));
      const second = await getJson(portal, url({ order_by: 'siret', limit: 10, offset: 10 }));
      assert.deepEqual(second.body.results, first.body.results?.slice(10));
    });

    test('aggregations answer results without total_count', async () => {
      const { status, body } = await getJson(
        portal,
        url({
          select: 'synthese_eval_sanit, count(*) as n',
          group_by: 'synthese_eval_sanit',
          order_by: 'n desc',
        }),
      );
      assert.equal(status, 200);
      assert.equal(body['total_count'], undefined);
      const counts = new Map<string, number>();
      for (const r of demoRows()) {
        const key = r['Synthese_eval_sanit'] ?? '';
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      const expected = [...counts]
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => ({ synthese_eval_sanit: k, n }));
      assert.deepEqual(body.results, expected);
    });

    test('paging limits answer ODS errors', async () => {
      const tooMany = await getJson(portal, url({ limit: 101 }));
      assert.equal(tooMany.status, 400);
      assert.deepEqual(tooMany.body, {
        error_code: 'InvalidRESTParameterError',
        message:
          'Invalid value for limit API parameter: 101 was found but -1 <= limit <= 100 is expected.',
      });
      const pastWindow = await getJson(portal, url({ limit: 100, offset: 9901 }));
      assert.equal(pastWindow.status, 400);
      assert.equal(pastWindow.body['error_code'], 'InvalidRESTParameterError');
      const lastWindow = await getJson(portal, url({ limit: 100, offset: 9900 }));
      assert.equal(lastWindow.status, 200);
      const notANumber = await getJson(portal, url({ limit: 'ten' }));
      assert.equal(notANumber.status, 400);
      const badZone = await getJson(portal, url({ timezone: 'Mars/Olympus' }));
      assert.equal(badZone.status, 400);
    });

    test('a malformed or unknown-field query answers ODSQLError with clause and position', async () => {
      const unknown = await getJson(portal, url({ where: 'nope = 1' }));
      assert.equal(unknown.status, 400);
      assert.equal(unknown.body['error_code'], 'ODSQLError');
      assert.match(String(unknown.body['message']), /Unknown field: nope/);
      assert.match(
        String(unknown.body['message']),
        /Clause\(s\) containing the error\(s\): where\./,
      );
      const broken = await getJson(portal, url({ select: 'siret,' }));
      assert.equal(broken.status, 400);
      assert.equal(broken.body['error_code'], 'ODSQLError');
      assert.match(String(broken.body['message']), /select/);
    });

    test('default limit is 10 and the trailing slash is accepted', async () => {
      const { status, body } = await getJson(portal, `${RECORDS}/`);
      assert.equal(status, 200);
      assert.equal(body.results?.length, 10);
      assert.equal(body['total_count'], demoRows().length);
    });

    test('an unknown dataset answers 404 in ODS JSON', async () => {
      const { status, body } = await getJson(
        portal,
        '/api/explore/v2.1/catalog/datasets/nope/records',
      );
      assert.equal(status, 404);
      assert.equal(body['error_code'], 'NotFound');
    });
  });
