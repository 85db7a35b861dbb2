/**
 * Goal seek: for a missed target and one lever parameter, the smallest change of the lever
 * within its allowed range (min..max) that meets the target, found by bisection on the full
 * projection to within the lever's step — or an honest report that no value in range meets it.
 * The direction is found by evaluating both ends of the range; a target that does not respond
 * monotonically to the lever is reported as such. Also: the cost of the change (difference of
 * every cost and assistance series over the period) and the sentence the UI shows.
 */
import type { DisplayFormat, ParameterDef, Text } from '../../models/types.ts';
import { formatFromUnit, formatMargin, formatValue, type Lang, type ValueFormat } from './format.ts';
import type { Projector, VariableInfo } from './projector.ts';
import { targetLabel } from './labels.ts';
import { describeRule } from './targets.ts';
import { unitText } from './units.ts';
import type { ProjectionResult, Scenario, TargetDef, TargetOp, TargetVerdict } from './types.ts';

/** Outcome of a goal seek. `base-year`: the target is in the base year, whose figures are inputs. */
export type GoalSeekStatus = 'already-met' | 'solved' | 'no-solution' | 'base-year' | 'error';

/** Options of a goal seek. */
export interface GoalSeekOptions {
  /** Tolerance on the lever (default: the lever's `step`). */
  tolerance?: number;
  /** Interior points scanned on each side when neither end of the range meets the target (default 8). */
  scanPoints?: number;
  /** The cost period ends at the target year (default; every-year rules: end of projection) or at the end of the projection. */
  costPeriod?: 'to-target' | 'projection';
  /** A projection already computed from the same scenario (saves one run). */
  current?: ProjectionResult;
}

/** The change of one cost or assistance series between the current and the solved run. */
export interface CostDelta {
  id: string;
  label: Text;
  unit: Text;
  format: DisplayFormat;
  /** Solved minus current: summed over the period, or at its end for a cumulative series. */
  delta: number;
  cumulative: boolean;
}

/** What meeting the target costs, over the years `fromYear`–`toYear`. */
export interface GoalSeekCost {
  fromYear: number;
  toYear: number;
  /** Every cost / assistance series that changes, largest change first. */
  series: CostDelta[];
  /** The figure to quote: the lever's own domain total (e.g. `beds_cost_total`), if it changes. */
  headline?: CostDelta;
  /** For a "new per year" lever: extra units built over the period (change × years). */
  extraBuilt?: number;
  /** For a "new per year" lever: the stock it feeds and its change at the end of the period. */
  stock?: { id: string; label: Text; delta: number };
}

/** A goal seek's answer: plain data, safe to send from a worker. */
export interface GoalSeekResult {
  status: GoalSeekStatus;
  targetId: string;
  targetLabel: string;
  /** The target's label in each language (a catalog or preset label in both; a planner's as typed). */
  targetLabels?: Text;
  /** The rule being sought (copied from the target). */
  rule: { op: TargetOp; value: number; year: number; every: boolean };
  /** How to show the target's value (from its unit or its variable). */
  targetFormat: ValueFormat;
  targetUnit?: Text;
  lever: string;
  leverLabel: Text;
  leverUnit: Text;
  leverFormat: ValueFormat;
  range: { min: number; max: number; step: number };
  /** The projection's years (a lever applied keeps acting to `end`). */
  years: { base: number; end: number };
  /** Current value of the lever. */
  from: number;
  /** Value that meets the target (solved), or null. */
  to: number | null;
  /** `to − from`, or null. */
  change: number | null;
  /** Projections run (each one full projection). */
  iterations: number;
  /** Verdict at `to` (solved), at `from` (already met, error), or at the best end of the range (no solution). */
  verdict: TargetVerdict | null;
  /** Lever value of `verdict` when no value solves it (the best end of the range). */
  bestValue?: number;
  /** False when the target's margin did not move one way with the lever over the points evaluated. */
  monotone: boolean;
  /** True when the target's value was the same at every lever value tried (the lever does not act on it). */
  noEffect?: boolean;
  cost?: GoalSeekCost;
  /** The result in one English sentence (see `describeGoalSeek` for either language). */
  message: string;
  /** For an error: the reason in both languages. */
  reason?: Text;
}

/**
 * The lever that moves each variable a target may read, in order of preference (the first id
 * the model defines wins). Ids a model does not define are skipped.
 */
export const DEFAULT_LEVERS: Readonly<Record<string, readonly string[]>> = {
  beds_per_1000_elderly: ['beds_new_per_year'],
  beds_total: ['beds_new_per_year'],
  beds_gap_norm: ['beds_new_per_year'],
  beds_gap_needs: ['beds_new_per_year'],
  beds_cost_total: ['beds_new_per_year'],
  nursing_bed_share: ['beds_new_nursing_share', 'beds_conversion_per_year'],
  beds_nursing: ['beds_new_nursing_share', 'beds_conversion_per_year'],
  beds_nursing_gap: ['beds_new_nursing_share', 'beds_conversion_per_year'],
  sw_per_10k: ['sw_new_per_year'],
  sw_stock: ['sw_new_per_year'],
  sw_gap: ['sw_new_per_year'],
  sw_gap_norm: ['sw_new_per_year'],
  sw_gap_workload: ['sw_new_per_year'],
  care_workers_per_10k_elderly: ['care_workers_new_per_year'],
  care_workers_stock: ['care_workers_new_per_year'],
  care_workers_gap: ['care_workers_new_per_year'],
  care_workers_gap_norm: ['care_workers_new_per_year'],
  // The ratio ceiling acts only when `dibao_ratio_ceiling_on` is 1 (see models/assistance.ts).
  dibao_ratio_urban_rural: ['dibao_ratio_ceiling'],
  dibao_std_urban: ['dibao_ratio_ceiling'],
  dibao_std_rural: ['dibao_ratio_ceiling'],
};

/**
 * The lever goal seek should move for a target: the target's own `lever` if the model defines
 * it, else the default for the first variable its expression reads that has one; null if none.
 */
export function defaultLever(target: Pick<TargetDef, 'expr' | 'lever'>, parameters: readonly Pick<ParameterDef, 'id'>[]): string | null {
  const ids = new Set(parameters.map((p) => p.id));
  if (target.lever && ids.has(target.lever)) return target.lever;
  for (const name of target.expr.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []) {
    for (const lever of DEFAULT_LEVERS[name] ?? []) if (ids.has(lever)) return lever;
  }
  return null;
}

/** What a "new per year" lever builds: the unit words and the stock it feeds. */
const BUILT_BY_LEVER: Record<string, { zh: string; en: string; zhVerb: string; enVerb: string; stock: string }> = {
  beds_new_per_year: { zh: '张', en: 'beds', zhVerb: '建', enVerb: 'Build', stock: 'beds_total' },
  sw_new_per_year: { zh: '名', en: 'social workers', zhVerb: '新增持证', enVerb: 'Certify', stock: 'sw_stock' },
  care_workers_new_per_year: { zh: '名', en: 'care workers', zhVerb: '培训', enVerb: 'Train', stock: 'care_workers_stock' },
  beds_conversion_per_year: { zh: '张', en: 'ordinary beds into nursing beds', zhVerb: '改造', enVerb: 'Convert', stock: 'beds_nursing' },
};

/** A label inside an English sentence: lower-cased first letter unless it starts an acronym. */
const inSentence = (label: string) => (/^[A-Z][a-z]/.test(label) ? label[0].toLowerCase() + label.slice(1) : label);

/** True for a series goal seek counts as a cost: ids containing `cost`, `assist_*`, `assistance_total`. */
export function isCostSeries(id: string): boolean {
  return id.includes('cost') || id.startsWith('assist_') || id === 'assistance_total';
}

const isCumulative = (id: string) => id.includes('cumulative') || id.endsWith('_cum');

interface Point {
  x: number;
  result: ProjectionResult;
  verdict: TargetVerdict;
}

/**
 * Finds the smallest change of `leverId` that meets target `targetId` of `scenario`. Never
 * throws for a bad target, lever or scenario: those give `status: 'error'` with a message.
 */
export function goalSeek(projector: Projector, scenario: Scenario, targetId: string, leverId: string, options: GoalSeekOptions = {}): GoalSeekResult {
  const ti = scenario.targets.findIndex((t) => t.id === targetId);
  const target = scenario.targets[ti];
  const def = projector.parameters.find((p) => p.id === leverId);
  const variables = projector.variables(scenario);
  const varInfo = new Map(variables.map((v) => [v.id, v]));
  const targetVar = target ? varInfo.get(target.expr.trim()) : undefined;
  const targetFormat: ValueFormat = target?.unit ? formatFromUnit(target.unit, targetVar?.format ?? 'rate') : targetVar?.format ?? 'rate';
  const base: GoalSeekResult = {
    status: 'error',
    targetId,
    targetLabel: target?.label ?? targetId,
    ...(target ? { targetLabels: { zh: targetLabel(target, 'zh', scenario.preset), en: targetLabel(target, 'en', scenario.preset) } } : {}),
    rule: target ? { op: target.op, value: target.value, year: target.year, every: target.every } : { op: '>=', value: NaN, year: scenario.baseYear, every: false },
    targetFormat,
    targetUnit: target?.unit ? { zh: unitText(target.unit, 'zh'), en: unitText(target.unit, 'en') } : targetVar?.unit,
    lever: leverId,
    leverLabel: def?.label ?? { zh: leverId, en: leverId },
    leverUnit: def?.unit ?? { zh: '', en: '' },
    // A fraction-valued lever (unit "比例", "fraction per year") reads best as %.
    leverFormat: def?.format === 'share' || /fraction/i.test(def?.unit.en ?? '') ? 'share' : def?.format ?? 'rate',
    range: def ? { min: def.min, max: def.max, step: def.step } : { min: NaN, max: NaN, step: NaN },
    years: { base: scenario.baseYear, end: scenario.endYear },
    from: NaN,
    to: null,
    change: null,
    iterations: 0,
    verdict: null,
    monotone: true,
    message: '',
  };
  const fail = (en: string, zh: string, extra: Partial<GoalSeekResult> = {}): GoalSeekResult => {
    const r: GoalSeekResult = { ...base, ...extra, status: 'error', reason: { zh, en }, message: '' };
    return { ...r, message: describeGoalSeek(r, 'en') };
  };
  if (!target) return fail(`no target with id "${targetId}" in this scenario`, `本情景中没有编号为"${targetId}"的目标`);
  if (!def) return fail(`"${leverId}" is not a parameter of the model, so it cannot be used as a lever`, `"${leverId}"不是模型参数,不能作为调节参数`);
  if (def.choices) return fail(`"${leverId}" is a mode switch, not a quantity goal seek can move`, `"${leverId}"是模式选择,不是可连续调节的数量`);
  const from = scenario.parameters[leverId] ?? def.default;
  base.from = from;

  // Every projection goes through here: cached by lever value, counted, errors caught.
  // The population kernel's output is reused from the first run when the lever is not a
  // population parameter (the projector checks), which makes each further run cheap.
  const cache = new Map<number, Point>();
  let runs = 0;
  let reuse: ProjectionResult | undefined = options.current;
  const at = (x: number): Point => {
    const hit = cache.get(x);
    if (hit) return hit;
    const result = x === from && options.current ? options.current : (runs++, projector.run(scenario, { [leverId]: x }, reuse));
    reuse ??= result;
    const point = { x, result, verdict: result.targets[ti] };
    cache.set(x, point);
    return point;
  };

  let current: Point;
  try {
    current = at(from);
  } catch (err) {
    const m = (err as Error).message;
    return fail(`the scenario does not run: ${m}`, `情景无法运行:${m}`);
  }
  if (!current.verdict) return fail(`target "${targetId}" was not judged`, `目标"${targetId}"未被评判`);
  if (current.verdict.error) {
    return fail(`target "${target.label}": ${current.verdict.error}`, `目标「${target.label}」的年份${target.year}不在预测期${scenario.baseYear}–${scenario.endYear}内`, { verdict: current.verdict, iterations: runs });
  }
  if (current.verdict.met) {
    const r = { ...base, status: 'already-met' as const, to: from, change: 0, verdict: current.verdict, iterations: runs };
    return { ...r, message: describeGoalSeek(r, 'en') };
  }
  if (!target.every && target.year === scenario.baseYear) {
    // The base year is the known situation: no lever acts on it.
    const r: GoalSeekResult = { ...base, status: 'base-year', to: null, change: null, verdict: current.verdict, iterations: runs, noEffect: true, message: '' };
    return { ...r, message: describeGoalSeek(r, 'en') };
  }

  const step = def.step > 0 ? def.step : (def.max - def.min) / 1000 || 1;
  const tol = Math.max(options.tolerance ?? step, Number.EPSILON);
  const scanPoints = Math.max(0, Math.floor(options.scanPoints ?? 8));

  try {
    // One side of the range: lever values from + k·tol·dir on a grid, the range end last.
    const side = (end: number) => {
      const dir = end > from ? 1 : -1;
      const K = Math.ceil(Math.abs(end - from) / tol - 1e-9);
      const value = (k: number) => {
        if (k >= K) return end;
        const x = from + dir * k * tol;
        return def.integer ? Math.round(x) : x;
      };
      return { end, dir, K, value };
    };
    const sides = [def.max, def.min].filter((end) => end !== from).map(side);
    let nonMonotone = false;

    // Which ends meet the target? If neither, look inside the range before giving up.
    const meetingK = new Map<(typeof sides)[number], number>();
    for (const s of sides) if (at(s.end).verdict.met) meetingK.set(s, s.K);
    if (meetingK.size === 0) {
      for (const s of sides) {
        for (let i = 1; i <= scanPoints; i++) {
          const k = Math.round((i * s.K) / (scanPoints + 1));
          if (k <= 0 || k >= s.K) continue;
          if (at(s.value(k)).verdict.met) {
            meetingK.set(s, k);
            nonMonotone = true;
            break;
          }
        }
      }
    }
    if (meetingK.size === 2) nonMonotone = true;

    if (meetingK.size === 0) {
      // No solution: report the end of the range that comes closest.
      let best: Point = current;
      for (const s of sides) {
        const p = at(s.end);
        if ((p.verdict.margin ?? -Infinity) > (best.verdict.margin ?? -Infinity)) best = p;
      }
      const margins = [...cache.values()].map((p) => p.verdict.margin);
      const noEffect = margins.every((m) => m === margins[0]);
      const r: GoalSeekResult = { ...base, status: 'no-solution', verdict: best.verdict, bestValue: best.x, iterations: runs, monotone: isMonotone(), noEffect, message: '' };
      return { ...r, message: describeGoalSeek(r, 'en') };
    }

    // Bracketing search on the grid: value(lo) misses, value(hi) meets. Each step tries the
    // grid point where the margin, interpolated linearly, crosses zero, and its neighbour (so a
    // linear response closes in two runs); when that does not halve the bracket, the next step
    // bisects. The bracket always shrinks, so this ends within about 2·log2(K) runs.
    let solved: Point | null = null;
    for (const [s, kMet] of meetingK) {
      let lo = 0;
      let hi = kMet;
      let mLo = at(s.value(lo)).verdict.margin;
      let mHi = at(s.value(hi)).verdict.margin;
      let interpolate = true;
      const probe = (k: number) => {
        const v = at(s.value(k)).verdict;
        if (v.met) [hi, mHi] = [k, v.margin];
        else [lo, mLo] = [k, v.margin];
        return v.met;
      };
      while (hi - lo > 1) {
        const width = hi - lo;
        const canInterpolate: boolean = interpolate && mLo !== null && mHi !== null && mHi > mLo;
        if (canInterpolate) {
          const guess = lo + (width * -mLo!) / (mHi! - mLo!);
          const k = Math.min(hi - 1, Math.max(lo + 1, Math.ceil(guess - 1e-9)));
          const met = probe(k);
          const k2 = met ? k - 1 : k + 1;
          if (k2 > lo && k2 < hi) probe(k2);
        } else {
          probe(Math.floor((lo + hi) / 2));
        }
        interpolate = canInterpolate ? hi - lo <= width / 2 : true;
      }
      const p = at(s.value(hi));
      if (!solved || Math.abs(p.x - from) < Math.abs(solved.x - from)) solved = p;
    }
    const sol = solved!;
    const monotone = !nonMonotone && isMonotone();
    const r: GoalSeekResult = {
      ...base,
      status: 'solved',
      to: sol.x,
      change: sol.x - from,
      verdict: sol.verdict,
      iterations: runs,
      monotone,
      cost: costOf(current.result, sol.result, target, sol.x - from, leverId, varInfo, options.costPeriod ?? 'to-target'),
      message: '',
    };
    return { ...r, message: describeGoalSeek(r, 'en') };
  } catch (err) {
    const m = (err as Error).message;
    return fail(`a projection failed during the search: ${m}`, `求解过程中预测运行失败:${m}`, { iterations: runs });
  }

  /** Did the margin move one way with the lever over every point evaluated? */
  function isMonotone(): boolean {
    const pts = [...cache.values()].filter((p) => p.verdict.margin !== null).sort((a, b) => a.x - b.x);
    let up = false;
    let down = false;
    for (let i = 1; i < pts.length; i++) {
      const a = pts[i - 1].verdict.margin!;
      const b = pts[i].verdict.margin!;
      const eps = 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
      if (b > a + eps) up = true;
      if (b < a - eps) down = true;
    }
    return !(up && down);
  }
}

/** The cost of moving from `current` to `solved`: every cost / assistance series that changes. */
function costOf(current: ProjectionResult, solved: ProjectionResult, target: TargetDef, change: number, leverId: string, info: ReadonlyMap<string, VariableInfo>, period: 'to-target' | 'projection'): GoalSeekCost {
  const fromYear = Math.min(current.baseYear + 1, current.endYear);
  const toYear = period === 'projection' || target.every ? current.endYear : Math.min(Math.max(target.year, fromYear), current.endYear);
  const i0 = fromYear - current.baseYear;
  const i1 = toYear - current.baseYear;
  const series: CostDelta[] = [];
  for (const [id, a] of Object.entries(current.series)) {
    if (!isCostSeries(id)) continue;
    const b = solved.series[id];
    if (!b) continue;
    const cumulative = isCumulative(id);
    let delta = 0;
    if (cumulative) delta = b[i1] - a[i1];
    else for (let i = i0; i <= i1; i++) delta += b[i] - a[i];
    if (!Number.isFinite(delta) || Math.abs(delta) < 1e-9) continue;
    const v = info.get(id);
    series.push({ id, label: v?.label ?? { zh: id, en: id }, unit: v?.unit ?? { zh: '', en: '' }, format: v?.format ?? 'money', delta, cumulative });
  }
  series.sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta));
  const domain = leverId.split('_')[0];
  const pick = (pred: (c: CostDelta) => boolean) => series.find(pred);
  const headline =
    pick((c) => c.id.startsWith(`${domain}_`) && c.id.includes('cost') && c.id.includes('total')) ??
    pick((c) => c.id.startsWith(`${domain}_`) && c.id.includes('cost')) ??
    (domain === 'dibao' || domain === 'tekun' || domain === 'assist' ? pick((c) => c.id === 'assistance_total') : undefined) ??
    pick((c) => c.id === 'assistance_total' || c.id.includes('total')) ??
    series[0];
  const out: GoalSeekCost = { fromYear, toYear, series, headline };
  const built = BUILT_BY_LEVER[leverId];
  if (built || /_new_per_year$/.test(leverId)) {
    out.extraBuilt = change * Math.max(0, toYear - current.baseYear);
    const stockId = built?.stock;
    if (stockId && current.series[stockId] && solved.series[stockId]) {
      out.stock = { id: stockId, label: info.get(stockId)?.label ?? { zh: stockId, en: stockId }, delta: solved.series[stockId][i1] - current.series[stockId][i1] };
    }
  }
  return out;
}

/** The sentence the UI shows for a goal seek result, in Chinese or English. */
export function describeGoalSeek(result: GoalSeekResult, lang: Lang): string {
  const zh = lang === 'zh';
  const r = result;
  const lever = zh ? r.leverLabel.zh : inSentence(r.leverLabel.en);
  const leverUnit = r.leverUnit[lang] || undefined;
  const lv = (x: number | null | undefined) => formatValue(x, r.leverFormat, lang, { unit: leverUnit });
  const tUnit = r.targetUnit?.[lang] || undefined;
  const tv = (x: number | null | undefined) => formatValue(x, r.targetFormat, lang, { unit: tUnit });
  const ruleText = Number.isFinite(r.rule.value) ? describeRule(r.rule, lang, tv(r.rule.value)) : '';
  const label = r.targetLabels?.[lang] ?? r.targetLabel;
  const target = ruleText ? (zh ? `「${label} ${ruleText}」` : `"${label} ${ruleText}"`) : zh ? `「${label}」` : `"${label}"`;
  const v = r.verdict;
  const when = r.rule.every ? (zh ? `${r.rule.year}年起最差年份` : `in the worst year from ${r.rule.year}`) : zh ? `${r.rule.year}年` : `in ${r.rule.year}`;
  const margin = v ? formatMargin(v.margin, r.targetFormat, lang, { unit: tUnit }) : '';
  const standing = !v
    ? ''
    : r.rule.every
      ? zh ? `${when}余量${margin}` : `margin ${margin} ${when}`
      : zh ? `${when}为${tv(v.valueAtYear)}(余量${margin})` : `${tv(v.valueAtYear)} ${when} (margin ${margin})`;
  const caveat = r.monotone ? '' : zh ? '注意:该目标随此参数的变化不单调,可能存在其他满足目标的取值。' : ' Note: the target does not move steadily with this lever; other values may also meet it.';

  switch (r.status) {
    case 'error':
      return zh ? `无法求解:${r.reason?.zh ?? ''}` : `Cannot goal-seek: ${r.reason?.en ?? ''}`;
    case 'base-year':
      return zh
        ? `${r.rule.year}年是基期:基期的数值是已知情况(由基期输入给定),不是规划措施的结果,调节任何参数都不会改变它。${target}:${standing}。如基期数值有误,请修改相应的基期输入;否则请评判以后的年份。`
        : `${r.rule.year} is the base year: its figures are the known situation (given by the base-year inputs), not the result of policy, so no lever changes them. ${target}: ${standing}. If the base-year figure is wrong, correct the base-year input; otherwise judge a later year.`;
    case 'already-met':
      return zh ? `已达标:${target},${standing}。无需调整${lever}。` : `Already met: ${target}, ${standing}. No change of ${lever} is needed.`;
    case 'no-solution': {
      const range = `${formatValue(r.range.min, r.leverFormat, lang)}–${lv(r.range.max)}`;
      if (r.noEffect) {
        return zh
          ? `在允许范围${range}内调整${lever}对${target}没有任何影响:${standing}。请确认相关开关已打开,或选择其他调节参数。`
          : `Changing ${lever} within ${range} does not change ${target} at all: ${standing}. Check that the setting it belongs to is switched on, or pick another lever.`;
      }
      const best = r.bestValue !== undefined ? (zh ? `取${lv(r.bestValue)}时${standing}` : `at ${lv(r.bestValue)}, the closest: ${standing}`) : standing;
      return zh
        ? `在允许范围${range}内调整${lever}都无法实现${target}:${best}。可尝试其他调节参数、放宽目标或推后年份。${caveat}`
        : `No value of ${lever} in its allowed range ${range} meets ${target}: ${best}. Try another lever, a lower target or a later year.${caveat}`;
    }
    case 'solved': {
      const change = r.change ?? 0;
      const up = change > 0;
      const built = BUILT_BY_LEVER[r.lever];
      const c = r.cost;
      const period = c ? `${c.fromYear}–${c.toYear}` : '';
      let head: string;
      if (built) {
        const n = formatValue(Math.abs(change), 'count', lang);
        const total = c?.extraBuilt !== undefined ? formatValue(Math.abs(c.extraBuilt), 'count', lang) : null;
        head = zh
          ? `每年${up ? '多' : '少'}${built.zhVerb}${n}${built.zh}(${lever}由${lv(r.from)}${up ? '提高' : '降低'}到${lv(r.to)}${total ? `,${period}年共${up ? '多' : '少'}${built.zhVerb}${total}${built.zh}` : ''})即可实现${target}:${standing}。`
          : `${built.enVerb} ${n} ${built.en} a year ${up ? 'more' : 'fewer'} (${lever}: ${formatValue(r.from, r.leverFormat, lang)} → ${formatValue(r.to, r.leverFormat, lang)}${total ? `; ${total} ${up ? 'more' : 'fewer'} ${built.en} over ${period}` : ''}) to meet ${target}: ${standing}.`;
      } else {
        head = zh
          ? `将${lever}由${lv(r.from)}${up ? '提高' : '降低'}到${lv(r.to)}(${formatMargin(change, r.leverFormat, lang, { unit: leverUnit })})即可实现${target}:${standing}。`
          : `${up ? 'Raise' : 'Lower'} ${lever} from ${lv(r.from)} to ${lv(r.to)} (${formatMargin(change, r.leverFormat, lang, { unit: leverUnit })}) to meet ${target}: ${standing}.`;
      }
      let cost = '';
      const h = c?.headline;
      if (h) {
        const amount = formatValue(Math.abs(h.delta), h.format, lang, h.format === 'money' ? {} : { unit: h.unit[lang] || undefined });
        const more = h.delta > 0;
        cost = zh
          ? `${period}年${h.label.zh}${more ? '增加' : '减少'}${amount}${h.cumulative ? '(累计)' : ''}。`
          : ` ${h.label.en} over ${period}: ${amount} ${more ? 'more' : 'less'}${h.cumulative ? ' (cumulative)' : ''}.`;
      }
      // The lever keeps acting after the target year unless it is limited to the plan period.
      const after = !r.rule.every && r.rule.year < r.years.end
        ? zh
          ? `应用后,该参数在${r.years.base + 1}–${r.years.end}年每年生效,${r.rule.year}年之后仍继续作用;如只在规划期内调整,可选择"仅用于规划期"。`
          : ` Applied, the lever acts in every year ${r.years.base + 1}–${r.years.end}, also after ${r.rule.year}; to change it for the plan period only, choose "plan period only".`
        : '';
      return `${head}${cost}${after}${caveat}`;
    }
  }
}
