/** The plan presets: each validates, runs clean, sources every value it sets, and reproduces its base-year figures. */
import { describe, expect, it } from 'vitest';
import { presets, findPreset } from '../../models/presets/index.ts';
import { defaultProjector } from '../../src/engine/default-model.ts';
import { checkParameterRanges } from '../../src/engine/scenario/schema.ts';
import { parseScenario } from '../../src/engine/scenario/migrate.ts';
import type { ProjectionResult, Scenario } from '../../src/engine/types.ts';

const PLAN_PRESETS = ['jinan-13th', 'sanmen-14th', 'jilin-2016', 'putuo-13th', 'taian-14th'];
const projector = defaultProjector();

function load(id: string): { scenario: Scenario; result: ProjectionResult } {
  const preset = findPreset(id);
  if (!preset) throw new Error(`no preset ${id}`);
  const parsed = parseScenario(JSON.parse(JSON.stringify(preset.scenario)));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return { scenario: parsed.scenario, result: projector.run(parsed.scenario) };
}
const base = (r: ProjectionResult, id: string) => r.series[id][0];
const at = (r: ProjectionResult, id: string, year: number) => r.series[id][year - r.baseYear];
const round = (x: number, digits: number) => Number(x.toFixed(digits));

describe('plan presets', () => {
  it('are registered after china-2020, in the plans\' order', () => {
    expect(presets.map((p) => p.id)).toEqual(['china-2020', ...PLAN_PRESETS]);
  });

  for (const id of PLAN_PRESETS) {
    describe(id, () => {
      it('validates, and its parameters are within the model\'s ranges', () => {
        const preset = findPreset(id)!;
        const parsed = parseScenario(JSON.parse(JSON.stringify(preset.scenario)));
        expect(parsed.ok ? [] : parsed.errors).toEqual([]);
        expect(checkParameterRanges(preset.scenario, projector.parameters)).toEqual([]);
        expect(preset.scenario.preset).toBe(id);
      });

      it('runs with no input clamped, nothing divided by zero, no share out of range and every target in range', () => {
        const { result } = load(id);
        // Plausibility warnings about the plan's own rates (compounding standards, a rural
        // standard overtaking the urban one) are what the planner must see; the rest must not occur.
        // Occupancy above 100 % (more users than beds, e.g. Putuo with the national residents' share)
        // is demand above supply, which the planner must see too.
        const demandAboveBeds = (w: (typeof result.warnings)[number]) => w.code === 'share_out_of_range' && w.variables[0] === 'occupancy_implied';
        expect(result.warnings.filter((w) => !['compounding', 'rural_above_urban'].includes(w.code) && !demandAboveBeds(w))).toEqual([]);
        for (const t of result.targets) expect(t.error, t.id).toBeUndefined();
      });

      it('gives every parameter it sets a provenance with a reference (and a note for assumptions)', () => {
        const s = findPreset(id)!.scenario;
        for (const pid of Object.keys(s.parameters)) {
          const p = s.provenance?.[pid];
          expect(p, pid).toBeDefined();
          expect(p!.ref.length, pid).toBeGreaterThan(0);
          if (p!.kind === 'assumption') expect(p!.note?.length ?? 0, pid).toBeGreaterThan(0);
        }
        for (const pid of Object.keys(s.provenance ?? {})) expect(s.parameters, pid).toHaveProperty(pid);
      });

      it('cites a source for every target and actual', () => {
        const s = findPreset(id)!.scenario;
        for (const t of s.targets) expect(t.source, t.id).toBeTruthy();
        for (const a of s.actuals) expect(a.source, a.indicator).toBeTruthy();
      });
    });
  }

  it('says in the description when the population is an assumption (Sanmen, Putuo)', () => {
    for (const id of ['sanmen-14th', 'putuo-13th']) {
      const p = findPreset(id)!;
      expect(p.scenario.provenance?.base_pop_total.kind).toBe('assumption');
      expect(p.description.zh).toMatch(/假设/);
      expect(p.description.en).toMatch(/assumption/);
    }
  });

  it('labels derived population figures as derived', () => {
    expect(findPreset('jinan-13th')!.scenario.provenance?.base_share_60plus.note).toMatch(/derived/);
  });
});

describe('base-year fixtures (SEED-FIGURES.md)', () => {
  it('Jinan 2015: 36,300 beds and 30.25 beds per 1000 elderly (J:73)', () => {
    const { result } = load('jinan-13th');
    expect(result.baseYear).toBe(2015);
    expect(round(base(result, 'beds_total'), 0)).toBe(36_300);
    expect(round(base(result, 'beds_per_1000_elderly'), 2)).toBe(30.25);
    // Caseloads (J:45, J:47) reproduce in the base year too.
    expect(round(base(result, 'dibao_recipients_urban'), 0)).toBe(22_000);
    expect(round(base(result, 'dibao_recipients_rural'), 0)).toBe(81_000);
    expect(round(base(result, 'tekun_persons'), 0)).toBe(5_561);
    expect(base(result, 'dibao_std_rural')).toBe(300);
  });

  it('Sanmen 2020: 55 beds per 1000 elderly and a 53 % nursing share (S:29–43); 17 certified social workers per 10,000, 16 care workers per 10,000 elderly (S:77–90)', () => {
    const { result } = load('sanmen-14th');
    expect(result.baseYear).toBe(2020);
    expect(round(base(result, 'beds_per_1000_elderly'), 1)).toBe(55);
    expect(round(base(result, 'nursing_bed_share') * 100, 0)).toBe(53);
    expect(round(base(result, 'sw_per_10k'), 0)).toBe(17);
    expect(round(base(result, 'care_workers_per_10k_elderly'), 0)).toBe(16);
    expect(base(result, 'dibao_std_urban')).toBe(660);
    expect(round(base(result, 'dibao_recipients_urban') + base(result, 'dibao_recipients_rural'), 0)).toBe(9_633);
  });

  it('Sanmen: the named homes open in their completion years', () => {
    const { result } = load('sanmen-14th');
    expect(at(result, 'beds_project_new', 2024)).toBe(860);
    expect(at(result, 'beds_project_nursing', 2024)).toBe(120);
    expect(at(result, 'beds_project_new', 2025)).toBe(40);
  });

  it('Tai\'an: census 2020 population; dibao 719/537 (2020) reproduce 915/720 in 2023 (T:5); caseloads (T:26)', () => {
    const { result } = load('taian-14th');
    expect(round(base(result, 'pop_total'), 0)).toBe(5_472_217);
    expect(round(base(result, 'pop_60plus'), 0)).toBe(1_207_038);
    expect(round(base(result, 'pop_65plus'), 0)).toBe(854_918);
    expect(round(at(result, 'dibao_std_urban', 2023), 6)).toBe(915);
    expect(round(at(result, 'dibao_std_rural', 2023), 6)).toBe(720);
    expect(round(at(result, 'dibao_ratio_urban_rural', 2023), 2)).toBe(1.27);
    expect(round(base(result, 'dibao_recipients_urban') + base(result, 'dibao_recipients_rural'), 0)).toBe(84_866);
    expect(round(base(result, 'tekun_persons'), 0)).toBe(23_976);
  });

  it('Tai\'an 2023 Q1: 20,590 institutional beds, 14,231 nursing, 69.12 % — kept as achieved values (T:17, T:138)', () => {
    const s = findPreset('taian-14th')!.scenario;
    const byName = new Map(s.actuals.map((a) => [a.indicator, a]));
    expect(byName.get('养老机构床位数')).toMatchObject({ value: 20_590, date: '2023-03' });
    expect(byName.get('养老机构护理型床位数')).toMatchObject({ value: 14_231, date: '2023-03' });
    expect(round(byName.get('taian_nursing_bed_share_2025')!.value * 100, 2)).toBe(69.12);
  });

  it('Jilin 2016: 2,400 new beds in the target year (L:8)', () => {
    const { result } = load('jilin-2016');
    expect(at(result, 'beds_new', 2016)).toBe(2_400);
  });

  it('Putuo 2015: 5,692 beds (P:25)', () => {
    const { result } = load('putuo-13th');
    expect(base(result, 'beds_total')).toBe(5_692);
  });

  it('Putuo plans for "9073", the pattern its plan states (P:27), as a norm: 3 % of the elderly', () => {
    const { scenario, result } = load('putuo-13th');
    expect(scenario.parameters.beds_users_mode).toBe(1);
    expect(base(result, 'beds_users') / base(result, 'pop_60plus')).toBeCloseTo(0.03, 9);
  });
});

describe('presets agree with their own derivation', () => {
  /** Targets whose lever's value the preset derived from that very target (intake ← target). */
  const DERIVED_INTAKES: [preset: string, target: string][] = [
    ['jinan-13th', 'jinan_sw_2020'],
    ['sanmen-14th', 'sanmen_sw_certified_2025'],
  ];

  for (const [id, targetId] of DERIVED_INTAKES) {
    it(`${id} meets the target its intake was derived from (${targetId}), with attrition`, () => {
      const { scenario, result } = load(id);
      const t = result.targets.find((x) => x.id === targetId)!;
      expect(scenario.targets.find((x) => x.id === targetId)!.lever).toBe('sw_new_per_year');
      expect(scenario.parameters.sw_new_per_year, 'the intake is set by the preset').toBeDefined();
      expect(scenario.provenance?.sw_new_per_year.note).toMatch(/attrition/);
      expect(t.met, `${targetId}: margin ${t.margin}`).toBe(true);
      // Derived exactly, not padded: one intake fewer a year would miss the target.
      const less = projector.run({ ...scenario, parameters: { ...scenario.parameters, sw_new_per_year: scenario.parameters.sw_new_per_year - 1 } });
      expect(less.targets.find((x) => x.id === targetId)!.met).toBe(false);
    });
  }

  it('Sanmen\'s projects carry the nursing beds the plan states (S:205–211)', () => {
    const s = findPreset('sanmen-14th')!.scenario;
    const byName = new Map(s.bedProjects.map((p) => [p.name, p]));
    // S:209: 建设床位数200张,其中护理床120张.
    expect(byName.get('三门县港南敬老院')).toMatchObject({ beds: 200, nursingBeds: 120 });
    // S:210: a home for 失能失智 elderly whose ~40 beds are the 认知症专区 (dementia unit): nursing-type care beds.
    expect(byName.get('三门县失能失智敬老院(二期)')).toMatchObject({ beds: 40, nursingBeds: 40 });
    expect(byName.get('三门县失能失智敬老院(二期)')!.source).toMatch(/认知症/);
    // S:207 states no nursing beds for 第一福利院: none are invented, and the source says so.
    expect(byName.get('三门县第一福利院')).toMatchObject({ beds: 660, nursingBeds: 0 });
    expect(byName.get('三门县第一福利院')!.source).toMatch(/not stated/);
    const { result } = load('sanmen-14th');
    expect(at(result, 'beds_project_nursing', 2024)).toBe(120);
    expect(at(result, 'beds_project_nursing', 2025)).toBe(40);
  });

  it('Tai\'an\'s allowance for economically disadvantaged elderly follows T:62: 80/100/200 元/月 for 60–79/80–89/90–99, 35,864 recipients', () => {
    const { scenario, result } = load('taian-14th');
    expect(scenario.parameters).toMatchObject({ high_age_amount_60_79: 80, high_age_amount_80_89: 100, high_age_amount_90_99: 200 });
    expect(round(base(result, 'high_age_recipients'), 0)).toBe(35_864);
    const pop60to79 = base(result, 'pop_60plus') - base(result, 'pop_80_89') - base(result, 'pop_90_99') - base(result, 'pop_100plus');
    const takeup = scenario.parameters.high_age_takeup;
    const expected = (pop60to79 * 80 + base(result, 'pop_80_89') * 100 + base(result, 'pop_90_99') * 200
      + base(result, 'pop_100plus') * scenario.parameters.high_age_amount_100plus) * 12 * takeup;
    expect(base(result, 'assist_high_age')).toBeCloseTo(expected, 3);
  });

  it('Jilin\'s 2015 base uses 2015 figures, so the 2016 standard follows the plan\'s income floor, not a jump from 2019 values', () => {
    const { scenario, result } = load('jilin-2016');
    expect(base(result, 'dibao_std_urban')).toBe(451.1);
    expect(base(result, 'dibao_std_rural') * 12).toBeCloseTo(3177.6, 6);
    for (const pid of ['dibao_std_urban_base', 'dibao_std_rural_base', 'dibao_income_pc_urban_base', 'dibao_income_pc_rural_base']) {
      expect(scenario.provenance?.[pid].ref, pid).toMatch(/2015/);
    }
    // L:7: urban ≥ 20 % of last year's (2015) urban income: 0.2 × 31,195 ÷ 12.
    expect(at(result, 'dibao_std_urban', 2016)).toBeCloseTo((0.2 * 31_195) / 12, 6);
    expect(at(result, 'dibao_std_rural', 2016)).toBeCloseTo((0.3 * 11_422) / 12, 6);
    expect(at(result, 'dibao_std_urban', 2016) / base(result, 'dibao_std_urban')).toBeLessThan(1.2);
  });

  it('presets with a 2015 base start from the 2015 national social-worker stock when they scale it (Jilin, Putuo)', () => {
    for (const id of ['jilin-2016', 'putuo-13th']) {
      const s = findPreset(id)!.scenario;
      expect(s.provenance?.sw_stock_base.note, id).toMatch(/2015/);
    }
  });
});

describe('presets keep their own caseloads where the plan states them', () => {
  it('Jinan\'s temporary assistance follows J:49 (13,002 person-times, 3,388万元 in 2011–2015), not the national 2020 rate', () => {
    const { result } = load('jinan-13th');
    expect(base(result, 'temp_assist_cases') * 5).toBeCloseTo(13_002, 6);
    expect(base(result, 'assist_temporary') * 5).toBeCloseTo(33_880_000, 0);
  });
});
