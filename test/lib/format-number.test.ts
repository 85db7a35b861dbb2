import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/lib/format-number.ts';

describe('page number format', () => {
  it('prints plain factors (life expectancy, TFR) without ":1"', () => {
    expect(formatNumber(77.364, 'ratio', 'zh')).toBe('77.36');
    expect(formatNumber(1.3, 'ratio', 'en')).toBe('1.3');
  });
  it('shows shares as %, money with 万/亿 in Chinese, compact counts on axes', () => {
    expect(formatNumber(0.1873, 'share', 'zh')).toBe('18.7%');
    expect(formatNumber(2.5e10, 'money', 'zh')).toBe('250亿元');
    expect(formatNumber(264_018_218, 'count', 'zh', true)).toBe('2.64亿');
    expect(formatNumber(264_018_218, 'count', 'en', true)).toBe('264M');
    expect(formatNumber(1_409_778_724, 'count', 'en')).toBe('1,409,778,724');
  });
  it('never prints NaN', () => {
    for (const f of ['share', 'money', 'count', 'rate', 'ratio', 'year'] as const) {
      expect(formatNumber(NaN, f, 'zh')).toBe('—');
      expect(formatNumber(Infinity, f, 'en', true)).toBe('—');
    }
  });
});
