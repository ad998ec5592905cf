// The whole back-office journey in Chromium, as a DGAL data steward goes through it (issue #8,
// item 9): sign in, upload the real Alim'confiance export, create the dataset as a draft, fix a
// label in the schema editor, add the administrative divisions processor and re-import, publish,
// find it on the public site and in the API (division columns included), republish a later
// export while API clients keep reading (every answer wholly of one version), then roll back.
// Every expected value comes from the CSV files read with papaparse and from the
// @etalab/decoupage-administratif data read directly, never from the portal.

import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import Papa from 'papaparse';
import type { Browser, BrowserContext, Page } from 'playwright-core';

import { launchChromium } from '../../helpers/browser.ts';
import { listen } from '../../helpers/listening-portal.ts';
import { STAFF_PASSWORD, staffSessions } from '../../helpers/staff-sessions.ts';
import type { TestPortal } from '../../helpers/test-portal.ts';
import { startTestPortal } from '../../helpers/test-portal.ts';

/** The raw 2019 ODS export, in ../shared beside the clone (CI has it there). */
const EXPORT = fileURLToPath(
  new URL(
    '../../../../shared/data/dgal/Adoupro__DATA4FOOD/export_alimconfiance.csv',
    import.meta.url,
  ),
);
const ID = 'export_alimconfiance';
const API = `/api/explore/v2.1/catalog/datasets/${ID}`;
const FIXED_LABEL = 'Nom de l’établissement';
/** The later export's window: the inspections from this day on (a one-year window moved on). */
const LATER_FROM = '2018-11-01';
const DIVISIONS = ['reg_name', 'reg_code', 'dep_name', 'dep_code', 'com_name', 'com_code'];

type Row = Record<string, string>;

interface Version {
  total: number;
  /** `numero_inspection` of the first 20 records by date then number. */
  first: string[];
}

let portal: TestPortal;
let browser: Browser;
let base = '';
let rows: Row[] = [];
let later = '';
let versions: { all: Version; later: Version };

function readExport(): { header: string; lines: string[]; rows: Row[] } {
  const raw = readFileSync(EXPORT, 'utf8');
  const parsed = Papa.parse<Row>(raw, { header: true, delimiter: ';', skipEmptyLines: true });
  assert.deepEqual(parsed.errors, []);
  const [header, ...lines] = raw.split('\r\n').filter((line) => line !== '');
  assert.equal(lines.length, parsed.data.length, 'one line per record');
  return { header: header!, lines, rows: parsed.data };
}

function versionOf(records: Row[]): Version {
  const sorted = [...records].sort(
    (a, b) =>
      Date.parse(a['Date_inspection']!) - Date.parse(b['Date_inspection']!) ||
      (a['Numero_inspection']! < b['Numero_inspection']! ? -1 : 1),
  );
  return { total: records.length, first: sorted.slice(0, 20).map((r) => r['Numero_inspection']!) };
}

before(async () => {
  assert.ok(
    existsSync(EXPORT),
    `${EXPORT} is missing: ../shared/data/dgal must sit beside the clone`,
  );
  portal = await startTestPortal({});
  await staffSessions(portal);
  base = await listen(portal);
  browser = await launchChromium();
  const file = readExport();
  rows = file.rows;
  // The later export: the same file format, the inspections since LATER_FROM only.
  const kept = file.lines.filter((_, i) => file.rows[i]!['Date_inspection']! >= LATER_FROM);
  later = join(portal.home, 'export_alimconfiance.csv');
  writeFileSync(later, [file.header, ...kept, ''].join('\r\n'));
  versions = {
    all: versionOf(rows),
    later: versionOf(rows.filter((r) => r['Date_inspection']! >= LATER_FROM)),
  };
  assert.ok(versions.later.total < versions.all.total);
});

after(async () => {
  await browser?.close();
  await portal?.services.imports.idle();
  await portal?.close();
});

async function submit(page: Page, selector: string): Promise<number | undefined> {
  const [response] = await Promise.all([page.waitForNavigation(), page.click(selector)]);
  return response?.status();
}

/** Follows the dataset's latest import on its Source tab (which updates itself) to its end. */
async function importEnds(page: Page): Promise<void> {
  await page.goto(`${base}/backoffice/datasets/${ID}/source/`);
  const state = '#import-jobs tbody tr:first-child td[data-job-state]';
  await page.waitForSelector(`${state}:text-matches("^(Réussi|Échoué)$")`, { timeout: 180_000 });
  const error = await page.locator('#import-jobs tbody tr:first-child td:last-child').innerText();
  assert.equal(await page.locator(state).innerText(), 'Réussi', error);
}

async function api(path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${base}${path}`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The department and region names of @etalab/decoupage-administratif, and its communes. */
function divisionsData() {
  const require = createRequire(import.meta.url);
  const named = (file: string) =>
    new Map(
      (
        require(`@etalab/decoupage-administratif/data/${file}.json`) as {
          code: string;
          nom: string;
        }[]
      ).map((d) => [d.code, d.nom]),
    );
  const communes = require('@etalab/decoupage-administratif/data/communes.json') as {
    code: string;
    nom: string;
    type: string;
    departement: string;
    region: string;
    codesPostaux?: string[];
  }[];
  const byPostalCode = new Map<string, (typeof communes)[number][]>();
  for (const commune of communes) {
    if (commune.type !== 'commune-actuelle') continue;
    for (const code of commune.codesPostaux ?? []) {
      byPostalCode.set(code, [...(byPostalCode.get(code) ?? []), commune]);
    }
  }
  return { departments: named('departements'), regions: named('regions'), byPostalCode };
}

test('the whole journey: upload, label, processor, publish, republish under reads, roll back', async (t) => {
  const context: BrowserContext = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'fr-FR',
  });
  const page = await context.newPage();
  try {
    await t.test('sign in', async () => {
      await page.goto(`${base}/login/?next=/backoffice/`);
      await page.fill('#login-email', 'admin@example.org');
      await page.fill('#login-password', STAFF_PASSWORD);
      await submit(page, 'main form button[type=submit]');
      assert.equal(new URL(page.url()).pathname, '/backoffice/datasets/');
    });

    await t.test('upload the real export, see its preview, create a draft', async () => {
      await page.goto(`${base}/backoffice/datasets/new/`);
      await page.setInputFiles('#new-file', EXPORT);
      await page.fill('#new-title', 'Alim’confiance');
      assert.equal(
        await submit(page, 'form[enctype="multipart/form-data"] button[type=submit]'),
        200,
      );
      // The id suggested from the file name, the 13 columns and the first rows as in the file.
      assert.equal(await page.locator('#preview-schema tbody tr').count(), 13);
      const firstRow = await page.locator('#preview-rows tbody tr').first().innerText();
      assert.match(firstRow, new RegExp(rows[0]!['APP_Libelle_etablissement']!));
      assert.equal(await page.locator('#preview-rows tbody tr').count(), 20);
      assert.equal(await submit(page, 'button[name=publish][value=no]'), 200);
      await importEnds(page);
      const rowsRead = await page.locator('#import-jobs tbody tr:first-child td[data-job-rows]');
      assert.equal((await rowsRead.innerText()).replace(/\D/g, ''), String(rows.length));
      assert.equal((await api(`${API}/records?limit=0`)).status, 404, 'a draft is not public');
    });

    await t.test('fix a label in the schema editor', async () => {
      await page.goto(`${base}/backoffice/datasets/${ID}/schema/`);
      await page.fill('#schema-app_libelle_etablissement-label', FIXED_LABEL);
      assert.equal(await submit(page, '#schema-form button[type=submit]'), 200);
      assert.match(page.url(), /done=saved$/);
      assert.equal(await page.inputValue('#schema-app_libelle_etablissement-label'), FIXED_LABEL);
    });

    await t.test('add the administrative divisions processor and re-import', async () => {
      await page.goto(`${base}/backoffice/datasets/${ID}/processors/`);
      await page.selectOption('#add-type', 'admin_divisions');
      assert.equal(await submit(page, '#add-heading ~ form button[type=submit]'), 200);
      await page.fill('#proc-field', 'code_postal');
      await page.selectOption('#proc-code', 'postal_code');
      await page.fill('#proc-communeName', 'libelle_commune');
      assert.equal(await submit(page, '#processor-form button[value=reimport]'), 200);
      assert.equal(await page.locator('#processors tbody tr').count(), 1);
      await importEnds(page);
    });

    await t.test('publish', async () => {
      await page.goto(`${base}/backoffice/datasets/${ID}/`);
      assert.equal(await submit(page, '#publish-form button'), 200);
      assert.equal((await api(`${API}/records?limit=0`)).status, 200);
    });

    await t.test('the public site and the API show it, with the division columns', async () => {
      const visitor = await browser.newContext({ locale: 'fr-FR' });
      try {
        const publicPage = await visitor.newPage();
        // The catalog lists it; its link leads to the dataset's page.
        assert.equal((await publicPage.goto(`${base}/explore/`))?.status(), 200);
        await submit(publicPage, `main a[href*="/explore/dataset/${ID}/"]`);
        assert.match(await publicPage.locator('h1').first().innerText(), /Alim’confiance/);
        assert.equal(
          (await publicPage.goto(`${base}/explore/dataset/${ID}/table/`))?.status(),
          200,
        );
        const status = await publicPage.locator('main [role=status]').first().innerText();
        assert.equal(status.replace(/\D/g, ''), String(rows.length));
        const headers = await publicPage.locator('#records-table thead th').allInnerTexts();
        assert.ok(
          headers.some((h) => h.includes(FIXED_LABEL)),
          headers.join(' | '),
        );
        for (const name of DIVISIONS) {
          assert.ok(
            headers.some((h) => h.includes(name)),
            `${name} in ${headers.join(' | ')}`,
          );
        }
      } finally {
        await visitor.close();
      }

      const dataset = await api(API);
      const fields = dataset.body['fields'] as { name: string; label: string }[];
      assert.deepEqual(
        fields.slice(-6).map((f) => f.name),
        DIVISIONS,
      );
      assert.equal(fields.find((f) => f.name === 'app_libelle_etablissement')?.label, FIXED_LABEL);
      const counted = await api(`${API}/records?limit=0`);
      assert.equal(counted.body['total_count'], rows.length);

      // Every record whose postal code belongs to one commune only has that commune's divisions.
      const { departments, regions, byPostalCode } = divisionsData();
      const select = ['numero_inspection', 'code_postal', ...DIVISIONS].join(',');
      const exported = (await (
        await fetch(`${base}${API}/exports/json?select=${select}`)
      ).json()) as Row[];
      assert.equal(exported.length, rows.length);
      let checked = 0;
      for (const record of exported) {
        const communes = byPostalCode.get(record['code_postal'] ?? '') ?? [];
        if (communes.length !== 1) continue;
        const commune = communes[0]!;
        assert.deepEqual(
          DIVISIONS.map((name) => record[name]),
          [
            regions.get(commune.region),
            commune.region,
            departments.get(commune.departement),
            commune.departement,
            commune.nom,
            commune.code,
          ],
          `record ${record['numero_inspection']} (${record['code_postal']})`,
        );
        checked++;
      }
      assert.ok(checked > rows.length / 2, `only ${checked} records with a single commune`);
    });

    await t.test('republish a later export while API clients read', async () => {
      const jobs = () => portal.engine.imports.listJobs(ID, 1);
      const [before] = await jobs();
      const answers = { all: 0, later: 0, whileRunning: 0 };
      let stop = false;
      let heard: () => void = () => undefined;
      const read = async () => {
        while (!stop) {
          const [job] = await jobs();
          const running = job !== undefined && job.id !== before?.id && job.state === 'running';
          const [records, aggregate] = await Promise.all([
            api(
              `${API}/records?select=numero_inspection&order_by=date_inspection,numero_inspection&limit=20`,
            ),
            api(`${API}/records?select=count(*) as n, min(date_inspection) as first`),
          ]);
          assert.equal(records.status, 200, JSON.stringify(records.body));
          assert.equal(aggregate.status, 200, JSON.stringify(aggregate.body));
          const numbers = (records.body['results'] as Row[]).map((r) => r['numero_inspection']);
          const version =
            records.body['total_count'] === versions.all.total ? versions.all : versions.later;
          assert.equal(records.body['total_count'], version.total, 'a total of one version');
          assert.deepEqual(numbers, version.first, 'the records of the same version');
          const [stats] = aggregate.body['results'] as { n: number; first: string }[];
          assert.ok(stats?.n === versions.all.total || stats?.n === versions.later.total);
          const [after] = await jobs();
          if (running && after?.state === 'running') answers.whileRunning++;
          answers[version === versions.all ? 'all' : 'later']++;
          heard();
        }
      };
      const readers = [read(), read(), read()];
      try {
        await page.goto(`${base}/backoffice/datasets/${ID}/source/`);
        await page.setInputFiles('#replace-file', later);
        assert.equal(await submit(page, 'form[action$="/source/file"] button[type=submit]'), 200);
        await importEnds(page);
        // A few more answers once the new version is online.
        const enough = answers.later + 3;
        await new Promise<void>((resolve, reject) => {
          heard = () => answers.later >= enough && resolve();
          // A reader that failed ends the wait with its error.
          for (const reader of readers) reader.catch(reject);
        });
      } finally {
        stop = true;
        await Promise.all(readers);
      }
      t.diagnostic(`answers: ${JSON.stringify(answers)}`);
      assert.ok(answers.all > 0 && answers.later > 0, JSON.stringify(answers));
      assert.ok(answers.whileRunning > 0, 'answers while the import ran');
      assert.equal((await api(`${API}/records?limit=0`)).body['total_count'], versions.later.total);
    });

    await t.test('roll back to the previous version', async () => {
      await page.goto(`${base}/backoffice/datasets/${ID}/`);
      assert.equal(await page.locator('#versions tbody tr').count(), 3);
      await submit(page, 'a[href$="/rollback"]');
      await page.click('label[for=confirm-rollback]');
      assert.equal(await submit(page, '#confirm-form button[type=submit]'), 200);
      assert.equal(new URL(page.url()).pathname, `/backoffice/datasets/${ID}/`);
      const counted = await api(`${API}/records?limit=0`);
      assert.equal(counted.body['total_count'], versions.all.total);
      const fields = (await api(API)).body['fields'] as { name: string }[];
      assert.deepEqual(
        fields.slice(-6).map((f) => f.name),
        DIVISIONS,
      );
    });
  } finally {
    await context.close();
  }
});
