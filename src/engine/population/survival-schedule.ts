/**
 * Survival s(a, i) = exp(−m(a) · M_i) by sex, age and year index i, with the multiplier
 * M_i = (1 − r)^i, and period life expectancy for every year. Built once per (period, r, years)
 * and kept until one of them changes, so runs that move other parameters reuse it.
 *
 * Speed: instead of one Math.exp per age and year, year i is obtained from year i − 1 as
 * s_i = s_{i−1} · exp(m·M_{i−1}·r), and exp(d) for the small d = m·M·r (|d| < 0.06) is a
 * degree-8 Taylor polynomial (truncation error < 1e-15 relative), so s agrees with
 * exp(−m·M_i) to about 1e-13 relative after 40 years.
 */
import { AGE_SLOTS } from './ages.ts';
import { lifeExpectancy } from './life-table.ts';
import { baseMortality } from './rates.ts';

const N = AGE_SLOTS;

/** A survival schedule: `male`/`female` hold s at `i * 101 + a`; e0 by year index and sex. */
export interface SurvivalSchedule {
  male: Float64Array;
  female: Float64Array;
  e0Male: Float64Array;
  e0Female: Float64Array;
  years: number;
}

const INV: readonly [Float64Array, Float64Array][] = [0, 1].map((p) => {
  const b = baseMortality(p);
  return [b.male.map((x) => 1 / x), b.female.map((x) => 1 / x)] as [Float64Array, Float64Array];
});

const schedule: SurvivalSchedule = {
  male: new Float64Array(0),
  female: new Float64Array(0),
  e0Male: new Float64Array(0),
  e0Female: new Float64Array(0),
  years: 0,
};
let keyPeriod = -1;
let keyRate = NaN;

/** exp(d) for |d| well below 0.1, as a degree-8 Taylor polynomial (Horner form). */
function expSmall(d: number): number {
  return 1 + d * (1 + d * 0.5 * (1 + d * (1 / 3) * (1 + d * 0.25 * (1 + d * 0.2 * (1 + d * (1 / 6) * (1 + d * (1 / 7) * (1 + d * 0.125)))))));
}

function fill(rates: Float64Array, inv: Float64Array, surv: Float64Array, e0: Float64Array, years: number, r: number): void {
  for (let a = 0; a < N; a++) surv[a] = Math.exp(-(rates[a] as number));
  e0[0] = lifeExpectancy(surv, 0, inv, 1);
  let mult = 1;
  const decline = 1 - r;
  for (let i = 1; i < years; i++) {
    const o = i * N;
    const k = mult * r;
    for (let a = 0; a < N; a++) surv[o + a] = (surv[o - N + a] as number) * expSmall((rates[a] as number) * k);
    mult *= decline;
    e0[i] = lifeExpectancy(surv, o, inv, mult);
  }
}

/**
 * The survival schedule for base-rate period `period` (0 = 2015-2020, 1 = 2020-2025), mortality
 * improvement `r` (fraction per year, |r| ≤ 0.06) and `years` year indices (0 = base year).
 * The returned object is shared and overwritten by the next call with other arguments.
 */
export function survivalSchedule(period: number, r: number, years: number): Readonly<SurvivalSchedule> {
  if (period === keyPeriod && r === keyRate && years <= schedule.years) return schedule;
  if (schedule.male.length < years * N) {
    schedule.male = new Float64Array(years * N);
    schedule.female = new Float64Array(years * N);
    schedule.e0Male = new Float64Array(years);
    schedule.e0Female = new Float64Array(years);
  }
  const b = baseMortality(period);
  const [invM, invF] = INV[period] as [Float64Array, Float64Array];
  fill(b.male, invM, schedule.male, schedule.e0Male, years, r);
  fill(b.female, invF, schedule.female, schedule.e0Female, years, r);
  schedule.years = years;
  keyPeriod = period;
  keyRate = r;
  return schedule;
}
