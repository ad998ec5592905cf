// autocannon (a devDependency without types) driving a bench server: the figures the throughput
// and endurance runs read from its result.

import { createRequire } from 'node:module';

export interface LoadOptions {
  url: string;
  connections: number;
  duration: number;
  /** Paths each connection requests in turn; absent: the url alone. */
  paths?: string[];
  headers?: Record<string, string>;
}

export interface LoadResult {
  requestsPerSecond: number;
  total: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  /** Connection errors, timeouts and answers other than 2xx. */
  errors: number;
  non2xx: number;
  timeouts: number;
  bytesPerSecond: number;
}

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  throughput: { average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const headers = { 'accept-encoding': 'identity', ...options.headers };
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.duration,
    headers,
    ...(options.paths ? { requests: options.paths.map((path) => ({ method: 'GET', path })) } : {}),
  });
  return {
    requestsPerSecond: result.requests.average,
    total: result.requests.total,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    errors: result.errors + result.non2xx,
    non2xx: result.non2xx,
    timeouts: result.timeouts,
    bytesPerSecond: result.throughput.average,
  };
}
