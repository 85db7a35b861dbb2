/**
 * Period life expectancy at birth from single-year survival s(a) = exp(−m(a)·M): person-years
 * in [a, a+1) are l(a)·(1 − s)/m (exact for a constant hazard within the year), and the open
 * group 100+ lives l(100)/m(100) years.
 */
import { OPEN_AGE } from './ages.ts';

/**
 * e0 for one sex. `surv` holds s(a) at `off + a`, `invM` holds 1/m(a) of the base rates and
 * `mult` is the mortality multiplier M of that year (so 1/(m·M) = invM / mult).
 */
export function lifeExpectancy(surv: Float64Array, off: number, invM: Float64Array, mult: number): number {
  let l = 1;
  let t = 0;
  const k = 1 / mult;
  for (let a = 0; a < OPEN_AGE; a++) {
    const s = surv[off + a] as number;
    t += l * (1 - s) * (invM[a] as number) * k;
    l *= s;
  }
  return t + l * (invM[OPEN_AGE] as number) * k;
}
