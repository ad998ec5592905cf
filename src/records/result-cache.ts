// Query results kept in memory for the next identical request, least recently used first out,
// bounded by an estimate of the bytes they hold. Entries belong to a group (a dataset at one
// version and metadata time), so that all of a group can be dropped at once when it goes stale.

interface Entry<V> {
  group: string;
  value: V;
  bytes: number;
}

export interface ResultCacheStats {
  entries: number;
  bytes: number;
  maxBytes: number;
}

export class ResultCache<V> {
  /** In use order: the first entry is the least recently used. */
  private readonly entries = new Map<string, Entry<V>>();
  private readonly groups = new Map<string, Set<string>>();
  private bytes = 0;

  /**
   * `maxBytes` 0 keeps nothing. One value may take at most `maxBytes / 8`: a single large
   * answer never pushes out everything else.
   */
  constructor(readonly maxBytes: number) {}

  get enabled(): boolean {
    return this.maxBytes > 0;
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Keeps `value` unless it is too large; returns whether it was kept. */
  set(group: string, key: string, value: V, bytes: number): boolean {
    this.delete(key);
    if (bytes > this.maxBytes / 8) return false;
    this.entries.set(key, { group, value, bytes });
    let keys = this.groups.get(group);
    if (keys === undefined) this.groups.set(group, (keys = new Set()));
    keys.add(key);
    this.bytes += bytes;
    for (const [oldest] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(oldest);
    }
    return true;
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
    const keys = this.groups.get(entry.group);
    keys?.delete(key);
    if (keys?.size === 0) this.groups.delete(entry.group);
  }

  /** The groups that hold entries. */
  groupNames(): string[] {
    return [...this.groups.keys()];
  }

  /** Drops every entry of `group`. */
  dropGroup(group: string): void {
    for (const key of [...(this.groups.get(group) ?? [])]) this.delete(key);
  }

  clear(): void {
    this.entries.clear();
    this.groups.clear();
    this.bytes = 0;
  }

  stats(): ResultCacheStats {
    return { entries: this.entries.size, bytes: this.bytes, maxBytes: this.maxBytes };
  }
}

/** Bytes a value of engine rows takes in memory, roughly (V8 strings at 2 bytes a character). */
export function estimateBytes(value: unknown): number {
  if (value === null || value === undefined) return 8;
  switch (typeof value) {
    case 'string':
      return 16 + value.length * 2;
    case 'number':
    case 'boolean':
      return 8;
    case 'bigint':
      return 16;
    case 'object': {
      if (Array.isArray(value)) {
        let sum = 16 + value.length * 8;
        for (const item of value) sum += estimateBytes(item);
        return sum;
      }
      if (value instanceof Uint8Array) return 64 + value.byteLength;
      let sum = 32;
      for (const [k, v] of Object.entries(value)) sum += 24 + k.length * 2 + estimateBytes(v);
      return sum;
    }
    default:
      return 16;
  }
}
