// Attachments on both engines: added as `datagora attach` adds them, then listed in the dataset
// objects (v2.1 and v1) and by …/attachments, and downloaded byte for byte.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { attachmentsDir } from '../../../src/app.ts';
import { AttachmentFiles, CatalogService } from '../../../src/catalog/index.ts';
import { DEMO_ID } from '../../helpers/catalog-fixture.ts';
import type { TestPortal } from '../../helpers/test-portal.ts';
import { TEST_ENGINES, getJson, startTestPortal } from '../../helpers/test-portal.ts';

const V21 = `/api/explore/v2.1/catalog/datasets/${DEMO_ID}`;
const ZIP_BYTES = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 1, 2, 3, 0xff]);

for (const engine of TEST_ENGINES) {
  describe(`attachments (${engine})`, () => {
    let portal: TestPortal;
    let sources: string;
    before(async () => {
      portal = await startTestPortal({ demo: true, engine });
      sources = mkdtempSync(join(tmpdir(), 'datagora-attach-'));
      writeFileSync(join(sources, 'cities1000.zip'), ZIP_BYTES);
      writeFileSync(join(sources, 'Guide été.pdf'), '%PDF-1.4');
      const files = new AttachmentFiles(
        portal.engine.metadata,
        new CatalogService(portal.engine.metadata),
        attachmentsDir(portal.config),
      );
      await files.add(DEMO_ID, join(sources, 'cities1000.zip'));
      await files.add(DEMO_ID, join(sources, 'Guide été.pdf'), 'Guide de lecture');
    });
    after(async () => {
      await portal.close();
      rmSync(sources, { recursive: true, force: true });
    });

    const expected = [
      {
        id: 'cities1000_zip',
        title: 'cities1000.zip',
        mimetype: 'application/zip',
        url: 'odsfile://cities1000.zip',
      },
      {
        id: 'guide_ete_pdf',
        title: 'Guide de lecture',
        mimetype: 'application/pdf',
        url: 'odsfile://Guide été.pdf',
      },
    ];

    test('the dataset objects list them as ODS does', async () => {
      const v21 = await getJson(portal, V21);
      assert.deepEqual(v21.body['attachments'], expected);
      const v1 = await getJson(portal, `/api/datasets/1.0/${DEMO_ID}/`);
      assert.deepEqual(v1.body['attachments'], expected);
    });

    test('…/attachments lists them with href and metas (`mime-type`)', async () => {
      const { status, body } = await getJson(portal, `${V21}/attachments`);
      assert.equal(status, 200);
      assert.deepEqual(
        body['attachments'],
        expected.map((a) => ({
          href: `${portal.config.baseUrl}${V21}/attachments/${a.id}`,
          metas: { 'mime-type': a.mimetype, title: a.title, url: a.url, id: a.id },
        })),
      );
      const none = await getJson(portal, '/api/explore/v2.1/catalog/datasets/nope/attachments');
      assert.equal(none.status, 404);
    });

    test('each file downloads byte for byte, on v2.1 and v1', async () => {
      for (const url of [
        `${V21}/attachments/cities1000_zip`,
        `/api/datasets/1.0/${DEMO_ID}/attachments/cities1000_zip/`,
      ]) {
        const response = await portal.app.inject({ method: 'GET', url });
        assert.equal(response.statusCode, 200, url);
        assert.equal(response.headers['content-type'], 'application/zip');
        assert.match(String(response.headers['content-disposition']), /filename="cities1000.zip"/);
        assert.ok(response.rawPayload.equals(ZIP_BYTES));
      }
      const pdf = await portal.app.inject({
        method: 'GET',
        url: `${V21}/attachments/guide_ete_pdf`,
      });
      assert.equal(pdf.body, '%PDF-1.4');
      assert.match(
        String(pdf.headers['content-disposition']),
        /filename\*=UTF-8''Guide%20%C3%A9t%C3%A9\.pdf/,
      );
      const missing = await getJson(portal, `${V21}/attachments/nope`);
      assert.equal(missing.status, 404);
      assert.equal(missing.body['error_code'], 'NotFound');
      assert.equal(missing.body['message'], 'Unknown attachment: nope');
    });
  });
}
