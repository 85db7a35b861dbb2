/**
 * How uncertain inputs are shown and typed: shares and yearly rates in %, as the parameter
 * panel shows them (stored as fractions); a range in words with its distribution.
 */
import type { ParameterDef } from '../../models/types.ts';
import type { UncertainRange, Uncertainty } from '../../models/scenario.ts';
import { MONTE_CARLO_DEFAULTS } from '../../models/uncertainty.ts';
import type { Lang } from './i18n.svelte.ts';

// One display rule for inputs (the parameter panel's): shares and fractions per year in %.
export { displayScale, displayUnit } from './parameter-display.ts';
import { displayScale, displayUnit } from './parameter-display.ts';

/** A number as typed and shown: no float noise, at most 6 significant digits. */
export function tidy(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(6)));
}

/** Names of the distributions. */
export const DIST_LABELS = {
  uniform: { zh: '均匀分布', en: 'uniform' },
  triangular: { zh: '三角分布', en: 'triangular' },
  normal: { zh: '截断正态分布', en: 'truncated normal' },
} as const;

/** A range in words: "三角分布 0.8–1.8（众数 1.3）". */
export function describeRange(r: UncertainRange, def: Pick<ParameterDef, 'format' | 'unit'>, lang: Lang): string {
  const k = displayScale(def);
  const u = displayUnit(def, lang);
  const span = `${tidy(r.low * k)}–${tidy(r.high * k)} ${u}`.trim();
  const dist = DIST_LABELS[r.dist][lang];
  if (r.dist === 'triangular') return lang === 'zh' ? `${dist} ${span}（众数 ${tidy(r.mode * k)}）` : `${dist} ${span} (mode ${tidy(r.mode * k)})`;
  if (r.dist === 'normal') return lang === 'zh' ? `${dist} ${span}（均值 ${tidy(r.mean * k)}，标准差 ${tidy(r.sd * k)}）` : `${dist} ${span} (mean ${tidy(r.mean * k)}, sd ${tidy(r.sd * k)})`;
  return `${dist} ${span}`;
}

/**
 * A plain copy of a scenario's uncertainty to edit (or the defaults when it has none). JSON, not
 * structuredClone: it copies Svelte state proxies too, and Chromium 86 has no structuredClone.
 */
export function editableUncertainty(u: Uncertainty | undefined): Uncertainty {
  return u ? (JSON.parse(JSON.stringify(u)) as Uncertainty) : { draws: MONTE_CARLO_DEFAULTS.draws, seed: MONTE_CARLO_DEFAULTS.seed, ranges: {} };
}
