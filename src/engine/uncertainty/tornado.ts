/**
 * One-at-a-time sensitivity (a tornado, MODEL.md §7): for a chosen output in a year, or a
 * target's margin, each input is moved alone to a low and a high value and the output recorded.
 * Uncertain inputs move to P10 and P90 of their distribution (or to their range ends); every
 * other adjustable input (a continuous parameter) moves ±10 % of its value. Ranked by swing;
 * an input whose low and high both move the output the same way is flagged non-monotone.
 */
import type { ParameterDef, Text } from '../../../models/types.ts';
import type { Scenario } from '../../../models/scenario.ts';
import type { Projector } from '../projector.ts';
import type { ProjectionResult } from '../types.ts';
import { quantile } from './distributions.ts';
import { canBeUncertain, uncertainInputs, valueOf } from './ranges.ts';
import { pathPointDefs, withPathPoints } from './path-points.ts';

/** What the tornado measures: a series in a year, or a target's margin. */
export type TornadoOutput = { kind: 'series'; id: string; year: number } | { kind: 'target'; id: string };

/** How an input's low and high were chosen. */
export type TornadoBasis = 'p10-p90' | 'range' | 'plus-minus-10pct';

/** One bar: the input at its low and high, and the output at each. */
export interface TornadoBar {
  id: string;
  label: Text;
  basis: TornadoBasis;
  low: { input: number; output: number };
  high: { input: number; output: number };
  /** |output(high) − output(low)|, or the larger one-sided change when non-monotone. */
  swing: number;
  /** Both ends move the output the same way from the base (the effect is not monotone). */
  nonMonotone: boolean;
}

/** A tornado: the output's base value and the bars, largest swing first. */
export interface Tornado {
  output: TornadoOutput;
  base: number;
  bars: TornadoBar[];
  /** Inputs left out (value 0, so ±10 % does not move them), by id. */
  skipped: string[];
  runs: number;
}

/** Parses `OUTPUT@YEAR` (a series) or `target:ID` (a target's margin), as the CLI writes it. */
export function parseTornadoOutput(text: string): TornadoOutput | null {
  const t = /^target:([A-Za-z_][A-Za-z0-9_]*)$/.exec(text.trim());
  if (t) return { kind: 'target', id: t[1] };
  const m = /^([A-Za-z_][A-Za-z0-9_]*)@(\d{4})$/.exec(text.trim());
  return m ? { kind: 'series', id: m[1], year: Number(m[2]) } : null;
}

function reader(scenario: Scenario, output: TornadoOutput): (r: ProjectionResult) => number {
  if (output.kind === 'series') {
    const i = output.year - scenario.baseYear;
    return (r) => r.series[output.id]?.[i] ?? NaN;
  }
  const k = scenario.targets.findIndex((t) => t.id === output.id);
  return (r) => r.targets[k]?.margin ?? NaN;
}

/** Checks the output against the scenario; returns a message naming what is wrong, or null. */
export function checkTornadoOutput(scenario: Scenario, base: ProjectionResult, output: TornadoOutput): string | null {
  if (output.kind === 'target') {
    return scenario.targets.some((t) => t.id === output.id) ? null : `tornado: no target "${output.id}" in the scenario (allowed: ${scenario.targets.map((t) => t.id).join(', ') || 'none'})`;
  }
  if (!base.series[output.id]) return `tornado: unknown output "${output.id}" (see the series of the JSON output)`;
  if (output.year < scenario.baseYear || output.year > scenario.endYear) return `tornado: year ${output.year} is outside the projection ${scenario.baseYear}–${scenario.endYear}`;
  return null;
}

/** Computes the tornado; `basis` chooses P10/P90 (default) or the range ends for uncertain inputs. */
export function tornado(projector: Projector, scenario: Scenario, output: TornadoOutput, options: { basis?: 'p10-p90' | 'range' } = {}): Tornado {
  const base = projector.run(scenario);
  const problem = checkTornadoOutput(scenario, base, output);
  if (problem) throw new RangeError(problem);
  const read = reader(scenario, output);
  const baseValue = read(base);
  const uncertain = new Map(uncertainInputs(scenario, projector.parameters).map((u) => [u.id, u.range]));
  const bars: TornadoBar[] = [];
  const skipped: string[] = [];
  let runs = 1;
  const at = (def: ParameterDef, x: number) => {
    runs++;
    const v = Math.min(def.max, Math.max(def.min, x));
    if (def.id.includes('@')) {
      const w = withPathPoints(scenario, { [def.id]: v });
      return read(projector.run(w.scenario, w.overrides));
    }
    return read(projector.run(scenario, { [def.id]: v }, base));
  };
  for (const def of [...projector.parameters, ...pathPointDefs(scenario, projector.parameters)]) {
    if (!canBeUncertain(def)) continue;
    const range = uncertain.get(def.id);
    let lo: number;
    let hi: number;
    let basis: TornadoBasis;
    if (range) {
      basis = options.basis === 'range' ? 'range' : 'p10-p90';
      lo = basis === 'range' ? range.low : quantile(range, 0.1);
      hi = basis === 'range' ? range.high : quantile(range, 0.9);
    } else {
      const v = def.id.includes('@') ? def.default : valueOf(scenario, def);
      if (v === 0) {
        skipped.push(def.id);
        continue;
      }
      basis = 'plus-minus-10pct';
      lo = Math.max(def.min, Math.min(v * 0.9, v * 1.1));
      hi = Math.min(def.max, Math.max(v * 0.9, v * 1.1));
    }
    const yLo = at(def, lo);
    const yHi = at(def, hi);
    const dLo = yLo - baseValue;
    const dHi = yHi - baseValue;
    const tol = 1e-9 * Math.max(1, Math.abs(baseValue));
    const nonMonotone = Math.abs(dLo) > tol && Math.abs(dHi) > tol && Math.sign(dLo) === Math.sign(dHi);
    const swing = nonMonotone ? Math.max(Math.abs(dLo), Math.abs(dHi)) : Math.abs(yHi - yLo);
    bars.push({ id: def.id, label: def.label, basis, low: { input: lo, output: yLo }, high: { input: hi, output: yHi }, swing: Number.isFinite(swing) ? swing : 0, nonMonotone });
  }
  bars.sort((a, b) => b.swing - a.swing || (a.id < b.id ? -1 : 1));
  return { output, base: baseValue, bars, skipped, runs };
}
