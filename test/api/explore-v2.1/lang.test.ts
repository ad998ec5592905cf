// `lang` on the record lookup and on exports (the records endpoint is covered by the ODSQL
// conformance cases): date_format() names follow it, French by default; unknown values are 400.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { TestPortal } from '../../helpers/test-portal.ts';
import { TEST_ENGINES, getJson } from '../../helpers/test-portal.ts';
import { RECORDS, recordsUrl, startConformancePortal } from '../../odsql/conformance/portal.ts';

// Record e: ts 2020-02-29T18:45Z, a Saturday.
const SELECT = "id, date_format(ts, 'EEEE d MMMM') as f";

for (const engine of TEST_ENGINES)
  describe(`lang on lookups and exports (${engine})`, () => {
    let portal: TestPortal;
    let recordId: string;
    before(async () => {
      portal = await startConformancePortal(engine);
      const { body } = await getJson(
        portal,
        '/api/records/1.0/search/?dataset=conformance&refine.id=e',
      );
      recordId = (body['records'] as { recordid: string }[])[0]?.recordid ?? '';
    });
    after(async () => portal.close());

    test('the record lookup names days and months in lang', async () => {
      const url = (extra: Record<string, string>) =>
        recordsUrl({ select: SELECT, ...extra }, `${RECORDS}/${recordId}`);
      assert.deepEqual((await getJson(portal, url({}))).body, { id: 'e', f: 'samedi 29 février' });
      assert.deepEqual((await getJson(portal, url({ lang: 'en' }))).body, {
        id: 'e',
        f: 'Saturday 29 February',
      });
      const bad = await getJson(portal, url({ lang: 'xx' }));
      assert.equal(bad.status, 400);
      assert.equal(bad.body['error_code'], 'InvalidRESTParameterError');
    });

    for (const [lang, expected] of [
      [undefined, 'e;samedi 29 février'],
      ['en', 'e;Saturday 29 February'],
      ['nl', 'e;zaterdag 29 februari'],
    ] as const)
      test(`a CSV export in ${lang ?? 'the default language'}`, async () => {
        const params = { select: SELECT, where: "id = 'e'", with_bom: 'false' };
        const url = recordsUrl(
          lang === undefined ? params : { ...params, lang },
          RECORDS.replace('/records', '/exports/csv'),
        );
        const response = await portal.app.inject({ method: 'GET', url });
        assert.equal(response.statusCode, 200);
        assert.deepEqual(response.body.trim().split(/\r?\n/), ['id;f', expected]);
      });

    test('an export with an unknown lang answers 400 before any byte', async () => {
      const url = recordsUrl({ lang: 'klingon' }, RECORDS.replace('/records', '/exports/json'));
      const response = await portal.app.inject({ method: 'GET', url });
      assert.equal(response.statusCode, 400);
      assert.match(response.json().message, /lang/);
    });
  });
