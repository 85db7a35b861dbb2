import { describe, expect, it } from 'vitest';
import { presets } from '../../models/presets/index.ts';
import { catalogTargetDef, targetsCatalog } from '../../models/targets-catalog.ts';
import { defaultProjector } from '../../src/engine/default-model.ts';
import { indicatorLabel, scenarioName, targetKind, targetLabel, targetSource } from '../../src/engine/labels.ts';
import { unitText } from '../../src/engine/units.ts';

const CJK = /[\u3000-\u9fff\uff00-\uffef]/;
const variableIds = new Set(defaultProjector().variables().map((v) => v.id));

describe('English mode shows English names for what presets and the catalog hold in Chinese', () => {
  it.each(presets.map((p) => [p.id, p] as const))('%s: scenario name, target labels, units and tags', (_id, preset) => {
    const s = preset.scenario;
    expect(scenarioName(s, 'en')).not.toMatch(CJK);
    expect(scenarioName(s, 'zh')).toBe(s.name);
    for (const t of s.targets) {
      expect(targetLabel(t, 'en', s.preset), t.id).not.toMatch(CJK);
      expect(targetLabel(t, 'zh', s.preset), t.id).toMatch(CJK);
      if (t.unit) expect(unitText(t.unit, 'en'), `${t.id} unit ${t.unit}`).not.toMatch(CJK);
      expect(targetSource(t, 'en') ?? '', t.id).not.toMatch(/约束性|预期性/);
    }
    // Every indicator an evaluation lists is a target, a model variable or labelled in both languages.
    for (const a of s.actuals) {
      if (s.targets.some((t) => t.id === a.indicator) || variableIds.has(a.indicator)) continue;
      expect(indicatorLabel(a.indicator, 'en', s.preset), a.indicator).not.toMatch(CJK);
    }
  });

  it('keeps a planner\'s own label and name as typed', () => {
    const s = structuredClone(presets.find((p) => p.id === 'sanmen-14th')!.scenario);
    s.name = '三门县 方案A';
    expect(scenarioName(s, 'en')).toBe('三门县 方案A');
    const t = { ...s.targets[0], label: '我的目标' };
    expect(targetLabel(t, 'en', s.preset)).toBe('我的目标');
  });

  it('reads binding and indicative from the catalog or the source tag, in either language', () => {
    const entry = targetsCatalog.find((c) => c.id === 'sanmen_nursing_bed_share_2025')!;
    expect(targetKind(catalogTargetDef(entry, 'zh'))).toBe('binding');
    expect(targetSource(catalogTargetDef(entry, 'zh'), 'en')).toBe('S:87 (table S:77–90) binding');
    expect(targetSource(catalogTargetDef(entry, 'en'), 'zh')).toBe('S:87 (table S:77–90) 约束性');
    expect(targetKind({ id: 'x', source: 'T:131 预期性' })).toBe('indicative');
    expect(targetKind({ id: 'x', source: 'S:129' })).toBeUndefined();
  });
});
