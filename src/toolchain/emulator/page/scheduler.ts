// The page's task queue. GTM runs callLater, injectScript, sendPixel and sha256 callbacks
// asynchronously, never inside the call that scheduled them; every emulated asynchronous
// callback goes through here. A test page runs tasks only when drained (deterministic); a
// browser page also flushes them on a zero-delay timer, like setTimeout(fn, 0).

export type Task = () => void;

/** Tasks run in one drain before the emulator reports a runaway loop. */
const MAX_TASKS_PER_DRAIN = 100_000;

export class Scheduler {
  private readonly queue: Task[] = [];
  private readonly pending = new Set<Promise<unknown>>();
  private flushTimer: unknown;

  /** `autoFlush` schedules a real timer per batch (browser pages). */
  constructor(private readonly autoFlush?: (flush: () => void) => unknown) {}

  schedule(task: Task): void {
    this.queue.push(task);
    this.armTimer();
  }

  private armTimer(): void {
    if (!this.autoFlush || this.flushTimer !== undefined || this.queue.length === 0) return;
    this.flushTimer = this.autoFlush(() => {
      this.flushTimer = undefined;
      try {
        this.runQueued();
      } finally {
        this.armTimer(); // a throwing task must not strand the ones behind it
      }
    });
  }

  /** Waits for outside work (a digest, a script load) that will schedule tasks when done. */
  track(work: Promise<unknown>): void {
    const done = work.then(() => undefined, () => undefined).finally(() => this.pending.delete(done));
    this.pending.add(done);
  }

  get idle(): boolean {
    return this.queue.length === 0 && this.pending.size === 0;
  }

  /**
   * Runs every task, including those scheduled by tasks and by outside work that finishes
   * meanwhile, until nothing is left. The first task that throws stops the drain and its
   * error is rethrown (the remaining tasks stay queued).
   */
  async drain(): Promise<void> {
    let ran = 0;
    for (;;) {
      ran += this.runQueued(MAX_TASKS_PER_DRAIN - ran);
      if (ran >= MAX_TASKS_PER_DRAIN) throw new Error(`more than ${MAX_TASKS_PER_DRAIN} asynchronous callbacks: a callback keeps rescheduling itself`);
      if (this.pending.size === 0) return;
      await Promise.race(this.pending);
    }
  }

  private runQueued(limit = Infinity): number {
    let ran = 0;
    while (this.queue.length > 0 && ran < limit) {
      const task = this.queue.shift() as Task;
      ran += 1;
      task();
    }
    return ran;
  }
}
