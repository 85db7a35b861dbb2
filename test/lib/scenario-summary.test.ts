import { describe, expect, it } from 'vitest';
import { summaryLine, valueAt } from '../../src/lib/scenario-summary.ts';
import { fakeResult, verdict } from './helpers/fake-result.ts';


describe('summaryLine', () => {
  const r = fakeResult({
    share_60plus: [0.187, 0.3, 0.39349],
    beds_per_1000_elderly: [28.6, 25, 22.1749],
    assistance_total: [2.5e11, 3e11, 1.83e12],
    sw_per_10k: [3.7, 8, 11.696],
  }, [verdict('a', true), verdict('b', false)]);

  it('reports the key results at the end year in Chinese', () => {
    expect(summaryLine(r, 'zh')).toBe('2022：60岁以上 39.3% · 床位/千老人 22.2 · 救助 1.83万亿元 · 社工/万人 11.7 · 目标达成 1/2');
  });

  it('reports them in English', () => {
    expect(summaryLine(r, 'en')).toBe('2022: 60+ 39.3% · beds/1000 elderly 22.2 · assistance 1,830 bn yuan · social workers/10k 11.7 · targets met 1/2');
  });

  it('skips series the model lacks and values that are not finite, and is empty without a result', () => {
    const partial = fakeResult({ share_60plus: [0.2, 0.25, 0.3], sw_per_10k: [1, 2, Number.NaN] });
    expect(summaryLine(partial, 'en')).toBe('2022: 60+ 30%');
    expect(summaryLine(fakeResult({ other: [1, 2, 3] }), 'en')).toBe('');
    expect(summaryLine(null, 'zh')).toBe('');
  });

  it('valueAt is null outside the years or for a missing series', () => {
    expect(valueAt(r, 'share_60plus', 2021)).toBe(0.3);
    expect(valueAt(r, 'share_60plus', 2030)).toBeNull();
    expect(valueAt(r, 'nope', 2021)).toBeNull();
  });
});
