/**
 * Which levers move a target: a quick probe before a goal seek. Every policy parameter (not a
 * mode switch, a year, a base-year figure or a demographic assumption) is set to each end of
 * its allowed range, and the target's margin compared with today's; the levers that can meet
 * the target come first, then those that move it most. A target in the base year is not
 * probed for policy: the base year's figures are inputs, so the probe lists the base-year
 * inputs that determine it instead. Pure; runs in the worker.
 */
import type { DisplayFormat, ParameterDef, Text } from '../../models/types.ts';
import type { Projector } from './projector.ts';
import type { ProjectionResult, Scenario } from './types.ts';

/** Modules whose parameters are assumptions about people, not levers a bureau pulls. */
const ASSUMPTION_MODULES = new Set(['population', 'dependency']);

/** A base-year figure (the known situation), not a lever: `…_base`, `base_…`, `…_base_…`. */
export function isBaseYearInput(id: string): boolean {
  return /(^base_|_base$|_base_)/.test(id);
}

/** How one lever moves a target over its allowed range. */
export interface LeverEffect {
  lever: string;
  label: Text;
  unit: Text;
  format: DisplayFormat;
  /** The lever's current value. */
  from: number;
  /** The end of the range that does most for the target. */
  best: number;
  /** The target's margin there (≥ 0 means met), in the target's stored unit. */
  bestMargin: number;
  /** How much the margin improves at `best` over today's (positive: towards the target); for a base-year target, the largest change either way. */
  gain: number;
  /** Some value in range meets the target (at least at one end). */
  canMeet: boolean;
}

/** The probe's answer: the levers that move the target, best first. */
export interface LeverRanking {
  targetId: string;
  status: 'ranked' | 'base-year' | 'already-met' | 'error';
  /** Today's margin (null when the target is not judged). */
  margin: number | null;
  /** Levers that move the target, can-meet first, then by gain. */
  effects: LeverEffect[];
  /** How many candidates were probed and did not move it. */
  noEffect: number;
  /** Projections run. */
  runs: number;
  /** For an error: why, in both languages. */
  reason?: Text;
}

/** The parameters probed for a target: policy levers, or base-year inputs for a base-year target. */
export function leverCandidates(projector: Projector, baseYearTarget: boolean): ParameterDef[] {
  const moduleOf = new Map(projector.modules.flatMap((m) => m.parameters.map((p) => [p.id, m.id] as const)));
  return projector.parameters.filter((p) => {
    if (p.choices || p.format === 'year' || !(p.max > p.min)) return false;
    if (baseYearTarget) return isBaseYearInput(p.id) || ASSUMPTION_MODULES.has(moduleOf.get(p.id) ?? '');
    return !isBaseYearInput(p.id) && !ASSUMPTION_MODULES.has(moduleOf.get(p.id) ?? '');
  });
}

/** Ranks the levers of `targetId` by their effect on it (see the module comment). Never throws. */
export function rankLevers(projector: Projector, scenario: Scenario, targetId: string, current?: ProjectionResult): LeverRanking {
  const ti = scenario.targets.findIndex((t) => t.id === targetId);
  const target = scenario.targets[ti];
  const none = (status: LeverRanking['status'], reason?: Text, margin: number | null = null): LeverRanking => ({ targetId, status, margin, effects: [], noEffect: 0, runs: 0, ...(reason ? { reason } : {}) });
  if (!target) return none('error', { zh: `本情景中没有编号为"${targetId}"的目标`, en: `no target with id "${targetId}" in this scenario` });
  let base: ProjectionResult;
  let runs = 0;
  try {
    base = current ?? (runs++, projector.run(scenario));
  } catch (err) {
    const m = (err as Error).message;
    return none('error', { zh: `情景无法运行:${m}`, en: `the scenario does not run: ${m}` });
  }
  const verdict = base.targets[ti];
  if (!verdict || verdict.error || verdict.margin === null) return none('error', { zh: verdict?.error ?? '目标未被评判', en: verdict?.error ?? 'the target was not judged' });
  const baseYearTarget = !target.every && target.year === scenario.baseYear;
  if (verdict.met && !baseYearTarget) return none('already-met', undefined, verdict.margin);

  const margin0 = verdict.margin;
  const effects: LeverEffect[] = [];
  let noEffect = 0;
  for (const def of leverCandidates(projector, baseYearTarget)) {
    const from = scenario.parameters[def.id] ?? def.default;
    let best = from;
    let bestMargin = margin0;
    let canMeet = false;
    let moved = 0;
    for (const x of [def.min, def.max]) {
      if (x === from) continue;
      let m: number | null;
      let met: boolean;
      try {
        runs++;
        const v = projector.run(scenario, { [def.id]: x }, base).targets[ti];
        m = v.margin;
        met = v.met;
      } catch {
        continue;
      }
      if (m === null) continue;
      canMeet ||= met;
      moved = Math.max(moved, Math.abs(m - margin0));
      if (m > bestMargin) {
        bestMargin = m;
        best = x;
      }
    }
    const gain = bestMargin - margin0;
    // For a base-year target any input that changes it counts (a wrong figure may be too high or too low).
    if (!((baseYearTarget ? moved : gain) > 1e-9 * Math.max(1, Math.abs(margin0)))) {
      noEffect++;
      continue;
    }
    effects.push({ lever: def.id, label: def.label, unit: def.unit, format: def.format ?? 'rate', from, best, bestMargin, gain: baseYearTarget ? moved : gain, canMeet });
  }
  effects.sort((a, b) => Number(b.canMeet) - Number(a.canMeet) || b.gain - a.gain);
  return { targetId, status: baseYearTarget ? 'base-year' : 'ranked', margin: margin0, effects, noEffect, runs };
}
