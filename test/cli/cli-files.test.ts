/** The CLI's --base-population and --local-data: applied to the scenario given, refused like the app refuses them. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { read, utils, write } from '@e965/xlsx';
import { runCli } from '../../src/cli/run-cli.ts';
import { modules } from '../../models/index.ts';
import { findPreset } from '../../models/presets/index.ts';
import { exportLocalData } from '../../src/io/local-data/workbook.ts';

const CENSUS = readFileSync(new URL('../fixtures/census-2020-china-by-age-sex.csv', import.meta.url));
const files = (map: Record<string, Uint8Array | string>) => {
  const bytes = (p: string) => {
    const f = map[p];
    if (f === undefined) throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
    return typeof f === 'string' ? new TextEncoder().encode(f) : f;
  };
  return [(p: string) => new TextDecoder().decode(bytes(p)), bytes] as const;
};

function workbookWith(edits: Record<string, string | number>): Uint8Array {
  const sanmen = structuredClone(findPreset('sanmen-14th')!.scenario);
  const wb = read(exportLocalData(modules, sanmen, 'xlsx', '2025-03-01').data as Uint8Array, { type: 'array' });
  const ws = wb.Sheets[wb.SheetNames[0]];
  const grid = utils.sheet_to_json<string[]>(ws, { header: 1, defval: '' });
  for (const [id, v] of Object.entries(edits)) {
    const r = grid.findIndex((row) => row[0] === id);
    ws[`H${r + 1}`] = typeof v === 'number' ? { t: 'n', v } : { t: 's', v };
  }
  return new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }));
}

describe('CLI --base-population and --local-data', () => {
  it('--base-population reads a census table in groups and the projection starts from it', () => {
    const out = runCli(['--base-population', 'china.csv', '--format', 'json'], ...files({ 'china.csv': CENSUS }));
    expect(out.stderr).toBe('');
    expect(JSON.parse(out.stdout).series.pop_total[0]).toBe(1_409_778_724);
    const dumped = JSON.parse(runCli(['--base-population', 'china.csv', '--dump-scenario'], ...files({ 'china.csv': CENSUS })).stdout);
    expect(dumped.basePopulation).toMatchObject({ kind: 'table', source: 'china.csv', expanded: { fromGroups: true, sexFromNationalRatio: false } });
  });

  it('--base-population refuses a bad table with exit 2, naming line and column', () => {
    const out = runCli(['--base-population', 'bad.csv'], ...files({ 'bad.csv': '年龄,合计\n0-4,100\n5-9,x\n10+,5' }));
    expect(out.code).toBe(2);
    expect(out.stderr).toBe('error: --base-population bad.csv: line 3, column "合计" (B): "x" is not a non-negative number');
  });

  it('--local-data applies a workbook to the preset given; --set still wins', () => {
    const wb = workbookWith({ dibao_std_urban_base: 900, urban_share_base: '70%' });
    const [rf, rb] = files({ 'sanmen.xlsx': wb });
    const s = JSON.parse(runCli(['--preset', 'sanmen-14th', '--local-data', 'sanmen.xlsx', '--set', 'urban_share_base=0.71', '--dump-scenario'], rf, rb).stdout);
    expect(s.parameters.dibao_std_urban_base).toBe(900);
    expect(s.provenance.dibao_std_urban_base.kind).toBe('planner');
    expect(s.parameters.urban_share_base).toBe(0.71);
    expect(s.name).toBe(findPreset('sanmen-14th')!.scenario.name);
  });

  it('--local-data refuses a workbook with an error (exit 2), naming row, column and id, and applies nothing', () => {
    const wb = workbookWith({ beds_base_nursing_share: 130 });
    const out = runCli(['--preset', 'sanmen-14th', '--local-data', 'sanmen.xlsx'], ...files({ 'sanmen.xlsx': wb }));
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/^error: --local-data sanmen\.xlsx: row \d+, column "数值 Value" \(H\), id beds_base_nursing_share: 130 % is out of range; allowed 0–100 %$/);
    const csv = runCli(['--local-data', 'x.csv'], ...files({ 'x.csv': 'id,value\nno_such,1' }));
    expect(csv.stderr).toBe('error: --local-data x.csv: row 2, column "id" (A), id no_such: unknown id "no_such": not a parameter of the model nor a row of the workbook');
    expect(runCli(['--local-data', 'missing.xlsx'], ...files({})).stderr).toBe('error: --local-data cannot read missing.xlsx: ENOENT');
  });
});
