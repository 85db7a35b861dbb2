import { describe, expect, it } from 'vitest';
import { findPreset } from '../../models/presets/index.ts';
import { defaultProjector } from '../../src/engine/default-model.ts';
import { evaluatePlan } from '../../src/lib/evaluation.ts';
import { groupTitle, reportGroups, reportSummary, rowDisplay, rowLabel, type ReportContext } from '../../src/lib/evaluation-report.ts';

const preset = findPreset('taian-14th')!;
const projector = defaultProjector();
const result = projector.run(preset.scenario);
const rows = evaluatePlan(preset.scenario, result, { notes: preset.indicatorNotes });
const ctx = (lang: 'zh' | 'en'): ReportContext => ({ scenario: preset.scenario, variables: projector.variables(preset.scenario), preset, lang });
const row = (indicator: string) => rows.find((r) => r.indicator === indicator)!;

describe('the printed mid-term evaluation (Tai\'an, T:117–144)', () => {
  it('summarises how many indicators are achieved, on track and lagging, and the three furthest behind', () => {
    const s = reportSummary(rows, ctx('zh'));
    expect(s.total).toBe(rows.length);
    expect(s.achieved + s.onTrack + s.lagging + s.other).toBe(s.total);
    // The three the plan's own summary glosses over (T:2): exam passes, volunteers, lottery outlets.
    expect(s.behind.map((b) => b.label)).toEqual(['通过全国社会工作者职业水平考试人数总量', '全市注册志愿者总量', '福利彩票销售网点数']);
    expect(s.behind[0].shortfall).toBeCloseTo((2300 - 1783) / 2300, 12);
    expect(s.text).toMatch(/^共评估\d+项指标:已完成\d+项,符合进度要求\d+项,进度滞后/);
    expect(reportSummary(rows, ctx('en')).text).toMatch(/^\d+ indicators evaluated: \d+ achieved, \d+ on track, \d+ lagging/);
  });

  it('groups the indicators by the plan table\'s chapter, binding before indicative', () => {
    const groups = reportGroups(rows, ctx('zh'));
    expect(groups.slice(0, 6).map((g) => groupTitle(g, 'zh'))).toEqual([
      '基本民生保障 · 约束性指标', '基本民生保障 · 预期性指标', '基层社会治理 · 约束性指标', '基层社会治理 · 预期性指标', '基本社会服务 · 约束性指标', '基本社会服务 · 预期性指标',
    ]);
    expect(groups.flatMap((g) => g.rows).length).toBe(rows.length);
    expect(groupTitle(groups[0], 'en')).toBe('Basic livelihood security · binding indicators');
  });

  it('prints one unit per row and the numbers in it: a model share under %, a plan figure as stated', () => {
    const share = rowDisplay(row('taian_nursing_bed_share_2025'), ctx('zh'));
    expect(share.unit).toBe('%');
    expect(share.number(14_231 / 20_590)).toBe('69.1');
    expect(share.number(0.6)).toBe('60');
    const staff = rowDisplay(row('社会组织专职工作人员数量'), ctx('en'));
    expect(staff.number(1.75)).toBe('1.75');
    expect(staff.unit).toBe('×10,000 persons');
    const coverage = rowDisplay(row('全市婚姻登记合格率'), ctx('zh'));
    expect([coverage.unit, coverage.number(100)]).toEqual(['%', '100']);
    expect(rowLabel(row('福利彩票销售网点数'), ctx('en'))).toBe('Welfare lottery outlets');
  });
});
