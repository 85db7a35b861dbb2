/**
 * Coalesces a dragged slider into as few projections and redraws as the machine allows: at
 * most one run in flight and one waiting (the waiting one reads the latest inputs only when it
 * starts, so every intermediate value in between is skipped). A result that a newer run will
 * replace is drawn at most once per animation frame (it waits for the next frame, and a newer
 * one replaces it), and after a redraw that took d ms it waits at least d ms more, so that on a
 * slow PC drawing never takes more than half of the main thread and the slider's input events
 * are handled as they come. The answer to the latest inputs is drawn at once.
 */

/** How the scheduler waits for the next frame (requestAnimationFrame in the page). */
export type FrameScheduler = (callback: () => void) => void;

/** What the scheduler drives. */
export interface RunSchedulerOptions<T> {
  /** Starts one run on the current inputs; null when the answer is to be dropped. */
  run: () => Promise<T | null>;
  /** Shows a result (draws). Called at most once per frame. */
  apply: (value: T) => void;
  /** Called whenever `settled` may have changed. */
  onState?: (settled: boolean) => void;
  frame?: FrameScheduler;
  /** The clock (performance.now in the page). */
  now?: () => number;
}

/** One run in flight, one waiting; one redraw per frame. */
export class RunScheduler<T> {
  #inFlight = false;
  #dirty = false;
  #pending: { value: T } | null = null;
  #frameOwed = false;
  #frameRequested = false;
  /** No redraw before this time (the last redraw's duration after its end). */
  #nextAllowed = -Infinity;
  readonly #opts: RunSchedulerOptions<T>;
  readonly #frame: FrameScheduler;
  readonly #now: () => number;

  constructor(opts: RunSchedulerOptions<T>) {
    this.#opts = opts;
    this.#frame = opts.frame ?? ((cb) => requestAnimationFrame(() => cb()));
    this.#now = opts.now ?? (() => performance.now());
  }

  /** True when no input waits, no run is in flight and the latest result is shown. */
  get settled(): boolean {
    return !this.#dirty && !this.#inFlight && !this.#pending;
  }

  /** The inputs changed: run again as soon as the run in flight (if any) is done. */
  request(): void {
    this.#dirty = true;
    this.#pump();
    this.#notify();
  }

  #notify(): void {
    this.#opts.onState?.(this.settled);
  }

  #pump(): void {
    if (this.#inFlight || !this.#dirty) return;
    this.#dirty = false;
    this.#inFlight = true;
    this.#opts.run().then(
      (value) => {
        this.#inFlight = false;
        if (value !== null) this.#deliver(value);
        this.#pump();
        this.#notify();
      },
      () => {
        // `run` reports its own errors as values; a rejection only frees the slot.
        this.#inFlight = false;
        this.#pump();
        this.#notify();
      },
    );
  }

  #deliver(value: T): void {
    this.#pending = { value };
    // The answer to the latest inputs is drawn at once (it replaces any result still waiting);
    // the one-per-frame and half-of-the-thread rules hold back only results that a newer run
    // will replace anyway. (Waiting for the frame would not show it sooner, only later.)
    const latest = !this.#dirty;
    if (latest || (!this.#frameOwed && this.#now() >= this.#nextAllowed)) this.#showPending();
    else this.#requestFrame();
  }

  #showPending(): void {
    const next = this.#pending;
    if (!next) return;
    this.#pending = null;
    this.#frameOwed = true;
    const t0 = this.#now();
    this.#opts.apply(next.value);
    const t1 = this.#now();
    this.#nextAllowed = t1 + (t1 - t0);
    this.#requestFrame();
  }

  #requestFrame(): void {
    if (this.#frameRequested) return;
    this.#frameRequested = true;
    this.#frame(() => this.#onFrame());
  }

  #onFrame(): void {
    this.#frameRequested = false;
    this.#frameOwed = false;
    if (!this.#pending) return;
    if (this.#now() >= this.#nextAllowed || (!this.#dirty && !this.#inFlight)) {
      this.#showPending();
      this.#notify();
    } else {
      this.#requestFrame();
    }
  }
}
