// Publishing a 1,000,000-row CSV through the back office while the portal keeps serving (issue
// #8's "done when"): a generated Alim'confiance-shaped file is sent over real HTTP to the new
// dataset form, as a browser sends it (multipart, the CSRF token first, the file streamed), its
// preview shown, then "Publish now". While the import job runs, rounds of requests go to the API
// (records, facets) and the site (a dataset page) about the demo dataset, each answer checked
// against the demo CSV read with papaparse; the job's state and progress are read through the
// back office's own `jobs.json` before and after each round, so that an answer counts as given
// during the import only when the job was running on both sides of it.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { parse } from 'node-html-parser';

import { demoRows } from '../helpers/demo-csv.ts';
import { formControls } from '../helpers/html-form.ts';
import { listen } from '../helpers/listening-portal.ts';
import { postMultipartFile } from '../helpers/multipart.ts';
import { staffSessions } from '../helpers/staff-sessions.ts';
import type { TestPortal } from '../helpers/test-portal.ts';
import { startTestPortal } from '../helpers/test-portal.ts';

const ROWS = 1_000_000;
const GENERATOR = fileURLToPath(new URL('../../scripts/gen-alimconfiance.ts', import.meta.url));
const DEMO = '/api/explore/v2.1/catalog/datasets/export_alimconfiance';
const URGENT = 'A corriger de manière urgente';

let portal: TestPortal;
let base = '';
let admin = '';
let file = '';

before(async () => {
  portal = await startTestPortal({ demo: true });
  ({ admin } = await staffSessions(portal));
  base = await listen(portal);
  mkdirSync(join(portal.home, 'generated'));
  file = join(portal.home, 'generated', 'inspections.csv');
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', GENERATOR, '--rows', String(ROWS), '--out', file],
    { encoding: 'utf8' },
  );
  assert.equal(run.status, 0, run.stderr);
});

after(async () => {
  await portal?.services.imports.idle();
  await portal?.close();
});

/** A browser's cookie jar for the portal: the admin's session, then what answers set. */
class Jar {
  private readonly cookies = new Map<string, string>();
  constructor(session: string) {
    this.take(session);
  }
  take(pair: string): void {
    const at = pair.indexOf('=');
    this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
  }
  read(response: Response): void {
    for (const line of response.headers.getSetCookie()) this.take(line.split(';')[0]!);
  }
  get header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/** What the demo CSV says the queries of a round must answer. */
function expectations() {
  const rows = demoRows();
  const urgent = rows
    .filter((r) => r['Synthese_eval_sanit'] === URGENT)
    .map((r) => r['Numero_inspection'] ?? '')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const counts = new Map<string, number>();
  for (const row of rows) {
    const value = row['Synthese_eval_sanit'] ?? '';
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  const facets = [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([value, count]) => ({ name: value, value, count, state: 'displayed' }));
  return {
    total: rows.length,
    urgent,
    facets,
    numbers: new Set(rows.map((r) => r['Numero_inspection'] ?? '')),
  };
}

/** One round of requests, as visitors make them, each answer checked; resolves when all are. */
async function round(expected: ReturnType<typeof expectations>): Promise<void> {
  const where = encodeURIComponent(`synthese_eval_sanit = "${URGENT}"`);
  const [records, facets, page] = await Promise.all([
    fetch(`${base}${DEMO}/records?where=${where}&order_by=numero_inspection&limit=10`),
    fetch(`${base}${DEMO}/facets?facet=synthese_eval_sanit`),
    fetch(`${base}/explore/dataset/export_alimconfiance/table/?sort=numero_inspection`),
  ]);
  assert.equal(records.status, 200);
  const found = (await records.json()) as {
    total_count: number;
    results: Record<string, unknown>[];
  };
  assert.equal(found.total_count, expected.urgent.length);
  assert.deepEqual(
    found.results.map((r) => r['numero_inspection']),
    expected.urgent.slice(0, 10),
  );
  assert.equal(facets.status, 200);
  const groups = (await facets.json()) as { facets: { name: string; facets: unknown[] }[] };
  assert.deepEqual(groups.facets, [{ name: 'synthese_eval_sanit', facets: expected.facets }]);
  assert.equal(page.status, 200);
  const html = parse(await page.text());
  const count = html.querySelector('main [role=status]')?.text.replace(/\D/g, '');
  assert.equal(count, String(expected.total), 'the table page counts the demo records');
  const numbers = html
    .querySelectorAll('#records-table tbody tr')
    .map((row) => row.querySelectorAll('td').map((cell) => cell.text.trim()));
  assert.ok(numbers.length > 0, 'the table page shows records');
  assert.ok(
    numbers.every((cells) => cells.some((cell) => expected.numbers.has(cell))),
    'each row of the table page is a demo record',
  );
}

interface JobView {
  id: number;
  state: string;
  rowsRead: number;
  error: string | null;
}

test('a 1,000,000-row CSV published through the back office while the portal answers', async (t) => {
  const expected = expectations();
  const jar = new Jar(admin);
  const headers = () => ({ cookie: jar.header, origin: base });

  // The form, as the browser loads it: its CSRF cookie and the controls it posts.
  const formPage = await fetch(`${base}/backoffice/datasets/new/`, { headers: headers() });
  assert.equal(formPage.status, 200);
  jar.read(formPage);
  const controls = formControls(await formPage.text(), 'form[enctype="multipart/form-data"]');
  const filled: Record<string, string> = { id: 'inspections', title: 'Inspections (generated)' };
  const sent = await postMultipartFile(
    `${base}/backoffice/datasets/new/`,
    { ...headers(), referer: `${base}/backoffice/datasets/new/` },
    controls.map(([name, value, type]) =>
      type === 'file'
        ? { field: name, path: file, fileName: 'inspections.csv' }
        : [name, filled[name] ?? value],
    ),
  );
  assert.equal(sent.status, 303, sent.body.slice(0, 500));
  const previewUrl = `${base}${sent.headers.get('location')}`;

  const preview = await fetch(previewUrl, { headers: headers() });
  assert.equal(preview.status, 200);
  const previewHtml = await preview.text();
  assert.equal(parse(previewHtml).querySelectorAll('#preview-rows tbody tr').length, 20);
  const createForm = 'main form[method=post]';
  const create = formControls(previewHtml, createForm);
  const createAction = parse(previewHtml).querySelector(createForm)?.getAttribute('action');
  const created = await fetch(`${base}${createAction}`, {
    method: 'POST',
    headers: {
      ...headers(),
      referer: previewUrl,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams([...create.map(([n, v]) => [n, v]), ['publish', 'yes']]),
    redirect: 'manual',
  });
  assert.equal(created.status, 303);
  assert.match(
    created.headers.get('location') ?? '',
    /\/backoffice\/datasets\/inspections\/source\//,
  );

  // The job as the Source tab's script sees it.
  const job = async (): Promise<JobView> => {
    const answer = await fetch(`${base}/backoffice/datasets/inspections/source/jobs.json`, {
      headers: headers(),
    });
    const text = await answer.text();
    assert.equal(answer.status, 200, text);
    const [latest] = (JSON.parse(text) as { jobs: JobView[] }).jobs;
    assert.ok(latest, 'the import job is listed');
    return latest;
  };

  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let rounds = 0;
  let during = 0;
  const progress = new Set<number>();
  let afterReading = 0;
  let last = await job();
  for (;;) {
    const before = last;
    await round(expected);
    rounds++;
    last = await job();
    if (before.state === 'running' && last.state === 'running') {
      during++;
      if (last.rowsRead > 0 && last.rowsRead < ROWS) progress.add(last.rowsRead);
      if (before.rowsRead === ROWS) afterReading++;
    }
    if (last.state !== 'queued' && last.state !== 'running') break;
  }
  delay.disable();
  t.diagnostic(
    `${rounds} rounds, ${during} during the import (${progress.size} progress figures, ` +
      `${afterReading} while indexing); event loop delay max ${Math.round(delay.max / 1e6)} ms, ` +
      `p99 ${Math.round(delay.percentile(99) / 1e6)} ms`,
  );
  assert.equal(last.state, 'succeeded', last.error ?? '');
  assert.equal(last.rowsRead, ROWS);
  // Answers came throughout: many rounds while the job ran, at many stages of its reading.
  assert.ok(during >= 20, `only ${during} rounds answered while the import ran`);
  assert.ok(progress.size >= 5, `answers at only ${progress.size} stages of the reading`);
  // And while the indexes were built, once every row was read.
  assert.ok(afterReading >= 2, `only ${afterReading} rounds answered while the indexes built`);

  await portal.services.imports.idle();
  const published = await fetch(
    `${base}/api/explore/v2.1/catalog/datasets/inspections/records?limit=0`,
  );
  assert.equal(published.status, 200);
  assert.equal(((await published.json()) as { total_count: number }).total_count, ROWS);
  await round(expected);
});
