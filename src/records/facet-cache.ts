// Facet counts computed for a dataset version, kept for the next identical request: a version
// never changes once loaded, so only a new version or new metadata changes the counts. Bounded,
// least recently used first out.

export class FacetCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly capacity = 256) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
