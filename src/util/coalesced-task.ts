// An async task that runs once at a time: a call while it runs gets the running promise and
// makes it run once more at its end (what the call asked for may have changed meanwhile), so
// any number of calls during a run cost one more run, not one each.

export class CoalescedTask {
  private running: Promise<void> | null = null;
  private again = false;

  constructor(private readonly task: () => Promise<void>) {}

  get busy(): boolean {
    return this.running !== null;
  }

  run(): Promise<void> {
    if (this.running !== null) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.task();
      } while (this.again);
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }
}
