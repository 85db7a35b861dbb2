import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../models/presets/index.ts';
import { catalogTargetDef, targetsCatalog } from '../../models/targets-catalog.ts';
import { defaultProjector } from '../../src/engine/default-model.ts';
import { defaultLever, describeGoalSeek, goalSeek } from '../../src/engine/goal-seek.ts';
import { validateScenario } from '../../src/engine/scenario/schema.ts';
import type { Scenario, TargetDef } from '../../src/engine/types.ts';

const projector = defaultProjector();
const base = (): Scenario => {
  const v = validateScenario(defaultScenario());
  if (!v.ok) throw new Error(v.issues.map((i) => i.message).join('; '));
  return v.scenario;
};

describe('targets catalog', () => {
  it('has unique ids, a plan line for every entry, and fractions for shares', () => {
    expect(new Set(targetsCatalog.map((t) => t.id)).size).toBe(targetsCatalog.length);
    for (const t of targetsCatalog) {
      expect(t.source.length, t.id).toBeGreaterThan(0);
      expect(t.year, t.id).toBeGreaterThanOrEqual(t.plan.start);
      expect(t.year, t.id).toBeLessThanOrEqual(t.plan.end);
      if (t.unit.zh === '%') expect(t.value, t.id).toBeLessThanOrEqual(1);
    }
  });

  it('keeps the plans\' figures as stated', () => {
    const get = (id: string) => targetsCatalog.find((t) => t.id === id)!;
    expect(get('sanmen_nursing_bed_share_2025')).toMatchObject({ value: 0.58, year: 2025, kind: 'binding', source: expect.stringMatching(/^S:87/) });
    expect(get('sanmen_beds_per_1000_2020')).toMatchObject({ value: 50, year: 2020, source: expect.stringMatching(/^S:31/) });
    expect(get('sanmen_sw_per_10k_2025')).toMatchObject({ value: 20, kind: 'indicative' });
    expect(get('sanmen_care_workers_per_10k_elderly_2025')).toMatchObject({ value: 25, kind: 'indicative' });
    expect(get('taian_dibao_ratio_127')).toMatchObject({ value: 1.27, op: '<=', source: 'T:6' });
    expect(get('taian_dibao_ratio_13')).toMatchObject({ value: 1.3, op: '<=', source: expect.stringMatching(/^T:119/) });
    expect(get('national_nursing_bed_share_2025')).toMatchObject({ value: 0.55, year: 2025 });
    expect([get('national_beds_per_1000_2020_low').value, get('national_beds_per_1000_2020_high').value]).toEqual([35, 40]);
  });

  it('reads only variables of the model, and names levers the model has', () => {
    const ids = new Set(projector.parameters.map((p) => p.id));
    for (const t of targetsCatalog) {
      expect(projector.checkExpression(t.expr), t.id).toBeNull();
      if (t.lever) expect(ids.has(t.lever), `${t.id}: ${t.lever}`).toBe(true);
      expect(defaultLever(t, projector.parameters), t.id).not.toBeNull();
    }
  });

  it('becomes valid scenario targets that the projector judges', () => {
    const targets: TargetDef[] = targetsCatalog.map((t) => catalogTargetDef(t, 'zh'));
    expect(targets.find((t) => t.id === 'sanmen_nursing_bed_share_2025')!.source).toBe('S:87 (table S:77–90) 约束性');
    expect(catalogTargetDef(targetsCatalog[0], 'en', 2030).year).toBe(2030);
    const v = validateScenario({ ...base(), targets });
    expect(v.ok, v.ok ? '' : v.issues.map((i) => i.message).join('; ')).toBe(true);
    const r = projector.run({ ...base(), targets });
    expect(r.targets).toHaveLength(targets.length);
    for (const verdict of r.targets) {
      expect(verdict.error, verdict.id).toBeUndefined();
      expect(verdict.valueAtYear, verdict.id).not.toBeNull();
    }
  });
});

describe('goal seek on the full model', () => {
  it('solves a bed target with new beds per year and prices it with the bed cost', () => {
    const s = base();
    const now = projector.run(s).series.beds_per_1000_elderly[5];
    const target: TargetDef = { id: 'beds', label: '每千名老年人床位', expr: 'beds_per_1000_elderly', op: '>=', value: Math.ceil(now) + 2, year: s.baseYear + 5, every: false };
    const r = goalSeek(projector, { ...s, targets: [target] }, 'beds', defaultLever(target, projector.parameters)!);
    expect(r.status).toBe('solved');
    expect(r.lever).toBe('beds_new_per_year');
    expect(r.change).toBeGreaterThan(0);
    expect(r.verdict?.met).toBe(true);
    // One step less would miss: the answer is the smallest on the lever's grid.
    const less = projector.run({ ...s, targets: [target] }, { beds_new_per_year: r.to! - r.range.step });
    expect(less.targets[0].met).toBe(false);
    expect(r.cost?.headline?.id).toBe('beds_cost_total');
    expect(r.cost?.headline?.delta).toBeGreaterThan(0);
    expect(describeGoalSeek(r, 'zh')).toMatch(/^每年多建[\d,]+张.*床位财政支出合计增加/);
  });
});
