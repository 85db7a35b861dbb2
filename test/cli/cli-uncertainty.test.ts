import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.ts';
import { parseResultsCsv } from '../../src/io/results-csv.ts';

const noFile = (path: string): string => {
  throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
};
const json = (args: string[]) => {
  const out = runCli(args, noFile);
  if (out.code !== 0) throw new Error(out.stderr);
  return JSON.parse(out.stdout);
};

describe('CLI: Monte Carlo (--draws N --seed S) and tornado (--tornado OUTPUT@YEAR)', () => {
  it('adds bands and target probabilities to the JSON; the seed reproduces them', () => {
    const a = json(['--preset', 'sanmen-14th', '--draws', '60', '--seed', '9']);
    expect(a.bands.pop_60plus.p10).toHaveLength(a.years.length);
    for (const k of ['p10', 'p25', 'p50', 'p75', 'p90']) expect(a.bands.nursing_bed_share[k]).toHaveLength(a.years.length);
    expect(a.uncertainty).toMatchObject({ draws: 60, seed: 9, completed: 60, failed: 0 });
    expect(a.uncertainty.inputs.map((i: { id: string }) => i.id)).toEqual(['disab_trend', 'mortality_improvement', 'tfr_end']);
    for (const t of a.targets) expect(t.probability === null || (t.probability >= 0 && t.probability <= 1)).toBe(true);
    expect(json(['--preset', 'sanmen-14th', '--draws=60', '--seed=9']).bands).toEqual(a.bands);
    expect(json(['--preset', 'sanmen-14th', '--draws', '60', '--seed', '10']).bands.pop_60plus).not.toEqual(a.bands.pop_60plus);
  });

  it('adds the bands as P10, P50 and P90 columns to the CSV (the years still read back)', () => {
    const out = runCli(['--preset', 'china-2020', '--draws', '20', '--format', 'csv'], noFile);
    expect(out.code).toBe(0);
    const header = out.stdout.slice(1).split('\r\n')[0].split(',');
    expect(header).toContain('P10 2020');
    expect(header.at(-1)).toBe('P90 2050');
    const parsed = parseResultsCsv(out.stdout);
    expect(parsed.years).toHaveLength(31);
    expect(parsed.rows[0].values).toHaveLength(31);
  });

  it('refuses bad --draws and --seed with the allowed range', () => {
    expect(runCli(['--draws', '5'], noFile).stderr).toMatch(/^error: --draws = 5: allowed 10–10000, whole numbers/);
    expect(runCli(['--draws', '1e3'], noFile).stderr).toMatch(/^error: --draws = 1e3: allowed 10–10000/);
    expect(runCli(['--draws', '100', '--seed', '-3'], noFile).stderr).toMatch(/^error: --seed needs a value|^error: --seed = -3/);
    expect(runCli(['--seed', '3'], noFile).stderr).toMatch(/^error: --seed goes with --draws N/);
    expect(runCli(['--draws', '20000'], noFile).code).toBe(2);
  });

  it('prints the ranked tornado of an output in a year, or of a target margin', () => {
    const t = json(['--preset', 'china-2020', '--tornado', 'pop_total@2040']);
    expect(t.output).toEqual({ kind: 'series', id: 'pop_total', year: 2040 });
    const swings = t.bars.map((b: { swing: number }) => b.swing);
    expect([...swings].sort((x: number, y: number) => y - x)).toEqual(swings);
    expect(t.bars.slice(0, 4).map((b: { id: string }) => b.id)).toContain('tfr_end');
    const target = json(['--preset', 'sanmen-14th', '--tornado', 'target:sanmen_nursing_bed_share_2025']);
    expect(target.bars[0].swing).toBeGreaterThan(0);
    const csv = runCli(['--preset', 'china-2020', '--tornado', 'pop_total@2040', '--format', 'csv', '--tornado-range'], noFile);
    expect(csv.stdout.split('\r\n')[0]).toBe('\uFEFFid,中文名称,English name,basis,input_low,input_high,output_low,output_high,swing,non_monotone');
    expect(csv.stdout).toMatch(/tfr_end,[^,]+,"Total fertility rate, end year",range,0\.8,1\.8,/);
  });

  it('refuses a bad tornado output naming it', () => {
    expect(runCli(['--tornado', 'pop_total'], noFile).stderr).toBe('error: --tornado pop_total: expected OUTPUT@YEAR (e.g. beds_gap_norm@2035) or target:ID');
    expect(runCli(['--tornado', 'nope@2030'], noFile).stderr).toMatch(/^error: --tornado nope@2030: unknown output "nope"/);
    expect(runCli(['--tornado', 'pop_total@2070'], noFile).stderr).toBe('error: --tornado pop_total@2070: year 2070 is outside the projection 2020–2050');
  });
});
