import { describe, expect, it } from 'vitest';
import { LatestWins } from '../../src/worker/latest-wins.ts';

/** An executor whose runs finish only when the test says so. */
function controllable() {
  const started: { args: number; finish: (v: string) => void }[] = [];
  const exec = (args: number) => new Promise<string>((resolve) => started.push({ args, finish: resolve }));
  return { started, exec };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('latest-wins scheduling (a dragged slider)', () => {
  it('runs at most one request at a time and merges the waiting ones into the newest', async () => {
    const { started, exec } = controllable();
    const lw = new LatestWins(exec);
    const a = lw.request(1);
    const b = lw.request(2);
    const c = lw.request(3);
    const d = lw.request(4);
    expect(started.map((s) => s.args)).toEqual([1]);
    await expect(b).resolves.toEqual({ superseded: true });
    await expect(c).resolves.toEqual({ superseded: true });
    started[0].finish('r1');
    await expect(a).resolves.toEqual({ superseded: false, value: 'r1' });
    await tick();
    expect(started.map((s) => s.args)).toEqual([1, 4]);
    started[1].finish('r4');
    await expect(d).resolves.toEqual({ superseded: false, value: 'r4' });
  });

  it('never queues stale runs: 100 rapid requests cost two runs', async () => {
    const { started, exec } = controllable();
    const lw = new LatestWins(exec);
    const all = Array.from({ length: 100 }, (_, i) => lw.request(i));
    started[0].finish('first');
    await tick();
    started[1].finish('last');
    const results = await Promise.all(all);
    expect(started.map((s) => s.args)).toEqual([0, 99]);
    expect(results.filter((r) => !r.superseded)).toHaveLength(2);
    expect(results[99]).toEqual({ superseded: false, value: 'last' });
  });

  it('passes a failure to its caller and keeps serving later requests', async () => {
    let n = 0;
    const lw = new LatestWins(async (x: number) => {
      if (n++ === 0) throw new Error('boom');
      return x * 2;
    });
    await expect(lw.request(1)).rejects.toThrow('boom');
    await expect(lw.request(2)).resolves.toEqual({ superseded: false, value: 4 });
  });
});
