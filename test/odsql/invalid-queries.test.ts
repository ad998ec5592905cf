// Invalid clauses and REST parameters through the records API, on both engines: each answers
// 400 with ODS's error body, naming the clause and the position (or the parameter).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { TestPortal } from '../helpers/test-portal.ts';
import { TEST_ENGINES, getJson } from '../helpers/test-portal.ts';
import { INVALID_CASES } from './conformance/invalid-cases.ts';
import { recordsUrl, startConformancePortal } from './conformance/portal.ts';

for (const engine of TEST_ENGINES)
  describe(`invalid queries answer 400 (${engine})`, () => {
    let portal: TestPortal;
    before(async () => {
      portal = await startConformancePortal(engine);
    });
    after(async () => portal.close());

    for (const c of INVALID_CASES)
      test(JSON.stringify(c.q), async () => {
        const { status, body } = await getJson(portal, recordsUrl(c.q));
        assert.equal(status, 400, JSON.stringify(body));
        const message = String(body['message']);
        if (c.clause !== undefined) {
          assert.equal(body['error_code'], 'ODSQLError');
          assert.ok(message.includes(`at position ${c.position}.`), message);
          assert.ok(message.endsWith(`Clause(s) containing the error(s): ${c.clause}.`), message);
        } else {
          assert.equal(body['error_code'], 'InvalidRESTParameterError');
          assert.ok(message.includes(c.parameter as string), message);
        }
      });
  });
