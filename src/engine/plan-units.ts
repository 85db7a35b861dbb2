/**
 * Plan units: a parameter as a planner writes it in a spreadsheet, and back to the unit the
 * model stores. Shares are stored as fractions (0.6389) and written in % (63.89); standards are
 * stored per month or per year as the parameter's unit says (元/人/月, 元/人/年); counts in
 * persons or beds. `fromPlanInput` is the one function that turns what was typed into the stored
 * value:
 * - a bare number is in the row's plan unit (63.89 in a % row is 0.6389);
 * - a number with a unit converts: 63.89% or 638.9‰ → 0.6389 in a share row (% → ×10 in a ‰
 *   row); 7092元/年 or 7092元/人/年 → 591 in a 元/人/月 row (÷ 12), and 591元/月 → 7092 in a
 *   元/年 row (× 12); 12.3万 → 123,000 (万 = 10⁴, 亿 = 10⁸, 千 = 10³); the row's own unit → as is;
 * - a spreadsheet cell formatted as a percentage holds the fraction (Excel stores 65% as 0.65).
 * Anything else — a % in a row of beds, 元/月 in a row of yuan without a period — is refused
 * with what the row accepts.
 */
import type { DisplayFormat, ParameterDef, Text } from '../../models/types.ts';

/** What kind of quantity a row holds, which decides the units it converts from. */
export type PlanDimension = 'fraction' | 'per-1000' | 'money-month' | 'money-year' | 'money' | 'count' | 'plain';

/** A parameter's plan unit: the text a spreadsheet row shows and stored × `scale` = plan value. */
export interface PlanUnit {
  unit: Text;
  scale: number;
  dimension: PlanDimension;
}

/** The plan unit of a parameter (or of any value with a display format and a unit). */
export function planUnitOf(def: { format?: DisplayFormat; unit: Text }): PlanUnit {
  const zh = def.unit.zh;
  if (def.format === 'share' || /^fraction/i.test(def.unit.en)) {
    const perYear = /年/.test(zh) || /per year/i.test(def.unit.en);
    return { unit: perYear ? { zh: '%/年', en: '% per year' } : { zh: '%', en: '%' }, scale: 100, dimension: 'fraction' };
  }
  if (zh.startsWith('‰')) return { unit: def.unit, scale: 1, dimension: 'per-1000' };
  if (def.format === 'money') {
    if (/月/.test(zh)) return { unit: def.unit, scale: 1, dimension: 'money-month' };
    if (/年/.test(zh)) return { unit: def.unit, scale: 1, dimension: 'money-year' };
    return { unit: def.unit, scale: 1, dimension: 'money' };
  }
  if (def.format === 'count') return { unit: def.unit, scale: 1, dimension: 'count' };
  return { unit: def.unit, scale: 1, dimension: 'plain' };
}

/** Removes binary noise (63.89000000000001 → 63.89): 12 significant digits. */
export function tidyNumber(x: number): number {
  if (!Number.isFinite(x)) return x;
  const n = Number(x.toPrecision(12));
  return Object.is(n, -0) ? 0 : n;
}

/** A stored value in its plan unit (0.6389 → 63.89 for a share). */
export function toPlanValue(stored: number, pu: PlanUnit): number {
  return tidyNumber(stored * pu.scale);
}

/** What a cell held: a number, a number in a percentage-formatted cell, or text. */
export type PlanInput = number | string | { percentOf: number };

/** The stored value, or why the input cannot be read (both languages). */
export type PlanValueResult = { ok: true; value: number } | { ok: false; message: Text };

const MULTIPLIERS: Record<string, number> = { 万: 1e4, 亿: 1e8, 千: 1e3 };

const refuse = (zh: string, en: string): PlanValueResult => ({ ok: false, message: { zh, en } });

function normalize(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000\u00A0]+/g, '')
    .replace(/[,，](?=\d{3}(\D|$))/g, '');
}

/** The units a row accepts besides a bare number, for messages. */
function accepted(pu: PlanUnit): string {
  switch (pu.dimension) {
    case 'fraction':
      return '%, ‰';
    case 'per-1000':
      return '‰, %';
    case 'money-month':
      return `${pu.unit.zh}, 元/人/年 (÷12), 万元`;
    case 'money-year':
      return `${pu.unit.zh}, 元/人/月 (×12), 万元`;
    case 'money':
      return `${pu.unit.zh}, 万元, 亿元`;
    case 'count':
      return `${pu.unit.zh}, 万${pu.unit.zh}`;
    default:
      return pu.unit.zh;
  }
}

/** The factor that turns a value in `suffix` into the row's plan value, or null. */
function suffixFactor(suffix: string, pu: PlanUnit): number | null {
  if (suffix === '') return 1;
  const own = [pu.unit.zh, pu.unit.en].map((u) => normalize(u).toLowerCase());
  if (own.includes(suffix.toLowerCase())) return 1;
  const d = pu.dimension;
  if (suffix === '%') return d === 'fraction' ? 1 : d === 'per-1000' ? 10 : null;
  if (suffix === '‰') return d === 'fraction' ? 0.1 : d === 'per-1000' ? 1 : null;
  const mult = MULTIPLIERS[suffix[0] as string];
  if (mult !== undefined && (d === 'count' || d.startsWith('money'))) {
    const rest = suffixFactor(suffix.slice(1), pu);
    return rest === null ? null : mult * rest;
  }
  if (d.startsWith('money') && /^元/.test(suffix)) {
    const period = suffix.replace(/^元/, '').replace(/^\/(人|户|张|人次)/, '');
    const month = /^\/月$/.test(period);
    const year = /^\/年$/.test(period);
    if (period === '') return 1;
    if (d === 'money-month') return month ? 1 : year ? 1 / 12 : null;
    if (d === 'money-year') return year ? 1 : month ? 12 : null;
    return null;
  }
  return null;
}

/**
 * Turns what a planner typed into the stored value of a row with plan unit `pu` (see the module
 * comment for the conversions). The range is checked by the caller (`checkPlanRange`).
 */
export function fromPlanInput(input: PlanInput, pu: PlanUnit): PlanValueResult {
  if (typeof input === 'object') {
    if (pu.dimension === 'fraction') return { ok: true, value: tidyNumber(input.percentOf) };
    if (pu.dimension === 'per-1000') return { ok: true, value: tidyNumber(input.percentOf * 1000) };
    return refuse(`单元格为百分比格式,但本行单位是「${pu.unit.zh}」`, `the cell is formatted as a percentage, but this row is in ${pu.unit.en}`);
  }
  if (typeof input === 'number') {
    return Number.isFinite(input) ? { ok: true, value: tidyNumber(input / pu.scale) } : refuse('不是有限数值', 'not a finite number');
  }
  const s = normalize(input);
  const m = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?)(.*)$/i.exec(s);
  if (!m) return refuse(`「${input.trim()}」不是数字`, `"${input.trim()}" is not a number`);
  const factor = suffixFactor(m[2] as string, pu);
  if (factor === null) {
    return refuse(`单位「${m[2]}」无法换算为「${pu.unit.zh}」(可用:${accepted(pu)})`, `the unit "${m[2]}" does not convert to ${pu.unit.en} (accepted: ${accepted(pu)})`);
  }
  return { ok: true, value: tidyNumber((Number(m[1]) * factor) / pu.scale) };
}

/** The allowed range of a parameter in its plan unit, as a message fragment in both languages. */
export function planRange(def: Pick<ParameterDef, 'min' | 'max' | 'integer'>, pu: PlanUnit): Text {
  const lo = toPlanValue(def.min, pu);
  const hi = toPlanValue(def.max, pu);
  return {
    zh: `允许 ${lo}–${hi} ${pu.unit.zh}${def.integer ? ',整数' : ''}`,
    en: `allowed ${lo}–${hi} ${pu.unit.en}${def.integer ? ', whole numbers' : ''}`,
  };
}

/** Checks a stored value against a parameter's range; the message is in plan units. */
export function checkPlanRange(def: Pick<ParameterDef, 'min' | 'max' | 'integer'>, stored: number, pu: PlanUnit): Text | null {
  if (stored >= def.min && stored <= def.max && (!def.integer || Number.isInteger(stored))) return null;
  const r = planRange(def, pu);
  const shown = toPlanValue(stored, pu);
  return { zh: `${shown} ${pu.unit.zh} 超出范围;${r.zh}`, en: `${shown} ${pu.unit.en} is out of range; ${r.en}` };
}
