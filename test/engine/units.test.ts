import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { modules } from '../../models/index.ts';
import { presets, findPreset } from '../../models/presets/index.ts';
import { targetsCatalog } from '../../models/targets-catalog.ts';
import type { DisplayFormat, Text } from '../../models/types.ts';
import { defaultProjector } from '../../src/engine/default-model.ts';
import { formatMargin, formatQuantity, formatValue } from '../../src/engine/format.ts';
import { scenarioInputs } from '../../src/engine/inputs/index.ts';
import { describeRule } from '../../src/engine/targets.ts';
import { displayDigits, findUnit, fromShown, inputDigits, resolveUnit, toShown, UNITS, type UnitKind } from '../../src/engine/units.ts';
import { targetNumbers, targetValueFormat } from '../../src/lib/target-status.ts';

/** Every unit text in use, with where it is used and the display format declared beside it. */
function unitsInUse(): { text: string; unit: string | Text; where: string; format?: DisplayFormat }[] {
  const out: { text: string; unit: string | Text; where: string; format?: DisplayFormat }[] = [];
  const both = (unit: Text, where: string, format?: DisplayFormat) => {
    out.push({ text: unit.zh, unit, where, format }, { text: unit.en, unit, where, format });
  };
  for (const m of modules) {
    for (const p of m.parameters) both(p.unit, `parameter ${p.id}`, p.format);
    for (const e of m.equations) both(e.unit, `equation ${e.id}`, e.format);
    for (const k of m.kernelOutputs ?? []) both(k.unit, `kernel output ${k.id}`, k.format);
  }
  for (const i of scenarioInputs) for (const k of i.outputs) both(k.unit, `scenario input ${k.id}`, k.format);
  for (const c of targetsCatalog) both(c.unit, `catalog target ${c.id}`);
  for (const p of presets) {
    for (const t of p.scenario.targets) if (t.unit) out.push({ text: t.unit, unit: t.unit, where: `preset ${p.id} target ${t.id}` });
    for (const [k, n] of Object.entries(p.indicatorNotes ?? {})) if (n.unit) out.push({ text: n.unit, unit: n.unit, where: `preset ${p.id} note ${k}` });
  }
  return out.filter((x) => x.text.trim() !== '');
}

/**
 * What each registered unit must show for a sample stored value, in both languages. A unit
 * added to the registry without a line here fails the test: the person adding it must say how
 * its numbers read.
 */
const EXPECTED: Record<string, { value: number; zh: string; en: string }> = {
  人: { value: 1_409_778_724.4, zh: '1,409,778,724人', en: '1,409,778,724 persons' },
  张: { value: 36_300, zh: '36,300张', en: '36,300 beds' },
  户: { value: 6034, zh: '6,034户', en: '6,034 households' },
  个: { value: 24, zh: '24个', en: '24 units' },
  人次: { value: 13_002, zh: '13,002人次', en: '13,002 cases' },
  '人/年': { value: 134, zh: '134人/年', en: '134 persons per year' },
  '张/年': { value: 2400, zh: '2,400张/年', en: '2,400 beds per year' },
  '户/人': { value: 80, zh: '80户/人', en: '80 households per worker' },
  '人/人': { value: 50, zh: '50人/人', en: '50 persons per worker' },
  '人/站': { value: 2, zh: '2人/站', en: '2 persons per station' },
  '%': { value: 0.443, zh: '44.3%', en: '44.3%' },
  比例: { value: 0.18727, zh: '18.7%', en: '18.7%' },
  '人均补差/标准': { value: 0.6, zh: '60%', en: '60%' },
  '低保对象/城镇人口': { value: 0.0309, zh: '3.1%', en: '3.1%' },
  '低保对象/乡村人口': { value: 0.0309, zh: '3.1%', en: '3.1%' },
  '占乡镇(街道)': { value: 1, zh: '100%', en: '100%' },
  '比例/年': { value: 0.015, zh: '1.5%/年', en: '1.5%/yr' },
  每年: { value: 0.07, zh: '7%/年', en: '7%/yr' },
  '‰': { value: 0.0017, zh: '1.7‰', en: '1.7‰' },
  '张/千名老年人': { value: 25.969, zh: '26张/千名老年人', en: '26 beds per 1000 elderly' },
  '人次/千人/年': { value: 0.5, zh: '0.5人次/千人/年', en: '0.5 cases per 1000 residents per year' },
  '‰/年': { value: 2, zh: '2‰/年', en: '2 per 1000 per year' },
  '人/万人': { value: 17, zh: '17人/万人', en: '17 per 10,000 residents' },
  '人/万名老年人': { value: 16.04, zh: '16人/万名老年人', en: '16 per 10,000 elderly' },
  '人次/救助对象/年': { value: 0.046, zh: '0.046人次/救助对象/年', en: '0.046 cases per assisted person per year' },
  万人: { value: 1.75, zh: '1.8万人', en: '1.8 ×10,000 persons' },
  '㎡': { value: 143, zh: '143㎡', en: '143 m²' },
  元: { value: 310_000_000, zh: '3.1亿元', en: '310 M yuan' },
  '元/年': { value: 25_000_000, zh: '2,500万元', en: '25 M yuan' },
  万元: { value: 3200, zh: '3,200万元', en: '3,200 ×10,000 yuan' },
  亿元: { value: 3.2, zh: '3.2亿元', en: '3.2 ×100 M yuan' },
  个百分点: { value: 0.023, zh: '2.3个百分点', en: '2.3 pp' },
  个千分点: { value: 0.0009, zh: '0.9个千分点', en: '0.9 ‰ points' },
  '元/人': { value: 312.4, zh: '312元/人', en: '312 yuan per resident' },
  '元/人/月': { value: 660, zh: '660元/人/月', en: '660 yuan per person per month' },
  '元/人/年': { value: 13_000, zh: '13,000元/人/年', en: '13,000 yuan per person per year' },
  '元/人次': { value: 1500, zh: '1,500元/人次', en: '1,500 yuan per case' },
  '元/张': { value: 150_000, zh: '150,000元/张', en: '150,000 yuan per bed' },
  '元/张/年': { value: 3600, zh: '3,600元/张/年', en: '3,600 yuan per bed per year' },
  '元/月': { value: 2100, zh: '2,100元/月', en: '2,100 yuan per month' },
  倍: { value: 1.333, zh: '1.33倍', en: '1.33 times' },
  '城:乡': { value: 1.27, zh: '1.27:1', en: '1.27:1' },
  '城/乡': { value: 1.4349, zh: '1.43:1', en: '1.43:1' },
  '孩子/妇女': { value: 1.3, zh: '1.3孩子/妇女', en: '1.3 children per woman' },
  岁: { value: 77.93, zh: '77.93岁', en: '77.93 years' },
  '男婴/100女婴': { value: 111.3, zh: '111.3男婴/100女婴', en: '111.3 male per 100 female births' },
  '名老人/名护理员': { value: 3, zh: '3名老人/名护理员', en: '3 elderly per care worker' },
  '人/户': { value: 1.6, zh: '1.6人/户', en: '1.6 persons per household' },
  年: { value: 2025, zh: '2025', en: '2025' },
  选项: { value: 1, zh: '1选项', en: '1 choice' },
  口径: { value: 0, zh: '0口径', en: '0 method' },
};

describe('the unit registry', () => {
  it('knows every unit the models, the targets catalog and the presets use', () => {
    const missing = unitsInUse().filter((x) => !findUnit(x.text)).map((x) => `${x.text} (${x.where})`);
    expect(missing).toEqual([]);
  });

  it('names each unit by texts no other unit uses', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const e of UNITS) {
      for (const text of new Set([e.zh, e.en, ...(e.aliases ?? [])].map((x) => x.trim().toLowerCase()))) {
        if (seen.has(text)) clashes.push(`${text}: ${seen.get(text)} and ${e.zh}`);
        seen.set(text, e.zh);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('gives every registered unit an expected display, in both languages', () => {
    expect(UNITS.map((e) => e.zh).filter((zh) => !(zh in EXPECTED))).toEqual([]);
    for (const e of UNITS) {
      const x = EXPECTED[e.zh];
      for (const lang of ['zh', 'en'] as const) {
        // The same text whether the unit is given in Chinese, in English or as both.
        for (const unit of [e.zh, e.en, { zh: e.zh, en: e.en }]) {
          expect(formatQuantity(x.value, resolveUnit(undefined, unit), lang), `${e.zh} in ${lang}`).toBe(x[lang]);
        }
      }
    }
  });

  it('agrees with the display format each model variable declares', () => {
    const compatible: Record<DisplayFormat, UnitKind[]> = {
      share: ['share', 'share-per-year', 'permille'],
      money: ['money', 'standard'],
      count: ['count'],
      ratio: ['ratio'],
      year: ['year'],
      rate: ['rate', 'share-per-year', 'ratio'],
    };
    const bad = unitsInUse()
      .filter((x) => x.format && findUnit(x.unit) && !compatible[x.format].includes(findUnit(x.unit)!.kind))
      .map((x) => `${x.text}: ${x.format} vs ${findUnit(x.unit)!.kind} (${x.where})`);
    // Mode switches carry the unit "choice" whatever format they declare.
    expect(bad.filter((b) => !/选项|choice|口径|method/.test(b))).toEqual([]);
  });

  it('scales fractions for display and back without loss', () => {
    for (const e of UNITS) {
      const r = resolveUnit(undefined, e.zh);
      fc.assert(fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (x) => Math.abs(fromShown(toShown(x, r), r) - x) <= 1e-9 * Math.max(1, Math.abs(x))));
    }
    expect(resolveUnit('share').scale).toBe(100);
    expect(resolveUnit('rate', '‰').scale).toBe(1000);
    expect(resolveUnit('rate', '比例/年').scale).toBe(100);
    expect(resolveUnit('rate', '‰/年').scale).toBe(1);
  });
});

describe('the display precision rule', () => {
  it('keeps one precision per unit kind, more only for values below one', () => {
    // 25.969 beside 28.6 in one table: both to one decimal now.
    expect(formatValue(25.969, 'rate', 'zh', { unit: '张/千名老年人', fixed: true, bare: true })).toBe('26.0');
    expect(formatValue(28.6, 'rate', 'zh', { unit: '张/千名老年人', fixed: true, bare: true })).toBe('28.6');
    expect(formatValue(0.443, 'share', 'zh')).toBe('44.3%');
    expect(formatValue(0.0004, 'share', 'en')).toBe('0.04%');
    expect(formatValue(1.4349, 'ratio', 'en', { fixed: true })).toBe('1.43');
    expect(formatValue(1_409_778_724, 'count', 'zh')).toBe('1,409,778,724');
    expect(displayDigits('share', 44.3)).toBe(1);
    expect(displayDigits('rate', 0.046)).toBe(3);
    // A table row keeps the precision of its largest value.
    expect(formatValue(9.87, 'rate', 'en', { magnitude: 1234 })).toBe('10');
    expect(formatValue(0.0487, 'share', 'en', { magnitude: 0.6, fixed: true })).toBe('4.9%');
  });

  it('gives inputs the digits of their step', () => {
    expect(inputDigits(resolveUnit('share', '比例'), 0.001, 0.187)).toBe(1);
    expect(inputDigits(resolveUnit('count', '人'), 1, 1.4e9)).toBe(0);
    expect(inputDigits(resolveUnit('rate', '比例/年'), 0.0005, 0.015)).toBe(2);
    expect(inputDigits(resolveUnit('ratio', '孩子/妇女'), 0.01, 1.3)).toBe(2);
  });
});

describe('targets in ‰ (Sanmen table 1, S:39)', () => {
  it('show the plan\'s 0.8‰ and 1.7‰, not 800‰ and 1,700‰', () => {
    const preset = findPreset('sanmen-14th')!;
    const scenario = structuredClone(preset.scenario);
    const projector = defaultProjector();
    const result = projector.run(scenario);
    const def = scenario.targets.find((t) => t.id === 'sanmen_sw_permille_2020')!;
    const verdict = result.targets.find((v) => v.id === def.id);
    const fmt = targetValueFormat(def, projector.variables(scenario));
    expect(describeRule(def, 'zh', formatValue(def.value, fmt, 'zh', { unit: def.unit }))).toBe('2020年 ≥ 0.8‰');
    expect(targetNumbers(def, verdict, fmt, 'zh')).toEqual({ value: '1.7‰', margin: '+0.9个千分点' });
    expect(targetNumbers(def, verdict, fmt, 'en')).toEqual({ value: '1.7‰', margin: '+0.9 ‰ points' });
    // The plan's figures are the same as the model's base year: 17 per 10,000 = 1.7‰.
    expect(formatMargin(0.0009, 'permille', 'zh')).toBe('+0.9个千分点');
  });

  it('keep every % and ‰ target of the catalog and the presets a fraction, as the model stores shares', () => {
    const bad: string[] = [];
    for (const t of [...targetsCatalog.map((c) => ({ id: c.id, unit: c.unit.zh, value: c.value })), ...presets.flatMap((p) => p.scenario.targets)]) {
      const kind = findUnit(t.unit)?.kind;
      if ((kind === 'share' || kind === 'permille') && !(t.value >= 0 && t.value <= 1)) bad.push(`${t.id}: ${t.value}`);
      // A stated ‰ of a population is below 100‰: above 0.1 the value was typed in ‰, not as a fraction.
      if (kind === 'permille' && t.value > 0.1) bad.push(`${t.id}: ${t.value} (typed in ‰?)`);
    }
    expect(bad).toEqual([]);
  });
});
