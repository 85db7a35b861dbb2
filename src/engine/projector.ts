/**
 * The projector: one full projection of a scenario — population kernel, then the compiled
 * equations of every module, then planner indicators and target verdicts. Pure and synchronous;
 * the same code runs in the worker, the CLI, the tests and the benchmark.
 */
import type { EquationDef, KernelOutputDef, ModelModule, ParameterDef } from '../../models/types.ts';
import { compileModel, ModelCompileError, type CompiledModel } from './compiler.ts';
import { checkExpression, ExpressionError } from './expression.ts';
import { explainValue, type Explanation } from './explain.ts';
import { checkParameterValue, resolveParameters, setParameter, ParameterError, type ResolvedParameters } from './parameters.ts';
import { judgeTarget } from './targets.ts';
import type { BasePopulation, ProjectionResult, ResultWarning, Scenario, ScenarioPaths, TargetDef } from './types.ts';
import { PLAUSIBILITY_RULES } from '../../models/plausibility.ts';
import { createPlausibility, type PlausibilityInput } from './plausibility.ts';
import { builtInVariables, indicatorVariable, type VariableInfo } from './variables.ts';
import { createRollup, explainRollup } from './districts/rollup.ts';
import { districtScenario, populationShares, unfittedCityTotals } from './districts/district-scenario.ts';

export type { VariableInfo } from './variables.ts';
export type { Explanation, ExplainInput, ExplainStep, ExplainToken } from './explain.ts';

/** The population kernel's contract (see src/engine/population). */
export type PopulationKernel = (input: {
  baseYear: number;
  endYear: number;
  params: Readonly<Record<string, number>>;
  base: BasePopulation;
  paths?: ScenarioPaths;
}) => { series: Record<string, Float64Array>; pyramidMale: Float64Array; pyramidFemale: Float64Array; warnings?: ResultWarning[] };

/** Series built from structured scenario inputs (e.g. named bed projects by year). */
export interface ScenarioInput {
  outputs: readonly KernelOutputDef[];
  /** The parameters `build` reads (its series are reused across runs of a scratch while these stay). */
  parameters: readonly string[];
  build: (scenario: Scenario, n: number, params: Readonly<Record<string, number>>) => Record<string, Float64Array>;
}

/** How a run is made. */
export interface RunOptions {
  /**
   * `false`: no warnings (plausibility, left-out indicators, the kernel's), for runs whose
   * values are read and never shown one by one (Monte Carlo draws); the values are the same.
   */
  warnings?: boolean;
  /**
   * Only these series in the result (all when omitted): a Monte Carlo draw keeps the series it
   * charts, and filling a record of every series was a tenth of a draw. Targets are judged as ever.
   */
  series?: readonly string[];
  /**
   * Memory reused from run to run (`createRunScratch()`): the equations' values are written
   * into the store of the previous run with the same scratch, so the result's series of
   * equations are overwritten by the next such run; the scenario's parameter values and its
   * inputs' series are kept while the scenario (the same object) and their parameters stay.
   * For loops that copy what they keep at once (Monte Carlo draws); a fifth of a draw went on
   * allocating and collecting that store.
   */
  scratch?: RunScratch;
}

const SCRATCH = Symbol('scratch');
const SCRATCH_PARAMS = Symbol('scratch parameters');
const SCRATCH_INPUTS = Symbol('scratch inputs');

/** See `RunOptions.scratch`. */
export interface RunScratch {
  [SCRATCH]?: { model: CompiledModel; n: number; V: Record<string, Float64Array> };
  /** The scenario's resolved values, the values runs set on top and the ids they set. */
  [SCRATCH_PARAMS]?: { scenario: Scenario; base: ResolvedParameters; values: ResolvedParameters; set: string[] };
  [SCRATCH_INPUTS]?: { scenario: Scenario; n: number; reads: number[]; series: Record<string, Float64Array> };
}

/** A fresh scratch for `RunOptions.scratch`. */
export function createRunScratch(): RunScratch {
  return {};
}

/** A projector over a fixed set of modules. */
export interface Projector {
  readonly parameters: readonly ParameterDef[];
  readonly modules: readonly ModelModule[];
  /** Labels of every built-in variable (planner indicators are added per scenario). */
  variables(scenario?: Scenario): VariableInfo[];
  /**
   * One full projection. `overrides` replace parameter values (goal seek, sensitivity).
   * `reuse`: a result of the same scenario whose population-kernel output is copied instead of
   * recomputed, when no override touches a parameter of a module that declares kernel outputs
   * (goal seek on a non-population lever); ignored otherwise.
   */
  run(scenario: Scenario, overrides?: Readonly<Record<string, number>>, reuse?: ProjectionResult, options?: RunOptions): ProjectionResult;
  /** Explains one value of a result computed from the same scenario. */
  explain(scenario: Scenario, result: ProjectionResult, id: string, year: number): Explanation;
  /** Checks an expression as a planner types it; returns an error message or null. */
  checkExpression(expr: string, scenario?: Scenario): string | null;
  /** Why a scenario's planner expressions (indicators, then targets) cannot run, each naming its field; empty when all run. */
  plannerIssues(scenario: Scenario): string[];
}

/** An error in a scenario that stops a projection: the message names the field. */
export class ScenarioError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScenarioError';
  }
}

const targetEqId = (i: number) => `__target_${i}`;

/** Builds a projector; compiles the model's equations once (and planner additions per set). */
export function createProjector(config: { modules: readonly ModelModule[]; kernel: PopulationKernel; inputs?: readonly ScenarioInput[] }): Projector {
  const { modules, kernel } = config;
  const inputs = config.inputs ?? [];
  const parameters = modules.flatMap((m) => m.parameters);
  const paramIndex = new Map(parameters.map((p, i) => [p.id, i]));
  if (paramIndex.size !== parameters.length) throw new ModelCompileError('a parameter id is declared twice');
  const kernelOutputs = modules.flatMap((m) => m.kernelOutputs ?? []);
  const inputOutputs = inputs.flatMap((i) => i.outputs);
  const seriesIds = [...kernelOutputs, ...inputOutputs].map((k) => k.id);
  const baseEquations: EquationDef[] = modules.flatMap((m) => m.equations);

  const info = new Map<string, VariableInfo>(builtInVariables(modules, inputOutputs).map((v) => [v.id, v]));

  const base = compileModel({ parameters: parameters.map((p) => p.id), series: seriesIds, equations: baseEquations });
  const plausibilityFor = (model: CompiledModel, scenario?: Scenario) => createPlausibility({
    model,
    variables: new Map([...info, ...(scenario?.indicators ?? []).map((ind) => [ind.id, indicatorVariable(ind)] as const)]),
    parameters,
    rules: PLAUSIBILITY_RULES,
  });
  const baseModel: ScenarioModel = { model: base, plausibility: plausibilityFor(base), badTargets: new Map(), badIndicators: [] };
  const cache = new Map<string, ScenarioModel>();
  /** The kernel's own warnings of each result, for runs that reuse its output. */
  const kernelWarnings = new WeakMap<ProjectionResult, ResultWarning[]>();

  const indicatorEq = (ind: Scenario['indicators'][number]): EquationDef => ({ id: ind.id, label: { zh: ind.label, en: ind.label }, unit: { zh: ind.unit ?? '', en: ind.unit ?? '' }, expr: ind.expr });
  const targetEq = (t: TargetDef, i: number): EquationDef => ({ id: targetEqId(i), label: { zh: t.label, en: t.label }, unit: { zh: '', en: '' }, expr: t.expr });
  const tryCompile = (equations: EquationDef[]): CompiledModel | string => {
    try {
      return compileModel({ parameters: parameters.map((p) => p.id), series: seriesIds, equations: [...baseEquations, ...equations] });
    } catch (err) {
      if (err instanceof ModelCompileError) return err.message;
      throw err;
    }
  };
  const targetName = (scenario: Scenario, i: number) => `targets[${i}] (${scenario.targets[i]?.id ?? ''})`;

  /**
   * The model with the scenario's indicators and targets. A planner expression that does not
   * compile (e.g. in an imported file, naming a variable that no longer exists) is left out with
   * its message — the target's verdict carries it — and the rest of the projection still runs.
   */
  interface ScenarioModel {
    model: CompiledModel;
    /** The plausibility check prepared for this model. */
    plausibility: (input: PlausibilityInput) => ResultWarning[];
    /** Message for each target left out, by index. */
    badTargets: Map<number, string>;
    /** Messages for indicators left out. */
    badIndicators: string[];
  }
  const compiledFor = (scenario: Scenario): ScenarioModel => {
    if (scenario.indicators.length === 0 && scenario.targets.length === 0) return baseModel;
    const key = JSON.stringify([scenario.indicators.map((e) => [e.id, e.expr]), scenario.targets.map((t) => t.expr)]);
    let c = cache.get(key);
    if (!c) {
      const badIndicators: string[] = [];
      const badTargets = new Map<number, string>();
      const builtIn = (id: string) => paramIndex.has(id) || info.has(id);
      // Each planner expression is checked alone first (cheap: one parse), so that one bad
      // expression is left out without compiling the whole model once per expression.
      let indicators = scenario.indicators.filter((e) => {
        if (!builtIn(e.id)) return true;
        badIndicators.push(`indicators: "${e.id}" is already the id of a built-in variable or parameter`);
        return false;
      });
      const indicatorIds = () => new Set(indicators.map((e) => e.id));
      for (let changed = true; changed; ) {
        changed = false;
        const ids = indicatorIds();
        indicators = indicators.filter((e) => {
          try {
            checkExpression(e.expr, `indicator "${e.id}"`, (id) => builtIn(id) || ids.has(id));
            return true;
          } catch (err) {
            if (!(err instanceof ExpressionError)) throw err;
            badIndicators.push(err.message);
            changed = true;
            return false;
          }
        });
      }
      const ids = indicatorIds();
      const targets: EquationDef[] = [];
      scenario.targets.forEach((t, i) => {
        try {
          checkExpression(t.expr, targetName(scenario, i), (id) => builtIn(id) || ids.has(id));
          targets.push(targetEq(t, i));
        } catch (err) {
          if (!(err instanceof ExpressionError)) throw err;
          badTargets.set(i, err.message);
        }
      });
      // What a single parse cannot see (indicators in a cycle, prev() of a parameter): the
      // compiler names the equation at fault; drop it and compile again. A planner expression
      // never stops the projection: when no culprit can be named, all of them are left out.
      let model = tryCompile([...indicators.map(indicatorEq), ...targets]);
      while (typeof model === 'string') {
        const message = model;
        const named = /^equation "([^"]+)"/.exec(message)?.[1];
        const targetAt = targets.findIndex((t) => t.id === named);
        if (targetAt >= 0) {
          const i = Number(targets[targetAt].id.slice('__target_'.length));
          badTargets.set(i, message.replace(/^equation "[^"]+"/, targetName(scenario, i)));
          targets.splice(targetAt, 1);
        } else if (indicators.length > 0) {
          const culprit = indicators.find((ind) => ind.id === named) ?? indicators.find((ind) => message.includes(`"${ind.id}"`)) ?? indicators[0];
          badIndicators.push(message.replace(/^equation "([^"]+)"/, 'indicator "$1"'));
          indicators = indicators.filter((ind) => ind !== culprit);
          const reads = new RegExp(`(^|[^A-Za-z0-9_])${culprit.id}($|[^A-Za-z0-9_])`);
          for (let k = targets.length - 1; k >= 0; k--) {
            if (!reads.test(targets[k].expr)) continue;
            const i = Number(targets[k].id.slice('__target_'.length));
            badTargets.set(i, `${targetName(scenario, i)}: reads the indicator "${culprit.id}", which was left out`);
            targets.splice(k, 1);
          }
        } else if (targets.length > 0) {
          for (const t of targets) {
            const i = Number(t.id.slice('__target_'.length));
            badTargets.set(i, `${targetName(scenario, i)}: could not be compiled with the model (${message})`);
          }
          targets.length = 0;
        } else {
          throw new ScenarioError(message);
        }
        model = tryCompile([...indicators.map(indicatorEq), ...targets]);
      }
      c = { model, plausibility: plausibilityFor(model, scenario), badTargets, badIndicators };
      if (cache.size > 32) cache.clear();
      cache.set(key, c);
    }
    return c;
  };

  const checkYears = (s: Scenario) => {
    if (!Number.isInteger(s.baseYear) || s.baseYear < 1990 || s.baseYear > 2100) throw new ScenarioError(`baseYear = ${s.baseYear}: allowed 1990–2100, whole years`);
    if (!Number.isInteger(s.endYear) || s.endYear <= s.baseYear || s.endYear > s.baseYear + 40) {
      throw new ScenarioError(`endYear = ${s.endYear}: allowed ${s.baseYear + 1}–${s.baseYear + 40} (up to 40 years after baseYear)`);
    }
  };

  // The kernel reads only the parameters of the modules that declare its outputs.
  const kernelParams = new Set(modules.filter((m) => m.kernelOutputs?.length).flatMap((m) => m.parameters.map((p) => p.id)));
  const inputIds = new Set(inputOutputs.map((k) => k.id));
  const reusedKernel = (reuse: ProjectionResult | undefined, scenario: Scenario, model: CompiledModel, overrides?: Readonly<Record<string, number>>) => {
    if (!reuse || reuse.baseYear !== scenario.baseYear || reuse.endYear !== scenario.endYear) return null;
    if (Object.keys(overrides ?? {}).some((id) => kernelParams.has(id))) return null;
    const computed = new Set(model.order);
    const series: Record<string, Float64Array> = {};
    for (const [id, a] of Object.entries(reuse.series)) if (!computed.has(id) && !inputIds.has(id)) series[id] = a.slice();
    return { series, pyramidMale: reuse.pyramidMale.slice(), pyramidFemale: reuse.pyramidFemale.slice(), warnings: kernelWarnings.get(reuse) ?? [] };
  };

  /** The scenario's parameter values with `overrides` on top; a bad value names its field. */
  const resolve = (scenario: Scenario, overrides?: Readonly<Record<string, number>>) => {
    try {
      return resolveParameters(parameters, paramIndex, overrides ? { ...scenario.parameters, ...overrides } : scenario.parameters);
    } catch (err) {
      if (err instanceof ParameterError) throw new ScenarioError(err.message);
      throw err;
    }
  };

  /**
   * `resolve` for runs of a scratch: the scenario's values are resolved once, and each run
   * undoes the last run's overrides and sets its own (a draw sets the same few inputs every
   * time; building a record of 140 values per draw was a thirteenth of it).
   */
  const resolveInScratch = (scenario: Scenario, overrides: Readonly<Record<string, number>> | undefined, scratch: RunScratch): ResolvedParameters => {
    let r = scratch[SCRATCH_PARAMS];
    if (!r || r.scenario !== scenario) {
      const base = resolve(scenario);
      r = { scenario, base, values: { vector: base.vector.slice(), byId: { ...base.byId } }, set: [] };
      scratch[SCRATCH_PARAMS] = r;
    }
    for (const id of r.set) {
      r.values.vector[paramIndex.get(id)!] = r.base.byId[id];
      r.values.byId[id] = r.base.byId[id];
    }
    r.set = [];
    try {
      for (const id in overrides) {
        setParameter(parameters, paramIndex, r.values, id, overrides[id]);
        r.set.push(id);
      }
    } catch (err) {
      if (err instanceof ParameterError) throw new ScenarioError(err.message);
      throw err;
    }
    return r.values;
  };

  /** The scenario inputs' series; with a scratch, those of the last run while their parameters stay. */
  const inputSeries = (scenario: Scenario, n: number, params: Readonly<Record<string, number>>, scratch?: RunScratch): Record<string, Float64Array> => {
    const reads = inputs.flatMap((input) => input.parameters.map((id) => params[id]));
    const kept = scratch?.[SCRATCH_INPUTS];
    if (kept && kept.scenario === scenario && kept.n === n && kept.reads.every((x, i) => Object.is(x, reads[i]))) return kept.series;
    const series: Record<string, Float64Array> = {};
    for (const input of inputs) Object.assign(series, input.build(scenario, n, params));
    if (scratch) scratch[SCRATCH_INPUTS] = { scenario, n, reads, series };
    return series;
  };

  const rollup = createRollup({ modules, parameters, variables: [...info.values()] });

  /** A city with districts: each district projected on its own, then rolled up. */
  const runDistricts = (scenario: Scenario, overrides?: Readonly<Record<string, number>>, reuse?: ProjectionResult, options?: RunOptions): ProjectionResult => {
    checkYears(scenario);
    const ds = scenario.districts!;
    const shares = populationShares(ds, paramById);
    // Every district keeps every series and its own memory: the roll-up reads all of them.
    const districtOptions: RunOptions = { warnings: options?.warnings };
    const results = ds.map((d, i) => ({
      name: d.name,
      result: runOne(districtScenario(scenario, i, parameters, shares, overrides), undefined, reuse?.districts?.[i]?.name === d.name ? reuse.districts[i].result : undefined, districtOptions),
    }));
    const city = rollup.rollUp(scenario, results, resolve(scenario, overrides).vector);
    const unfitted = unfittedCityTotals(scenario, parameters);
    if (unfitted && options?.warnings !== false) {
      const ids = unfitted.ids.join(', ');
      const held = Math.round(unfitted.held);
      const reference = Math.round(unfitted.reference);
      city.warnings.unshift({
        code: 'districts_unfitted', year: null, lastYear: null, variables: [], parameters: [...unfitted.ids],
        message: {
          zh: `区县:全市层级的总量(${ids})是按 ${reference} 人(全市 base_pop_total)设定的,但各区县合计 ${held} 人;每个区县按人口比例分得 — 请设定各区县自己的数值,或按各区县人口缩放全市总量`,
          en: `districts: the city-level totals (${ids}) are stated for ${reference} persons (base_pop_total at the city level), but the districts hold ${held}; each district gets its population share of them — set the districts' own values or scale the city's totals`,
        },
      });
    }
    return city;
  };
  const paramById = new Map(parameters.map((p) => [p.id, p]));

  const run = (scenario: Scenario, overrides?: Readonly<Record<string, number>>, reuse?: ProjectionResult, options?: RunOptions): ProjectionResult =>
    scenario.districts && scenario.districts.length > 0 ? runDistricts(scenario, overrides, reuse, options) : runOne(scenario, overrides, reuse, options);

  const runOne = (scenario: Scenario, overrides?: Readonly<Record<string, number>>, reuse?: ProjectionResult, options: RunOptions = {}): ProjectionResult => {
    checkYears(scenario);
    const { model, plausibility, badTargets, badIndicators } = compiledFor(scenario);
    const resolved = options.scratch ? resolveInScratch(scenario, overrides, options.scratch) : resolve(scenario, overrides);
    const n = scenario.endYear - scenario.baseYear + 1;
    const pop = reusedKernel(reuse, scenario, model, overrides) ?? kernel({ baseYear: scenario.baseYear, endYear: scenario.endYear, params: resolved.byId, base: scenario.basePopulation, paths: scenario.paths });
    const K: Record<string, Float64Array> = { ...pop.series };
    Object.assign(K, inputSeries(scenario, n, resolved.byId, options.scratch));
    for (const id of seriesIds) {
      if (!K[id] || K[id].length !== n) throw new ModelCompileError(`series "${id}" was not produced for ${n} years`);
    }
    const V = equationStore(model, n, options.scratch);
    for (const seg of periodSegments(scenario, resolved.vector, n)) model.run(seg.P, K, V, n, scenario.baseYear, seg.start, seg.stop);

    const notGiven = notGivenIn(scenario, resolved.byId);
    for (const id of notGiven) V[id]?.fill(NaN);
    const everySeries = () => {
      const all: Record<string, Float64Array> = {};
      for (const id in K) all[id] = K[id];
      for (const id in V) if (!id.startsWith('__target_')) all[id] = V[id];
      return all;
    };
    let series: Record<string, Float64Array>;
    if (options.series) {
      series = {};
      for (const id of options.series) {
        const a = V[id] ?? K[id];
        if (a && !id.startsWith('__target_')) series[id] = a;
      }
    } else series = everySeries();
    const fromKernel = pop.warnings ?? [];
    const warnings: ResultWarning[] = options.warnings === false ? [] : [
      ...fromKernel,
      ...badIndicators.map((m): ResultWarning => ({ code: 'input', year: null, lastYear: null, variables: [], parameters: [], message: { zh: `规划人员指标未计算:${m}`, en: `planner indicator left out: ${m}` } })),
      // A value not given (NaN by design) is no implausible number.
      ...plausibility({ baseYear: scenario.baseYear, series: withoutIds(options.series ? everySeries() : series, notGiven), params: resolved.byId, given: new Set(Object.keys(scenario.parameters)) }),
    ];
    const targets = scenario.targets.map((t: TargetDef, i: number) => {
      const missing = readsAny(t.expr, notGiven);
      const bad = badTargets.get(i) ?? (missing ? `${targetName(scenario, i)}: ${info.get(missing)?.requires?.note.en ?? `${missing} is not given`}` : undefined);
      if (bad === undefined) return judgeTarget(t, V[targetEqId(i)], scenario.baseYear);
      return { ...judgeTarget(t, new Float64Array(n).fill(NaN), scenario.baseYear), error: bad };
    });
    const years = Array.from({ length: n }, (_, i) => scenario.baseYear + i);
    const result: ProjectionResult = { baseYear: scenario.baseYear, endYear: scenario.endYear, years, series, pyramidMale: pop.pyramidMale, pyramidFemale: pop.pyramidFemale, targets, warnings };
    if (notGiven.size > 0) result.notGiven = [...notGiven];
    kernelWarnings.set(result, fromKernel);
    return result;
  };

  /**
   * The arrays the equations write: views of one store, one allocation per run instead of one
   * per variable (allocating ~150 small typed arrays was most of a run's own time); with a
   * scratch, the store and views of the last run of the same model and length, overwritten.
   */
  const equationStore = (model: CompiledModel, n: number, scratch?: RunScratch): Record<string, Float64Array> => {
    const kept = scratch?.[SCRATCH];
    if (kept && kept.model === model && kept.n === n) return kept.V;
    const V: Record<string, Float64Array> = {};
    const store = new Float64Array(model.order.length * n);
    model.order.forEach((id, k) => (V[id] = store.subarray(k * n, (k + 1) * n)));
    if (scratch) scratch[SCRATCH] = { model, n, V };
    return V;
  };

  /**
   * Variables whose optional input is not given (its parameter is 0), and the planner indicators
   * that read one: their values are not given, never 0.
   */
  const requiring = [...info.values()].filter((v) => v.requires);
  const notGivenIn = (scenario: Scenario, params: Readonly<Record<string, number>>): Set<string> => {
    const out = new Set<string>();
    for (const v of requiring) if (!(params[v.requires!.parameter] > 0)) out.add(v.id);
    if (out.size === 0) return out;
    for (let grew = true; grew; ) {
      grew = false;
      for (const ind of scenario.indicators) {
        if (!out.has(ind.id) && readsAny(ind.expr, out)) {
          out.add(ind.id);
          grew = true;
        }
      }
    }
    return out;
  };

  const withoutIds = (series: Record<string, Float64Array>, ids: ReadonlySet<string>): Record<string, Float64Array> => {
    if (ids.size === 0) return series;
    const out: Record<string, Float64Array> = {};
    for (const [id, arr] of Object.entries(series)) if (!ids.has(id)) out[id] = arr;
    return out;
  };

  /**
   * The parameter vector of each run of years: one segment when no parameter is limited to
   * years; else a new segment from each `until + 1`, with the limited parameters at `after`.
   * Only parameters of the equations may be limited (the population kernel reads its
   * parameters once for the whole projection).
   */
  const periodSegments = (scenario: Scenario, vector: Float64Array, n: number): { P: Float64Array; start: number; stop: number }[] => {
    const periods = Object.entries(scenario.parameterPeriods ?? {});
    if (periods.length === 0) return [{ P: vector, start: 0, stop: n }];
    for (const [id, period] of periods) {
      const k = paramIndex.get(id);
      if (k === undefined) throw new ScenarioError(`parameterPeriods.${id}: unknown parameter (see --list-parameters)`);
      if (kernelParams.has(id)) throw new ScenarioError(`parameterPeriods.${id}: a population parameter cannot be limited to years (only the parameters of the equations can)`);
      const problem = checkParameterValue(parameters[k], period.after);
      if (problem) throw new ScenarioError(problem.replace(`parameters.${id}`, `parameterPeriods.${id}.after`));
    }
    const cuts = [...new Set(periods.map(([, p]) => p.until + 1 - scenario.baseYear).filter((c) => c > 0 && c < n))].sort((a, b) => a - b);
    const bounds = [0, ...cuts, n];
    const out: { P: Float64Array; start: number; stop: number }[] = [];
    for (let j = 0; j + 1 < bounds.length; j++) {
      const year = scenario.baseYear + bounds[j];
      const P = vector.slice();
      for (const [id, period] of periods) if (year > period.until) P[paramIndex.get(id)!] = period.after;
      out.push({ P, start: bounds[j], stop: bounds[j + 1] });
    }
    return out;
  };

  /** Every parameter's value in one year (a parameter limited to years takes its `after` value past `until`). */
  const parameterValuesIn = (scenario: Scenario, year: number): Record<string, number> => {
    const values = { ...resolveParameters(parameters, paramIndex, scenario.parameters).byId };
    for (const [id, period] of Object.entries(scenario.parameterPeriods ?? {})) if (year > period.until && id in values) values[id] = period.after;
    return values;
  };

  const variables = (scenario?: Scenario): VariableInfo[] => [...info.values(), ...(scenario?.indicators ?? []).map(indicatorVariable)];

  const explain = (scenario: Scenario, result: ProjectionResult, id: string, year: number): Explanation => {
    const model = compiledFor(scenario).model;
    // A sum or a weighted mean of the districts is explained by its parts, not by a formula
    // whose parameters differ from district to district.
    const parts = explainRollup(result, id, year);
    const out = explainValue(
      {
        parameters,
        values: parameterValuesIn(scenario, year),
        variables: variables(scenario),
        equation: (x) => model.equations.get(x),
        equations: () => model.equations.values(),
      },
      scenario, result, id, year, { formula: !parts || parts.rule.kind === 'recomputed' },
    );
    if (!out) throw new ScenarioError(`nothing to explain for ${id} in ${year}`);
    if (parts) out.rollup = parts;
    return out;
  };

  const checkExpressionFor = (expr: string, scenario?: Scenario): string | null => {
    const known = new Set<string>([...paramIndex.keys(), ...seriesIds, ...baseEquations.map((e) => e.id), ...(scenario?.indicators ?? []).map((x) => x.id)]);
    try {
      compileModel({ parameters: [...paramIndex.keys()], series: [...known].filter((k) => !paramIndex.has(k)), equations: [{ id: '__check', expr }] });
      return null;
    } catch (err) {
      if (err instanceof ModelCompileError || err instanceof ExpressionError) return err.message.replace(/^equation "__check": /, '');
      if (err instanceof RangeError) return 'the expression is nested too deeply to compile';
      throw err;
    }
  };

  const plannerIssues = (scenario: Scenario): string[] => {
    const { badTargets, badIndicators } = compiledFor(scenario);
    return [...badIndicators, ...[...badTargets.entries()].sort(([a], [b]) => a - b).map(([, m]) => m)];
  };

  return { parameters, modules, variables, run, explain, checkExpression: checkExpressionFor, plannerIssues };
}

/** The first of `ids` an expression reads, or undefined. */
function readsAny(expr: string, ids: ReadonlySet<string>): string | undefined {
  if (ids.size === 0) return undefined;
  return (expr.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []).find((name) => ids.has(name));
}

