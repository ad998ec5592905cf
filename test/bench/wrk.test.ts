// The bench's reading of wrk's report (bench/wrk.ts), on reports as wrk 4.1 prints them.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { parseWrk, wrkMs } from '../../bench/wrk.ts';

const CLEAN = `Running 10s test @ http://127.0.0.1:37913/api/explore/v2.1/catalog/datasets/x/records
  1 threads and 50 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    47.27ms   10.25ms 274.42ms   77.21%
    Req/Sec     1.06k   166.92     1.48k    71.00%
  Latency Distribution
     50%   46.27ms
     75%   50.85ms
     90%   59.05ms
     99%   78.22ms
  10567 requests in 10.03s, 138.65MB read
Requests/sec:   1054.05
Transfer/sec:     13.83MB
`;

const FAILING = `Running 2s test @ http://127.0.0.1:9/
  1 threads and 10 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   812.00us  100.00us   1.20ms   90.00%
    Req/Sec     9.00k     1.00k   10.00k    80.00%
  Latency Distribution
     50%  800.00us
     75%  900.00us
     90%    1.00ms
     99%    1.20s
  18000 requests in 2.00s, 2.00MB read
  Socket errors: connect 1, read 2, write 3, timeout 4
  Non-2xx or 3xx responses: 5
Requests/sec:   9000.00
Transfer/sec:      1.00MB
`;

test('wrkMs reads microseconds, milliseconds, seconds and minutes', () => {
  assert.equal(wrkMs('512.00us'), 0.512);
  assert.equal(wrkMs('1.20ms'), 1.2);
  assert.equal(Math.round(wrkMs('2.01s')), 2010);
  assert.equal(wrkMs('1.00m'), 60_000);
  assert.throws(() => wrkMs('fast'), /unreadable duration/);
});

test('parseWrk reads the rate, the percentiles and the bytes of a clean run', () => {
  const result = parseWrk(CLEAN);
  assert.equal(result.requestsPerSecond, 1054.05);
  assert.equal(result.total, 10567);
  assert.equal(result.latencyP50Ms, 46.27);
  assert.equal(result.latencyP99Ms, 78.22);
  assert.equal(result.errors, 0);
  assert.equal(Math.round(result.bytesPerSecond / 1024), Math.round((138.65 * 1024) / 10.03));
});

test('parseWrk counts socket errors and non-2xx answers as errors', () => {
  const result = parseWrk(FAILING);
  assert.equal(result.errors, 1 + 2 + 3 + 4 + 5);
  assert.equal(result.non2xx, 5);
  assert.equal(result.timeouts, 4);
  assert.equal(result.latencyP50Ms, 0.8);
  assert.equal(result.latencyP99Ms, 1200);
});

test('parseWrk refuses a report it cannot read', () => {
  assert.throws(() => parseWrk('unable to connect to 127.0.0.1:9 Connection refused'), /wrk/);
});
