import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.ts';
import { serializeScenario } from '../../src/engine/scenario/migrate.ts';
import { split, TAIAN_THREE } from '../engine/districts/helpers.ts';

const file = serializeScenario(split('taian-14th', TAIAN_THREE));
const read = () => file;
const json = (args: string[]) => {
  const out = runCli(args, read);
  if (out.code !== 0) throw new Error(out.stderr);
  return JSON.parse(out.stdout);
};

describe('CLI: districts', () => {
  it('prints each district beside the city series; the city counts are their sums', () => {
    const j = json(['city.json']);
    expect(Object.keys(j.districts)).toEqual(['泰山区', '新泰市', '东平县']);
    const sum = Object.values(j.districts as Record<string, { series: Record<string, number[]> }>).reduce((a, d) => a + d.series.pop_60plus[5], 0);
    expect(j.series.pop_60plus[5]).toBeCloseTo(sum, 4);
    expect(j.districts['新泰市'].targets.length).toBe(j.targets.length);
  });

  it('--district NAME limits the output to one district', () => {
    const j = json(['city.json', '--district', '新泰市']);
    expect(j.districts).toBeUndefined();
    expect(j.series.pop_total[0]).toBe(json(['city.json']).districts['新泰市'].series.pop_total[0]);
    expect(runCli(['city.json', '--district', '岱岳区'], read).stderr).toBe('error: --district 岱岳区: no such district (districts: 泰山区, 新泰市, 东平县)');
  });

  it('--set NAME:id=value sets one district; --set id=value the city level, inherited by the others', () => {
    const base = json(['city.json']);
    const one = json(['city.json', '--set', '东平县:beds_new_per_year=3000']);
    expect(one.districts['东平县'].series.beds_total.at(-1)).toBeGreaterThan(base.districts['东平县'].series.beds_total.at(-1));
    expect(one.districts['泰山区'].series.beds_total).toEqual(base.districts['泰山区'].series.beds_total);
    const city = json(['city.json', '--set', 'tfr_end=1.8']);
    for (const name of ['泰山区', '新泰市', '东平县']) expect(city.districts[name].series.births.at(-1)).toBeGreaterThan(base.districts[name].series.births.at(-1));
    expect(runCli(['city.json', '--set', '岱岳区:tfr_end=1.5'], read).stderr).toBe('error: --set 岱岳区:tfr_end: no district "岱岳区" in the scenario (districts: 泰山区, 新泰市, 东平县)');
    expect(runCli(['--preset', 'sanmen-14th', '--set', 'x:tfr_end=1.5'], read).stderr).toBe('error: --set x:tfr_end: no district "x" in the scenario (it has no districts)');
  });
});

describe('CLI: --districts LIST', () => {
  const list = ['区县,常住人口,60岁及以上人口占比(%)', '泰山区,801200,18.5', '新泰市,1315000,21.3', '东平县,720000,25.1'].join('\n');
  const bytesOf = (files: Record<string, string>) => (p: string) => {
    if (!(p in files)) throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
    return new TextEncoder().encode(files[p]);
  };
  const run = (args: string[], files: Record<string, string>) => runCli(args, (p) => files[p] ?? '', bytesOf(files));

  it('turns the scenario into the listed districts, each with its own figures', () => {
    const out = run(['--preset', 'taian-14th', '--districts', 'list.csv'], { 'list.csv': list });
    expect(out.stderr).toBe('');
    const j = JSON.parse(out.stdout);
    expect(Object.keys(j.districts)).toEqual(['泰山区', '新泰市', '东平县']);
    expect(j.districts['东平县'].series.pop_total[0]).toBeCloseTo(720000, 0);
    expect(j.series.pop_total[0]).toBeCloseTo(801200 + 1315000 + 720000, 0);
    // Tai'an's totals were stated for 5.47 million people: the warning says so.
    expect(j.warnings[0].message.en).toMatch(/^districts: the city-level totals .* are stated for 5472217 persons/);
    const dumped = JSON.parse(run(['--preset', 'taian-14th', '--districts', 'list.csv', '--dump-scenario'], { 'list.csv': list }).stdout);
    expect(dumped.districts[1].provenance.base_pop_total).toEqual({ kind: 'planner', ref: 'list.csv', note: 'line 3' });
  });

  it('refuses a bad list naming the file, line and column, and a census table for a city of districts', () => {
    const bad = run(['--preset', 'taian-14th', '--districts', 'bad.csv'], { 'bad.csv': list.replace('21.3', 'x') });
    expect([bad.code, bad.stderr]).toEqual([2, 'error: --districts bad.csv: line 3, column "60岁及以上人口占比(%)" (C): "x" is not a number']);
    const census = run(['city.json', '--base-population', 'c.csv'], { 'city.json': file, 'c.csv': 'age,total\n0-99,100\n100+,1\n' });
    expect(census.stderr).toMatch(/^error: --base-population c\.csv: the scenario has districts, and each district states its own base population/);
  });
});
