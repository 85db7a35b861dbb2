/**
 * The linear programme solved at each step of the cheapest-mix search, handed to YALPS (a small
 * MIT-licensed simplex solver): the step `y` (in each lever's own scale) that minimises the
 * linearised cost plus a penalty on the linearised shortfall of every target, inside a box (the
 * trust region, cut to the allowed range). Elastic slacks `t` keep it feasible whatever the
 * targets, so a target no mix can meet shows up as a slack, not as a failed solve.
 *
 *   min  Σ F_i y_i + ε Σ w_i + μ Σ t_j
 *   s.t. g_j + Σ G_ji y_i + t_j ≥ 0            (target j, margins normalised)
 *        w_i ≥ |dev_i + y_i|                   (distance from the scenario's value: a tie-break)
 *        −down_i ≤ y_i ≤ up_i,  t ≥ 0,  w ≥ 0
 *
 * YALPS variables are non-negative, so y = y⁺ − y⁻.
 */
import { solve, type Coefficients, type Constraint } from 'yalps';

/** The data of one step's programme. */
export interface StepProgramme {
  /** Cost gradient per unit of scaled step (already weighted). */
  F: readonly number[];
  /** Gradient of each target's normalised margin per unit of scaled step: G[j][i]. */
  G: readonly (readonly number[])[];
  /** Normalised margins at the current point (≥ 0 met). */
  g: readonly number[];
  /** Largest step up and down of each lever (trust region ∩ allowed range), scaled. */
  up: readonly number[];
  down: readonly number[];
  /** Current distance of each lever from the scenario's value, scaled. */
  dev: readonly number[];
  /** Weight of the distance tie-break. */
  eps: number;
  /** Weight of the shortfall penalty. */
  mu: number;
}

/** The step found, its slacks and the programme's value. */
export interface StepSolution {
  ok: boolean;
  y: number[];
  t: number[];
  /** Value of the objective at the step. */
  value: number;
  /** Value of the objective at y = 0 (no step). */
  valueAtZero: number;
}

/** Solves one step's programme. */
export function solveStep(p: StepProgramme): StepSolution {
  const n = p.F.length;
  const m = p.g.length;
  const constraints: [string, Constraint][] = [];
  const variables: [string, Coefficients][] = [];
  for (let j = 0; j < m; j++) constraints.push([`c${j}`, { min: -p.g[j] }]);
  for (let i = 0; i < n; i++) {
    constraints.push([`u${i}`, { max: Math.max(0, p.up[i]) }], [`d${i}`, { max: Math.max(0, p.down[i]) }]);
    constraints.push([`wa${i}`, { min: p.dev[i] }], [`wb${i}`, { min: -p.dev[i] }]);
    const plus: [string, number][] = [['obj', p.F[i]], [`u${i}`, 1], [`wa${i}`, -1], [`wb${i}`, 1]];
    const minus: [string, number][] = [['obj', -p.F[i]], [`d${i}`, 1], [`wa${i}`, 1], [`wb${i}`, -1]];
    for (let j = 0; j < m; j++) {
      const gji = p.G[j][i];
      if (gji !== 0) {
        plus.push([`c${j}`, gji]);
        minus.push([`c${j}`, -gji]);
      }
    }
    variables.push([`p${i}`, plus], [`m${i}`, minus], [`w${i}`, [['obj', p.eps], [`wa${i}`, 1], [`wb${i}`, 1]]]);
  }
  for (let j = 0; j < m; j++) variables.push([`t${j}`, [['obj', p.mu], [`c${j}`, 1]]]);

  const valueAtZero = p.eps * p.dev.reduce((s, d) => s + Math.abs(d), 0) + p.mu * p.g.reduce((s, gj) => s + Math.max(0, -gj), 0);
  const solution = solve({ direction: 'minimize', objective: 'obj', constraints, variables }, { precision: 1e-10 });
  if (solution.status !== 'optimal') return { ok: false, y: new Array<number>(n).fill(0), t: p.g.map((gj) => Math.max(0, -gj)), value: valueAtZero, valueAtZero };
  const values = new Map(solution.variables);
  const y = Array.from({ length: n }, (_, i) => {
    const v = (values.get(`p${i}`) ?? 0) - (values.get(`m${i}`) ?? 0);
    // Never outside the box, whatever the solver's rounding.
    return Math.min(Math.max(v, -Math.max(0, p.down[i])), Math.max(0, p.up[i]));
  });
  const t = Array.from({ length: m }, (_, j) => values.get(`t${j}`) ?? 0);
  return { ok: true, y, t, value: solution.result, valueAtZero };
}
