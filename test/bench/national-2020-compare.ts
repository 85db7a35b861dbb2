/**
 * Prints the national base year (china-2020, 2020) beside the official 2020 figures, as in the
 * second table of docs/population-validation.md. Run: npx tsx test/bench/national-2020-compare.ts
 */
import { defaultProjector } from '../../src/engine/default-model.ts';
import { defaultScenario } from '../../models/presets/index.ts';
import { NATIONAL_2020 as N } from '../../models/data/national-2020-civil-affairs.ts';

const result = defaultProjector().run(defaultScenario());
const v = (id: string): number => result.series[id][0];
const wan = (x: number) => `${(x / 1e4).toFixed(1)}万`;
const yi = (x: number) => `${(x / 1e8).toFixed(1)}亿`;

const rows: [figure: string, ours: string, official: string][] = [
  ['elder-care beds', wan(v('beds_total')), `${wan(N.bedsTotal)} (minister: ${wan(N.bedsTotalMinister)})`],
  ['beds per 1000 elderly', v('beds_per_1000_elderly').toFixed(1), N.bedsPer1000Elderly.toFixed(1)],
  ['urban dibao standard (元/月)', v('dibao_std_urban').toFixed(1), `${N.dibaoStdUrban} (Xinhua 2020-12-28: ${N.dibaoStdUrbanXinhua})`],
  ['rural dibao standard (元/年)', (v('dibao_std_rural') * 12).toFixed(1), `${N.dibaoStdRuralYear} (Xinhua 2020-12-28: ${N.dibaoStdRuralYearXinhua})`],
  ['dibao recipients, urban + rural', `${wan(v('dibao_recipients_urban'))} + ${wan(v('dibao_recipients_rural'))}`, `${wan(N.dibaoUrbanPersons)} + ${wan(N.dibaoRuralPersons)}`],
  ['dibao spending, urban + rural', `${yi(v('dibao_spending_urban'))} + ${yi(v('dibao_spending_rural'))}`, `${yi(N.dibaoUrbanSpending)} + ${yi(N.dibaoRuralSpending)}`],
  ['tekun persons, rural + urban', `${wan(v('tekun_persons_rural'))} + ${wan(v('tekun_persons_urban'))}`, `${wan(N.tekunRural)} + ${wan(N.tekunUrban)}`],
  ['tekun spending', yi(v('assist_tekun')), yi(N.tekunRuralSpending + N.tekunUrbanSpending)],
  ['temporary assistance (cases)', wan(v('temp_assist_cases')), wan(N.tempAssistCases)],
  ['temporary assistance (spending)', yi(v('assist_temporary')), 'not found'],
  ['high-age allowance recipients', wan(v('high_age_recipients')), wan(N.highAgeAllowanceRecipients)],
  ['certified social workers', wan(v('sw_stock')), wan(N.socialWorkersCertified)],
  ['institutional residents', wan(v('beds_users')), `${wan(N.institutionResidents)} (mid-2020)`],
  ['occupancy', `${(v('occupancy_implied') * 100).toFixed(1)} % of all beds`, `${((N.institutionResidents / N.institutionBeds) * 100).toFixed(1)} % of institution beds (mid-2020)`],
  ['care workers required (ratio method)', wan(v('care_workers_required')), 'no national count found'],
];
console.log('figure\tours (2020)\tofficial 2020');
for (const r of rows) console.log(r.join('\t'));
