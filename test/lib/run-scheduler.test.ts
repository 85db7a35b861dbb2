import { describe, expect, it } from 'vitest';
import { RunScheduler } from '../../src/lib/state/run-scheduler.ts';

/** A run whose answer the test releases; each run reads the inputs when it starts. */
function harness() {
  let input = 0;
  const started: number[] = [];
  const releases: (() => void)[] = [];
  const applied: number[] = [];
  const frames: (() => void)[] = [];
  let clock = 0;
  let drawMs = 0;
  const s = new RunScheduler<number>({
    now: () => clock,
    run: () => {
      const seen = input;
      started.push(seen);
      return new Promise((resolve) => releases.push(() => resolve(seen)));
    },
    apply: (v) => {
      applied.push(v);
      clock += drawMs;
    },
    frame: (cb) => frames.push(cb),
  });
  const tick = () => new Promise((r) => setTimeout(r, 0));
  return {
    s, started, applied, frames, tick,
    advance(ms: number) { clock += ms; },
    drawTakes(ms: number) { drawMs = ms; },
    set(v: number) { input = v; s.request(); },
    async release() { releases.shift()!(); await tick(); },
    async frame(ms = 16) { clock += ms; frames.shift()!(); await tick(); },
  };
}

describe('coalescing a drag', () => {
  it('30 inputs during one run give one more run, on the latest value, not 30', async () => {
    const h = harness();
    for (let k = 1; k <= 30; k++) h.set(k);
    expect(h.started).toEqual([1]);
    await h.release();
    expect(h.applied).toEqual([1]);
    expect(h.started).toEqual([1, 30]);
    expect(h.s.settled).toBe(false);
  });

  it('draws a result that a newer run replaces at most once per frame, and drops it when the newer one comes first', async () => {
    const h = harness();
    h.set(1);
    await h.release();
    expect(h.applied).toEqual([1]);
    h.set(2);
    h.set(3);
    // 2 arrives while 3 waits, in the frame that drew 1: it waits for the next frame...
    await h.release();
    expect(h.applied).toEqual([1]);
    // ...and the answer to 3 (the latest) replaces it and is drawn at once.
    await h.release();
    expect(h.applied).toEqual([1, 3]);
    await h.frame();
    expect(h.applied).toEqual([1, 3]);
    expect(h.s.settled).toBe(true);
  });

  it('draws a waiting intermediate result at the next frame', async () => {
    const h = harness();
    h.set(1);
    await h.release();
    h.set(2);
    h.set(3);
    await h.release();
    await h.frame();
    expect(h.applied).toEqual([1, 2]);
  });

  it('when idle, a result is shown at once (no added latency), and the state settles', async () => {
    const h = harness();
    h.set(5);
    expect(h.s.settled).toBe(false);
    await h.release();
    expect(h.applied).toEqual([5]);
    expect(h.s.settled).toBe(true);
    await h.frame();
    h.set(6);
    await h.release();
    expect(h.applied).toEqual([5, 6]);
  });
});

describe('drawing never takes more than half of the main thread', () => {
  it('after a redraw of 60 ms, the next waits until 60 ms have passed, however many frames come', async () => {
    const h = harness();
    h.drawTakes(60);
    h.set(1);
    await h.release();
    expect(h.applied).toEqual([1]);
    h.set(2);
    h.set(3);
    // The answer to 2 arrives while 3 is waiting: it is held back by the duty rule.
    await h.release();
    await h.frame(16);
    await h.frame(16);
    await h.frame(16);
    expect(h.applied).toEqual([1]);
    await h.frame(16);
    expect(h.applied).toEqual([1, 2]);
  });

  it('draws the answer to the latest inputs at once, without the wait (the drag settles fast)', async () => {
    const h = harness();
    h.drawTakes(60);
    h.set(1);
    await h.release();
    h.set(2);
    await h.release();
    expect(h.applied).toEqual([1, 2]);
  });
});
