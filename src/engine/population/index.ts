/** The cohort-component population kernel and its helpers (pure TypeScript, no DOM, no mathjs). */
export { projectPopulation } from './project.ts';
export type { PopulationInput, PopulationOutput } from './project.ts';
export { censusSingleYear } from './census-single-year.ts';
export type { SingleYearTable } from './census-single-year.ts';
export { synthesizeFromHeadline } from './base-population.ts';
export type { HeadlineFigures } from './base-population.ts';
export { parsePopulationCsv } from './import-csv.ts';
export type { PopulationCsvResult, PopulationCsvError } from './import-csv.ts';
export { AGE_SLOTS, OPEN_AGE } from './ages.ts';
