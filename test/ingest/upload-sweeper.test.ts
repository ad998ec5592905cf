// Uploads never turned into a dataset are removed a day after their last write: by the sweep
// itself (what is old goes, what is recent or in another shape stays, a later sweep takes what
// has aged since), and when the portal starts (a real portal over a home holding old uploads).

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';

import { PendingUploads } from '../../src/ingest/pending-uploads.ts';
import { PENDING_UPLOAD_MAX_AGE_MS, UploadSweeper } from '../../src/ingest/upload-sweeper.ts';
import { startTestPortal } from '../helpers/test-portal.ts';

const HOUR = 60 * 60 * 1000;
const homes: string[] = [];

after(() => {
  for (const home of homes) rmSync(home, { recursive: true, force: true });
});

function newHome(): string {
  const home = mkdtempSync(join(tmpdir(), 'datagora-sweep-'));
  homes.push(home);
  return home;
}

/** A pending upload written `age` ms before `now`: its files, then its folder, dated so. */
function pendingUpload(uploads: string, token: string, now: number, age: number, files: string[]) {
  const dir = join(uploads, 'pending', token);
  mkdirSync(dir, { recursive: true });
  const when = new Date(now - age);
  for (const name of files) {
    writeFileSync(join(dir, name), 'Nom;Ville\nChez Paul;Lyon\n');
    utimesSync(join(dir, name), when, when);
  }
  utimesSync(dir, when, when);
  return dir;
}

const token = (digit: string) => digit.repeat(32);

describe('the sweep of abandoned uploads', () => {
  test('removes what nothing wrote to for a day, keeps the rest, and takes it once aged', async () => {
    const uploads = join(newHome(), 'uploads');
    const now = Date.now();
    const old = pendingUpload(uploads, token('a'), now, 25 * HOUR, ['data', 'upload.json']);
    const half = pendingUpload(uploads, token('b'), now, 25 * HOUR, ['data']);
    const recent = pendingUpload(uploads, token('c'), now, 23 * HOUR, ['data', 'upload.json']);
    // A folder written long ago whose file was written just now: an upload still arriving.
    const arriving = pendingUpload(uploads, token('d'), now, 30 * HOUR, []);
    writeFileSync(join(arriving, 'data'), 'still coming');
    const other = pendingUpload(uploads, 'not-a-token', now, 40 * HOUR, ['data']);

    let clock = new Date(now);
    const sweeper = new UploadSweeper(new PendingUploads(uploads), { now: () => clock });
    assert.deepEqual((await sweeper.sweep()).sort(), [token('a'), token('b')]);
    assert.equal(existsSync(old), false);
    assert.equal(existsSync(half), false, 'an upload stopped mid-way goes too');
    assert.equal(existsSync(recent), true);
    assert.equal(existsSync(arriving), true);
    assert.equal(existsSync(other), true, 'what the portal did not name is left alone');

    clock = new Date(now + 2 * HOUR);
    assert.deepEqual(await sweeper.sweep(), [token('c')]);
    assert.equal(existsSync(recent), false);
    assert.equal(existsSync(arriving), true);
    clock = new Date(Date.now() + PENDING_UPLOAD_MAX_AGE_MS + HOUR);
    assert.deepEqual(await sweeper.sweep(), [token('d')]);
  });

  test('a portal without uploads sweeps nothing and fails on nothing', async () => {
    const sweeper = new UploadSweeper(new PendingUploads(join(newHome(), 'uploads')));
    assert.deepEqual(await sweeper.sweep(), []);
  });

  test('the portal sweeps when it starts', async () => {
    const home = newHome();
    const uploads = join(home, 'uploads');
    const now = Date.now();
    const old = pendingUpload(uploads, token('e'), now, 26 * HOUR, ['data', 'upload.json']);
    const recent = pendingUpload(uploads, token('f'), now, HOUR, ['data', 'upload.json']);
    const portal = await startTestPortal({ home });
    try {
      await portal.app.ready();
      assert.equal(existsSync(old), false);
      assert.equal(existsSync(recent), true);
    } finally {
      await portal.close();
    }
  });
});
