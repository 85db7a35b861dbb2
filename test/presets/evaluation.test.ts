/** Plan evaluation: the pro-rata rule, the verdicts on the Tai'an indicators, actuals CSV import/export. */
import { describe, expect, it } from 'vitest';
import { findPreset } from '../../models/presets/index.ts';
import { defaultProjector } from '../../src/engine/default-model.ts';
import {
  ActualsCsvError, dateToYear, evaluatePlan, evaluationToCsv, judgeProgress, parseActualsCsv, periodElapsed, progressMade, validateActual,
} from '../../src/lib/evaluation.ts';

describe('时间过半、任务过半 (pro-rata)', () => {
  it('dates count as the end of the month', () => {
    expect(dateToYear('2023-06')).toBe(2023.5);
    expect(dateToYear('2020-12')).toBe(2021);
    expect(dateToYear('2023-06-30')).toBeCloseTo(2023.5, 10);
  });

  it('passes the lottery-outlet example: 530 (2020) → 560 at 2023-06 against 580 in 2025 (T:16)', () => {
    const elapsed = periodElapsed('2023-06', 2020, 2025)!;
    const progress = progressMade(560, 530, 580)!;
    expect(elapsed).toBeCloseTo(0.5, 12);
    expect(progress).toBeCloseTo(0.6, 12);
    expect(judgeProgress({ op: '>=', actual: 560, target: 580, progress, elapsed, projectedMeets: null })).toBe('on-track');
  });

  it('judges achieved, at risk, off track, needs a baseline, and the end of the period', () => {
    const j = (actual: number, progress: number | null, elapsed: number | null, projectedMeets: boolean | null = null) =>
      judgeProgress({ op: '>=', actual, target: 100, progress, elapsed, projectedMeets });
    expect(j(100, 1, 0.5)).toBe('achieved');
    expect(j(60, 0.6, 0.5)).toBe('on-track');
    expect(j(40, 0.4, 0.5)).toBe('at-risk');
    expect(j(20, 0.2, 0.5)).toBe('off-track');
    expect(j(20, 0.2, 0.5, true)).toBe('at-risk');
    expect(j(90, null, 0.5)).toBe('needs-baseline');
    expect(j(99, 0.99, 1)).toBe('off-track');
    expect(judgeProgress({ op: '<=', actual: 1.27, target: 1.3, progress: null, elapsed: 0.45, projectedMeets: null })).toBe('achieved');
    expect(judgeProgress({ op: '>=', actual: 5, target: null, progress: null, elapsed: null, projectedMeets: null })).toBe('no-target');
  });
});

describe('Tai\'an mid-term evaluation: verdicts match what the plan reports', () => {
  const preset = findPreset('taian-14th')!;
  const result = defaultProjector().run(preset.scenario);
  const rows = evaluatePlan(preset.scenario, result, { notes: preset.indicatorNotes });
  const row = (indicator: string) => {
    const r = rows.find((x) => x.indicator === indicator);
    if (!r) throw new Error(`no row ${indicator}`);
    return r;
  };

  it('nursing-bed share 69 % against a 60 % target: achieved (已完成, T:17)', () => {
    const r = row('taian_nursing_bed_share_2025');
    expect(r.verdict).toBe('achieved');
    expect(r.planStatus).toBe('已完成');
    expect(r.label).toBe('养老机构护理型床位占比');
    expect(r.projected).not.toBeNull();
  });

  it('social-work exam passes 1,783 against 2,300: behind the target, not achieved; pro-rata on track as the plan says (增长幅度符合预期, T:21)', () => {
    const r = row('taian_sw_exam_passes_2025');
    expect(r.actual! < r.target!).toBe(true);
    expect(r.verdict).not.toBe('achieved');
    expect(r.progress).toBeCloseTo((1783 - 1189) / (2300 - 1189), 10);
    expect(r.elapsed).toBeCloseTo(0.45, 10);
    expect(r.verdict).toBe('on-track');
    expect(r.planStatus).toMatch(/符合预期/);
  });

  it('lottery outlets 560 against 580: passes the pro-rata test, as the plan reports (T:16)', () => {
    const r = row('福利彩票销售网点数');
    expect(r.verdict).toBe('on-track');
    expect(r.progress).toBeCloseTo(0.6, 10);
    expect(r.elapsed).toBeCloseTo(0.5, 10);
    expect(r.planStatus).toMatch(/时间过半、目标过半/);
  });

  it('volunteers 111万 against 120万: below target with no baseline — the tool asks for one; the plan\'s words kept', () => {
    const r = row('全市注册志愿者总量');
    expect(r.verdict).toBe('needs-baseline');
    expect(r.planStatus).toBe('增长值符合预期');
  });

  it('urban:rural dibao ratio 1.27 against ≤ 1.3: achieved', () => {
    const r = row('taian_dibao_ratio_13');
    expect(r.op).toBe('<=');
    expect(r.verdict).toBe('achieved');
  });

  it('keeps the three rows below their 2025 values although the summary says all 27 were met (T:2)', () => {
    const below = rows.filter((r) => r.actualIndex !== null && r.target !== null && r.verdict !== 'achieved').map((r) => r.indicator);
    expect(below.sort()).toEqual(['taian_sw_exam_passes_2025', '全市注册志愿者总量', '福利彩票销售网点数'].sort());
    expect(rows.filter((r) => r.actualIndex !== null && r.target !== null)).toHaveLength(25); // the table's 26 rows (T:118–143) less the text-only first row
  });

  it('shows the model value at the achieved date for indicators that are model variables (calibration check)', () => {
    expect(row('dibao_std_urban').modelAtDate).toBeCloseTo(915, 6);
  });

  it('Sanmen 13th FYP results: every table-1 target met in 2020', () => {
    const s = findPreset('sanmen-14th')!.scenario;
    const rs = evaluatePlan(s, defaultProjector().run(s), { includeUnrecorded: false }).filter((r) => r.targetYear === 2020);
    expect(rs.length).toBeGreaterThanOrEqual(11);
    for (const r of rs) expect(r.verdict, r.indicator).toBe('achieved');
    expect(rs[0].baselineYear).toBe(2015);
  });
});

describe('actuals CSV', () => {
  it('reads indicator, value, date[, baseline, target, target_year] with a BOM', () => {
    const csv = '\uFEFFindicator,value,date,baseline,target,target_year\r\n福利彩票销售网点数,560,2023-06,530,580,2025\r\nx,"1,234.5",2023-03-31,,,\r\n';
    expect(parseActualsCsv(csv)).toEqual([
      { indicator: '福利彩票销售网点数', value: 560, date: '2023-06', baseline: 530, target: 580, targetYear: 2025 },
      { indicator: 'x', value: 1234.5, date: '2023-03-31' },
    ]);
  });

  it('refuses a bad file, naming line and column', () => {
    const bad = 'indicator,value,date,target_year\na,abc,2023-06,2025\nb,1,2023-13,2025.5\n';
    try {
      parseActualsCsv(bad);
      throw new Error('accepted');
    } catch (err) {
      expect(err).toBeInstanceOf(ActualsCsvError);
      const p = (err as ActualsCsvError).problems;
      expect(p).toContainEqual(expect.stringMatching(/^line 2, column value: "abc"/));
      expect(p).toContainEqual(expect.stringMatching(/^line 3, column date: "2023-13"/));
      expect(p).toContainEqual(expect.stringMatching(/^line 3, column target_year: "2025.5"/));
    }
    expect(() => parseActualsCsv('name,value\nx,1\n')).toThrow(/line 1: missing column indicator, date/);
    expect(() => parseActualsCsv('')).toThrow(/empty/);
    expect(() => parseActualsCsv('indicator,value,date\nx,Infinity,2023-01\n')).toThrow(/column value/);
  });

  it('validates typed actuals: finite numbers, ISO date, real calendar day', () => {
    expect(validateActual({ indicator: 'x', value: 1, date: '2023-02' })).toEqual([]);
    expect(validateActual({ indicator: '', value: Number.NaN, date: '2023-02-30' })).toEqual([
      'indicator: required', 'value: must be a finite number', 'date: not a calendar day (February 2023 has 28 days)',
    ]);
    expect(validateActual({ indicator: 'x', value: 1e300, date: '2025-02-31', targetYear: 2025.5 })).toEqual([
      'value: allowed -1e15 to 1e15', 'date: not a calendar day (February 2025 has 28 days)', 'target_year: must be a whole year, allowed 1990–2100',
    ]);
    expect(validateActual({ indicator: 'a\u0000', value: 1, date: '2023-01' })).toEqual([expect.stringMatching(/^indicator: holds the control character U\+0000/)]);
  });

  it('refuses a file with more rows than a scenario may hold (the schema limit), before any row is read', () => {
    const csv = `indicator,value,date\n${'x,1,2023-01\n'.repeat(2001)}`;
    expect(() => parseActualsCsv(csv)).toThrow(/the file has 2001 rows; a scenario holds at most 2000 recorded values/);
    expect(parseActualsCsv(csv.replace(/x,1,2023-01\n$/, ''))).toHaveLength(2000);
    expect(() => parseActualsCsv('indicator,value,date\nx,1,2023-01\ny,2,2023-02\n', { room: 1 })).toThrow(/1999 already recorded, room for 1/);
  });

  it('exports with a BOM, and the export reads back', () => {
    const preset = findPreset('taian-14th')!;
    const rows = evaluatePlan(preset.scenario, null, { notes: preset.indicatorNotes, includeUnrecorded: false });
    const csv = evaluationToCsv(rows);
    expect(csv.startsWith('\uFEFFindicator,value,date,baseline,target,target_year,source')).toBe(true);
    expect(csv).toContain('\r\n');
    const back = parseActualsCsv(csv);
    expect(back).toHaveLength(preset.scenario.actuals.length);
    expect(back.map((a) => [a.indicator, a.value, a.date])).toEqual(preset.scenario.actuals.map((a) => [a.indicator, Number(a.value.toPrecision(12)), a.date]));
  });
});
