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

  it('takes a path by year for each demographic driver: --set tfr_path=2020:1.3,2025:1.1,2035:1.2', () => {
    const json = JSON.parse(runCli(['--set', 'tfr_path=2020:1.3,2025:1.1,2035:1.2', '--set', 'e0_path=2022:78.3,2025:79.25', '--set', 'urban_share_path=2025:0.7'], noFile).stdout);
    const at = (id: string, year: number) => json.series[id][year - json.years[0]];
    expect(at('tfr', 2025)).toBeCloseTo(1.1, 12);
    expect(at('tfr', 2030)).toBeCloseTo(1.15, 12);
    expect(at('tfr', 2050)).toBeCloseTo(1.2, 12);
    expect(at('life_expectancy', 2020)).toBeCloseTo(77.93, 8);
    expect(at('life_expectancy', 2022)).toBeCloseTo(78.3, 8);
    expect(at('life_expectancy', 2025)).toBeCloseTo(79.25, 8);
    expect(at('urban_share', 2020)).toBeCloseTo(0.6389, 12);
    expect(at('urban_share', 2025)).toBeCloseTo(0.7, 12);
    // the file carries the paths (schema version 3)
    const dumped = JSON.parse(runCli(['--set', 'net_migration_rate_path=2030:5', '--dump-scenario'], noFile).stdout);
    expect(dumped.paths).toEqual({ net_migration_rate: [{ year: 2030, value: 5 }] });
  });

  it.each([
    [['--set', 'tfr_path=2020:1.3,2025:9'], /tfr_path\[1\]\.value = 9: allowed 0\.5–3 \(children per woman\)/],
    [['--set', 'tfr_path=2020:1.3,2020:1.4'], /tfr_path\[1\]\.year = 2020: years must increase/],
    [['--set', 'e0_path=2025'], /e0_path: "2025" is not year:value/],
    [['--set', 'urban_share_path=2025:x'], /urban_share_path\[0\]\.value = NaN: not a number; allowed 0–1/],
    [['--set', 'tfr_path=2025:0x1'], /tfr_path\[0\]\.value = NaN: not a number; allowed 0\.5–3/],
    [['--set', 'dibao_path=2025:1'], /dibao_path: unknown path \(allowed: tfr_path, e0_path/],
  ])('refuses a bad path %j naming the field and the allowed range', (argv, message) => {
    const out = runCli(argv, noFile);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(message);
  });

  it('carries the population by 5-year age group and sex for every year (JSON and CSV)', () => {
    const json = JSON.parse(runCli(['--preset', 'china-2020'], noFile).stdout);
    const p = json.pop_by_age_5;
    expect(p.groups).toEqual(['0-4', '5-9', '10-14', '15-19', '20-24', '25-29', '30-34', '35-39', '40-44', '45-49', '50-54', '55-59',
      '60-64', '65-69', '70-74', '75-79', '80-84', '85-89', '90-94', '95-99', '100+']);
    expect(p.male).toHaveLength(json.years.length);
    json.years.forEach((_: number, i: number) => {
      const sum = p.male[i].reduce((a: number, b: number) => a + b, 0) + p.female[i].reduce((a: number, b: number) => a + b, 0);
      expect(Math.abs(sum - json.series.pop_total[i]) / json.series.pop_total[i]).toBeLessThan(1e-12);
      expect(p.male[i][12] + p.female[i][12]).toBeCloseTo(json.series.pop_60_64[i], 0);
    });
    const csv = runCli(['--preset', 'china-2020', '--format', 'csv'], noFile).stdout;
    const row = csv.split('\r\n').find((l) => l.startsWith('pop_female_100plus,'))!;
    expect(Number(row.split(',')[4])).toBeCloseTo(p.female[0][20], 3);
    expect(csv).toMatch(/\r\npop_male_0_4,男性0–4岁人口,Male population aged 0–4,/);
  });

  it('warns where a setting is implausible: the issue\'s cases', () => {
    const json = JSON.parse(runCli(['--preset', 'china-2020', '--set', 'dibao_recipients_mode=1', '--set', 'dibao_coverage_trend_urban=0.2'], noFile).stdout);
    const i = json.years.length - 1;
    expect(json.series.dibao_recipients_urban[i]).toBeLessThanOrEqual(json.series.pop_urban[i]);
    expect(json.series.dibao_recipients_urban_uncapped[i]).toBeGreaterThan(json.series.pop_urban[i] * 2);
    const capped = json.warnings.find((w: { code: string; variables: string[] }) => w.code === 'capped' && w.variables[0] === 'dibao_recipients_urban');
    expect(capped.year).toBeGreaterThan(2020);
    expect(capped.parameters).toContain('dibao_coverage_trend_urban');
    expect(capped.message.zh).toMatch(/城市低保对象/);
    // Jinan's preset: rural standard above the urban one from 2022
    const jinan = JSON.parse(runCli(['--preset', 'jinan-13th'], noFile).stdout);
    const rural = jinan.warnings.find((w: { code: string }) => w.code === 'rural_above_urban');
    expect(rural).toMatchObject({ year: 2022, variables: ['dibao_std_rural', 'dibao_std_urban'] });
    expect(rural.parameters).toContain('dibao_growth_rural');
    // the national urban standard compounds to 5,158 元/月 by 2050 (677.6 × 1.07^30): said
    const national = JSON.parse(runCli(['--preset', 'china-2020'], noFile).stdout);
    expect(national.warnings.find((w: { code: string; variables: string[] }) => w.code === 'compounding' && w.variables[0] === 'dibao_std_urban')?.message.en).toMatch(/5,158/);
    // and the CSV carries them as rows
    const csv = runCli(['--preset', 'jinan-13th', '--format', 'csv'], noFile).stdout;
    expect(csv).toMatch(/\r\nwarning,"2022年起,农村低保标准/);
  });

  it('runs as a real process: exit code and a single error line, no stack trace', () => {
    const ok = execFileSync('npx', ['tsx', 'src/cli/main.ts', '--set', 'tfr_end=1.4'], { encoding: 'utf8' });
    expect(JSON.parse(ok).years.length).toBeGreaterThan(5);
    const bad = spawnSync('npx', ['tsx', 'src/cli/main.ts', '--set', 'tfr_end=99'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  }, 30_000);
});
