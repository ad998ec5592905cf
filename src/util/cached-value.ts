// One value read from elsewhere and kept for a while: the first caller's read is shared by the
// callers that come while it runs, a failed read is not kept, and `drop` forgets the value (a
// read still running when it is dropped is not kept either).

export class CachedValue<T> {
  private entry: { value: Promise<T>; until: number } | null = null;

  /**
   * @param load reads the value
   * @param keepMs how long a value is kept, asked at each read (it may change)
   */
  constructor(
    private readonly load: () => Promise<T>,
    private readonly keepMs: () => number,
    private readonly now: () => number = Date.now,
  ) {}

  get(): Promise<T> {
    const at = this.now();
    if (this.entry && at < this.entry.until) return this.entry.value;
    const value = this.load();
    const entry = { value, until: at + this.keepMs() };
    this.entry = entry;
    value.catch(() => {
      if (this.entry === entry) this.entry = null;
    });
    return value;
  }

  drop(): void {
    this.entry = null;
  }
}
