import { describe, expect, it } from 'vitest';
import { presets } from '../../models/presets/index.ts';
import { catalogTargetDef, targetsCatalog } from '../../models/targets-catalog.ts';
import { defaultProjector } from '../../src/engine/default-model.ts';
import { indicatorLabel, refText, scenarioName, sourceText, targetKind, targetLabel, targetSource } from '../../src/engine/labels.ts';
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
    expect(targetSource(catalogTargetDef(entry, 'en'), 'zh')).toBe('S:87 (表 S:77–90) 约束性');
    expect(targetKind({ id: 'x', source: 'T:131 预期性' })).toBe('indicative');
    expect(targetKind({ id: 'x', source: 'S:129' })).toBeUndefined();
  });
});

describe('sources in a Chinese report', () => {
  it('translate the kind and the preset words, and keep an English note out', () => {
    expect(sourceText({ kind: 'assumption', ref: 'assumption — planner to confirm', note: 'no beds beyond the named projects' }, 'zh')).toBe('假设,请规划人员核实');
    expect(sourceText({ kind: 'plan', ref: 'S:32 (table S:29–43); S:87', note: '护理型床位占机构床位比率 53 % in 2020; the plan\'s denominator is institutional beds' }, 'zh')).toBe('规划 S:32 (表 S:29–43); S:87');
    expect(sourceText({ kind: 'plan', ref: 'S:84', note: '每万人持证社会工作专业人才 17' }, 'zh')).toBe('规划 S:84 — 每万人持证社会工作专业人才 17');
    expect(sourceText({ kind: 'assumption', ref: 'S:18, S:84 (derived)', note: 'an estimate' }, 'en')).toBe('Assumption S:18, S:84 (derived) — an estimate (an assumption: confirm it)');
    expect(refText('S:31 (table 1, S:29–43; stated annual growth 0.6 %)', 'zh')).toBe('S:31, S:29–43');
  });

  it('print no English word for any preset\'s provenance in Chinese (file names aside)', () => {
    const bad: string[] = [];
    for (const p of presets) {
      for (const [id, src] of Object.entries(p.scenario.provenance ?? {})) {
        const text = sourceText(src, 'zh').replace(/https?:\/\/\S+/g, '').replace(/\S+\.(csv|ts|md|html?)\b/g, '').replace(/\b[a-z]+_[a-z0-9_]+\b/g, '');
        if (/\b[A-Za-z]{4,}\b/.test(text)) bad.push(`${p.id} ${id}: ${text}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
