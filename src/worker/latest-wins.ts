/**
 * A scheduler that merges rapid requests (a dragged slider) into as few runs as possible:
 * at most one run in flight and one waiting; a newer request replaces the waiting one, whose
 * caller gets `superseded`. A result is delivered only if no newer result was delivered first.
 */

/** What a caller gets back: the result, or the news that a newer request replaced it. */
export type Scheduled<T> = { superseded: false; value: T } | { superseded: true };

/** Latest-wins scheduling around an async executor. */
export class LatestWins<A, T> {
  private inFlight = false;
  private waiting: { args: A; resolve: (r: Scheduled<T>) => void; reject: (e: unknown) => void } | null = null;
  private issued = 0;
  private delivered = 0;

  constructor(private readonly execute: (args: A) => Promise<T>) {}

  /** Requests a run; resolves with its result, or `superseded` if a newer request replaced it. */
  request(args: A): Promise<Scheduled<T>> {
    return new Promise((resolve, reject) => {
      if (this.waiting) this.waiting.resolve({ superseded: true });
      this.waiting = { args, resolve, reject };
      this.pump();
    });
  }

  private pump(): void {
    if (this.inFlight || !this.waiting) return;
    const job = this.waiting;
    this.waiting = null;
    this.inFlight = true;
    const seq = ++this.issued;
    this.execute(job.args).then(
      (value) => {
        if (seq > this.delivered) {
          this.delivered = seq;
          job.resolve({ superseded: false, value });
        } else job.resolve({ superseded: true });
      },
      (err) => job.reject(err),
    ).finally(() => {
      this.inFlight = false;
      this.pump();
    });
  }
}
