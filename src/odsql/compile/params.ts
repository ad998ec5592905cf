// Bound parameters of one statement. Values never enter the SQL text.

export class Params {
  readonly values: unknown[] = [];
  private readonly reused = new Map<string, string>();

  constructor(
    private readonly placeholder: (index: number) => string,
    /** Give equal values one placeholder (PostgreSQL compares GROUP BY expressions by text). */
    private readonly reuse: boolean,
  ) {}

  /**
   * Binds a value; `tag` names the SQL type it is used as when that is not its JavaScript type
   * (a PostgreSQL parameter takes the type of its first cast, so one placeholder never serves
   * two SQL types).
   */
  add(value: unknown, tag = ''): string {
    if (!this.reuse) {
      this.values.push(value);
      return this.placeholder(this.values.length);
    }
    const key = `${tag}:${typeof value}:${String(value)}`;
    const known = this.reused.get(key);
    if (known) return known;
    this.values.push(value);
    const placeholder = this.placeholder(this.values.length);
    this.reused.set(key, placeholder);
    return placeholder;
  }
}
