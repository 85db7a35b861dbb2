import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFromUnit, formatMargin, formatValue, type ValueFormat } from '../../src/engine/format.ts';

describe('formatValue', () => {
  it('shows shares as % and ‰', () => {
    expect(formatValue(0.58, 'share', 'zh')).toBe('58%');
    expect(formatValue(0.6912, 'share', 'en')).toBe('69.1%');
    expect(formatValue(0.0017, 'permille', 'zh')).toBe('1.7‰');
    expect(formatValue(0.00046, 'permille', 'en')).toBe('0.46‰');
  });

  it('shows rates per 1000 and per 10,000, or with the unit given', () => {
    expect(formatValue(40.25, 'per-1000', 'en')).toBe('40.3 per 1,000');
    expect(formatValue(40.25, 'per-1000', 'zh')).toBe('40.3/千人');
    expect(formatValue(20, 'per-10k', 'en')).toBe('20 per 10,000');
    expect(formatValue(17, 'per-10k', 'zh')).toBe('17/万人');
    expect(formatValue(55, 'rate', 'zh', { unit: '张/千名老年人' })).toBe('55张/千名老年人');
    expect(formatValue(30.25, 'rate', 'en', { unit: 'per 1000 elderly' })).toBe('30.3 per 1000 elderly');
  });

  it('shows yuan with 万 and 亿 in Chinese, M and bn in English', () => {
    expect(formatValue(9600, 'money', 'zh')).toBe('9,600元');
    expect(formatValue(31_000_000, 'money', 'zh')).toBe('3,100万元');
    expect(formatValue(250_000, 'money', 'zh')).toBe('25万元');
    expect(formatValue(310_000_000, 'money', 'zh')).toBe('3.1亿元');
    expect(formatValue(1_460_000_000, 'money', 'zh')).toBe('14.6亿元');
    expect(formatValue(41_000_000, 'money', 'en')).toBe('41 M yuan');
    expect(formatValue(3_200_000_000, 'money', 'en')).toBe('3.2 bn yuan');
    expect(formatValue(-20_000_000, 'money', 'zh')).toBe('−2,000万元');
    // A standard per person keeps its own unit.
    expect(formatValue(660, 'money', 'zh', { unit: '元/人/月' })).toBe('660元/人/月');
    expect(formatValue(660, 'money', 'en', { unit: 'yuan per person per month' })).toBe('660 yuan per person per month');
  });

  it('shows counts with thousands separators, ratios as n:1, years plainly', () => {
    expect(formatValue(36300, 'count', 'zh')).toBe('36,300');
    expect(formatValue(1234567.4, 'count', 'en')).toBe('1,234,567');
    expect(formatValue(212, 'count', 'en', { unit: 'beds' })).toBe('212 beds');
    expect(formatValue(1.27, 'ratio', 'zh', { unit: '城:乡' })).toBe('1.27:1');
    expect(formatValue(1.3, 'ratio', 'en', { unit: 'urban : rural' })).toBe('1.3:1');
    // A plain factor (TFR, a multiple) has no ":1".
    expect(formatValue(1.3, 'ratio', 'en')).toBe('1.3');
    expect(formatValue(2025, 'year', 'en')).toBe('2025');
  });

  it('never prints NaN: a missing or non-finite value is a dash', () => {
    const formats: ValueFormat[] = ['count', 'share', 'rate', 'money', 'ratio', 'year', 'permille', 'per-1000', 'per-10k'];
    for (const f of formats) {
      for (const x of [NaN, Infinity, -Infinity, null, undefined]) {
        expect(formatValue(x, f, 'zh')).toBe('—');
        expect(formatMargin(x, f, 'en')).toBe('—');
      }
    }
    fc.assert(
      fc.property(fc.double(), fc.constantFrom(...formats), fc.constantFrom('zh' as const, 'en' as const), (x, f, lang) => {
        const s = formatValue(x, f, lang) + formatMargin(x, f, lang);
        return !/NaN|Infinity|undefined/.test(s);
      }),
    );
  });
});

describe('formatMargin', () => {
  it('signs margins and shows shares in percentage points', () => {
    expect(formatMargin(0.023, 'share', 'en')).toBe('+2.3 pp');
    expect(formatMargin(-0.05, 'share', 'zh')).toBe('−5个百分点');
    expect(formatMargin(2.5, 'rate', 'zh', { unit: '张/千名老年人' })).toBe('+2.5张/千名老年人');
    expect(formatMargin(-1500, 'count', 'en')).toBe('−1,500');
    expect(formatMargin(41_000_000, 'money', 'en')).toBe('+41 M yuan');
    expect(formatMargin(-0.03, 'ratio', 'en')).toBe('−0.03');
    expect(formatMargin(0, 'rate', 'en')).toBe('0');
    expect(formatMargin(-1e-12, 'rate', 'en')).toBe('0');
  });
});

describe('formatFromUnit', () => {
  it('reads the unit a plan writes', () => {
    expect(formatFromUnit('%')).toBe('share');
    expect(formatFromUnit('‰')).toBe('permille');
    expect(formatFromUnit('元')).toBe('money');
    expect(formatFromUnit('人/万人')).toBe('per-10k');
    expect(formatFromUnit('张/千名老年人')).toBe('per-1000');
    expect(formatFromUnit(undefined)).toBe('rate');
  });
});
