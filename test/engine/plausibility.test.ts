/**
 * MODEL.md §9 plausibility: a property over random settings of every parameter and every preset
 * (no count exceeds the population it is drawn from, and a cap that binds is said), and the
 * warnings of the cases, each naming the year, the variables and the parameter to look at.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { modules } from '../../models/index.ts';
import { presets } from '../../models/presets/index.ts';
import { PLAUSIBILITY_RULES } from '../../models/plausibility.ts';
import { defaultProjector } from '../../src/engine/default-model.ts';
import { parseScenario } from '../../src/engine/scenario/migrate.ts';
import type { ProjectionResult, Scenario } from '../../src/engine/types.ts';

const projector = defaultProjector();
const params = modules.flatMap((m) => m.parameters);
const defaults = new Map(params.map((p) => [p.id, p.default]));
const load = (id: string): Scenario => {
  const r = parseScenario(structuredClone(presets.find((p) => p.id === id)!.scenario));
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.scenario;
};

/** count ≤ population, pairwise: [label, count, population] per year. */
function drawnFrom(r: ProjectionResult): [string, number, number][] {
  const s = r.series;
  const out: [string, number, number][] = [];
  const v = (id: string, i: number) => s[id]![i]!;
  for (let i = 0; i < r.years.length; i++) {
    const dibao = v('dibao_recipients_urban', i) + v('dibao_recipients_rural', i);
    out.push(
      ['urban dibao ≤ urban population', v('dibao_recipients_urban', i), v('pop_urban', i)],
      ['rural dibao ≤ rural population', v('dibao_recipients_rural', i), v('pop_rural', i)],
      ['urban dibao + urban tekun ≤ urban population', v('dibao_recipients_urban', i) + v('tekun_persons_urban', i), v('pop_urban', i)],
      ['rural dibao + rural tekun ≤ rural population', v('dibao_recipients_rural', i) + v('tekun_persons_rural', i), v('pop_rural', i)],
      ['dibao + tekun ≤ population', dibao + v('tekun_persons', i), v('pop_total', i)],
      ['medical-assistance persons ≤ population', v('medical_assist_persons', i), v('pop_total', i)],
      ['tekun under 60 ≤ population under 60', v('tekun_nonelderly', i), v('pop_total', i) - v('pop_60plus', i)],
      ['allowance recipients ≤ 60+ (the 60–79 band may be paid too)', v('high_age_recipients', i), v('pop_60plus', i)],
      ['dependent elderly ≤ 60+', v('disabled_total', i), v('pop_60plus', i)],
      ['institutional users ≤ 60+', v('beds_users', i), v('pop_60plus', i)],
      ['dependent users ≤ fully dependent', v('beds_users_full', i), v('disabled_full', i)],
      ['partly dependent users ≤ partly dependent', v('beds_users_partial', i), v('disabled_partial', i)],
      ['able users ≤ able elderly', v('beds_users_able', i), v('beds_able_elderly', i)],
      ['dependent at home ≤ dependent', v('sw_dependent_at_home', i), v('disabled_total', i)],
      ['urban population ≤ population', v('pop_urban', i), v('pop_total', i)],
      ['urban 60+ ≤ urban population', v('pop_60plus_urban', i), v('pop_urban', i)],
    );
  }
  return out;
}

const arbitraryValue = (p: (typeof params)[number]) =>
  p.integer ? fc.integer({ min: p.min, max: p.max }) : fc.double({ min: p.min, max: p.max, noNaN: true, noDefaultInfinity: true });

describe('plausibility (property over random settings, all presets)', () => {
  it('no count ever exceeds the population it is drawn from, and every cap that binds is said', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...presets.map((p) => p.id)),
        // every parameter at a random value in its range, or (half the time) a few of them pushed to the extremes
        fc.oneof(
          fc.record(Object.fromEntries(params.map((p) => [p.id, arbitraryValue(p)]))),
          fc.subarray(params, { maxLength: 12 }).chain((ps) => fc.tuple(...ps.map((p) => fc.constantFrom(p.min, p.max))).map((vs) => Object.fromEntries(ps.map((p, k) => [p.id, vs[k]])))),
        ),
        (presetId, values) => {
          const s = load(presetId);
          s.parameters = { ...s.parameters, ...values };
          const r = projector.run(s);
          for (const [what, count, pop] of drawnFrom(r)) {
            if (!(count <= pop * (1 + 1e-9) + 1e-6)) throw new Error(`${presetId}: ${what}: ${count} > ${pop}`);
          }
          for (const rule of PLAUSIBILITY_RULES) {
            if (rule.kind !== 'capped') continue;
            const u = r.series[rule.uncapped]!, c = r.series[rule.variable]!;
            const binds = [...u].some((x, i) => Math.abs(x - c[i]!) > 1e-9 * Math.max(1, Math.abs(x), Math.abs(c[i]!)));
            const said = r.warnings.some((w) => w.code === 'capped' && w.variables[0] === rule.variable);
            if (rule.when && (s.parameters[rule.when.parameter] ?? defaults.get(rule.when.parameter)) !== rule.when.equals) {
              // a rule for another mode stays silent (e.g. coverage when recipients come from a count)
              if (said) throw new Error(`${presetId}: cap on ${rule.variable} said although ${rule.when.parameter} ≠ ${rule.when.equals}`);
              continue;
            }
            if (binds !== said) throw new Error(`${presetId}: cap on ${rule.variable} binds=${binds}, said=${said}`);
          }
          return true;
        },
      ),
      { numRuns: 250 },
    );
  }, 120_000);
});

describe('plausibility warnings name the year, the variables and the parameter', () => {
  const national = () => load('china-2020');
  it('recipients above the urban population (dibao_recipients_mode = 1, trend 0.2): capped, and said', () => {
    const s = national();
    s.parameters = { dibao_recipients_mode: 1, dibao_coverage_trend_urban: 0.2 };
    const r = projector.run(s);
    const last = r.years.length - 1;
    // the 2,905 M from the 2019 count; about 1,900 M from the 2020 count: either way far above the urban population
    expect(r.series.dibao_recipients_urban_uncapped![last]).toBeGreaterThan(2 * r.series.pop_urban![last]!);
    expect(r.series.dibao_recipients_urban![last]).toBeCloseTo(r.series.pop_urban![last]!, 0);
    const w = r.warnings.find((x) => x.code === 'capped' && x.variables[0] === 'dibao_recipients_urban')!;
    const first = r.years.find((_, i) => r.series.dibao_recipients_urban_uncapped![i]! > r.series.pop_urban![i]!);
    expect(w.year).toBe(first);
    expect(w.lastYear).toBe(2050);
    expect(w.parameters).toEqual(['dibao_recipients_mode', 'dibao_recipients_urban_base', 'dibao_coverage_trend_urban']);
    expect(w.message.zh).toContain(`${first}年起`);
    expect(w.message.zh).toContain('dibao_coverage_trend_urban');
    expect(w.message.en).toContain(`From ${first}`);
  });
  it("Jinan's preset: the rural standard overtakes the urban one in 2022", () => {
    const r = projector.run(load('jinan-13th'));
    const w = r.warnings.find((x) => x.code === 'rural_above_urban')!;
    expect(w).toMatchObject({ year: 2022, lastYear: 2030, variables: ['dibao_std_rural', 'dibao_std_urban'] });
    const i = 2022 - 2015;
    expect(r.series.dibao_std_rural![i]).toBeGreaterThan(r.series.dibao_std_urban![i]!);
    expect(r.series.dibao_std_rural![i - 1]).toBeLessThanOrEqual(r.series.dibao_std_urban![i - 1]!);
    expect(w.parameters).toContain('dibao_growth_rural');
  });
  it('a standard compounded past 3× its base value: the national urban standard at 7 %/yr by 2050', () => {
    const r = projector.run(national());
    const w = r.warnings.find((x) => x.code === 'compounding' && x.variables[0] === 'dibao_std_urban')!;
    const first = r.years.find((_, i) => r.series.dibao_std_urban![i]! > 3 * r.series.dibao_std_urban![0]!);
    expect(w.year).toBe(first);
    // 677.6 元 (2020) × 1.07^30 = 5,158 元/月 (the 4,499 was from the 2019 standard, 591)
    const end = Math.round(r.series.dibao_std_urban!.at(-1)!).toLocaleString('en-US');
    expect(end).toBe('5,158');
    expect(w.message.zh).toContain(`2050年达${end}元/人/月`);
    expect(w.parameters).toContain('dibao_growth_urban');
    // held at a modest rate, nothing compounds that far
    const s = national();
    s.parameters = { dibao_growth_urban: 0.02, dibao_growth_rural: 0.02 };
    expect(projector.run(s).warnings.some((x) => x.variables[0] === 'dibao_std_urban')).toBe(false);
  });
  it('a share outside 0–100 %: names the share, the year and the parameters of its formula', () => {
    const s = national();
    s.parameters = { assistance_budget_base: 1e9 }; // a budget far below the assistance bill
    const r = projector.run(s);
    const share = r.warnings.find((x) => x.code === 'share_out_of_range')!;
    expect(share.variables).toEqual(['assistance_share_of_budget']);
    expect(share.year).toBe(2020);
    expect(share.parameters).toEqual(['assistance_budget_base', 'assistance_budget_growth']);
    expect(share.message.zh).toMatch(/社会救助支出占财政支出比重在2020年为[\d,.]+%,超出0–100%/);
  });
  it('shares of care levels adding up to more than 100 %: the self-care share is floored at 0, and said', () => {
    const s = national();
    s.parameters = { tekun_share_semi_care: 0.8, tekun_share_full_care: 0.7 };
    const r = projector.run(s);
    const w = r.warnings.find((x) => x.code === 'capped' && x.variables[0] === 'tekun_share_self_care')!;
    expect(w.year).toBe(2020);
    expect(w.parameters).toEqual(['tekun_share_semi_care', 'tekun_share_full_care']);
    expect(r.series.tekun_share_self_care![0]).toBe(0);
  });
  it('a ratio on a zero denominator: names the ratio, the denominator and the year', () => {
    const s = national();
    s.parameters = { beds_base_per_1000: 0, beds_new_per_year: 0 };
    const r = projector.run(s);
    const w = r.warnings.find((x) => x.code === 'zero_denominator' && x.variables[0] === 'nursing_bed_share')!;
    expect(w.variables).toEqual(['nursing_bed_share', 'beds_total']);
    expect(w.year).toBe(2020);
    expect(w.message.en).toMatch(/divides by Elder-care beds, which is 0 beds in 2020/);
  });
  it('the default scenario raises nothing but the compounding standards and costs', () => {
    const codes = new Set(projector.run(national()).warnings.map((w) => w.code));
    expect([...codes]).toEqual(['compounding']);
  });
});

describe('a lean run (Monte Carlo draws)', () => {
  it('gives the same values and verdicts with no warnings, for every preset and with overrides', () => {
    for (const preset of presets) {
      const s = load(preset.id);
      const overrides = { tfr_end: 0.9, mortality_improvement: 0.02 };
      const full = projector.run(s, overrides);
      const lean = projector.run(s, overrides, undefined, { warnings: false });
      expect(lean.warnings).toEqual([]);
      expect(Object.keys(lean.series).sort()).toEqual(Object.keys(full.series).sort());
      for (const id of Object.keys(full.series)) expect(Array.from(lean.series[id]!), `${preset.id} ${id}`).toEqual(Array.from(full.series[id]!));
      expect(lean.targets).toEqual(full.targets);
    }
  });

  it('keeps each variable apart although they share one store', () => {
    const r = projector.run(load(presets[0]!.id));
    const before = Array.from(r.series.beds_nursing!);
    r.series.beds_total!.fill(-1);
    expect(Array.from(r.series.beds_nursing!)).toEqual(before);
    expect(before.some((x) => x !== -1)).toBe(true);
    expect(r.series.beds_total!.length).toBe(r.years.length);
  });
});
