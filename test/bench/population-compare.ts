/**
 * Prints the default national projection (2020 census base, national rates, no migration) for
 * the years compared in docs/population-validation.md. Run: npx tsx test/bench/population-compare.ts
 */
import { projectPopulation } from '../../src/engine/population/index.ts';

const out = projectPopulation({ baseYear: 2020, endYear: 2035, params: {}, base: { kind: 'headline' } });
const s = out.series;
const col = (id: string, i: number): number => (s[id] as Float64Array)[i] as number;
console.log('year\tpop_total (万)\tpop_60plus (万)\tshare_60plus\tpop_65plus (万)\tshare_65plus\tlife_expectancy');
for (const year of [2020, 2021, 2025, 2030, 2035]) {
  const i = year - 2020;
  const total = col('pop_total', i);
  console.log([
    year,
    (total / 1e4).toFixed(0),
    (col('pop_60plus', i) / 1e4).toFixed(0),
    `${((col('pop_60plus', i) / total) * 100).toFixed(2)} %`,
    (col('pop_65plus', i) / 1e4).toFixed(0),
    `${((col('pop_65plus', i) / total) * 100).toFixed(2)} %`,
    col('life_expectancy', i).toFixed(2),
  ].join('\t'));
}
