/**
 * The cohort-component projection: single years 0..100+ by sex, annual steps. One call fills the
 * pyramid arrays in place (they are the state) and the output series; the only allocations are
 * the returned arrays and a survival table that grows once to the longest horizon seen.
 */
import { MORTALITY_PERIODS, POPULATION_DEFAULTS, POPULATION_KERNEL_OUTPUT_IDS, type PopulationKernelOutputId } from '../../../models/population.ts';
import type { BasePopulation, ResultWarning, ScenarioPaths } from '../types.ts';
import { pathValues } from '../paths.ts';
import { AGE_SLOTS, OPEN_AGE } from './ages.ts';
import { copyTable, inputWarning, synthesizeFromHeadline } from './base-population.ts';
import { mortalitySchedule } from './mortality.ts';
import { FERTILE_FIRST, FERTILE_LAST, FERTILITY_PATTERN, GROUP_WIDTH, MIGRATION_PROFILE, MORTALITY_GROUPS } from './rates.ts';

/** Input of one projection. `params` holds resolved values by parameter id (missing ids take the model default). */
export interface PopulationInput {
  baseYear: number;
  endYear: number;
  params: Readonly<Record<string, number>>;
  base: BasePopulation;
  /** Paths by year of the demographic drivers (absent: base/end pairs). */
  paths?: ScenarioPaths;
}

/** Output: one value per year (index 0 = base year) per series id; pyramids as `yearIndex * 101 + age`. */
export interface PopulationOutput {
  series: Record<string, Float64Array>;
  pyramidMale: Float64Array;
  pyramidFemale: Float64Array;
  /** Values cleaned or clamped (e.g. inconsistent headline shares), inputs not honoured. */
  warnings?: ResultWarning[];
}

const N = AGE_SLOTS;

/** 5-year group totals (0-4 … 95-99, 100+) of the year being summed. */
const groups = new Float64Array(21);
/** Number of series the kernel returns (each a view of the run's one store). */
const SERIES_COUNT = POPULATION_KERNEL_OUTPUT_IDS.length;
const scratchM = new Float64Array(N);
const scratchF = new Float64Array(N);
/** births, deaths, net migration of the last step. */
const flows = new Float64Array(3);

function param(p: Readonly<Record<string, number>>, id: string): number {
  const v = p[id];
  return typeof v === 'number' && Number.isFinite(v) ? v : (POPULATION_DEFAULTS[id] as number);
}

/** Number of WPP mortality groups and the first age after each group. */
const GROUPS = MORTALITY_GROUPS;
const GROUP_END = Uint8Array.from(GROUP_WIDTH, (_, g) => {
  let end = 0;
  for (let k = 0; k <= g; k++) end += GROUP_WIDTH[k] as number;
  return end;
});

/**
 * One annual step: survive the population at `prev` (offset `po`, total `prevTotal`) into `cur`
 * (offset `co`) with the group survival at offset `so` (see `MortalitySchedule`), add births and net migration. Deaths are
 * prevTotal − survivors + births − surviving newborns, so the accounting identity holds. Writes births, deaths, net migration to `flows`.
 */
function step(
  prevM: Float64Array, prevF: Float64Array, po: number,
  curM: Float64Array, curF: Float64Array, co: number, prevTotal: number,
  survM: Float64Array, survF: Float64Array, so: number, tfr: number, maleShare: number, migMode: number, migRate: number, growth: number,
): void {
  let births = 0;
  for (let a = FERTILE_FIRST; a <= FERTILE_LAST; a++) births += (FERTILITY_PATTERN[a] as number) * (prevF[po + a] as number);
  births *= tfr;
  let after = 0;
  // Survival is constant within each WPP group: one factor per group, ages 0..98 move up one year.
  let a = 0;
  for (let g = 0; g < GROUPS - 1; g++) {
    const gm = survM[so + g] as number;
    const gf = survF[so + g] as number;
    const end = g === GROUPS - 2 ? OPEN_AGE - 1 : (GROUP_END[g] as number);
    for (; a < end; a++) {
      const sm = (prevM[po + a] as number) * gm;
      const sf = (prevF[po + a] as number) * gf;
      curM[co + a + 1] = sm;
      curF[co + a + 1] = sf;
      after += sm + sf;
    }
  }
  const s99 = so + GROUPS - 2;
  const sOpen = so + GROUPS - 1;
  const smO = (prevM[po + 99] as number) * (survM[s99] as number) + (prevM[po + OPEN_AGE] as number) * (survM[sOpen] as number);
  const sfO = (prevF[po + 99] as number) * (survF[s99] as number) + (prevF[po + OPEN_AGE] as number) * (survF[sOpen] as number);
  curM[co + OPEN_AGE] = smO;
  curF[co + OPEN_AGE] = sfO;
  after += smO + sfO;
  let deaths = prevTotal - after;
  const bm = births * maleShare;
  const bf = births - bm;
  const nm = bm * (survM[so] as number);
  const nf = bf * (survF[so] as number);
  curM[co] = nm;
  curF[co] = nf;
  deaths += births - (nm + nf);
  after += nm + nf;

  let mig = migMode === 1 ? prevTotal * (1 + growth) - after : (migRate / 1000) * prevTotal;
  if (mig === 0) {
    // nothing to spread
  } else if (mig > 0) {
    for (let a = 0; a < N; a++) {
      const add = mig * (MIGRATION_PROFILE[a] as number);
      curM[co + a] = (curM[co + a] as number) + add;
      curF[co + a] = (curF[co + a] as number) + add;
    }
  } else {
    let denom = 0;
    for (let a = 0; a < N; a++) denom += (MIGRATION_PROFILE[a] as number) * ((curM[co + a] as number) + (curF[co + a] as number));
    const k = denom > 0 ? mig / denom : 0;
    let clamped = denom <= 0;
    for (let a = 0; a < N; a++) {
      let f = 1 + k * (MIGRATION_PROFILE[a] as number);
      if (f < 0) {
        f = 0;
        clamped = true;
      }
      curM[co + a] = (curM[co + a] as number) * f;
      curF[co + a] = (curF[co + a] as number) * f;
    }
    if (clamped) {
      let now = 0;
      for (let a = 0; a < N; a++) now += (curM[co + a] as number) + (curF[co + a] as number);
      mig = now - after;
    }
  }
  flows[0] = births;
  flows[1] = deaths;
  flows[2] = mig;
}

/**
 * Project the population from `baseYear` to `endYear` (at most a few decades). Index 0 of every
 * series is the base year; flows at index 0 (births, deaths, net migration) are estimates from
 * the base-year rates applied to the base population, and the identity
 * pop(t) = pop(t−1) + births(t) − deaths(t) + net_migration(t) holds for t ≥ 1.
 */
export function projectPopulation(input: PopulationInput): PopulationOutput {
  const p = input.params;
  const horizon = Math.max(0, Math.floor(input.endYear - input.baseYear));
  const years = horizon + 1;
  // One allocation for the pyramids and every series (typed-array allocation is most of the cost
  // of a run): the arrays returned are views of it.
  const store = new Float64Array(2 * years * N + SERIES_COUNT * years);
  const pyrM = store.subarray(0, years * N);
  const pyrF = store.subarray(years * N, 2 * years * N);
  let next = 2 * years * N;
  const warnings: ResultWarning[] = [];

  if (input.base.kind === 'table') copyTable(input.base, pyrM, pyrF, warnings);
  else {
    synthesizeFromHeadline(
      {
        total: param(p, 'base_pop_total'),
        share60plus: param(p, 'base_share_60plus'),
        share65plus: input.base.share65Given === true ? param(p, 'base_share_65plus') : null,
        share80plus: input.base.share80Given === true ? param(p, 'base_share_80plus') : null,
      },
      pyrM, pyrF, warnings,
    );
  }

  const srb = Math.max(1, param(p, 'srb'));
  const maleShare = srb / (srb + 100);
  const paths = input.paths ?? {};
  if (paths.e0?.length && paths.mortality_improvement?.length) {
    warnings.push(inputWarning(['mortality_improvement'], '同时设有预期寿命路径和死亡率下降率路径:采用预期寿命路径', 'both a life-expectancy path and an improvement path are set: the life-expectancy path is used'));
  }
  const sched = mortalitySchedule({
    baseYear: input.baseYear,
    years,
    periodChoice: param(p, 'mortality_base_period'),
    e0Base: param(p, 'e0_base'),
    bySex: param(p, 'e0_base_by_sex') === 1,
    e0BaseMale: param(p, 'e0_base_male'),
    e0BaseFemale: param(p, 'e0_base_female'),
    maleShare,
    improvement: param(p, 'mortality_improvement'),
    e0TargetMode: param(p, 'e0_target_mode') === 1,
    e0Target: param(p, 'e0_target'),
    e0Path: paths.e0,
    improvementPath: paths.mortality_improvement,
  });
  for (const w of sched.warnings) warnings.push(inputWarning(w.parameters, w.zh, w.en));
  const survM = sched.male;
  const survF = sched.female;

  const F = (): Float64Array => store.subarray(next, (next += years));
  const popTotal = F(), popMale = F(), popFemale = F(), pop0_14 = F(), pop15_59 = F(), pop15_64 = F();
  const pop60 = F(), pop65 = F(), pop80 = F(), pop60_64 = F(), pop65_69 = F(), pop70_74 = F(), pop75_79 = F();
  const pop80_84 = F(), pop85 = F(), pop80_89 = F(), pop90_99 = F(), pop100 = F();
  const births = F(), deaths = F(), netMigration = F();
  const e0 = F(), e0Male = F(), e0Female = F(), improvementApplied = F();
  const periodStart = F(), scaleMale = F(), scaleFemale = F();
  const periodFirst = (MORTALITY_PERIODS[sched.period] as { start: number }).start;
  for (let i = 0; i < years; i++) {
    const eM = sched.e0Male[i] as number;
    const eF = sched.e0Female[i] as number;
    e0Male[i] = eM;
    e0Female[i] = eF;
    e0[i] = maleShare * eM + (1 - maleShare) * eF;
    improvementApplied[i] = sched.improvement[i] as number;
    periodStart[i] = periodFirst;
    scaleMale[i] = sched.scaleMale;
    scaleFemale[i] = sched.scaleFemale;
  }

  const by = input.baseYear;
  const tfrPath = pathValues(paths.tfr ?? [{ year: by, value: param(p, 'tfr_base') }, { year: by + horizon, value: param(p, 'tfr_end') }], by, param(p, 'tfr_base'), years, F());
  for (let i = 0; i < years; i++) if (!((tfrPath[i] as number) > 0)) tfrPath[i] = 0;
  const migMode = param(p, 'migration_mode') === 1 ? 1 : 0;
  const migRates = paths.net_migration_rate?.length ? pathValues(paths.net_migration_rate, by, param(p, 'net_migration_rate'), years) : null;
  const growthRates = paths.growth_rate?.length ? pathValues(paths.growth_rate, by, param(p, 'growth_rate'), years) : null;
  const migRate = param(p, 'net_migration_rate');
  const growth = Math.max(-0.5, param(p, 'growth_rate'));

  let basePopTotal = 0;
  for (let a = 0; a < N; a++) basePopTotal += (pyrM[a] as number) + (pyrF[a] as number);
  for (let i = 0; i < years; i++) {
    const tfr = tfrPath[i] as number;
    const mr = migRates ? (migRates[i] as number) : migRate;
    const gr = growthRates ? Math.max(-0.5, growthRates[i] as number) : growth;
    if (i === 0) step(pyrM, pyrF, 0, scratchM, scratchF, 0, basePopTotal, survM, survF, 0, tfr, maleShare, migMode, mr, gr);
    else step(pyrM, pyrF, (i - 1) * N, pyrM, pyrF, i * N, popTotal[i - 1] as number, survM, survF, i * GROUPS, tfr, maleShare, migMode, mr, gr);
    births[i] = flows[0] as number;
    deaths[i] = flows[1] as number;
    netMigration[i] = flows[2] as number;

    const o = i * N;
    let male = 0;
    let female = 0;
    for (let g = 0, a = o; g < 20; g++) {
      let m = 0;
      let f = 0;
      for (const end = a + 5; a < end; a++) {
        m += pyrM[a] as number;
        f += pyrF[a] as number;
      }
      male += m;
      female += f;
      groups[g] = m + f;
    }
    male += pyrM[o + OPEN_AGE] as number;
    female += pyrF[o + OPEN_AGE] as number;
    groups[20] = (pyrM[o + OPEN_AGE] as number) + (pyrF[o + OPEN_AGE] as number);
    const g = groups;
    const g12 = g[12] as number, g13 = g[13] as number, g14 = g[14] as number, g15 = g[15] as number;
    const g16 = g[16] as number, g17 = g[17] as number, g18 = g[18] as number, g19 = g[19] as number, g20 = g[20] as number;
    const p85 = g17 + g18 + g19 + g20;
    const p80 = g16 + p85;
    const p65 = g13 + g14 + g15 + p80;
    const p60 = g12 + p65;
    const p0_14 = (g[0] as number) + (g[1] as number) + (g[2] as number);
    let p15_59 = 0;
    for (let k = 3; k < 12; k++) p15_59 += g[k] as number;
    popTotal[i] = male + female;
    popMale[i] = male;
    popFemale[i] = female;
    pop0_14[i] = p0_14;
    pop15_59[i] = p15_59;
    pop15_64[i] = p15_59 + g12;
    pop60[i] = p60;
    pop65[i] = p65;
    pop80[i] = p80;
    pop60_64[i] = g12;
    pop65_69[i] = g13;
    pop70_74[i] = g14;
    pop75_79[i] = g15;
    pop80_84[i] = g16;
    pop85[i] = p85;
    pop80_89[i] = g16 + g17;
    pop90_99[i] = g18 + g19;
    pop100[i] = g20;
  }

  const series: Record<PopulationKernelOutputId, Float64Array> = {
    pop_total: popTotal, pop_male: popMale, pop_female: popFemale, pop_0_14: pop0_14, pop_15_59: pop15_59,
    pop_15_64: pop15_64, pop_60plus: pop60, pop_65plus: pop65, pop_80plus: pop80, pop_60_64: pop60_64,
    pop_65_69: pop65_69, pop_70_74: pop70_74, pop_75_79: pop75_79, pop_80_84: pop80_84, pop_85plus: pop85,
    pop_80_89: pop80_89, pop_90_99: pop90_99, pop_100plus: pop100, births, deaths, net_migration: netMigration,
    tfr: tfrPath, life_expectancy: e0, life_expectancy_male: e0Male, life_expectancy_female: e0Female,
    mortality_improvement_applied: improvementApplied, mortality_base_period_start: periodStart,
    mortality_scale_male: scaleMale, mortality_scale_female: scaleFemale,
  };
  return warnings.length > 0 ? { series, pyramidMale: pyrM, pyramidFemale: pyrF, warnings } : { series, pyramidMale: pyrM, pyramidFemale: pyrF };
}
