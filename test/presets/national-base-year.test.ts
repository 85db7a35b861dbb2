/**
 * The national base year (china-2020, 2020) against the official 2020 figures (models/data/
 * national-2020-civil-affairs.ts, sources in models/data/SOURCES.md): what a bureau's leader
 * would check first. Each figure is the model's own output for 2020, not a copy of the input.
 */
import { describe, expect, it } from 'vitest';
import { defaultProjector } from '../../src/engine/default-model.ts';
import { defaultScenario } from '../../models/presets/index.ts';
import { modules } from '../../models/index.ts';
import { NATIONAL_2020, SW_PROFESSIONALS_PERMILLE_13TH_FYP } from '../../models/data/national-2020-civil-affairs.ts';

const projector = defaultProjector();
const scenario = defaultScenario();
const result = projector.run(scenario);
const base = (id: string) => result.series[id][0];
const param = (id: string) => modules.flatMap((m) => m.parameters).find((p) => p.id === id)!;
/** Relative difference. */
const rel = (a: number, b: number) => Math.abs(a - b) / b;

describe('china-2020 in 2020 against the official 2020 figures', () => {
  it('beds_total in 2020 equals 8.21 M from the 2020 ageing bulletin, 31.1 per 1000 elderly', () => {
    expect(result.baseYear).toBe(2020);
    expect(Number((base('beds_total') / 1e6).toFixed(2))).toBe(8.21);
    expect(rel(base('beds_total'), NATIONAL_2020.bedsTotal)).toBeLessThan(0.001);
    expect(Number(base('beds_per_1000_elderly').toFixed(1))).toBe(NATIONAL_2020.bedsPer1000Elderly);
  });

  it('dibao standards are the 2020 year-end averages: 677.6 元/月 urban, 5,962.3 元/年 rural', () => {
    expect(base('dibao_std_urban')).toBe(NATIONAL_2020.dibaoStdUrban);
    expect(base('dibao_std_rural') * 12).toBeCloseTo(NATIONAL_2020.dibaoStdRuralYear, 6);
  });

  it('dibao recipients are 8.051 M urban and 36.208 M rural ("nearly 44.3 M"), in both recipient modes', () => {
    for (const mode of [0, 1]) {
      const r = projector.run({ ...scenario, parameters: { dibao_recipients_mode: mode } });
      const u = r.series.dibao_recipients_urban[0];
      const ru = r.series.dibao_recipients_rural[0];
      expect(rel(u, NATIONAL_2020.dibaoUrbanPersons), `mode ${mode} urban`).toBeLessThan(1e-9);
      expect(rel(ru, NATIONAL_2020.dibaoRuralPersons), `mode ${mode} rural`).toBeLessThan(1e-9);
      expect(Number(((u + ru) / 1e6).toFixed(1))).toBe(44.3);
    }
  });

  it('dibao spending reproduces the bulletin: 537.3亿 urban, 1,426.3亿 rural', () => {
    expect(rel(base('dibao_spending_urban'), NATIONAL_2020.dibaoUrbanSpending)).toBeLessThan(0.001);
    expect(rel(base('dibao_spending_rural'), NATIONAL_2020.dibaoRuralSpending)).toBeLessThan(0.001);
  });

  it('tekun persons are 4.775 M, of which 4.463 M rural', () => {
    expect(rel(base('tekun_persons'), NATIONAL_2020.tekunRural + NATIONAL_2020.tekunUrban)).toBeLessThan(0.001);
    expect(rel(base('tekun_persons_rural'), NATIONAL_2020.tekunRural)).toBeLessThan(0.001);
  });

  it('temporary assistance reaches 13.8 M cases, not 0.7 M', () => {
    expect(rel(base('temp_assist_cases'), NATIONAL_2020.tempAssistCases)).toBeLessThan(0.001);
  });

  it('certified social workers start from the end-2020 count, 669,000', () => {
    expect(base('sw_stock')).toBe(NATIONAL_2020.socialWorkersCertified);
  });

  it('high-age allowance recipients are the 31.044 M of the ageing bulletin', () => {
    expect(rel(base('high_age_recipients'), NATIONAL_2020.highAgeAllowanceRecipients)).toBeLessThan(0.001);
  });

  it('institutional residents are the observed 2.15 M, not 3 % of the elderly', () => {
    expect(rel(base('beds_users'), NATIONAL_2020.institutionResidents)).toBeLessThan(1e-9);
    expect(base('beds_users') / base('pop_60plus')).toBeLessThan(0.01);
  });

  it('implied occupancy is users ÷ beds with no cap, so it can show demand above supply', () => {
    expect(base('occupancy_implied')).toBeCloseTo(base('beds_users') / base('beds_total'), 12);
    const scarce = projector.run({ ...scenario, parameters: { beds_users_mode: 1, beds_base_per_1000: 20 } });
    expect(scarce.series.occupancy_implied[0]).toBeGreaterThan(1);
    expect(scarce.series.occupancy_implied[0]).toBeCloseTo(scarce.series.beds_users[0] / scarce.series.beds_total[0], 12);
  });

  it('keeps "9073" as a selectable planning norm: users are then 3 % of the elderly', () => {
    const norm = projector.run({ ...scenario, parameters: { beds_users_mode: 1 } });
    expect(norm.series.beds_users[0] / norm.series.pop_60plus[0]).toBeCloseTo(0.03, 9);
    expect(param('beds_inst_share').label.en).toMatch(/norm/i);
  });

  it('care-worker requirement and social-worker workload follow the observed residents', () => {
    const users = (id: string) => base(id);
    const ratio = (id: string) => param(id).default;
    expect(base('care_workers_required')).toBeCloseTo(
      users('beds_users_full') / ratio('care_ratio_full') + users('beds_users_partial') / ratio('care_ratio_partial') + users('beds_users_able') / ratio('care_ratio_able'), 6);
    expect(base('care_workers_required')).toBeLessThan(NATIONAL_2020.institutionResidents / 3);
    expect(base('sw_workload_institutions')).toBeCloseTo(NATIONAL_2020.institutionResidents / ratio('sw_caseload_institutions'), 6);
  });

  it('the social-worker norm is the national 13th-FYP ratio (1 ‰ of the population), labelled national, not a county\'s', () => {
    for (const id of ['sw_norm_per_10k_base', 'sw_norm_per_10k']) {
      const p = param(id);
      expect(p.default, id).toBe(SW_PROFESSIONALS_PERMILLE_13TH_FYP * 10);
      expect(p.source.kind, id).toBe('national');
      expect(p.source.ref, id).not.toMatch(/^S:|Sanmen/);
    }
    expect(param('sw_norm_basis').default).toBe(1);
    // 1 ‰ of all social-work professionals, stated in certified social workers through the ratio.
    expect(base('sw_required_norm')).toBeCloseTo(base('pop_total') / 1000 / param('sw_professionals_ratio').default, 3);
  });

  it('no national default cites a county or city plan line as its source of kind national or data', () => {
    for (const p of modules.flatMap((m) => m.parameters)) {
      if (p.source.kind === 'national' || p.source.kind === 'data') expect(p.source.ref, p.id).not.toMatch(/^[JSLPT]:\d/);
    }
  });
});
