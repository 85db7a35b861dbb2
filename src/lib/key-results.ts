/** The variables the results table shows by default, in order (those absent from the model are skipped). */
export const KEY_RESULTS: readonly string[] = [
  'pop_total', 'pop_60plus', 'share_60plus', 'pop_65plus', 'pop_80plus', 'share_80plus', 'old_age_dependency', 'life_expectancy',
  'disabled_full', 'disabled_partial',
  'beds_total', 'beds_nursing', 'beds_per_1000_elderly', 'nursing_bed_share', 'beds_required_norm', 'beds_required_needs', 'beds_gap_norm', 'beds_gap_needs', 'beds_cost_total',
  'care_workers_required', 'care_workers_stock',
  'dibao_std_urban', 'dibao_std_rural', 'assistance_total',
  'sw_required_norm', 'sw_required_workload', 'sw_stock', 'sw_per_10k', 'sw_gap',
];
