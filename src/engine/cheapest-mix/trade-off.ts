/**
 * The trade-off curve: the cheapest mix again and again with one chosen target set to a row of
 * levels (nursing share 50 %, 55 %, 60 % …), the other chosen targets as they are — so a
 * planner sees where a target becomes expensive, and from which level no mix in range meets it.
 * Each level starts from the previous level's mix (easiest level first).
 */
import type { Text } from '../../../models/types.ts';
import type { Projector } from '../projector.ts';
import type { Scenario, TargetOp } from '../types.ts';
import { isBindingTarget, targetFormat } from './choice.ts';
import { DEFAULT_MAX_RUNS, mixSteps } from './solve.ts';
import type { MixProgress, MixRequest, TradeOffPoint, TradeOffResult } from './types.ts';

/** Most levels one curve may have. */
export const MAX_TRADE_OFF_LEVELS = 25;

/** The step among 1, 2, 2.5, 5 × 10^k that is the smallest not below `x`. */
function niceStep(x: number): number {
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= x * (1 - 1e-9)) return m * p;
  return 10 * p;
}

/**
 * Default levels for a target: round numbers from its projected value (where the mix costs
 * nothing extra) to half as far again beyond the target, the target's own value included;
 * about six to ten levels. Shares stay within 0–100 %.
 */
export function tradeOffLevels(rule: { op: TargetOp; value: number }, projected: number | null, share: boolean): number[] {
  const v = rule.value;
  const p = projected !== null && Number.isFinite(projected) ? projected : v;
  const up = rule.op === '>=' || rule.op === '>';
  let a = up ? Math.min(p, v) : v - 0.5 * Math.abs(v - p);
  let b = up ? v + 0.5 * Math.abs(v - p) : Math.max(p, v);
  if (!(b - a > 1e-9 * Math.max(1, Math.abs(v)))) {
    const d = Math.abs(v) * 0.2 || 1;
    a = v - d;
    b = v + d;
  }
  if (share) {
    a = Math.max(0, a);
    b = Math.min(1, b);
  }
  let step = niceStep((b - a) / 6);
  let levels: number[] = [];
  for (;;) {
    levels = [];
    for (let k = Math.ceil(a / step - 1e-9); k * step <= b + 1e-9 * step; k++) levels.push(Number((k * step).toPrecision(12)));
    if (levels.length <= 10) break;
    step = niceStep(step * 1.5);
  }
  if (!levels.some((x) => Math.abs(x - v) <= 1e-9 * Math.max(1, Math.abs(v)))) levels.push(v);
  return [...new Set(levels)].sort((x, y) => x - y);
}

/** What the curve is asked for: the target, and its levels (default: `tradeOffLevels`). */
export interface TradeOffRequest {
  targetId: string;
  levels?: readonly number[];
}

const text = (zh: string, en: string): Text => ({ zh, en });

/** The curve as a generator of progress (see `mixSteps`); returns the points, easiest level first solved, sorted by level. */
export function* tradeOffSteps(projector: Projector, scenario: Scenario, request: MixRequest, curve: TradeOffRequest): Generator<MixProgress, TradeOffResult, void> {
  const target = scenario.targets.find((t) => t.id === curve.targetId);
  const variables = projector.variables(scenario);
  const empty = (reason: Text): TradeOffResult => ({
    status: 'error', targetId: curve.targetId, targetLabel: target?.label ?? curve.targetId, format: target ? targetFormat(target, variables) : 'rate',
    ...(target?.unit ? { unit: target.unit } : {}), op: target?.op ?? '>=', points: [], runs: 0, reason,
  });
  if (!target) return empty(text(`tradeOff.targetId:本情景中没有编号为"${curve.targetId}"的目标`, `tradeOff.targetId: no target with id "${curve.targetId}" in this scenario`));
  const format = targetFormat(target, variables);
  let levels: number[];
  if (curve.levels) {
    levels = [...new Set(curve.levels)].sort((x, y) => x - y);
    const bad = levels.find((x) => !Number.isFinite(x));
    if (bad !== undefined) return empty(text(`tradeOff.levels:${String(bad)} 不是数字`, `tradeOff.levels: ${String(bad)} is not a number`));
    if (levels.length === 0 || levels.length > MAX_TRADE_OFF_LEVELS) {
      return empty(text(`tradeOff.levels:${levels.length} 个,允许 1–${MAX_TRADE_OFF_LEVELS} 个`, `tradeOff.levels: ${levels.length} levels, allowed 1–${MAX_TRADE_OFF_LEVELS}`));
    }
  } else {
    let projected: number | null = null;
    try {
      projected = projector.run(scenario).targets.find((v) => v.id === target.id)?.valueAtYear ?? null;
    } catch {
      projected = null;
    }
    levels = tradeOffLevels(target, projected, format === 'share');
  }

  // The curve's target is always among those met (with the binding ones when none are chosen).
  const chosen = [...new Set([...(request.targets ?? scenario.targets.filter(isBindingTarget).map((t) => t.id)), target.id])];
  const up = target.op === '>=' || target.op === '>';
  const order = up ? levels : [...levels].reverse();
  const points: TradeOffPoint[] = [];
  let runs = 0;
  let start: Record<string, number> | undefined;
  for (const [k, level] of order.entries()) {
    const steps = mixSteps(projector, scenario, {
      ...request,
      targets: chosen,
      targetValues: { ...(request.targetValues ?? {}), [target.id]: level },
      ...(start ? { start } : {}),
      maxRuns: request.maxRuns ?? Math.round(DEFAULT_MAX_RUNS / 2),
    });
    for (;;) {
      const next = steps.next();
      if (next.done) {
        const r = next.value;
        runs += r.runs;
        if (r.status === 'error') return { ...empty(r.reason ?? text('', '')), runs };
        const levers = Object.fromEntries(r.levers.map((l) => [l.id, l.value]));
        if (r.status === 'solved') start = levers;
        points.push({
          level,
          status: r.status,
          costChange: r.status === 'solved' && r.cost ? r.cost.change : null,
          costTotal: r.status === 'solved' && r.cost ? r.cost.total : null,
          relativeShortfall: r.relativeShortfall,
          levers,
          binding: r.targets.filter((t) => t.binding).map((t) => t.id),
        });
        break;
      }
      yield { ...next.value, phase: 'trade-off', runs: runs + next.value.runs, fraction: (k + next.value.fraction) / order.length, level: { index: k, count: order.length } };
    }
  }
  points.sort((x, y) => x.level - y.level);
  return { status: 'done', targetId: target.id, targetLabel: target.label, format, ...(target.unit ? { unit: target.unit } : {}), op: target.op, points, runs };
}

/** The whole curve (CLI, tests). */
export function tradeOff(projector: Projector, scenario: Scenario, request: MixRequest, curve: TradeOffRequest): TradeOffResult {
  const steps = tradeOffSteps(projector, scenario, request, curve);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
