import { describe, expect, it } from 'vitest';
import { findPreset } from '../../models/presets/index.ts';
import { defaultProjector } from '../../src/engine/default-model.ts';
import { describeGoalSeek, goalSeek } from '../../src/engine/goal-seek.ts';
import { isBaseYearInput, rankLevers } from '../../src/engine/lever-ranking.ts';
import { parseScenario } from '../../src/engine/scenario/migrate.ts';
import { checkParameterRanges } from '../../src/engine/scenario/schema.ts';
import type { Scenario } from '../../src/engine/types.ts';

const projector = defaultProjector();
const sanmen = (): Scenario => structuredClone(findPreset('sanmen-14th')!.scenario);

describe('ranking the levers of a target (Sanmen, nursing-bed share 58 % in 2025)', () => {
  const s = sanmen();
  const ranking = rankLevers(projector, s, 'sanmen_nursing_bed_share_2025');

  it('leaves out the default lever when it has no effect, and proposes levers that move the target', () => {
    // Sanmen builds no beds beyond its named projects, so the nursing share of new beds does nothing.
    const nursingShare = goalSeek(projector, s, 'sanmen_nursing_bed_share_2025', 'beds_new_nursing_share');
    expect(nursingShare.status).toBe('no-solution');
    expect(nursingShare.noEffect).toBe(true);
    expect(ranking.status).toBe('ranked');
    expect(ranking.effects.map((e) => e.lever)).not.toContain('beds_new_nursing_share');
    expect(ranking.effects.length).toBeGreaterThan(0);
    expect(ranking.noEffect).toBeGreaterThan(10);
    // Can-meet levers first, then by how much they move the margin.
    const first = ranking.effects[0];
    expect(first.canMeet).toBe(true);
    for (let k = 1; k < ranking.effects.length; k++) {
      const [a, b] = [ranking.effects[k - 1], ranking.effects[k]];
      expect(Number(a.canMeet) > Number(b.canMeet) || (a.canMeet === b.canMeet && a.gain >= b.gain)).toBe(true);
    }
    // And the lever proposed does solve it.
    expect(goalSeek(projector, s, 'sanmen_nursing_bed_share_2025', first.lever).status).toBe('solved');
  });

  it('never proposes a base-year figure, a demographic assumption or a mode switch', () => {
    const modules = new Map(projector.modules.flatMap((m) => m.parameters.map((p) => [p.id, m.id] as const)));
    for (const e of ranking.effects) {
      expect(isBaseYearInput(e.lever), e.lever).toBe(false);
      expect(['population', 'dependency']).not.toContain(modules.get(e.lever));
      expect(projector.parameters.find((p) => p.id === e.lever)?.choices).toBeUndefined();
    }
  });
});

describe('a target in the base year', () => {
  it('is fixed: goal seek says so, and the probe lists the base-year inputs that determine it', () => {
    const s = sanmen();
    s.targets.push({ id: 'base', label: '护理型床位占比(基期)', expr: 'nursing_bed_share', op: '>=', value: 0.6, year: 2020, every: false, unit: '%' });
    const r = goalSeek(projector, s, 'base', 'beds_new_per_year');
    expect(r.status).toBe('base-year');
    expect(describeGoalSeek(r, 'zh')).toMatch(/^2020年是基期/);
    expect(describeGoalSeek(r, 'en')).toMatch(/^2020 is the base year: .* no lever changes them/);
    const ranking = rankLevers(projector, s, 'base');
    expect(ranking.status).toBe('base-year');
    expect(ranking.effects.map((e) => e.lever)).toContain('beds_base_nursing_share');
    expect(ranking.effects.every((e) => isBaseYearInput(e.lever) || ['population', 'dependency'].includes(projector.modules.find((m) => m.parameters.some((p) => p.id === e.lever))!.id))).toBe(true);
  });
});

const CARE = 'sanmen_care_workers_per_10k_elderly_2025';

describe('a lever limited to the plan period (Sanmen, care workers per 10,000 elderly in 2025)', () => {
  it('says that an applied lever keeps acting after the target year', () => {
    const s = sanmen();
    const r = goalSeek(projector, s, CARE, 'care_workers_new_per_year');
    expect(r.status).toBe('solved');
    expect(describeGoalSeek(r, 'zh')).toMatch(/2021–2035年每年生效,2025年之后仍继续作用/);
    expect(describeGoalSeek(r, 'en')).toMatch(/acts in every year 2021–2035, also after 2025/);
  });

  it('holds the value through the plan period, then goes back, leaving the target year\'s verdict as it was', () => {
    const s = sanmen();
    const r = goalSeek(projector, s, CARE, 'care_workers_new_per_year');
    const changed = { ...s, parameters: { ...s.parameters, care_workers_new_per_year: r.to! } };
    const limitedScenario = { ...changed, parameterPeriods: { care_workers_new_per_year: { until: 2025, after: r.from } } };
    const everyYear = projector.run(changed);
    const limited = projector.run(limitedScenario);
    const before = projector.run(s);
    const i2025 = 2025 - s.baseYear;
    // Up to 2025 the limited run is the every-year run; the target is met the same way.
    for (let i = 0; i <= i2025; i++) expect(limited.series.care_workers_stock[i]).toBeCloseTo(everyYear.series.care_workers_stock[i], 9);
    expect(limited.targets.find((t) => t.id === CARE)!.met).toBe(true);
    // From 2026 the intake is back to what it was.
    expect(limited.series.care_workers_new[i2025 + 1]).toBeCloseTo(before.series.care_workers_new[i2025 + 1], 9);
    expect(limited.series.care_workers_stock.at(-1)!).toBeLessThan(everyYear.series.care_workers_stock.at(-1)!);
    // Explaining the parameter in a later year shows the value that holds then, and the period.
    const e = projector.explain(limitedScenario, limited, 'care_workers_new_per_year', 2030);
    expect(e.value).toBe(r.from);
    expect(e.period).toEqual({ until: 2025, after: r.from });
    expect(projector.explain(limitedScenario, limited, 'care_workers_new_per_year', 2025).value).toBe(r.to);
  });

  it('is part of the scenario file (schema version 3), checked like every parameter value', () => {
    const s = { ...sanmen(), parameterPeriods: { sw_new_per_year: { until: 2025, after: 134 } } };
    const parsed = parseScenario(JSON.stringify(s));
    expect(parsed.ok && parsed.scenario.parameterPeriods).toEqual({ sw_new_per_year: { until: 2025, after: 134 } });
    expect(checkParameterRanges({ parameters: {}, parameterPeriods: { sw_new_per_year: { until: 2025, after: -5 } } }, projector.parameters)[0].message).toMatch(/^parameterPeriods\.sw_new_per_year\.after = -5: allowed/);
    const v2 = parseScenario(JSON.stringify({ ...s, schemaVersion: 2 }));
    expect(v2.ok).toBe(false);
    expect(() => projector.run({ ...sanmen(), parameterPeriods: { tfr_end: { until: 2025, after: 1.3 } } })).toThrow(/population parameter cannot be limited/);
  });
});

describe('a lever limited to the plan period in a city of districts', () => {
  it('shares an extensive lever out after the period as before it, so the districts add up to the city', async () => {
    const { split, TAIAN_THREE } = await import('./districts/helpers.ts');
    const s = split('taian-14th', TAIAN_THREE);
    s.parameters.sw_new_per_year = 600;
    s.parameterPeriods = { sw_new_per_year: { until: 2025, after: 300 } };
    const r = projector.run(s);
    const i2026 = 2026 - s.baseYear;
    const perDistrict = r.districts!.map((d) => d.result.series.sw_new_certified[i2026]);
    const before = r.districts!.map((d) => d.result.series.sw_new_certified[i2026 - 1]);
    // Each district's intake halves after 2025, as the city's does.
    perDistrict.forEach((x, k) => expect(x / before[k]).toBeCloseTo(300 / 600, 6));
  });
});
