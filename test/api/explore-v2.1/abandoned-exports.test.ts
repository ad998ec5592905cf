// Clients that leave an export before its file starts must not keep what the export read with
// (a reader thread, a pooled connection): afterwards the portal still answers. More exports are
// abandoned than the engines have readers or connections, so one leak is enough to stall.

import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, test } from 'node:test';

import { listen } from '../../helpers/listening-portal.ts';
import type { TestPortal } from '../../helpers/test-portal.ts';
import { TEST_ENGINES, startTestPortal } from '../../helpers/test-portal.ts';

const DATASET = '/api/explore/v2.1/catalog/datasets/export_alimconfiance';
const ABANDONED = 24;

/** Sends a GET and destroys the socket as soon as the request is written. */
function abandon(base: string, path: string): Promise<void> {
  return new Promise((resolve) => {
    const req = request(`${base}${path}`, { headers: { 'accept-encoding': 'identity' } });
    req.on('error', () => resolve());
    req.on('close', () => resolve());
    req.end(() => req.destroy());
  });
}

/** Starts reading an answer, then leaves after its first bytes. */
function leaveAfterFirstBytes(base: string, path: string): Promise<void> {
  return new Promise((resolve) => {
    const req = request(`${base}${path}`, (response) => {
      response.once('data', () => req.destroy());
    });
    req.on('error', () => resolve());
    req.on('close', () => resolve());
    req.end();
  });
}

for (const engine of TEST_ENGINES)
  describe(`exports abandoned by their clients (${engine})`, () => {
    let portal: TestPortal;
    let base: string;
    before(async () => {
      portal = await startTestPortal({ demo: true, engine });
      base = await listen(portal);
    });
    after(async () => portal.close());

    const answers = async () => {
      // A guard against a hang, not a measure of speed.
      const signal = AbortSignal.timeout(30_000);
      const records = await fetch(`${base}${DATASET}/records?limit=1`, { signal });
      assert.equal(records.status, 200);
      assert.equal(((await records.json()) as { total_count: number }).total_count > 0, true);
    };

    test('many exports dropped at once, in every format, leave the portal answering', async () => {
      for (const format of ['csv', 'json', 'jsonl', 'geojson', 'parquet', 'xlsx']) {
        const path = `${DATASET}/exports/${format}`;
        await Promise.all(Array.from({ length: ABANDONED }, () => abandon(base, path)));
        await answers();
        await Promise.all(
          Array.from({ length: ABANDONED }, () => leaveAfterFirstBytes(base, path)),
        );
        await answers();
      }
      const download = '/explore/dataset/export_alimconfiance/download/?format=csv';
      await Promise.all(Array.from({ length: ABANDONED }, () => abandon(base, download)));
      await answers();
    });

    test('a whole export still arrives, compressed or not', async () => {
      const plain = await fetch(`${base}${DATASET}/exports/csv`);
      const text = await plain.text();
      const gzipped = await fetch(`${base}${DATASET}/exports/csv?compressed=true`);
      assert.equal(gzipped.status, 200);
      assert.ok((await gzipped.arrayBuffer()).byteLength > 0);
      assert.ok(text.split('\n').length > 1000);
      await answers();
    });
  });
