/**
 * What the cheapest mix works on by default: the scenario's binding targets (约束性) and the
 * levers that act on them; and the checks of a planner's choice (ids, ranges, entered costs),
 * each problem naming the field and the allowed range.
 */
import type { ParameterDef, Text } from '../../../models/types.ts';
import { targetsCatalog } from '../../../models/targets-catalog.ts';
import { DEFAULT_LEVERS } from '../goal-seek.ts';
import { formatFromUnit, type ValueFormat } from '../format.ts';
import { fmtPlain } from '../parameters.ts';
import type { VariableInfo } from '../projector.ts';
import type { TargetDef } from '../types.ts';
import type { MixLeverInput } from './types.ts';

/**
 * True when a plan marks the target binding (约束性): its source says so ("… 约束性", "… binding",
 * as `catalogTargetDef` writes it), or, when the source is silent, its catalog entry does.
 */
export function isBindingTarget(target: Pick<TargetDef, 'id' | 'source'>): boolean {
  const source = target.source ?? '';
  if (/约束性|\bbinding\b/i.test(source)) return true;
  if (/预期性|\bindicative\b/i.test(source)) return false;
  return targetsCatalog.find((e) => e.id === target.id)?.kind === 'binding';
}

/**
 * Levers worth offering for a variable beyond goal seek's own (which moves one lever per
 * target): a share of nursing beds also rises when more beds are built at a high nursing share.
 */
const MORE_LEVERS: Readonly<Record<string, readonly string[]>> = {
  nursing_bed_share: ['beds_new_per_year'],
  beds_nursing: ['beds_new_per_year'],
  beds_nursing_gap: ['beds_new_per_year'],
};

const identifiers = (expr: string) => expr.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [];

/**
 * The levers that act on the given targets, in a stable order: each target's own `lever`, then
 * every lever goal seek knows for the variables it reads, then the further ones above. Mode
 * switches and ids the model does not define are left out.
 */
export function leversForTargets(targets: readonly Pick<TargetDef, 'expr' | 'lever'>[], parameters: readonly ParameterDef[]): string[] {
  const byId = new Map(parameters.map((p) => [p.id, p]));
  const out: string[] = [];
  const add = (id: string | undefined) => {
    if (!id || out.includes(id)) return;
    const def = byId.get(id);
    if (def && !def.choices) out.push(id);
  };
  for (const t of targets) {
    add(t.lever);
    for (const name of identifiers(t.expr)) {
      for (const id of DEFAULT_LEVERS[name] ?? []) add(id);
      for (const id of MORE_LEVERS[name] ?? []) add(id);
    }
  }
  return out;
}

/** The smallest difference of a lever the mix reports: 1 for counts and whole numbers, a tenth of the step otherwise. */
export function leverResolution(def: ParameterDef): number {
  if (def.integer || def.format === 'count') return def.step >= 1 ? 1 : def.step || 1;
  return def.step > 0 ? def.step / 10 : (def.max - def.min) / 10000 || 1;
}

/** How a lever's value reads: a fraction as %, else its own format. */
export function leverFormat(def: ParameterDef): ValueFormat {
  return def.format === 'share' || /fraction/i.test(def.unit.en) ? 'share' : def.format ?? 'rate';
}

/** The unit an entered cost of the lever is per: one percentage point for a share, one unit otherwise. */
export function costUnitOf(def: ParameterDef): number {
  return leverFormat(def) === 'share' ? 0.01 : 1;
}

/** How a target's value reads (from its unit, else its variable), as goal seek shows it. */
export function targetFormat(target: Pick<TargetDef, 'expr' | 'unit'>, variables: readonly VariableInfo[]): ValueFormat {
  const v = variables.find((x) => x.id === target.expr.trim());
  return target.unit ? formatFromUnit(target.unit, v?.format ?? 'rate') : v?.format ?? 'rate';
}

/** A lever checked against its parameter: the range the mix may use, or the problem. */
export type CheckedLever = { ok: true; def: ParameterDef; min: number; max: number; unitCost?: number } | { ok: false; problem: Text };

/** Checks one lever of a request: a known, continuous parameter; a range inside its own; a cost ≥ 0. */
export function checkLever(input: MixLeverInput, parameters: readonly ParameterDef[]): CheckedLever {
  const def = parameters.find((p) => p.id === input.id);
  const field = `levers.${input.id}`;
  if (!def) return { ok: false, problem: { zh: `${field}:模型中没有这个参数`, en: `${field}: not a parameter of the model (see --list-parameters)` } };
  if (def.choices) return { ok: false, problem: { zh: `${field}:这是模式选择,不是可连续调节的数量`, en: `${field}: a mode switch, not a quantity the mix can move` } };
  const range = `${fmtPlain(def.min)}–${fmtPlain(def.max)} (${def.unit.en})`;
  const rangeZh = `${fmtPlain(def.min)}–${fmtPlain(def.max)}(${def.unit.zh})`;
  const min = input.min ?? def.min;
  const max = input.max ?? def.max;
  for (const [name, x] of [['min', min], ['max', max]] as const) {
    if (!Number.isFinite(x) || x < def.min || x > def.max) {
      return { ok: false, problem: { zh: `${field}.${name} = ${String(x)}:允许范围 ${rangeZh}`, en: `${field}.${name} = ${String(x)}: allowed ${range}` } };
    }
  }
  if (min > max) {
    return { ok: false, problem: { zh: `${field}:下限 ${fmtPlain(min)} 高于上限 ${fmtPlain(max)}`, en: `${field}: min ${fmtPlain(min)} is above max ${fmtPlain(max)}` } };
  }
  if (input.unitCost !== undefined && (!Number.isFinite(input.unitCost) || input.unitCost < 0 || input.unitCost > 1e12)) {
    return {
      ok: false,
      problem: { zh: `${field}.unitCost = ${String(input.unitCost)}:允许 0–1e12 元`, en: `${field}.unitCost = ${String(input.unitCost)}: allowed 0–1e12 yuan` },
    };
  }
  return { ok: true, def, min, max, ...(input.unitCost !== undefined ? { unitCost: input.unitCost } : {}) };
}
