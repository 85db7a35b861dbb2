/**
 * Target lines on charts: a horizontal reference line for each target whose expression is
 * exactly one of the chart's series (e.g. a target on `beds_per_1000_elderly` on the chart of
 * beds per 1000 elderly), labelled with the rule ("目标 2025年 ≥ 40").
 */
import type { ReferenceLine } from './charts/chart-model.ts';
import { formatValue, type Lang, type ValueFormat } from '../engine/format.ts';
import { describeRule } from '../engine/targets.ts';
import { targetLabel } from '../engine/labels.ts';
import type { TargetDef } from '../engine/types.ts';

/** The colour of target lines (the app's accent red, distinct from norms' grey). */
export const TARGET_LINE_COLOR = '#8b1a1a';

/**
 * Reference lines for the targets drawn on a chart of `seriesIds`. `format` prints the value
 * in the chart's unit (0.55 → 55%); without it the plain number is shown.
 */
export function targetLinesFor(seriesIds: readonly string[], targets: readonly TargetDef[], lang: Lang, format?: ValueFormat): ReferenceLine[] {
  const ids = new Set(seriesIds);
  const word = lang === 'zh' ? '目标' : 'Target';
  return targets
    .filter((t) => ids.has(t.expr.trim()) && Number.isFinite(t.value))
    .map((t) => {
      const valueText = format ? formatValue(t.value, format, lang) : undefined;
      return { value: t.value, label: `${word} ${targetLabel(t, lang)}: ${describeRule(t, lang, valueText)}`, color: TARGET_LINE_COLOR };
    });
}
