/**
 * The city as the roll-up of its districts (MODEL.md §8), by definition and never by averaging
 * ratios: counts and money are summed; a ratio whose formula reads only series is recomputed
 * from the summed series (beds per 1000 elderly = Σ beds ÷ Σ 60+ × 1000); any other intensive
 * figure is the mean of the districts weighted by what it applies to (models/districts.ts).
 * Planner indicators and target rules are evaluated on the city's figures.
 */
import type { ModelModule, ParameterDef } from '../../../models/types.ts';
import type { Scenario, TargetDef } from '../../../models/scenario.ts';
import { EXTENSIVE_UNITS, ROLLUP_WEIGHTS } from '../../../models/districts.ts';
import { compileModel, ModelCompileError, type CompiledModel } from '../compiler.ts';
import { judgeTarget } from '../targets.ts';
import type { DistrictResult, ProjectionResult, ResultWarning, RollupRule, TargetVerdict } from '../types.ts';
import type { VariableInfo } from '../variables.ts';

export type { DistrictResult, RollupRule } from '../types.ts';

const EXTENSIVE = new Set(EXTENSIVE_UNITS);

/** True for a series that is a count or a money total (it adds up across districts). */
export function isExtensiveSeries(v: Pick<VariableInfo, 'unit'>): boolean {
  return EXTENSIVE.has(v.unit.en);
}

/**
 * The roll-up rule of every built-in series. Throws ModelCompileError naming a series that has
 * none (an intensive figure that reads a parameter or is a stock, with no declared weight).
 */
export function rollupRules(modules: readonly ModelModule[], variables: readonly VariableInfo[]): Map<string, RollupRule> {
  const params = new Set(modules.flatMap((m) => m.parameters.map((p) => p.id)));
  const byId = new Map(variables.map((v) => [v.id, v]));
  const eqs = new Map(modules.flatMap((m) => m.equations).map((e) => [e.id, e]));
  const reads = (expr: string) => new Set([...expr.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)].map((m) => m[0]));
  const rules = new Map<string, RollupRule>();
  for (const v of variables) {
    if (v.kind === 'indicator') continue;
    if (isExtensiveSeries(v)) {
      rules.set(v.id, { kind: 'sum' });
      continue;
    }
    const declared = ROLLUP_WEIGHTS[v.id];
    if (declared) {
      const ws = typeof declared.weight === 'string' ? [declared.weight] : [...declared.weight];
      for (const w of ws) {
        const wi = byId.get(w);
        if (!wi) throw new ModelCompileError(`roll-up of "${v.id}": weight "${w}" is not a series of the model`);
        if (!isExtensiveSeries(wi) && w !== v.id) throw new ModelCompileError(`roll-up of "${v.id}": weight "${w}" is not a count or a money total`);
      }
      rules.set(v.id, { kind: 'weighted', weight: declared.weight, approximate: declared.approximate === true, note: declared.note });
      continue;
    }
    const eq = eqs.get(v.id);
    const readsParameter = eq ? [...reads(eq.expr)].some((id) => params.has(id)) : true;
    if (eq && eq.initial === undefined && !readsParameter) {
      rules.set(v.id, { kind: 'recomputed', expr: eq.expr });
      continue;
    }
    throw new ModelCompileError(
      `roll-up of "${v.id}" (${v.unit.en}): not a count or money total, and its formula reads a parameter or is a stock — declare its weight in models/districts.ts`,
    );
  }
  return rules;
}

/** Everything the roll-up needs from the projector: the model and how to judge targets. */
export interface RollupContext {
  modules: readonly ModelModule[];
  parameters: readonly ParameterDef[];
  variables: readonly VariableInfo[];
}

/** A compiled city model: the recomputed equations, indicators and targets over the summed series. */
interface CityModel {
  model: CompiledModel;
  targetIndex: Map<number, string>;
}

const targetEq = (i: number) => `__city_target_${i}`;

/** Builds the roll-up for a projector; compiled city models are cached by indicators and targets. */
export function createRollup(ctx: RollupContext) {
  let rules: Map<string, RollupRule> | null = null;
  const ruleMap = () => (rules ??= rollupRules(ctx.modules, ctx.variables));
  const cache = new Map<string, CityModel>();

  const cityModel = (scenario: Scenario): CityModel => {
    const key = JSON.stringify([scenario.indicators.map((e) => [e.id, e.expr]), scenario.targets.map((t) => [t.expr, t.district ?? null])]);
    const hit = cache.get(key);
    if (hit) return hit;
    const r = ruleMap();
    const recomputed = [...r].filter(([, rule]) => rule.kind === 'recomputed').map(([id, rule]) => ({ id, expr: (rule as { expr: string }).expr }));
    const inputs = [...r].filter(([, rule]) => rule.kind !== 'recomputed').map(([id]) => id);
    const params = ctx.parameters.map((p) => p.id);
    const compiles = (equations: { id: string; expr: string }[]) => {
      try {
        return compileModel({ parameters: params, series: inputs, equations });
      } catch (err) {
        if (err instanceof ModelCompileError) return null;
        throw err;
      }
    };
    // Planner expressions that do not compile were left out of every district's run already
    // (with their message); leave them out of the city too.
    const indicators = scenario.indicators.filter((e) => compiles([...recomputed, { id: e.id, expr: e.expr }]) !== null).map((e) => ({ id: e.id, expr: e.expr }));
    const targetIndex = new Map<number, string>();
    const targets: { id: string; expr: string }[] = [];
    scenario.targets.forEach((t, i) => {
      if (t.district !== undefined) return;
      const eq = { id: targetEq(i), expr: t.expr };
      if (compiles([...recomputed, ...indicators, eq]) === null) return;
      targets.push(eq);
      targetIndex.set(i, eq.id);
    });
    const model = compiles([...recomputed, ...indicators, ...targets]);
    if (!model) throw new ModelCompileError('the city roll-up does not compile');
    const out = { model, targetIndex };
    if (cache.size > 32) cache.clear();
    cache.set(key, out);
    return out;
  };

  /**
   * The city's result from its districts' results (same years). `cityParameters` are the city
   * level's resolved values, in model order (they enter recomputed formulas and planner rules).
   */
  const rollUp = (scenario: Scenario, districts: readonly DistrictResult[], cityParameters: Float64Array): ProjectionResult => {
    const r = ruleMap();
    const first = districts[0].result;
    const n = first.years.length;
    const series: Record<string, Float64Array> = {};
    const sum = (id: string): Float64Array => {
      const out = new Float64Array(n);
      for (const d of districts) {
        const s = d.result.series[id];
        if (s) for (let i = 0; i < n; i++) out[i] += s[i];
      }
      return out;
    };
    for (const [id, rule] of r) if (rule.kind === 'sum' && first.series[id]) series[id] = sum(id);
    for (const [id, rule] of r) {
      if (rule.kind !== 'weighted' || !first.series[id]) continue;
      const out = new Float64Array(n);
      const wsum = new Float64Array(n);
      for (const d of districts) {
        const x = d.result.series[id];
        const [num, den] = typeof rule.weight === 'string' ? [d.result.series[rule.weight], undefined] : [d.result.series[rule.weight[0]], d.result.series[rule.weight[1]]];
        for (let i = 0; i < n; i++) {
          const w = den ? (den[i] !== 0 ? num[i] / den[i] : 0) : num[i];
          if (!(w > 0) || !Number.isFinite(x[i])) continue;
          out[i] += w * x[i];
          wsum[i] += w;
        }
      }
      // Nothing to weigh by (e.g. no recipients anywhere): the plain mean, so the value stays defined.
      for (let i = 0; i < n; i++) {
        if (wsum[i] > 0) out[i] /= wsum[i];
        else out[i] = districts.reduce((a, d) => a + d.result.series[id][i], 0) / districts.length;
      }
      series[id] = out;
    }
    const { model, targetIndex } = cityModel(scenario);
    const V: Record<string, Float64Array> = {};
    for (const id of model.order) V[id] = new Float64Array(n);
    model.run(cityParameters, series, V, n, scenario.baseYear);
    for (const id of model.order) if (!id.startsWith('__city_target_')) series[id] = V[id];

    const N = first.pyramidMale.length;
    const pyramidMale = new Float64Array(N);
    const pyramidFemale = new Float64Array(N);
    for (const d of districts) {
      for (let k = 0; k < N; k++) {
        pyramidMale[k] += d.result.pyramidMale[k];
        pyramidFemale[k] += d.result.pyramidFemale[k];
      }
    }
    // A value not given in some district (the local budget) is not given for the city either.
    const notGiven = new Set(districts.flatMap((d) => d.result.notGiven ?? []));
    for (const id of notGiven) series[id]?.fill(NaN);
    const readsNotGiven = (expr: string) => (expr.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []).find((x) => notGiven.has(x));
    const targets: TargetVerdict[] = scenario.targets.map((t: TargetDef, i: number) => {
      const missing = t.district === undefined ? readsNotGiven(t.expr) : undefined;
      if (missing) return { ...judgeTarget(t, new Float64Array(n).fill(NaN), scenario.baseYear), error: `targets[${i}] (${t.id}): ${missing} is not given in every district` };
      if (t.district !== undefined) {
        const d = districts.find((x) => x.name === t.district);
        const v = d?.result.targets.find((x) => x.id === t.id);
        return v ?? { ...judgeTarget(t, new Float64Array(n).fill(NaN), scenario.baseYear), error: `targets[${i}]: district "${t.district}" was not projected` };
      }
      const eq = targetIndex.get(i);
      if (eq) return judgeTarget(t, V[eq], scenario.baseYear);
      const err = districts.map((d) => d.result.targets.find((x) => x.id === t.id)?.error).find((e) => e !== undefined) ?? `targets[${i}] (${t.id}): its rule cannot be evaluated for the city`;
      return { ...judgeTarget(t, new Float64Array(n).fill(NaN), scenario.baseYear), error: err };
    });
    // Each district's warnings, said of the district; then the city's own non-finite values.
    const warnings: ResultWarning[] = [];
    for (const d of districts) {
      for (const w of d.result.warnings) warnings.push({ ...w, district: d.name, message: { zh: `${d.name}:${w.message.zh}`, en: `${d.name}: ${w.message.en}` } });
    }
    for (const [id, arr] of Object.entries(series)) {
      if (notGiven.has(id)) continue;
      const bad = arr.findIndex((x) => !Number.isFinite(x));
      if (bad < 0) continue;
      const year = scenario.baseYear + bad;
      warnings.push({
        code: 'not_finite', year, lastYear: year, variables: [id], parameters: [],
        message: { zh: `全市:${id}在${year}年不是有限数(可能除以零)`, en: `city: ${id} is not a finite number in ${year} (a division by zero?)` },
      });
    }
    return {
      baseYear: first.baseYear, endYear: first.endYear, years: first.years, series, pyramidMale, pyramidFemale, targets, warnings,
      districts: [...districts], rollup: Object.fromEntries(r), ...(notGiven.size > 0 ? { notGiven: [...notGiven] } : {}),
    };
  };

  return { rules: ruleMap, rollUp };
}

/** What one city value is made of, for "explain this number". */
export interface RollupExplanation {
  rule: RollupRule;
  /**
   * Each district's value; for a weighted mean its weight; for a recomputed ratio the district's
   * values of the series the formula reads (their sums are the city's).
   */
  parts: { district: string; value: number; weight?: number; inputs?: Record<string, number> }[];
}

/** The series ids a recomputed formula reads. */
export function formulaSeries(expr: string, series: Readonly<Record<string, unknown>>): string[] {
  return [...new Set([...expr.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)].map((m) => m[0]))].filter((id) => id in series);
}

/** The districts' parts of one city value (null for a scenario without districts). */
export function explainRollup(result: ProjectionResult, id: string, year: number): RollupExplanation | null {
  const districts = result.districts;
  const rule = result.rollup?.[id];
  if (!districts || !rule) return null;
  const i = year - result.baseYear;
  const reads = rule.kind === 'recomputed' ? formulaSeries(rule.expr, result.series) : [];
  const parts = districts.map((d) => {
    const value = d.result.series[id]?.[i] ?? NaN;
    if (rule.kind === 'recomputed') return { district: d.name, value, inputs: Object.fromEntries(reads.map((r) => [r, d.result.series[r]?.[i] ?? NaN])) };
    if (rule.kind !== 'weighted') return { district: d.name, value };
    const s = d.result.series;
    const weight = typeof rule.weight === 'string' ? s[rule.weight][i] : s[rule.weight[1]][i] !== 0 ? s[rule.weight[0]][i] / s[rule.weight[1]][i] : 0;
    return { district: d.name, value, weight };
  });
  return { rule, parts };
}
