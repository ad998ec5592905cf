// Query parameters as SQLite binds them.

/** SQLite binds numbers, strings, bigints, buffers and null: booleans become 1/0. */
export function bindable(params: unknown[]): unknown[] {
  return params.map((value) =>
    typeof value === 'boolean' ? (value ? 1 : 0) : value === undefined ? null : value,
  );
}
