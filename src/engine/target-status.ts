/**
 * How a target's verdict reads in the targets table: its status in words (met, missed, met from
 * a later year), the value and margin in the target's unit, and the display format a target or
 * indicator takes from its unit. Pure (no mathjs), shared by the view and its tests.
 */
import type { DisplayFormat } from '../../models/types.ts';
import { formatFromUnit, formatMargin, formatValue, type Lang, type ValueFormat } from './format.ts';
import type { TargetDef, TargetVerdict } from './types.ts';
import type { VariableInfo } from './variables.ts';

/** A verdict's status: met, missed, met only from a year later than the target year, or not judged. */
export type TargetStatusKind = 'met' | 'missed' | 'late' | 'error';

/** The status of one target as the table shows it (a symbol and words, never colour alone). */
export interface TargetStatus {
  kind: TargetStatusKind;
  /** "✓ 已达成", "✗ 未达成", "◐ 2027年起达成", "! 无法评判". */
  text: string;
}

/**
 * The status of a verdict. A target missed in its year but met in a later projected year reads
 * "met from year Y" (Y年起达成); for an every-year rule Y is the first year the inequality holds.
 */
export function targetStatus(def: Pick<TargetDef, 'year'>, verdict: TargetVerdict | undefined, lang: Lang): TargetStatus {
  const zh = lang === 'zh';
  if (!verdict || verdict.error) return { kind: 'error', text: zh ? '! 无法评判' : '! Not judged' };
  if (verdict.met) return { kind: 'met', text: zh ? '✓ 已达成' : '✓ Met' };
  const y = verdict.firstYearMet;
  if (y !== null && y > def.year) return { kind: 'late', text: zh ? `◐ ${y}年起达成` : `◐ Met from ${y}` };
  return { kind: 'missed', text: zh ? '✗ 未达成' : '✗ Missed' };
}

/**
 * How to show a target's values: from its unit when it has one (%, ‰, 元, 每千, 每万…), else
 * from the variable its expression names, else a plain rate. Mirrors the goal seek's choice.
 */
export function targetValueFormat(def: Pick<TargetDef, 'expr' | 'unit'>, variables: readonly VariableInfo[]): ValueFormat {
  const v = variables.find((x) => x.id === def.expr.trim());
  return def.unit ? formatFromUnit(def.unit, v?.format ?? 'rate') : v?.format ?? 'rate';
}

/** The display format a chart can take for a value format (per-1000 / per-10k / ‰ draw as rates). */
export function chartFormat(format: ValueFormat): DisplayFormat {
  return format === 'per-1000' || format === 'per-10k' || format === 'permille' ? 'rate' : format;
}

/** The value in the target year and the margin, as text in the target's unit ("—" when missing). */
export function targetNumbers(def: Pick<TargetDef, 'unit'>, verdict: TargetVerdict | undefined, format: ValueFormat, lang: Lang): { value: string; margin: string } {
  const unit = def.unit || undefined;
  return {
    value: formatValue(verdict?.valueAtYear, format, lang, { unit }),
    margin: formatMargin(verdict?.margin, format, lang, { unit }),
  };
}

/** What the Monte Carlo draws say of one target (the engine's `TargetProbability`, structurally). */
export interface TargetChanceInput {
  probability: number | null;
  evaluated: number;
  marginP10: number | null;
  marginP90: number | null;
}

/**
 * A target's chance as the table, the report and the CSV show it: the share of draws in which
 * it is met ("83%"; "—" when no draw could judge it) and the P10–P90 of its margin in the
 * target's unit ("−1.2 … +3.4 个百分点").
 */
export function targetChance(def: Pick<TargetDef, 'unit'>, chance: TargetChanceInput | undefined, format: ValueFormat, lang: Lang): { probability: string; marginRange: string } {
  if (!chance || chance.probability === null || chance.evaluated === 0) return { probability: '—', marginRange: '—' };
  const unit = def.unit || undefined;
  const pct = Math.round(chance.probability * 100);
  // A share that rounds to 0 % or 100 % but is not exactly so says "<1%" / ">99%".
  const probability = pct === 0 && chance.probability > 0 ? '<1%' : pct === 100 && chance.probability < 1 ? '>99%' : `${pct}%`;
  const lo = formatMargin(chance.marginP10, format, lang, { unit });
  const hi = formatMargin(chance.marginP90, format, lang, { unit });
  return { probability, marginRange: `${lo} … ${hi}` };
}
