// How far V8 lets a serving process's old generation grow past what the last full collection
// kept before it collects again. V8 picks a factor of up to 4 when collections are cheap, and an
// export's garbage fills the old generation: its rows live through a few young collections (a
// whole batch is held while it is encoded), so they are promoted, and a process whose live heap
// is 45 MB grew to 190 MB between two full collections. A factor of 2 keeps a whole Parquet
// export on PostgreSQL at 224 MB instead of 315, for 7 % more CPU (docs/performance.md,
// session 11). An operator's own `--heap-growing-percent` on Node's command line wins; V8 refuses
// it in NODE_OPTIONS.

/** V8's heap growing factor for the serving processes, as a percentage over 1 (2 = 100). */
export const HEAP_GROWING_PERCENT = 100;

/** The V8 flag a serving process sets for itself, or null when its command line set one. */
export function heapGrowthFlag(execArgv: readonly string[]): string | null {
  const decided = execArgv.some((arg) => /^--heap[-_]growing[-_]percent(=|$)/.test(arg));
  return decided ? null : `--heap-growing-percent=${HEAP_GROWING_PERCENT}`;
}
