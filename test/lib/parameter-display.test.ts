import { describe, expect, it } from 'vitest';
import { modules } from '../../models/index.ts';
import { FRACTION_PER_YEAR, type ParameterDef } from '../../models/types.ts';
import { displayDigits, displayRange, displayUnit, displayValue, keyStep, parseDisplayValue, valueAfterKey } from '../../src/lib/parameter-display.ts';

const params = modules.flatMap((m) => m.parameters);
const def = (id: string): ParameterDef => params.find((p) => p.id === id)!;

describe('rates in one unit', () => {
  it('every growth, improvement, attrition, retirement, trend and inflation rate is a fraction per year shown in % per year', () => {
    const rates = params.filter((p) => /growth|improvement|attrition|retirement|trend|inflation/.test(p.id) && !p.choices);
    expect(rates.length).toBeGreaterThan(20);
    const wrong = rates.filter((p) => p.unit.en !== FRACTION_PER_YEAR.en || p.format !== 'share').map((p) => `${p.id}: ${p.unit.en}, ${p.format}`);
    expect(wrong).toEqual([]);
    expect(params.filter((p) => p.unit.en === FRACTION_PER_YEAR.en && p.format !== 'share').map((p) => p.id)).toEqual([]);
    expect(displayUnit(def('dibao_growth_urban'), 'zh')).toBe('%/年');
    expect(displayUnit(def('sw_attrition_rate'), 'en')).toBe('%/yr');
    expect(displayValue(def('dibao_growth_urban'), 0.07, 'zh')).toBe('7');
    expect(displayValue(def('mortality_improvement'), 0.015, 'en')).toBe('1.5');
    expect(parseDisplayValue(def('mortality_improvement'), '1.5')).toBe(0.015);
  });
});

describe('input precision: one rule (the step, in display units, with separators)', () => {
  it('shows counts whole with separators and shares to the step', () => {
    expect(displayValue(def('base_pop_total'), 1_409_778_724, 'zh')).toBe('1,409,778,724');
    expect(displayValue(def('base_share_60plus'), 0.1872764, 'en')).toBe('18.73');
    expect(displayValue(def('base_share_60plus'), 0.1957, 'en')).toBe('19.57');
    expect(displayValue(def('dibao_std_rural_base'), 412.75, 'zh')).toBe('412.75');
    expect(displayDigits(def('tekun_rate_under60'))).toBe(4);
    expect(displayValue(def('sw_norm_target_year'), 2025, 'zh')).toBe('2025');
    expect(displayRange(def('base_share_60plus'), 'en')).toBe('2–60%');
    expect(displayRange(def('base_pop_total'), 'en')).toBe('1,000–2,000,000,000 persons');
  });
  it('takes separators, full-width digits, 万 and 亿, and refuses junk', () => {
    expect(parseDisplayValue(def('base_pop_total'), '1,409,778,724')).toBe(1_409_778_724);
    expect(parseDisplayValue(def('base_pop_total'), '３１.２万')).toBe(312_000);
    expect(parseDisplayValue(def('base_pop_total'), '1.4亿')).toBe(140_000_000);
    expect(parseDisplayValue(def('base_share_60plus'), '18.73%')).toBe(0.1873);
    expect(parseDisplayValue(def('growth_rate'), '−0.5')).toBe(-0.005);
    expect(parseDisplayValue(def('base_share_60plus'), '18,7.3.')).toBeNaN();
    expect(parseDisplayValue(def('base_share_60plus'), '')).toBeNaN();
    expect(parseDisplayValue(def('base_share_60plus'), '2万')).toBeNaN();
  });
  it('round-trips every default through the display', () => {
    for (const p of params.filter((x) => !x.choices)) {
      const shown = displayValue(p, p.default, 'en');
      const back = parseDisplayValue(p, shown);
      expect(Math.abs(back - p.default), `${p.id}: ${shown}`).toBeLessThanOrEqual(p.step / 2 + 1e-12);
    }
  });
});

describe('slider keys move by a sensible step', () => {
  it('the base population moves by about 1 % of its value, not by one person or 200 million', () => {
    expect(keyStep(def('base_pop_total'), 311_765)).toBe(2000);
    expect(valueAfterKey(def('base_pop_total'), 311_765, 'ArrowRight')).toBe(314_000);
    expect(valueAfterKey(def('base_pop_total'), 311_765, 'PageUp')).toBe(332_000);
    expect(valueAfterKey(def('base_pop_total'), 1_409_778_724, 'ArrowUp')).toBe(1_420_000_000);
    expect(valueAfterKey(def('base_pop_total'), 1_409_778_724, 'PageDown')).toBe(1_310_000_000);
  });
  it('a share moves by about 1 % of its range, within the range and on the step', () => {
    expect(keyStep(def('base_share_60plus'), 0.19)).toBe(0.005);
    expect(valueAfterKey(def('base_share_60plus'), 0.598, 'PageUp')).toBe(0.6);
    expect(valueAfterKey(def('mortality_improvement'), 0.015, 'ArrowLeft')).toBe(0.014);
    expect(valueAfterKey(def('tfr_end'), 1.3, 'Home')).toBeNull();
  });
  it('never moves by less than the step, and from zero in a wide range by 100 steps', () => {
    for (const p of params.filter((x) => !x.choices)) expect(keyStep(p, p.default)).toBeGreaterThanOrEqual(p.step);
    expect(keyStep(def('beds_new_per_year'), 0)).toBe(1000);
  });
});
