import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.ts';
import { serializeScenario } from '../../src/engine/scenario/migrate.ts';
import { split } from '../engine/districts/helpers.ts';

const noFile = (path: string): string => {
  throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
};
const mixOf = (argv: string[]) => {
  const out = runCli(argv, noFile);
  expect(out.stderr).toBe('');
  expect(out.code).toBe(0);
  return JSON.parse(out.stdout);
};

describe('CLI --cheapest-mix', () => {
  it('prints the mix, its cost and the binding targets of the Sanmen preset as JSON', () => {
    const json = mixOf(['--preset', 'sanmen-14th', '--cheapest-mix', '--mix-cost', 'beds_conversion_per_year=20000']);
    expect(json.status).toBe('solved');
    expect(json.targets.map((t: { id: string }) => t.id)).toEqual(['sanmen_nursing_bed_share_2022', 'sanmen_nursing_bed_share_2025']);
    expect(json.targets.find((t: { id: string }) => t.id === 'sanmen_nursing_bed_share_2025').binding).toBe(true);
    const conversion = json.levers.find((l: { id: string }) => l.id === 'beds_conversion_per_year');
    expect(conversion).toMatchObject({ costSource: 'entered', enteredUnitCost: 20000 });
    expect(conversion.value).toBeGreaterThan(0);
    expect(json.cost.total).toBeGreaterThan(0);
    expect(json.cost.perYear).toHaveLength(5);
    expect(json.summary.zh).toMatch(/最低成本组合/);
  });

  it('takes targets, levers with ranges, the period and a trade-off curve', () => {
    const json = mixOf([
      '--preset', 'sanmen-14th', '--cheapest-mix', '--mix-target', 'sanmen_nursing_bed_share_2025',
      '--mix-lever', 'beds_new_per_year,beds_new_nursing_share', '--mix-range', 'beds_new_nursing_share=0.6..0.9', '--mix-period', 'projection',
      '--trade-off', 'sanmen_nursing_bed_share_2025', '--trade-off-levels', '0.5,0.58',
    ]);
    expect(json.targets.map((t: { id: string }) => t.id)).toEqual(['sanmen_nursing_bed_share_2025']);
    expect(json.levers.map((l: { id: string }) => l.id)).toEqual(['beds_new_per_year', 'beds_new_nursing_share']);
    expect(json.levers[1].allowed).toEqual({ min: 0.6, max: 0.9 });
    expect(json.period).toEqual({ fromYear: 2021, toYear: 2035, kind: 'projection' });
    expect(json.tradeOff.points.map((p: { level: number }) => p.level)).toEqual([0.5, 0.58]);
  });

  it('refuses bad options with one line naming the field', () => {
    const bad = (argv: string[], message: RegExp) => {
      const out = runCli(argv, noFile);
      expect(out.code).toBe(2);
      expect(out.stdout).toBe('');
      expect(out.stderr).toMatch(message);
    };
    bad(['--preset', 'sanmen-14th', '--cheapest-mix', '--mix-target', 'nope'], /^error: targets: no target with id "nope"/);
    bad(['--preset', 'sanmen-14th', '--cheapest-mix', '--mix-range', 'beds_new_per_year=0..2e7'], /^error: levers\.beds_new_per_year\.max = 20000000: allowed 0–1000000/);
    bad(['--preset', 'sanmen-14th', '--cheapest-mix', '--mix-cost', 'beds_conversion_per_year=lots'], /--mix-cost lots: not a number/);
    bad(['--preset', 'sanmen-14th', '--mix-target', 'x'], /--mix-target needs --cheapest-mix/);
    bad(['--preset', 'china-2020', '--cheapest-mix'], /no binding \(约束性\) target/);
    bad(['--preset', 'sanmen-14th', '--cheapest-mix', '--draws', '100'], /--cheapest-mix goes without --draws and --tornado/);
    const city = serializeScenario(split('sanmen-14th', [{ name: 'A', share: 0.5, old: 1 }, { name: 'B', share: 0.5, old: 1 }]));
    const out = runCli(['city.json', '--cheapest-mix', '--district', 'A'], () => city);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/^error: --cheapest-mix with --district: the mix is for the whole scenario/);
  });
});
