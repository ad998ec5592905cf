// Scalar functions that SQLite lacks and compiled ODSQL uses (time zones, for one).
// Pure JavaScript: every SQLite connection that runs dataset queries registers them.

export interface SqliteFunction {
  name: string;
  deterministic: boolean;
  varargs?: boolean;
  fn: (...args: never[]) => unknown;
}

export const SQLITE_FUNCTIONS: readonly SqliteFunction[] = [];
