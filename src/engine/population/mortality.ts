/**
 * The mortality of a projection: base death rates of a WPP period, scaled so that the base-year
 * life table gives `e0_base`, times a multiplier M_i for year index i, and the survival and
 * period life expectancy of every year.
 *
 * - Scale k (by sex): e0(k·m) = e0_base, solved once per (period, e0_base, sex split, sex ratio at
 *   birth) and kept in a small memo, so slider moves that leave mortality alone never pay for it.
 * - Multiplier M_i: (1 − r)^i for an improvement rate r (given, or solved so that the end year
 *   reaches `e0_target`); Π (1 − r_j) for a path of improvement rates; or solved year by year so
 *   that e0 follows a path of life expectancies.
 * - The rates are constant within each of the 22 WPP groups (0, 1-4, 5-9 … 95-99, 100+), so a life
 *   table needs one exp per group: a group of n ages with hazard h contributes l·(1 − e^{−nh})/h
 *   person-years and passes l·e^{−nh} on. This equals the single-age table exactly.
 * Solves use the Illinois method (regula falsi that halves the stale end) on x = ln(factor): e0
 * falls monotonically as the factor rises, and the bracket [e^−8, e^8] holds every e0 between a
 * few months and several centuries.
 */
import type { PathPoint } from '../types.ts';
import { anchoredPoints, pathSetsBaseYear, valueAt } from '../paths.ts';
import { baseMortality, GROUP_WIDTH, MORTALITY_GROUPS, mortalityPeriod } from './rates.ts';

const G = MORTALITY_GROUPS;

/** Lowest improvement rate the kernel accepts (fraction per year). */
export const IMPROVEMENT_MIN = -0.05;
/** Highest improvement rate the kernel accepts (fraction per year). */
export const IMPROVEMENT_MAX = 0.2;
const LN_LO = -8;
const LN_HI = 8;

/** What the mortality of one projection depends on (resolved parameter values). */
export interface MortalityInput {
  baseYear: number;
  /** Number of year indices (horizon + 1). */
  years: number;
  /** `mortality_base_period`: −1 automatic, 0 = 2015-2020, 1 = 2020-2025. */
  periodChoice: number;
  e0Base: number;
  bySex: boolean;
  e0BaseMale: number;
  e0BaseFemale: number;
  /** Share of males at birth (weights the sexes in the both-sexes e0). */
  maleShare: number;
  improvement: number;
  e0TargetMode: boolean;
  e0Target: number;
  e0Path?: readonly PathPoint[];
  improvementPath?: readonly PathPoint[];
}

/** A warning about the mortality inputs (both languages) and the parameters to look at. */
export interface MortalityWarning {
  zh: string;
  en: string;
  parameters: string[];
}

/** The survival and life tables of a projection. Shared and overwritten by the next call with other inputs. */
export interface MortalitySchedule {
  /**
   * One-year survival e^{−m} of WPP group g (0, 1-4, 5-9 … 95-99, 100+) in year index i at
   * `i * 22 + g`; every single age of a group shares it (`GROUP_OF_AGE`).
   */
  male: Float64Array;
  female: Float64Array;
  e0Male: Float64Array;
  e0Female: Float64Array;
  /** Improvement applied in each year (1 − M_i / M_{i−1}; index 0 repeats index 1). */
  improvement: Float64Array;
  period: 0 | 1;
  scaleMale: number;
  scaleFemale: number;
  years: number;
  warnings: MortalityWarning[];
}

/** Life expectancy at birth of group rates `m` times the factor `f`. */
export function e0OfGroups(m: Float64Array, f: number): number {
  let l = 1;
  let t = 0;
  for (let g = 0; g < G - 1; g++) {
    const h = (m[g] as number) * f;
    const sn = Math.exp(-h * (GROUP_WIDTH[g] as number));
    t += (l * (1 - sn)) / h;
    l *= sn;
  }
  return t + l / ((m[G - 1] as number) * f);
}

/**
 * Solves e(x) = target for x (e falling in x) on [LN_LO, LN_HI] by the Illinois method.
 * Returns NaN-free x; `reached` is false when the target lies outside e's range (x is then the
 * nearer end).
 */
function solveLn(e: (x: number) => number, target: number): { x: number; reached: boolean } {
  let a = LN_LO;
  let b = LN_HI;
  let fa = e(a) - target;
  let fb = e(b) - target;
  if (!(fa > 0)) return { x: a, reached: fa === 0 };
  if (!(fb < 0)) return { x: b, reached: fb === 0 };
  for (let k = 0; k < 200; k++) {
    const c = b - (fb * (b - a)) / (fb - fa);
    const fc = e(c) - target;
    if (Math.abs(fc) < 1e-11 || Math.abs(b - a) < 1e-15) return { x: c, reached: true };
    if ((fc < 0) === (fb < 0)) fa /= 2;
    else {
      a = b;
      fa = fb;
    }
    b = c;
    fb = fc;
  }
  return { x: b, reached: true };
}

interface Scale {
  male: number;
  female: number;
  warnings: MortalityWarning[];
}
const scaleMemo = new Map<string, Scale>();
/** The last scale asked for, compared without building the memo's string key. */
let lastScale: { period: number; bySex: boolean; e0M: number; e0F: number; e0Both: number; w: number; scale: Scale } | null = null;

const fmt = (x: number) => String(Number(x.toFixed(2)));

/** Scale factors by sex so that the base-year life table gives the base-year e0 (memoized). */
function scaleFor(period: 0 | 1, e0Both: number, bySex: boolean, e0M: number, e0F: number, w: number): Scale {
  const l = lastScale;
  if (l && l.period === period && l.bySex === bySex && (bySex ? l.e0M === e0M && l.e0F === e0F : l.e0Both === e0Both && l.w === w)) return l.scale;
  const key = bySex ? `${period}|s|${e0M}|${e0F}` : `${period}|b|${e0Both}|${w}`;
  const hit = scaleMemo.get(key);
  if (hit) {
    lastScale = { period, bySex, e0M, e0F, e0Both, w, scale: hit };
    return hit;
  }
  const b = baseMortality(period);
  const warnings: MortalityWarning[] = [];
  let out: Scale;
  const unreachable = (whatZh: string, whatEn: string, value: number, got: number, param: string): MortalityWarning => ({
    zh: `${whatZh}${fmt(value)}岁无法由死亡率缩放达到,已取最接近的${fmt(got)}岁`,
    en: `${whatEn} ${fmt(value)} cannot be reached by scaling the death rates; the nearest, ${fmt(got)}, is used`,
    parameters: [param],
  });
  if (bySex) {
    const sm = solveLn((x) => e0OfGroups(b.groupMale, Math.exp(x)), e0M);
    const sf = solveLn((x) => e0OfGroups(b.groupFemale, Math.exp(x)), e0F);
    out = { male: Math.exp(sm.x), female: Math.exp(sf.x), warnings };
    if (!sm.reached) warnings.push(unreachable('男性基期预期寿命', 'male base-year life expectancy', e0M, e0OfGroups(b.groupMale, out.male), 'e0_base_male'));
    if (!sf.reached) warnings.push(unreachable('女性基期预期寿命', 'female base-year life expectancy', e0F, e0OfGroups(b.groupFemale, out.female), 'e0_base_female'));
  } else {
    const s = solveLn((x) => {
      const f = Math.exp(x);
      return w * e0OfGroups(b.groupMale, f) + (1 - w) * e0OfGroups(b.groupFemale, f);
    }, e0Both);
    const k = Math.exp(s.x);
    out = { male: k, female: k, warnings };
    if (!s.reached) warnings.push(unreachable('基期预期寿命', 'base-year life expectancy', e0Both, w * e0OfGroups(b.groupMale, k) + (1 - w) * e0OfGroups(b.groupFemale, k), 'e0_base'));
  }
  if (scaleMemo.size >= 16) scaleMemo.delete(scaleMemo.keys().next().value as string);
  scaleMemo.set(key, out);
  lastScale = { period, bySex, e0M, e0F, e0Both, w, scale: out };
  return out;
}

/** Both-sexes e0 with multiplier M on top of the scales. */
function e0Both(period: 0 | 1, scale: Scale, w: number, mult: number): number {
  const b = baseMortality(period);
  return w * e0OfGroups(b.groupMale, scale.male * mult) + (1 - w) * e0OfGroups(b.groupFemale, scale.female * mult);
}

const schedule: MortalitySchedule = {
  male: new Float64Array(0),
  female: new Float64Array(0),
  e0Male: new Float64Array(0),
  e0Female: new Float64Array(0),
  improvement: new Float64Array(0),
  period: 0,
  scaleMale: 1,
  scaleFemale: 1,
  years: 0,
  warnings: [],
};
let multipliers = new Float64Array(0);
/** The inputs the schedule was last built for (compared field by field: cheaper than a string key). */
let last: { period: number; input: MortalityInput; e0Path: string; rPath: string } | null = null;

const pathKey = (p: readonly PathPoint[] | undefined) => (p && p.length > 0 ? p.map((x) => `${x.year}:${x.value}`).join(',') : '');

/** e^d for |d| ≤ 0.05: degree-7 Taylor polynomial (relative error below 3e-15). */
function expSmall(d: number): number {
  return 1 + d * (1 + d * 0.5 * (1 + d * (1 / 3) * (1 + d * 0.25 * (1 + d * 0.2 * (1 + d * (1 / 6) * (1 + d * (1 / 7)))))));
}

/**
 * Writes the group survival e^{−m·f} at offset o of `surv` and returns e0. With the factor of the
 * year before (`fPrev` > 0, its survival at o − 22), s = s_prev · e^{m·(fPrev − f)}, the small
 * exponent as a polynomial (cheaper than Math.exp, which is used for larger steps).
 */
function fillYear(m: Float64Array, inv: Float64Array, f: number, surv: Float64Array, o: number, fPrev: number): number {
  let l = 1;
  let t = 0;
  const df = fPrev - f;
  const invF = 1 / f;
  for (let g = 0; g < G - 1; g++) {
    const mg = m[g] as number;
    const h = mg * f;
    const d = mg * df;
    const s = fPrev > 0 && d < 0.05 && d > -0.05 ? (surv[o - G + g] as number) * expSmall(d) : Math.exp(-h);
    surv[o + g] = s;
    const width = GROUP_WIDTH[g] as number;
    const s2 = s * s;
    const sn = width === 5 ? s2 * s2 * s : width === 4 ? s2 * s2 : s;
    t += l * (1 - sn) * (inv[g] as number) * invF;
    l *= sn;
  }
  const h = (m[G - 1] as number) * f;
  surv[o + G - 1] = Math.exp(-h);
  return t + l / h;
}

/**
 * The mortality schedule for these inputs. Rebuilt only when an input that mortality depends on
 * changes; the returned object is shared and overwritten by the next call with other inputs.
 */
export function mortalitySchedule(input: MortalityInput): Readonly<MortalitySchedule> {
  const period = mortalityPeriod(input.periodChoice, input.baseYear);
  const years = Math.max(1, input.years);
  const w = input.maleShare;
  const e0Path = input.e0Path && input.e0Path.length > 0 ? input.e0Path : undefined;
  const rPath = !e0Path && input.improvementPath && input.improvementPath.length > 0 ? input.improvementPath : undefined;
  const mode = e0Path ? 'e' : rPath ? 'p' : input.e0TargetMode ? 't' : 'r';
  const e0Key = pathKey(e0Path);
  const rKey = pathKey(rPath);
  if (last && last.period === period && last.e0Path === e0Key && last.rPath === rKey && sameInputs(last.input, input, years, mode)) return schedule;

  const warnings: MortalityWarning[] = [];
  let baseE0 = input.e0Base;
  let bySex = input.bySex;
  let e0Points: PathPoint[] | null = null;
  if (e0Path) {
    e0Points = anchoredPoints(e0Path, input.baseYear, input.e0Base);
    if (pathSetsBaseYear(e0Path, input.baseYear)) {
      baseE0 = valueAt(e0Points, input.baseYear);
      if (bySex) {
        bySex = false;
        warnings.push({
          zh: '预期寿命路径给出了基期值,基期按男女合计值缩放,分性别基期值未使用',
          en: 'the life-expectancy path gives the base-year value, so the base year is scaled to it for both sexes; the values by sex are not used',
          parameters: ['e0_base_by_sex'],
        });
      }
    }
  }
  const scale = scaleFor(period, baseE0, bySex, input.e0BaseMale, input.e0BaseFemale, w);
  warnings.push(...scale.warnings);

  if (multipliers.length < years) multipliers = new Float64Array(years);
  const M = multipliers;
  M[0] = 1;
  const improvement = schedule.improvement.length >= years ? schedule.improvement : new Float64Array(years);
  if (mode === 'e' && e0Points) {
    for (let i = 1; i < years; i++) {
      const target = valueAt(e0Points, input.baseYear + i);
      const s = solveLn((x) => e0Both(period, scale, w, Math.exp(x)), target);
      M[i] = Math.exp(s.x);
      improvement[i] = 1 - (M[i] as number) / (M[i - 1] as number);
    }
    improvement[0] = years > 1 ? (improvement[1] as number) : 0;
  } else if (mode === 'p' && rPath) {
    const pts = anchoredPoints(rPath, input.baseYear, input.improvement);
    improvement[0] = valueAt(pts, input.baseYear);
    for (let i = 1; i < years; i++) {
      const r = Math.min(IMPROVEMENT_MAX, Math.max(IMPROVEMENT_MIN, valueAt(pts, input.baseYear + i)));
      improvement[i] = r;
      M[i] = (M[i - 1] as number) * (1 - r);
    }
  } else {
    let r = input.improvement;
    const horizon = years - 1;
    if (mode === 't' && horizon > 0) {
      const s = solveLn((x) => e0Both(period, scale, w, Math.exp(x)), input.e0Target);
      r = 1 - Math.exp(s.x / horizon);
    } else if (mode === 't') r = 0;
    const clamped = Math.min(IMPROVEMENT_MAX, Math.max(IMPROVEMENT_MIN, r));
    if (mode === 't' && clamped !== r) {
      warnings.push({
        zh: `目标预期寿命${fmt(input.e0Target)}岁需要每年${(r * 100).toFixed(1)}%的死亡率变化,超出允许范围,已取${(clamped * 100).toFixed(1)}%`,
        en: `the target life expectancy ${fmt(input.e0Target)} needs a mortality change of ${(r * 100).toFixed(1)} % a year, outside the allowed range; ${(clamped * 100).toFixed(1)} % is used`,
        parameters: ['e0_target'],
      });
    }
    r = clamped;
    for (let i = 0; i < years; i++) improvement[i] = r;
    for (let i = 1; i < years; i++) M[i] = (M[i - 1] as number) * (1 - r);
  }

  if (schedule.male.length < years * G) {
    schedule.male = new Float64Array(years * G);
    schedule.female = new Float64Array(years * G);
    schedule.e0Male = new Float64Array(years);
    schedule.e0Female = new Float64Array(years);
  }
  const b = baseMortality(period);
  for (let i = 0; i < years; i++) {
    const prev = i > 0 ? (M[i - 1] as number) : 0;
    schedule.e0Male[i] = fillYear(b.groupMale, b.groupMaleInv, scale.male * (M[i] as number), schedule.male, i * G, scale.male * prev);
    schedule.e0Female[i] = fillYear(b.groupFemale, b.groupFemaleInv, scale.female * (M[i] as number), schedule.female, i * G, scale.female * prev);
  }
  schedule.improvement = improvement;
  schedule.period = period;
  schedule.scaleMale = scale.male;
  schedule.scaleFemale = scale.female;
  schedule.years = years;
  schedule.warnings = warnings;
  last = { period, input: { ...input, years }, e0Path: e0Key, rPath: rKey };
  return schedule;
}

/** True when `b` asks for the same schedule as `a` (only the fields its mode reads). */
function sameInputs(a: MortalityInput, b: MortalityInput, years: number, mode: string): boolean {
  if (a.baseYear !== b.baseYear || a.years !== years || a.maleShare !== b.maleShare || a.bySex !== b.bySex) return false;
  if (b.bySex ? a.e0BaseMale !== b.e0BaseMale || a.e0BaseFemale !== b.e0BaseFemale : a.e0Base !== b.e0Base) return false;
  const aMode = a.e0Path?.length ? 'e' : a.improvementPath?.length ? 'p' : a.e0TargetMode ? 't' : 'r';
  if (aMode !== mode) return false;
  if (mode === 't') return a.e0Target === b.e0Target;
  if (mode === 'r' || mode === 'p') return a.improvement === b.improvement;
  return mode === 'e' && a.e0Base === b.e0Base;
}
