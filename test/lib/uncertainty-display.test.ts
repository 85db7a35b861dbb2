import { describe, expect, it } from 'vitest';
import { FRACTION_PER_YEAR } from '../../models/types.ts';
import { describeRange, displayScale, displayUnit } from '../../src/lib/uncertainty-display.ts';

const tfr = { format: 'ratio' as const, unit: { zh: '孩子/妇女', en: 'children per woman' } };
const rate = { format: 'share' as const, unit: FRACTION_PER_YEAR };

describe('uncertain inputs in words', () => {
  it('show yearly rates and shares in %, other units as they are', () => {
    expect(displayScale(rate)).toBe(100);
    expect(displayUnit(rate, 'zh')).toBe('%/年');
    expect(displayScale(tfr)).toBe(1);
    expect(displayUnit(tfr, 'en')).toBe('children per woman');
  });
  it('say the distribution and its ends', () => {
    expect(describeRange({ dist: 'triangular', low: 0.8, mode: 1.3, high: 1.8 }, tfr, 'zh')).toBe('三角分布 0.8–1.8 孩子/妇女（众数 1.3）');
    expect(describeRange({ dist: 'uniform', low: 0.001865, high: 0.038029 }, rate, 'en')).toBe('uniform 0.1865–3.8029 %/yr');
    expect(describeRange({ dist: 'normal', mean: 0.05, sd: 0.01, low: 0.02, high: 0.08 }, rate, 'en')).toBe('truncated normal 2–8 %/yr (mean 5, sd 1)');
  });
});
