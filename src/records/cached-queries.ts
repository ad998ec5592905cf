// Dataset queries through the result cache (docs/performance.md, "Result cache"). A result is
// kept under its dataset's stamp (id, creation, current version and its commit, last change)
// and the statement the engine runs, bound values included: the compiled statement is the
// query's canonical form, so spelling, spacing and parameter order do not matter, and whatever
// changes the rows (time zone, language, filters, paging) is in it. The caller checks the
// viewer's access first; the rows do not depend on who asks. A new version, a rollback or a
// metadata change gives the dataset a new stamp: old entries become unreachable, and the change
// feed's notices drop them (`sweep`). Errors, time-outs and volatile statements (now(), an
// unseeded random()) are never kept. Cached rows are shared: callers must not change them.

import type { Dataset } from '../core/dataset.ts';
import type { QueryOptions, SqlQuery, StorageEngine } from '../storage/engine.ts';
import { CoalescedTask } from '../util/coalesced-task.ts';
import { deepFreeze } from '../util/deep-freeze.ts';
import { statementKey } from '../util/statement-key.ts';
import type { ResultCacheStats } from './result-cache.ts';
import { ResultCache, estimateBytes } from './result-cache.ts';

/** How one query was answered: from memory, from the version's summary, by the engine. */
export type CacheOutcome = 'hit' | 'stored' | 'miss' | 'uncached';

/** What the queries of one request did; a surface turns it into `Server-Timing` entries. */
export class QueryTrace {
  readonly counts: Record<CacheOutcome, number> = { hit: 0, stored: 0, miss: 0, uncached: 0 };
  /** Time spent waiting for the engine, in milliseconds. */
  dbMs = 0;

  note(outcome: CacheOutcome, ms = 0): void {
    this.counts[outcome] += 1;
    this.dbMs += ms;
  }

  /** `hit` when no query reached the engine, `stored` when summaries answered, else `miss`. */
  outcome(): CacheOutcome | null {
    const { hit, stored, miss, uncached } = this.counts;
    if (miss + uncached > 0) return miss > 0 ? 'miss' : 'uncached';
    if (stored > 0) return 'stored';
    return hit > 0 ? 'hit' : null;
  }

  /** The `Server-Timing` entry: `cache;desc=hit` (or stored, miss, uncached), or null. */
  serverTiming(): string | null {
    const outcome = this.outcome();
    return outcome === null ? null : `cache;desc=${outcome}`;
  }
}

/** Where a dataset's results are kept: its table and its stamp, or null without a version. */
export interface CacheScope {
  table: string;
  stamp: string;
}

export function cacheScope(dataset: Dataset): CacheScope | null {
  const version = dataset.current;
  if (version === null) return null;
  const parts = [
    dataset.id,
    dataset.createdAt,
    version.id,
    version.committedAt,
    dataset.modifiedAt,
  ];
  return { table: version.table, stamp: parts.join('\u0001') };
}

export interface CachedQueryOptions extends QueryOptions {
  trace?: QueryTrace;
  /** The statement may be one the version's commit kept (`StorageEngine.readSummary`). */
  summary?: boolean;
}

export interface CacheCounters extends ResultCacheStats {
  hits: number;
  stored: number;
  misses: number;
  uncached: number;
}

export class CachedQueries {
  private readonly cache: ResultCache<unknown>;
  /** Identical queries in flight share one run. */
  private readonly inflight = new Map<string, Promise<{ rows: unknown[][]; stored: boolean }>>();
  private readonly counters = { hits: 0, stored: 0, misses: 0, uncached: 0 };
  private readonly sweeps = new CoalescedTask(async () => {
    try {
      const datasets = await this.engine.metadata.listDatasets();
      const live = new Set(datasets.map((d) => cacheScope(d)?.stamp));
      for (const stamp of this.cache.groupNames()) {
        if (!live.has(stamp)) this.cache.dropGroup(stamp);
      }
    } catch {
      this.cache.clear();
    }
  });

  constructor(
    private readonly engine: StorageEngine,
    maxBytes: number,
  ) {
    this.cache = new ResultCache(maxBytes);
  }

  async run(
    scope: CacheScope,
    query: SqlQuery & { volatile?: boolean },
    options: CachedQueryOptions = {},
  ): Promise<unknown[][]> {
    const { trace, summary, ...engineOptions } = options;
    const statement = { sql: query.sql, params: query.params };
    if (query.volatile === true || (!this.cache.enabled && summary !== true)) {
      const started = performance.now();
      const rows = await this.engine.query(statement, engineOptions);
      this.counters.uncached += 1;
      trace?.note('uncached', performance.now() - started);
      return rows;
    }
    const key = `${scope.stamp}\u0002${statementKey(statement)}`;
    const kept = this.cache.get(key) as unknown[][] | undefined;
    if (kept !== undefined) {
      this.counters.hits += 1;
      trace?.note('hit');
      return kept;
    }
    const started = performance.now();
    let running = this.inflight.get(key);
    if (running === undefined) {
      running = this.answer(scope, statement, engineOptions, summary === true);
      this.inflight.set(key, running);
      const forget = () => this.inflight.delete(key);
      running.then(forget, forget);
    }
    const { rows, stored } = await running;
    // Set again by each waiter: cheap, and the entry is the most recently used.
    this.cache.set(scope.stamp, key, rows, estimateBytes(rows));
    if (stored) {
      this.counters.stored += 1;
      trace?.note('stored');
    } else {
      this.counters.misses += 1;
      trace?.note('miss', performance.now() - started);
    }
    return rows;
  }

  private async answer(
    scope: CacheScope,
    statement: SqlQuery,
    options: QueryOptions,
    summary: boolean,
  ): Promise<{ rows: unknown[][]; stored: boolean }> {
    if (summary) {
      const rows = await this.engine.readSummary(scope.table, statement).catch(() => null);
      if (rows !== null) return { rows, stored: true };
    }
    return { rows: await this.engine.query(statement, options), stored: false };
  }

  /**
   * Drops the entries of every dataset whose stamp is no longer current (a new version, a
   * rollback, a metadata change, a deletion). Runs once at a time; a call meanwhile runs it again.
   */
  sweep(): Promise<void> {
    if (!this.sweeps.busy && this.cache.groupNames().length === 0) return Promise.resolve();
    return this.sweeps.run();
  }

  /**
   * A value a caller made from this scope's results (a rendered page) and kept with `keep`
   * under `key`, which must name everything the value depends on besides the scope; counted
   * as a hit. Kept values are shared: callers must not change them.
   */
  derived<T>(scope: CacheScope, key: string, trace?: QueryTrace): T | undefined {
    if (!this.cache.enabled) return undefined;
    const kept = this.cache.get(`${scope.stamp}\u0003${key}`) as T | undefined;
    if (kept !== undefined) {
      this.counters.hits += 1;
      trace?.note('hit');
    }
    return kept;
  }

  /** Keeps `value` for `derived`, frozen, with the scope's results (dropped with them). */
  keepDerived(scope: CacheScope, key: string, value: unknown): void {
    if (!this.cache.enabled) return;
    deepFreeze(value);
    this.cache.set(scope.stamp, `${scope.stamp}\u0003${key}`, value, estimateBytes(value));
  }

  clear(): void {
    this.cache.clear();
  }

  stats(): CacheCounters {
    return { ...this.counters, ...this.cache.stats() };
  }
}
