/**
 * The cheapest mix (MODEL.md §10): the lever values, each within its allowed range, that meet
 * every chosen target at the least cost over the period — or, when no mix in range meets them
 * all, the smallest shortfall and the targets that cause it.
 *
 * The model is not linear (stocks, caps, shares), so the search is sequential linear
 * programming with a trust region, on the engine's own runs:
 * 1. around the current mix, each lever is moved by a small step in a full projection (finite
 *    differences), which gives the slope of the cost and of every target's margin;
 * 2. YALPS solves the linear programme of that picture inside a box (`lp.ts`): the cheapest
 *    step that meets the linearised targets, with a penalty on any shortfall left;
 * 3. the step is checked with a full projection; it is taken when the real cost-plus-penalty
 *    fell by at least a tenth of what the programme predicted, and the box grows or shrinks
 *    with how well the prediction held.
 * A first phase looks for any mix that meets the targets (least total shortfall, no cost); the
 * second lowers the cost from there. Before a mix is called impossible, the corner of the range
 * that favours every target is tried too. The answer is the cheapest mix that met every target
 * in a full run, rounded to each lever's resolution (and checked again).
 *
 * Pure and synchronous in steps: `mixSteps` is a generator that yields progress between runs,
 * so the worker can report progress and stop early; `cheapestMix` runs it to the end.
 */
import type { ParameterDef, Text } from '../../../models/types.ts';
import type { Projector } from '../projector.ts';
import type { ProjectionResult, Scenario, TargetDef } from '../types.ts';
import { checkLever, costUnitOf, isBindingTarget, leverFormat, leverResolution, leversForTargets, targetFormat } from './choice.ts';
import { chargedQuantities, costLines, costPeriod, periodSum, periodValues, type CostPeriod } from './cost.ts';
import { describeLever, describeMix } from './describe.ts';
import { solveStep } from './lp.ts';
import type { MixCost, MixLeverInfo, MixLeverOutcome, MixProgress, MixRequest, MixResult, MixSetup, MixTargetInfo, MixTargetOutcome } from './types.ts';

/** Default most projections one search runs (a projection takes about 0.4 ms). */
export const DEFAULT_MAX_RUNS = 600;

/** Weight of the tie-break that keeps a lever that costs nothing at the scenario's value. */
const EPS = 1e-6;
/** Starting weight of the shortfall penalty in the cost phase (raised when it is too weak). */
const MU0 = 10;

interface Lever {
  def: ParameterDef;
  id: string;
  lo: number;
  hi: number;
  /** The scenario's value. */
  x0: number;
  /** The lever's scale: steps and the trust region are measured in it. */
  s: number;
  /** Finite-difference step. */
  h: number;
  res: number;
  unitCost?: number;
  costUnit: number;
}

interface Point {
  x: number[];
  result: ProjectionResult;
  modelCost: number;
  enteredCost: number;
  cost: number;
  /** Signed margins of the chosen targets (NaN when not a number). */
  margins: number[];
  met: boolean;
}

interface Slopes {
  cost: number[];
  margins: number[][];
}

/** Everything a search works on, checked. */
interface Problem {
  scenario: Scenario;
  targetIndex: number[];
  targets: TargetDef[];
  sigma: number[];
  levers: Lever[];
  period: CostPeriod;
  lines: { id: string; label: Text }[];
  setup: MixSetup;
}

type Prepared = { ok: true; problem: Problem; base: ProjectionResult; runs: number } | { ok: false; setup: MixSetup; reason: Text; runs: number };

const text = (zh: string, en: string): Text => ({ zh, en });

/**
 * The setup of a mix for a scenario and request: targets and levers on offer (chosen ones
 * marked), the period, the model's cost lines, and the problems of the request. Runs the
 * scenario once, and twice more per lever to measure its cost in the model.
 */
export function mixSetup(projector: Projector, scenario: Scenario, request: MixRequest = {}): MixSetup {
  const prepared = prepare(projector, scenario, request);
  return prepared.ok ? prepared.problem.setup : prepared.setup;
}

function prepare(projector: Projector, scenario: Scenario, request: MixRequest): Prepared {
  const parameters = projector.parameters;
  const variables = projector.variables(scenario);
  const problems: Text[] = [];
  const chosenIds = request.targets ? [...new Set(request.targets)] : scenario.targets.filter(isBindingTarget).map((t) => t.id);
  for (const id of chosenIds) if (!scenario.targets.some((t) => t.id === id)) problems.push(text(`targets:本情景中没有编号为"${id}"的目标`, `targets: no target with id "${id}" in this scenario`));
  if (chosenIds.length === 0) {
    problems.push(request.targets
      ? text('targets:请至少选择一个目标', 'targets: choose at least one target')
      : text('本情景没有约束性目标:请选择要满足的目标', 'This scenario has no binding (约束性) target: choose the targets to meet'));
  }
  for (const [id, value] of Object.entries(request.targetValues ?? {})) {
    if (!Number.isFinite(value)) problems.push(text(`targetValues.${id} = ${String(value)}:不是数字`, `targetValues.${id} = ${String(value)}: not a number`));
  }
  const targetsRun = scenario.targets.map((t) => (request.targetValues?.[t.id] !== undefined && Number.isFinite(request.targetValues[t.id]) ? { ...t, value: request.targetValues[t.id] } : t));
  const runScenario: Scenario = { ...scenario, targets: targetsRun };
  const targetIndex = chosenIds.map((id) => targetsRun.findIndex((t) => t.id === id)).filter((i) => i >= 0);
  const targets = targetIndex.map((i) => targetsRun[i]);
  const period = costPeriod(scenario, targets, request.period ?? 'to-targets');

  const leverInputs = request.levers ?? leversForTargets(targets, parameters).map((id) => ({ id }));
  const seen = new Set<string>();
  const levers: Lever[] = [];
  for (const input of leverInputs) {
    if (seen.has(input.id)) continue;
    seen.add(input.id);
    const c = checkLever(input, parameters);
    if (!c.ok) {
      problems.push(c.problem);
      continue;
    }
    const def = c.def;
    const x0 = scenario.parameters[def.id] ?? def.default;
    const res = leverResolution(def);
    const s = Math.max(Math.abs(x0), 100 * res, (def.max - def.min) * 1e-3, Number.EPSILON);
    const h = def.integer ? Math.max(1, Math.round(res)) : Math.max(res, s * 1e-3);
    levers.push({ def, id: def.id, lo: c.min, hi: c.max, x0, s, h, res, unitCost: c.unitCost, costUnit: costUnitOf(def) });
  }
  if (levers.length === 0 && problems.length === 0) problems.push(text('levers:没有可调节的参数作用于所选目标:请选择调节参数', 'levers: no lever acts on the chosen targets: choose the levers'));

  const lines = costLines(projector.modules);
  const targetInfo = (t: TargetDef, chosen: boolean): MixTargetInfo => ({
    id: t.id, label: t.label, rule: { op: t.op, value: t.value, year: t.year, every: t.every }, ...(t.unit ? { unit: t.unit } : {}),
    format: targetFormat(t, variables), planBinding: isBindingTarget(t), ...(t.source ? { source: t.source } : {}), chosen,
  });
  const setup: MixSetup = {
    targets: targetsRun.map((t) => targetInfo(t, chosenIds.includes(t.id))),
    levers: [],
    period: { fromYear: period.fromYear, toYear: period.toYear, kind: period.kind },
    costLines: lines,
    problems,
  };

  let base: ProjectionResult;
  try {
    base = projector.run(runScenario);
  } catch (err) {
    const m = (err as Error).message;
    return { ok: false, setup: { ...setup, problems: [...problems, text(`情景无法运行:${m}`, `the scenario does not run: ${m}`)] }, reason: text(`情景无法运行:${m}`, `the scenario does not run: ${m}`), runs: 0 };
  }
  for (const i of targetIndex) {
    const v = base.targets[i];
    if (v?.error) problems.push(text(`目标「${v.label}」:${v.error}`, `target "${v.label}": ${v.error}`));
  }
  // What one more unit of each lever costs in the model, at the scenario's value.
  const modelCostOf = (r: ProjectionResult) => lines.reduce((sum, l) => sum + periodSum(r, l.id, period), 0);
  const baseCost = modelCostOf(base);
  setup.levers = levers.map((l): MixLeverInfo => {
    let slope = 0;
    try {
      const up = l.x0 + l.h <= l.def.max;
      const x = up ? l.x0 + l.h : l.x0 - l.h;
      const r = projector.run(runScenario, { [l.id]: l.def.integer ? Math.round(x) : x }, base);
      slope = (modelCostOf(r) - baseCost) / (x - l.x0);
    } catch {
      slope = 0;
    }
    const hasModelCost = Number.isFinite(slope) && Math.abs(slope) > 1e-9 * Math.max(1, Math.abs(baseCost)) / Math.max(l.s, 1);
    const perYear = hasModelCost ? slope / period.years : 0;
    return leverInfo(l, perYear, hasModelCost, true);
  });
  const runs = 1 + levers.length;
  if (problems.length > 0) return { ok: false, setup, reason: problems[0], runs };
  // Each target's size, to weigh shortfalls of different units: its value, or (a rule against
  // zero, as a gap ≤ 0) the size of its expression now.
  const sigma = targets.map((t, k) => {
    const v = Math.abs(base.targets[targetIndex[k]]?.valueAtYear ?? 0);
    return Math.abs(t.value) > 0 ? Math.abs(t.value) : Math.max(v, 1);
  });
  return { ok: true, problem: { scenario: runScenario, targetIndex, targets, sigma, levers, period, lines, setup }, base, runs };
}

function leverInfo(l: Lever, modelCostPerUnitYear: number, hasModelCost: boolean, chosen: boolean): MixLeverInfo {
  const entered = l.unitCost !== undefined && l.unitCost > 0;
  return {
    id: l.id, label: l.def.label, unit: l.def.unit, format: leverFormat(l.def),
    range: { min: l.def.min, max: l.def.max, step: l.def.step }, allowed: { min: l.lo, max: l.hi }, current: l.x0, resolution: l.res,
    modelCostPerUnitYear, hasModelCost, ...(l.unitCost !== undefined ? { enteredUnitCost: l.unitCost } : {}),
    costSource: hasModelCost ? (entered ? 'model+entered' : 'model') : entered ? 'entered' : 'none', chosen,
  };
}

/** Runs the whole search and returns the answer (the CLI, tests, the bench). */
export function cheapestMix(projector: Projector, scenario: Scenario, request: MixRequest = {}): MixResult {
  const steps = mixSteps(projector, scenario, request);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * The search as a generator: yields progress after every projection or batch of projections
 * and returns the answer. A caller that stops pulling (`return()`) ends it.
 */
export function* mixSteps(projector: Projector, scenario: Scenario, request: MixRequest = {}): Generator<MixProgress, MixResult, void> {
  const maxRuns = Math.max(20, Math.floor(request.maxRuns ?? DEFAULT_MAX_RUNS));
  yield { phase: 'setup', runs: 0, maxRuns, fraction: 0 };
  const prepared = prepare(projector, scenario, request);
  if (!prepared.ok) return errorResult(prepared.setup, prepared.reason, prepared.runs);
  const { problem: P, base } = prepared;
  const L = P.levers;
  const n = L.length;
  const m = P.targets.length;

  const ev = evaluator(projector, P, base, prepared.runs);
  const { cache, evaluate } = ev;
  let iterations = 0;
  const progress = (phase: MixProgress['phase'], fraction: number): MixProgress => ({ phase, runs: ev.runs, maxRuns, fraction: Math.min(0.99, Math.max(0, fraction)) });
  const budgetLeft = () => ev.runs < maxRuns - (n + 3);

  /** Finite-difference slopes at a point: one projection per lever. */
  const slopesAt = (p: Point): Slopes => {
    const cost = new Array<number>(n).fill(0);
    const margins = Array.from({ length: m }, () => new Array<number>(n).fill(0));
    L.forEach((l, i) => {
      if (l.hi <= l.lo) return;
      const up = p.x[i] + l.h <= l.hi;
      const x = [...p.x];
      x[i] = up ? p.x[i] + l.h : p.x[i] - l.h;
      const q = evaluate(x);
      const dx = q.x[i] - p.x[i];
      if (dx === 0) return;
      cost[i] = (q.cost - p.cost) / dx;
      for (let j = 0; j < m; j++) {
        const d = (q.margins[j] - p.margins[j]) / dx;
        margins[j][i] = Number.isFinite(d) ? d : 0;
      }
    });
    return { cost, margins };
  };

  const x0 = L.map((l) => l.x0);
  const startX = L.map((l, i) => request.start?.[l.id] ?? x0[i]);
  let start: Point;
  let slopes0: Slopes;
  try {
    start = evaluate(startX);
    slopes0 = slopesAt(start);
  } catch (err) {
    return errorResult(P.setup, text(`预测运行失败:${(err as Error).message}`, `a projection failed: ${(err as Error).message}`), ev.runs);
  }
  // The cost scale: what moving every lever by its own scale would cost (1 when nothing costs).
  const kappa = slopes0.cost.reduce((sum, c, i) => sum + Math.abs(c) * L[i].s, 0) || 1;

  /** Normalised margins (÷ the target's size); a margin that is not a number counts as far short. */
  const normalised = (p: Point) => p.margins.map((m, j) => (Number.isFinite(m) ? m / P.sigma[j] : -1e6));
  const NONE = P.targets.map(() => 0);
  /** Total normalised shortfall; `off` relaxes each target by what no mix can close (an infeasible case). */
  const shortfall = (p: Point, off: readonly number[] = NONE) => normalised(p).reduce((sum, g, j) => sum + Math.max(0, -(g + off[j])), 0);
  const distance = (p: Point) => p.x.reduce((sum, v, i) => sum + Math.abs(v - x0[i]) / L[i].s, 0);
  const merit = (p: Point, cw: number, mu: number, off: readonly number[]) => (cw * p.cost) / kappa + EPS * distance(p) + mu * shortfall(p, off);
  /** The cheapest projection run that passes `ok` (ties: the one closest to the scenario). */
  const cheapest = (ok: (p: Point) => boolean): Point | null => {
    let best: Point | null = null;
    for (const p of cache.values()) {
      if (!ok(p)) continue;
      const tol = 1e-9 * Math.max(1, Math.abs(best?.cost ?? 0));
      if (!best || p.cost < best.cost - tol || (Math.abs(p.cost - best.cost) <= tol && distance(p) < distance(best))) best = p;
    }
    return best;
  };

  /**
   * One phase of trust-region SLP from `p`. `cw` weights the cost (0: feasibility only, which
   * ends at the first mix that meets every target or where no step reduces the shortfall);
   * `off` relaxes the targets (see `shortfall`).
   */
  function* phase(p0: Point, s0: Slopes, cw: number, name: 'feasibility' | 'cost', off: readonly number[] = NONE): Generator<MixProgress, Point, void> {
    let p = p0;
    let sl = s0;
    let delta = 1;
    let mu = cw > 0 ? MU0 : 1;
    let k = 0;
    const base = name === 'feasibility' ? 0 : 0.4;
    const span = name === 'feasibility' ? 0.4 : 0.55;
    while (budgetLeft() && k < 200) {
      if (cw === 0 && p.met) break;
      k++;
      const G = sl.margins.map((row, j) => row.map((d, i) => (d * L[i].s) / P.sigma[j]));
      const g = normalised(p).map((gj, j) => gj + off[j]);
      const programme = (weight: number, penalty: number, eps: number, shift?: readonly number[]) => ({
        F: sl.cost.map((c, i) => (weight * c * L[i].s) / kappa),
        G,
        g: shift ? g.map((gj, j) => gj + shift[j]) : g,
        up: L.map((l, i) => Math.min(delta, (l.hi - p.x[i]) / l.s)),
        down: L.map((l, i) => Math.min(delta, (p.x[i] - l.lo) / l.s)),
        dev: L.map((l, i) => (p.x[i] - x0[i]) / l.s),
        eps,
        mu: penalty,
      });
      let sol = solveStep(programme(cw, mu, EPS));
      iterations++;
      const viol = (t: number[]) => t.reduce((a, b) => a + b, 0);
      if (cw > 0 && viol(sol.t) > 1e-9) {
        // Steering: raise the penalty until the step removes as much shortfall as any step in the box could.
        const best = viol(solveStep(programme(0, 1, 0)).t);
        iterations++;
        while (viol(sol.t) > best + 1e-9 && mu < 1e9) {
          mu *= 10;
          sol = solveStep(programme(cw, mu, EPS));
          iterations++;
        }
      }
      if (!sol.ok) break;
      if (cw === 0) {
        // Feasibility: stop where no step in the box reduces the (linearised) shortfall.
        const now = g.reduce((sum, gj) => sum + Math.max(0, -gj), 0);
        if (now - viol(sol.t) <= 1e-9 * (1 + now)) break;
      }
      const pred = sol.valueAtZero - sol.value;
      const here = merit(p, cw, mu, off);
      if (!(pred > 1e-10 * (1 + Math.abs(here)))) break;
      const toPoint = (y: readonly number[]) => ev.snap(p.x.map((v, i) => v + y[i] * L[i].s));
      const candidate = toPoint(sol.y);
      let yMax = Math.max(...sol.y.map(Math.abs));
      if (candidate.every((v, i) => v === p.x[i])) {
        delta = 0.5 * Math.max(yMax, 1e-12);
        if (delta < 1e-7) break;
        continue;
      }
      let q = evaluate(candidate);
      yield progress(name, base + span * Math.min(0.9, k / 25));
      let rho = (here - merit(q, cw, mu, off)) / pred;
      if (rho < 0.25 && budgetLeft()) {
        // Second-order correction: the targets bent away from their tangents over the step;
        // shift each by what was seen and solve again with the same slopes.
        const seen = normalised(q).map((gq, j) => gq + off[j] - g[j] - G[j].reduce((sum, gji, i) => sum + gji * sol.y[i], 0));
        const corrected = solveStep(programme(cw, mu, EPS, seen));
        iterations++;
        const c = toPoint(corrected.y);
        if (corrected.ok && !c.every((v, i) => v === q.x[i])) {
          const q2 = evaluate(c);
          const rho2 = (here - merit(q2, cw, mu, off)) / pred;
          if (rho2 > rho) {
            q = q2;
            rho = rho2;
            yMax = Math.max(...corrected.y.map(Math.abs));
          }
        }
      }
      if (rho >= 0.1) {
        p = q;
        sl = slopesAt(p);
        yield progress(name, base + span * Math.min(0.9, k / 25));
      }
      if (rho < 0.25) delta = 0.5 * yMax;
      else if (rho > 0.5 && yMax >= 0.99 * delta) delta = Math.min(2 * delta, 1e6);
      if (delta < 1e-7) break;
    }
    return p;
  }

  try {
    // Phase 1: any mix that meets every target (least total shortfall).
    let feasible: Point = start;
    if (!start.met) {
      feasible = yield* phase(start, slopes0, 0, 'feasibility');
      if (!feasible.met) {
        // Before calling it impossible: the corner of the range that favours the targets (a
        // lever whose slope is zero here, as a nursing share while no bed is built, at its top).
        const s = slopesAt(feasible);
        const corner = L.map((l, i) => {
          const pull = s.margins.reduce((sum, row, j) => sum + row[i] / P.sigma[j], 0);
          return pull < 0 ? l.lo : l.hi;
        });
        const c = evaluate(corner);
        if (c.met) feasible = c;
        else if (shortfall(c) < shortfall(feasible) - 1e-9) feasible = yield* phase(c, slopesAt(c), 0, 'feasibility');
      }
    }
    if (!feasible.met) {
      // No mix meets them all: the cheapest mix that keeps each target's shortfall to the smallest found.
      const least = shortfall(feasible);
      const off = normalised(feasible).map((g) => Math.max(0, -g));
      const within = (p: Point) => shortfall(p, off) <= 1e-9 * (1 + least) && shortfall(p) <= least * (1 + 1e-9) + 1e-12;
      yield* phase(feasible, slopesAt(feasible), 1, 'cost', off);
      yield progress('rounding', 0.96);
      return finish(roundPoint(cheapest(within) ?? feasible, within), 'infeasible');
    }

    // Phase 2: lower the cost while every target stays met.
    yield* phase(feasible, feasible === start ? slopes0 : slopesAt(feasible), 1, 'cost');
    yield progress('rounding', 0.96);
    return finish(roundPoint(cheapest((p) => p.met)!, (p) => p.met), 'solved');
  } catch (err) {
    return errorResult(P.setup, text(`求解过程中预测运行失败:${(err as Error).message}`, `a projection failed during the search: ${(err as Error).message}`), ev.runs);
  }

  /** Rounds a mix to each lever's resolution: to the nearest, else towards the targets; keeps it only while `ok` holds. */
  function roundPoint(p: Point, ok: (q: Point) => boolean): Point {
    const s = slopesAt(p);
    const roundTo = (v: number, r: number, mode: 'near' | 'up' | 'down') => {
      const q = v / r;
      const k = mode === 'near' ? Math.round(q) : mode === 'up' ? Math.ceil(q - 1e-9) : Math.floor(q + 1e-9);
      return Number((k * r).toPrecision(12));
    };
    const near = evaluate(p.x.map((v, i) => roundTo(v, L[i].res, 'near')));
    if (ok(near) && near.cost <= p.cost + 1e-6 * Math.max(1, Math.abs(p.cost))) return near;
    const safe = evaluate(p.x.map((v, i) => {
      const pull = s.margins.reduce((sum, row, j) => sum + row[i] / P.sigma[j], 0);
      return roundTo(v, L[i].res, pull > 0 ? 'up' : pull < 0 ? 'down' : 'near');
    }));
    if (ok(safe)) return safe;
    if (ok(near)) return near;
    return p;
  }

  /** The answer at a point: targets, levers with their words, cost lines. */
  function finish(p: Point, status: 'solved' | 'infeasible'): MixResult {
    const s = slopesAt(p);
    const baseCost = (id: string) => periodSum(base, id, P.period);
    const r = p.result;
    const targets: MixTargetOutcome[] = P.targets.map((t, j) => {
      const v = r.targets[P.targetIndex[j]];
      const margin = v?.margin ?? null;
      const unmoved = s.margins[j].every((d) => d === 0);
      const slack = s.margins[j].reduce((sum, d, i) => sum + Math.abs(d) * L[i].res, 0);
      const binding = Boolean(v?.met) && !unmoved && margin !== null && margin <= Math.max(1e-3 * P.sigma[j], 1.5 * slack);
      const info = P.setup.targets.find((x) => x.id === t.id)!;
      return { ...info, met: Boolean(v?.met), value: v?.valueAtYear ?? null, margin, binding, shortfall: margin !== null && !v?.met ? Math.max(0, -margin) : 0, unmoved, ...(v?.error ? { error: v.error } : {}) };
    });
    // Lines that the levers move (over every projection run), the rest left out of the sums.
    const moved = P.lines.filter((line) => {
      const totals = [...cache.values()].map((q) => periodSum(q.result, line.id, P.period));
      const lo = Math.min(...totals);
      const hi = Math.max(...totals);
      return hi - lo > 1e-9 * Math.max(1, Math.abs(hi));
    });
    const years = Array.from({ length: P.period.years }, (_, k) => P.period.fromYear + k);
    const lines: MixCost['lines'] = moved.map((line) => {
      const perYear = periodValues(r, line.id, P.period);
      const total = perYear.reduce((a, b) => a + b, 0);
      return { id: line.id, label: line.label, kind: 'model', total, change: total - baseCost(line.id), perYear };
    });
    L.forEach((l, i) => {
      if (!l.unitCost) return;
      const charged = (q: Point, x: number) => chargedQuantities(q.result, l.id, x, l.costUnit, P.period).map((u) => u * l.unitCost!);
      const perYear = charged(p, p.x[i]);
      const before = chargedQuantities(base, l.id, l.x0, l.costUnit, P.period).reduce((a, b) => a + b * l.unitCost!, 0);
      const total = perYear.reduce((a, b) => a + b, 0);
      lines.push({ id: `${l.id}:entered`, label: text(`${l.def.label.zh}(本地输入成本)`, `${l.def.label.en} (entered cost)`), kind: 'entered', total, change: total - before, perYear });
    });
    const perYear = years.map((_, k) => lines.reduce((sum, line) => sum + line.perYear[k], 0));
    const total = perYear.reduce((a, b) => a + b, 0);
    const cost: MixCost = { fromYear: P.period.fromYear, toYear: P.period.toYear, years, total, perYear, change: lines.reduce((sum, line) => sum + line.change, 0), lines };
    const levers: MixLeverOutcome[] = L.map((l, i): MixLeverOutcome => {
      const info = P.setup.levers[i];
      const value = p.x[i];
      const change = value - l.x0;
      const atBound = l.hi > l.lo && value >= l.hi - 1e-12 * Math.max(1, Math.abs(l.hi)) ? 'max' : l.hi > l.lo && value <= l.lo + 1e-12 * Math.max(1, Math.abs(l.lo)) ? 'min' : null;
      const serves = targets.filter((t, j) => (status === 'solved' ? t.binding : !t.met) && s.margins[j][i] !== 0).map((t) => t.id);
      const acts = s.margins.some((row) => row[i] !== 0);
      return { ...info, value, change, atBound, acts, costOfChange: s.cost[i] * change, serves, text: { zh: '', en: '' } };
    });
    for (const l of levers) l.text = describeLever(l, levers, targets, cost, status);
    const warnings: Text[] = [];
    const free = levers.filter((l) => l.costSource === 'none' && l.change !== 0);
    if (free.length) {
      warnings.push(text(
        `模型中没有以下调节参数的成本,本组合按零成本计算:${free.map((l) => `「${l.label.zh}」`).join('、')}。请输入每单位成本后重新计算。`,
        `The model has no cost for ${free.map((l) => `"${l.label.en}"`).join(', ')}: this mix counts ${free.length > 1 ? 'them' : 'it'} as free. Enter a cost per unit and run again.`,
      ));
    }
    if (status === 'solved' && levers.some((l, i) => Math.abs(l.value / l.resolution - Math.round(l.value / l.resolution)) > 1e-6 && L[i].res > 0)) {
      warnings.push(text('部分调节参数未能取整(取整后目标不再满足),显示的是未取整的值。', 'Some levers are not rounded (rounded, a target was no longer met): the values shown are exact.'));
    }
    const infeasibleTargets = status === 'infeasible' ? targets.filter((t) => !t.met).map((t) => t.id) : [];
    const result: MixResult = {
      status, targets, levers, cost, infeasibleTargets, relativeShortfall: shortfall(p), runs: ev.runs, iterations, warnings,
      summary: { zh: '', en: '' }, period: P.setup.period,
    };
    result.summary = describeMix(result);
    return result;
  }
}

/** Runs projections of a problem: cached by lever values (snapped to range and whole numbers), counted. */
function evaluator(projector: Projector, P: Problem, base: ProjectionResult, runsBefore = 0) {
  const L = P.levers;
  const cache = new Map<string, Point>();
  const state = {
    runs: runsBefore,
    cache,
    snap: (x: readonly number[]) => x.map((v, i) => {
      const c = Math.min(L[i].hi, Math.max(L[i].lo, v));
      return L[i].def.integer ? Math.min(L[i].hi, Math.max(L[i].lo, Math.round(c))) : c;
    }),
    evaluate(xRaw: readonly number[]): Point {
      const x = state.snap(xRaw);
      const key = x.join(',');
      const hit = cache.get(key);
      if (hit) return hit;
      state.runs++;
      const overrides: Record<string, number> = {};
      L.forEach((l, i) => (overrides[l.id] = x[i]));
      const result = projector.run(P.scenario, overrides, base);
      const modelCost = P.lines.reduce((sum, line) => sum + periodSum(result, line.id, P.period), 0);
      let enteredCost = 0;
      L.forEach((l, i) => {
        if (l.unitCost) enteredCost += l.unitCost * chargedQuantities(result, l.id, x[i], l.costUnit, P.period).reduce((a, b) => a + b, 0);
      });
      const margins = P.targetIndex.map((ti) => result.targets[ti]?.margin ?? NaN);
      const met = P.targetIndex.every((ti) => result.targets[ti]?.met === true);
      const point = { x, result, modelCost, enteredCost, cost: modelCost + enteredCost, margins, met };
      cache.set(key, point);
      return point;
    },
  };
  return state;
}

/** What a given set of lever values costs and whether it meets the chosen targets (for comparisons). */
export interface MixEvaluation {
  ok: boolean;
  /** The quantity the mix minimises: every cost line of the model plus entered costs, summed over the period. */
  objective: number;
  /** `objective` minus the same in the scenario as it is. */
  change: number;
  met: boolean;
  reason?: Text;
}

/**
 * Evaluates lever values under a request's targets, levers, period and entered costs, with one
 * full projection — the yardstick the search minimises (used to compare with goal seek).
 */
export function evaluateMix(projector: Projector, scenario: Scenario, request: MixRequest, values: Readonly<Record<string, number>>): MixEvaluation {
  const prepared = prepare(projector, scenario, { ...request, levers: request.levers?.map((l) => ({ ...l, min: undefined, max: undefined })) });
  if (!prepared.ok) return { ok: false, objective: NaN, change: NaN, met: false, reason: prepared.reason };
  const P = prepared.problem;
  const ev = evaluator(projector, P, prepared.base);
  const at = ev.evaluate(P.levers.map((l) => values[l.id] ?? l.x0));
  const now = ev.evaluate(P.levers.map((l) => l.x0));
  return { ok: true, objective: at.cost, change: at.cost - now.cost, met: at.met };
}

/** The answer for a search the caller stopped (nothing run counts). */
export function cancelledMix(scenario: Scenario, request: MixRequest = {}): MixResult {
  const ids = request.targets ?? scenario.targets.filter(isBindingTarget).map((t) => t.id);
  const p = costPeriod(scenario, scenario.targets.filter((t) => ids.includes(t.id)), request.period ?? 'to-targets');
  return {
    status: 'cancelled', targets: [], levers: [], cost: null, infeasibleTargets: [], relativeShortfall: 0, runs: 0, iterations: 0, warnings: [],
    summary: text('已取消。', 'Cancelled.'), period: { fromYear: p.fromYear, toYear: p.toYear, kind: p.kind },
  };
}

function errorResult(setup: MixSetup, reason: Text, runs: number): MixResult {
  return {
    status: 'error', targets: [], levers: [], cost: null, infeasibleTargets: [], relativeShortfall: 0, runs, iterations: 0, warnings: [],
    summary: text(`无法求最低成本组合:${reason.zh}`, `Cannot find the cheapest mix: ${reason.en}`), reason, period: setup.period,
  };
}
