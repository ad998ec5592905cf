// The order in which to fill tables so that every foreign key finds the row it points to. A key
// that closes a cycle (datasets.current_version_id → dataset_versions → datasets) cannot be
// satisfied at insert time: its columns, which must accept null, are filled with null first and
// set once all rows are in.

export interface ForeignKey {
  child: string;
  parent: string;
  columns: string[];
  /** Whether every column of the key accepts null. */
  nullable: boolean;
}

export interface TableOrder {
  order: string[];
  /** Per table, the columns to insert as null and set afterwards. */
  deferred: Map<string, string[]>;
}

export function foreignKeyOrder(
  tables: readonly string[],
  keys: readonly ForeignKey[],
): TableOrder {
  const known = new Set(tables);
  // Keys to another table of the set; a self-reference never blocks an insert order.
  const pending = keys.filter(
    (k) => known.has(k.child) && known.has(k.parent) && k.child !== k.parent,
  );
  const order: string[] = [];
  const deferred = new Map<string, string[]>();
  const left = [...tables];
  while (left.length > 0) {
    const placed = new Set(order);
    const waitingKeys = (table: string) =>
      pending.filter((k) => k.child === table && !placed.has(k.parent));
    const ready = left.find((table) => waitingKeys(table).length === 0);
    if (ready !== undefined) {
      order.push(ready);
      left.splice(left.indexOf(ready), 1);
      continue;
    }
    // A cycle: defer a nullable key that leads back to its own table.
    const closing = left
      .flatMap(waitingKeys)
      .find((k) => k.nullable && reaches(pending, placed, k.parent, k.child));
    if (closing === undefined) {
      throw new Error(`no order satisfies the foreign keys of ${left.join(', ')}`);
    }
    deferred.set(closing.child, [...(deferred.get(closing.child) ?? []), ...closing.columns]);
    pending.splice(pending.indexOf(closing), 1);
  }
  return { order, deferred };
}

/** Whether `to` is reached from `from` by following keys from child to parent. */
function reaches(
  keys: readonly ForeignKey[],
  placed: ReadonlySet<string>,
  from: string,
  to: string,
): boolean {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const table = stack.pop()!;
    if (table === to) return true;
    if (seen.has(table)) continue;
    seen.add(table);
    for (const k of keys) if (k.child === table && !placed.has(k.parent)) stack.push(k.parent);
  }
  return false;
}
