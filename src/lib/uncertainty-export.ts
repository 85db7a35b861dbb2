/**
 * The raw draws of the page's Monte Carlo run as CSV for Excel/WPS: one row per draw with the
 * drawn value of every uncertain input, then each charted output in the key years (every fifth
 * year and the last). Numbers in the stored unit (fractions for shares and rates).
 */
import type { VariableInfo } from '../engine/variables.ts';
import type { Scenario } from '../engine/types.ts';
import { csvNumber, tableToCsv } from '../io/results-csv.ts';
import { downloadText } from './export/download.ts';
import type { UncertaintyState } from './state/uncertainty-state.svelte.ts';
import type { Lang } from './i18n.svelte.ts';

/** Builds the CSV of the draws (null when no run is shown). */
export async function drawsCsv(scenario: Scenario, state: UncertaintyState, variables: readonly VariableInfo[], lang: Lang): Promise<string | null> {
  const summary = state.summary;
  const inputs = await state.inputs();
  if (!summary || !inputs) return null;
  const label = (id: string) => variables.find((v) => v.id === id)?.label[lang] ?? id;
  const years = summary.years.map((y, i) => [y, i] as const).filter(([y, i]) => i === summary.years.length - 1 || (y - summary.baseYear) % 5 === 0);
  const series = Object.keys(summary.bands).sort();
  const columns: { header: string; values: ArrayLike<number> }[] = [];
  for (const id of Object.keys(inputs).sort()) columns.push({ header: `${id} (${label(id)})`, values: inputs[id] });
  for (const id of series) {
    for (const [y, i] of years) {
      const v = await state.values(id, i);
      if (v) columns.push({ header: `${id} ${y}`, values: v });
    }
  }
  const n = summary.completed;
  const head = lang === 'zh' ? '抽样' : 'draw';
  const rows = Array.from({ length: n }, (_, k) => [k + 1, ...columns.map((c) => csvNumber(c.values[k]))]);
  const title = lang === 'zh' ? `# ${scenario.name}；${n} 次抽样，种子 ${summary.seed}` : `# ${scenario.name}; ${n} draws, seed ${summary.seed}`;
  return tableToCsv([head, ...columns.map((c) => c.header)], [[title], ...rows]);
}

/** Offers the draws as a CSV download. */
export async function exportDraws(scenario: Scenario, state: UncertaintyState, variables: readonly VariableInfo[], lang: Lang): Promise<void> {
  const csv = await drawsCsv(scenario, state, variables, lang);
  if (csv) downloadText(csv, `${scenario.name}-draws.csv`, 'text/csv;charset=utf-8');
}
