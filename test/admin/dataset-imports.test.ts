// The back office's dataset creation and source tab over HTTP, on both engines: a real
// Alim'confiance export uploaded (multipart, CSRF token as the form's first field), previewed
// with its inferred schema, created as a draft or published once loaded; the CSRF token must
// come before the file; a file over the limit is refused and removed; a taken id is refused
// with the typed values kept; a URL source fetched from a local server; the source tab's
// refresh, its busy refusal and its JSON progress.

import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { parse } from 'node-html-parser';

import { csrfFromPage } from '../helpers/csrf.ts';
import { demoRows } from '../helpers/demo-csv.ts';
import { staffSessions } from '../helpers/staff-sessions.ts';
import type { TestPortal } from '../helpers/test-portal.ts';
import { TEST_ENGINES, getJson, startTestPortal } from '../helpers/test-portal.ts';

const HOST = 'data.example.fr';
const DEMO = readFileSync(new URL('../../data/demo/export_alimconfiance.csv', import.meta.url));
const BOUNDARY = '----datagora-test-boundary';

type Part = [name: string, value: string] | [name: string, file: Buffer, fileName: string];

/** A multipart/form-data body, parts in the order given. */
function multipartBody(parts: Part[]): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition =
      part.length === 3
        ? `form-data; name="${part[0]}"; filename="${part[2]}"\r\nContent-Type: text/csv`
        : `form-data; name="${part[0]}"`;
    chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: ${disposition}\r\n\r\n`));
    chunks.push(typeof part[1] === 'string' ? Buffer.from(part[1]) : part[1]);
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(chunks);
}

for (const engine of TEST_ENGINES) {
  describe(`back office dataset imports (${engine})`, () => {
    let portal: TestPortal;
    let admin = '';
    let files: { base: string; close(): Promise<void> };

    before(async () => {
      portal = await startTestPortal({ engine, env: { DATAGORA_UPLOAD_MAX_BYTES: '4000000' } });
      ({ admin } = await staffSessions(portal));
      const server = createServer((request, response) => {
        if (request.url === '/restaurants.csv') return response.end('Nom;Ville\nChez Paul;Lyon\n');
        response.statusCode = 404;
        response.end();
      });
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      const { port } = server.address() as AddressInfo;
      files = {
        base: `http://127.0.0.1:${port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      };
    });
    after(async () => {
      await portal.services.imports.idle();
      await files.close();
      await portal.close();
    });

    async function credentials(page = '/backoffice/datasets/new/') {
      const csrf = await csrfFromPage(portal.app, page, { host: HOST, cookie: admin });
      return { token: csrf.token, cookie: `${admin}; ${csrf.cookie}` };
    }

    async function upload(url: string, parts: (token: string) => Part[]) {
      const { token, cookie } = await credentials();
      return portal.app.inject({
        method: 'POST',
        url,
        headers: {
          host: HOST,
          cookie,
          'accept-language': 'en',
          'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
        },
        payload: multipartBody(parts(token)),
      });
    }

    async function post(url: string, form: Record<string, string>) {
      const { token, cookie } = await credentials();
      return portal.app.inject({
        method: 'POST',
        url,
        headers: {
          host: HOST,
          cookie,
          'accept-language': 'en',
          'content-type': 'application/x-www-form-urlencoded',
        },
        payload: new URLSearchParams({ csrfmiddlewaretoken: token, ...form }).toString(),
      });
    }

    const get = (url: string, cookie = admin) =>
      portal.app.inject({ url, headers: { host: HOST, cookie, 'accept-language': 'en' } });

    const pendingFiles = () => {
      const dir = join(portal.home, 'uploads', 'pending');
      return existsSync(dir) ? readdirSync(dir) : [];
    };

    test('only administrators open the new dataset page', async () => {
      const anonymous = await portal.app.inject({
        url: '/backoffice/datasets/new/',
        headers: { host: HOST },
      });
      assert.equal(anonymous.statusCode, 303);
      const page = await get('/backoffice/datasets/new/');
      assert.equal(page.statusCode, 200);
      const form = parse(page.body).querySelector('form[enctype="multipart/form-data"]');
      assert.ok(form);
      const names = form.querySelectorAll('input').map((input) => input.getAttribute('name'));
      assert.equal(names[0], 'csrfmiddlewaretoken', 'the token is the first field');
    });

    test('upload, preview, publish: the dataset is public once its import succeeds', async () => {
      const uploaded = await upload('/backoffice/datasets/new/', (token) => [
        ['csrfmiddlewaretoken', token],
        ['kind', 'file'],
        ['file', DEMO, "Export Alim'confiance.csv"],
        ['id', ''],
        ['title', 'Alim’confiance'],
      ]);
      assert.equal(uploaded.statusCode, 303, uploaded.body);
      const preview = await get(uploaded.headers.location as string);
      assert.equal(preview.statusCode, 200);
      const html = parse(preview.body);
      const schema = html.querySelectorAll('#preview-schema tbody tr');
      assert.ok(schema.some((row) => row.text.includes('app_libelle_etablissement')));
      assert.equal(html.querySelectorAll('#preview-rows tbody tr').length, 20);
      const firstName = demoRows()[0]!['APP_Libelle_etablissement']!;
      assert.ok(html.querySelector('#preview-rows tbody tr')!.text.includes(firstName));
      // Nothing exists yet.
      assert.equal(
        (await getJson(portal, '/api/explore/v2.1/catalog/datasets/export_alim_confiance')).status,
        404,
      );
      const uploadToken = html.querySelector('input[name=upload]')!.getAttribute('value')!;
      const created = await post('/backoffice/datasets/new/create/', {
        upload: uploadToken,
        publish: 'yes',
      });
      assert.equal(created.statusCode, 303, created.body);
      assert.equal(
        created.headers.location,
        '/backoffice/datasets/export_alim_confiance/source/?done=started',
      );
      await portal.services.imports.idle();
      const records = await getJson(
        portal,
        '/api/explore/v2.1/catalog/datasets/export_alim_confiance/records?limit=0',
      );
      assert.equal(records.status, 200);
      assert.equal(records.body['total_count'], demoRows().length);
      const tab = parse((await get('/backoffice/datasets/export_alim_confiance/source/')).body);
      assert.match(tab.querySelector('#import-jobs tbody tr [data-job-state]')!.text, /Succeeded/);
      assert.deepEqual(pendingFiles(), [], 'the pending upload moved under the dataset');
      const activity = await portal.engine.metadata.listActivity({
        datasetId: 'export_alim_confiance',
        limit: 10,
        offset: 0,
      });
      assert.deepEqual(activity.entries.map((entry) => entry.action).sort(), [
        'dataset.create',
        'dataset.import',
        'dataset.publish',
      ]);
    });

    test('"Create draft" keeps the dataset from the public', async () => {
      const uploaded = await upload('/backoffice/datasets/new/', (token) => [
        ['csrfmiddlewaretoken', token],
        ['kind', 'file'],
        ['file', Buffer.from('Nom;Ville\nChez Paul;Lyon\n'), 'draft.csv'],
        ['id', 'brouillon'],
      ]);
      assert.equal(uploaded.statusCode, 303, uploaded.body);
      const token = new URL(uploaded.headers.location as string, 'http://x').searchParams.get(
        'upload',
      )!;
      const created = await post('/backoffice/datasets/new/create/', {
        upload: token,
        publish: 'no',
      });
      assert.equal(created.statusCode, 303);
      await portal.services.imports.idle();
      assert.equal(
        (await getJson(portal, '/api/explore/v2.1/catalog/datasets/brouillon')).status,
        404,
      );
      assert.equal((await portal.engine.metadata.getDataset('brouillon'))?.published, false);
    });

    test('a GeoJSON file is previewed with its geometry fields, then published', async () => {
      const geojson = JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { nom: 'Halles Paul Bocuse', ville: 'Lyon' },
            geometry: { type: 'Point', coordinates: [4.8505, 45.763] },
          },
        ],
      });
      const uploaded = await upload('/backoffice/datasets/new/', (token) => [
        ['csrfmiddlewaretoken', token],
        ['kind', 'file'],
        ['file', Buffer.from(geojson), 'halles.geojson'],
        ['id', 'halles'],
      ]);
      assert.equal(uploaded.statusCode, 303, uploaded.body);
      const preview = await portal.app.inject({
        url: uploaded.headers.location as string,
        headers: { host: HOST, cookie: admin, 'accept-language': 'en' },
      });
      assert.equal(preview.statusCode, 200);
      assert.match(preview.body, /geo_point_2d/);
      assert.match(preview.body, /Halles Paul Bocuse/);
      const token = new URL(uploaded.headers.location as string, 'http://x').searchParams.get(
        'upload',
      )!;
      const created = await post('/backoffice/datasets/new/create/', {
        upload: token,
        publish: 'yes',
      });
      assert.equal(created.statusCode, 303);
      await portal.services.imports.idle();
      const records = await getJson(
        portal,
        '/api/explore/v2.1/catalog/datasets/halles/records?select=nom,ville',
      );
      assert.equal(records.status, 200);
      assert.deepEqual(records.body.results, [{ nom: 'Halles Paul Bocuse', ville: 'Lyon' }]);
    });

    test('the CSRF token must come before the file, which is then never written', async () => {
      const late = await upload('/backoffice/datasets/new/', (token) => [
        ['kind', 'file'],
        ['file', DEMO, 'late.csv'],
        ['csrfmiddlewaretoken', token],
      ]);
      assert.equal(late.statusCode, 403);
      const wrong = await upload('/backoffice/datasets/new/', () => [
        ['csrfmiddlewaretoken', 'x'.repeat(64)],
        ['file', DEMO, 'wrong.csv'],
      ]);
      assert.equal(wrong.statusCode, 403);
      assert.deepEqual(pendingFiles(), []);
    });

    test('a file over the limit is refused next to the field and removed', async () => {
      const big = Buffer.concat([DEMO, DEMO]);
      const refused = await upload('/backoffice/datasets/new/', (token) => [
        ['csrfmiddlewaretoken', token],
        ['kind', 'file'],
        ['file', big, 'big.csv'],
        ['id', 'big'],
      ]);
      assert.equal(refused.statusCode, 413);
      assert.match(parse(refused.body).querySelector('#new-file-error')!.text, /larger than/);
      assert.deepEqual(pendingFiles(), []);
    });

    test('a taken or malformed id is refused, the typed values kept', async () => {
      for (const [id, message] of [
        ['export_alim_confiance', /already has this identifier/],
        ['Bad Id!', /lowercase letters/],
      ] as const) {
        const refused = await upload('/backoffice/datasets/new/', (token) => [
          ['csrfmiddlewaretoken', token],
          ['kind', 'file'],
          ['file', Buffer.from('a;b\n1;2\n'), 'x.csv'],
          ['id', id],
          ['title', 'Typed title'],
        ]);
        assert.equal(refused.statusCode, 400);
        const html = parse(refused.body);
        assert.match(html.querySelector('#new-id-error')!.text, message);
        assert.equal(html.querySelector('#new-title')!.getAttribute('value'), 'Typed title');
      }
      assert.deepEqual(pendingFiles(), []);
    });

    test('a URL source is fetched for the preview, then imported; a bad URL says why', async () => {
      const bad = await upload('/backoffice/datasets/new/', (token) => [
        ['csrfmiddlewaretoken', token],
        ['kind', 'url'],
        ['url', `${files.base}/missing.csv`],
        ['schedule', 'daily'],
        ['file', Buffer.alloc(0), ''],
        ['id', 'remote'],
      ]);
      assert.equal(bad.statusCode, 400);
      assert.match(parse(bad.body).querySelector('#new-url-error')!.text, /HTTP 404/);
      const uploaded = await upload('/backoffice/datasets/new/', (token) => [
        ['csrfmiddlewaretoken', token],
        ['kind', 'url'],
        ['url', `${files.base}/restaurants.csv`],
        ['schedule', '30 6 * * 1-5'],
        ['file', Buffer.alloc(0), ''],
        ['id', ''],
      ]);
      assert.equal(uploaded.statusCode, 303, uploaded.body);
      const token = new URL(uploaded.headers.location as string, 'http://x').searchParams.get(
        'upload',
      )!;
      const created = await post('/backoffice/datasets/new/create/', {
        upload: token,
        publish: 'yes',
      });
      assert.equal(
        created.headers.location,
        '/backoffice/datasets/restaurants/source/?done=started',
      );
      await portal.services.imports.idle();
      const source = await portal.engine.imports.getSource('restaurants');
      assert.equal(source?.kind, 'url');
      assert.equal(source?.schedule, '30 6 * * 1-5');
      assert.ok(source?.nextRunAt);
      const records = await getJson(
        portal,
        '/api/explore/v2.1/catalog/datasets/restaurants/records',
      );
      assert.equal(records.body['total_count'], 1);
    });

    test('the source tab: refresh now, busy while it runs, progress as JSON, a bad schedule', async () => {
      const path = '/backoffice/datasets/export_alim_confiance/source/';
      const started = await post(`${path}refresh/`, {});
      assert.equal(started.statusCode, 303);
      const busy = await post(`${path}refresh/`, {});
      assert.equal(busy.statusCode, 409);
      assert.match(busy.body, /already running/);
      const progress = await get(`${path}jobs.json`);
      assert.equal(progress.statusCode, 200);
      const jobs = progress.json().jobs as { state: string }[];
      assert.ok(['queued', 'running'].includes(jobs[0]!.state));
      const page = parse((await get(path)).body);
      assert.ok(page.querySelector('[data-import-poll]'), 'a reload link while it runs');
      await portal.services.imports.idle();
      const schedule = await post(`${path}url/`, {
        url: 'https://example.org/x.csv',
        schedule: 'often',
      });
      assert.equal(schedule.statusCode, 400);
      const html = parse(schedule.body);
      assert.match(html.querySelector('#source-schedule-error')!.text, /cron/);
      assert.equal(
        html.querySelector('#source-url')!.getAttribute('value'),
        'https://example.org/x.csv',
      );
      assert.equal((await get('/backoffice/datasets/nope/source/')).statusCode, 404);
    });
  });
}
