/**
 * Which district decides a city target. The city's margin on a target over one series is split
 * into one part per district, and the parts add up to the city's margin exactly:
 * - a ratio recomputed from sums (beds per 1000 elderly = Σ beds ÷ Σ 60+ × 1000): the district's
 *   own margin weighted by its share of the denominator (its 60+ population), since the city's
 *   ratio is the denominator-weighted mean of the districts' ratios;
 * - a weighted mean (the average dibao standard): the same with the declared weight;
 * - a count or money total (beds, the assistance budget): the district's value against the
 *   target shared out by the district's population in that year (an assumption: a city total has
 *   no district target of its own).
 * The deciding district is the one whose part is the most negative — the largest weighted
 * shortfall, which contributes most to the city's shortfall when the city misses the target, and
 * pulls it closest to the line when it meets it. `tips` says whether bringing that district alone
 * up to the target would make the city meet it. An every-year target is split in the city's worst
 * year. A target for one district, or on an expression that is not a single series, has none.
 */
import type { TargetDef } from '../../../models/scenario.ts';
import { signedMargin } from '../targets.ts';
import type { ProjectionResult } from '../types.ts';

/** One district's part of the city's margin. */
export interface TargetPart {
  district: string;
  /** The district's own value of the target's series in the year. */
  value: number;
  /** The district's share of the weight (denominator, declared weight or population). */
  weight: number;
  /** Its part of the city's margin, in the target's unit (negative: it pulls the city down). */
  part: number;
}

/** How a city target's margin splits over the districts, and which district decides it. */
export interface DecidingDistrict {
  targetId: string;
  /** The year split (the target year, or the city's worst year of an every-year target). */
  year: number;
  basis: 'ratio' | 'weighted' | 'sum';
  /** The series that weighs the districts (the denominator, the declared weight, or pop_total for a sum). */
  weightId: string;
  cityMargin: number;
  parts: TargetPart[];
  /** The district with the largest weighted shortfall; null when no district falls short. */
  decider: string | null;
  /** The city misses the target, and bringing the decider alone up to it would meet it. */
  tips: boolean;
}

const RATIO = /^\s*([A-Za-z_]\w*)\s*\/\s*(?:max\(\s*([A-Za-z_]\w*)\s*,\s*[\d.]+\s*\)|([A-Za-z_]\w*))\s*(?:\*\s*[\d.]+(?:e[+-]?\d+)?\s*)?$/i;

/** The denominator of a recomputed ratio (`num / den * k`, `num / max(den, c) * k`), or null. */
export function ratioDenominator(expr: string): string | null {
  const m = RATIO.exec(expr);
  return m ? (m[2] ?? m[3] ?? null) : null;
}

/** The split of a city target over the districts (null when it has none; see the module comment). */
export function decidingDistrict(result: ProjectionResult, target: TargetDef): DecidingDistrict | null {
  const districts = result.districts;
  const id = target.expr.trim();
  const rule = result.rollup?.[id];
  const city = result.series[id];
  if (!districts?.length || !rule || !city || target.district !== undefined) return null;
  const n = result.years.length;
  const k = target.year - result.baseYear;
  if (k < 0 || k >= n) return null;
  let y = k;
  if (target.every) for (let i = k; i < n; i++) if (signedMargin(target.op, city[i], target.value) < signedMargin(target.op, city[y], target.value)) y = i;
  const sign = target.op === '>=' || target.op === '>' ? 1 : -1;

  let basis: DecidingDistrict['basis'];
  let weightId: string;
  let raw: number[];
  if (rule.kind === 'sum') {
    basis = 'sum';
    weightId = 'pop_total';
    raw = districts.map((d) => d.result.series.pop_total?.[y] ?? NaN);
  } else if (rule.kind === 'recomputed') {
    const den = ratioDenominator(rule.expr);
    if (!den) return null;
    basis = 'ratio';
    weightId = den;
    raw = districts.map((d) => d.result.series[den]?.[y] ?? NaN);
  } else {
    basis = 'weighted';
    const w = rule.weight;
    weightId = typeof w === 'string' ? w : `${w[0]} / ${w[1]}`;
    raw = districts.map((d) => {
      const s = d.result.series;
      const x = typeof w === 'string' ? s[w]?.[y] : s[w[1]]?.[y] !== 0 ? s[w[0]]?.[y] / s[w[1]]?.[y] : 0;
      return x !== undefined && x > 0 ? x : 0;
    });
  }
  const total = raw.reduce((a, b) => a + b, 0);
  if (!(total > 0) || raw.some((x) => !Number.isFinite(x))) return null;
  const parts: TargetPart[] = districts.map((d, i) => {
    const value = d.result.series[id]?.[y] ?? NaN;
    const weight = raw[i] / total;
    const part = basis === 'sum' ? sign * (value - weight * target.value) : weight * sign * (value - target.value);
    return { district: d.name, value, weight, part };
  });
  if (parts.some((p) => !Number.isFinite(p.part))) return null;
  const cityMargin = signedMargin(target.op, city[y], target.value);
  const worst = parts.reduce((a, b) => (b.part < a.part ? b : a));
  const decider = worst.part < 0 ? worst.district : null;
  return { targetId: target.id, year: result.baseYear + y, basis, weightId, cityMargin, parts, decider, tips: decider !== null && cityMargin < 0 && cityMargin - worst.part >= 0 };
}
