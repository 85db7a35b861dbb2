import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { runCli } from '../../src/cli/run-cli.ts';

const noFile = (path: string): string => {
  throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
};

describe('CLI (npm run project)', () => {
  it('prints years, series and targets as JSON for a preset', () => {
    const out = runCli(['--preset', 'china-2020'], noFile);
    expect(out.code).toBe(0);
    const json = JSON.parse(out.stdout);
    expect(json.years[0]).toBe(2020);
    expect(json.series.pop_total).toHaveLength(json.years.length);
    expect(json.series.pop_60plus[0]).toBeGreaterThan(2.6e8);
    expect(Array.isArray(json.targets)).toBe(true);
  });

  it('applies --set and changes the result', () => {
    const a = JSON.parse(runCli(['--set', 'tfr_end=1.0'], noFile).stdout);
    const b = JSON.parse(runCli(['--set', 'tfr_end=2.0'], noFile).stdout);
    expect(b.series.pop_total.at(-1)).toBeGreaterThan(a.series.pop_total.at(-1));
  });

  it('lists every parameter with id, unit, default, min and max', () => {
    const list = JSON.parse(runCli(['--list-parameters'], noFile).stdout) as { id: string; unit: string; default: number; min: number; max: number }[];
    const ids = list.map((p) => p.id);
    for (const id of ['tfr_end', 'mortality_improvement', 'net_migration_rate']) expect(ids).toContain(id);
    for (const p of list) expect(p.min).toBeLessThanOrEqual(p.default), expect(p.default).toBeLessThanOrEqual(p.max);
  });

  it('dumps the effective scenario, which reads back to the same result', () => {
    const dumped = runCli(['--set', 'tfr_end=1.5', '--dump-scenario'], noFile).stdout;
    expect(JSON.parse(dumped).parameters.tfr_end).toBe(1.5);
    const again = runCli(['scenario.json'], () => dumped);
    expect(JSON.parse(again.stdout)).toEqual(JSON.parse(runCli(['--set', 'tfr_end=1.5'], noFile).stdout));
  });

  it('prints CSV with a BOM and one row per variable', () => {
    const out = runCli(['--format', 'csv'], noFile);
    expect(out.code).toBe(0);
    expect(out.stdout.charCodeAt(0)).toBe(0xfeff);
    expect(out.stdout).toMatch(/pop_60plus/);
  });

  it.each([
    [['--set', 'tfr_end=9'], /tfr_end=9: allowed [\d.]+–[\d.]+/],
    [['--set', 'tfr_end=abc'], /tfr_end=abc: not a decimal number; allowed/],
    [['--set', 'no_such_param=1'], /no_such_param: unknown parameter/],
    [['--preset', 'atlantis'], /--preset atlantis: unknown preset \(allowed: china-2020/],
    [['missing.json'], /cannot read missing\.json: ENOENT/],
    [['--format', 'xml'], /--format = xml: allowed json or csv/],
  ])('refuses %j with one line naming the field', (argv, message) => {
    const out = runCli(argv, noFile);
    expect(out.code).not.toBe(0);
    expect(out.stderr).toMatch(message);
    expect(out.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a bad scenario file naming the field', () => {
    const out = runCli(['bad.json'], () => '{"schemaVersion": 2, "name": "x", "baseYear": 2020, "endYear": 2099}');
    expect(out.code).not.toBe(0);
    expect(out.stderr).toMatch(/endYear|basePopulation|parameters/);
    const truncated = runCli(['t.json'], () => '{"schemaVersion": 2, "name": ');
    expect(truncated.code).not.toBe(0);
    expect(truncated.stderr.split('\n')).toHaveLength(1);
  });

  it('runs as a real process: exit code and a single error line, no stack trace', () => {
    const ok = execFileSync('npx', ['tsx', 'src/cli/main.ts', '--set', 'tfr_end=1.4'], { encoding: 'utf8' });
    expect(JSON.parse(ok).years.length).toBeGreaterThan(5);
    const bad = spawnSync('npx', ['tsx', 'src/cli/main.ts', '--set', 'tfr_end=99'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  }, 30_000);
});
