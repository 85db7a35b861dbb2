/**
 * Names in the interface language for what a scenario document holds in one language: the
 * scenario's name, target labels, plan-only indicators, units and the binding/indicative tag.
 * A preset's or the catalog's text is shown in the other language while the document still
 * holds it unchanged; whatever a planner typed stays as typed. Pure; shared by the page, the
 * print report and the exports.
 */
import { findPreset } from '../../models/presets/index.ts';
import { targetsCatalog } from '../../models/targets-catalog.ts';
import type { Text } from '../../models/types.ts';
import type { Scenario, TargetDef } from './types.ts';
import type { Lang } from './units.ts';

/** 约束性 (binding) or 预期性 (indicative). */
export type TargetKind = 'binding' | 'indicative';

const catalogById = new Map(targetsCatalog.map((c) => [c.id, c]));

/** The known text in both languages when `text` is one of its two forms, else undefined. */
const matching = (known: Text | undefined, text: string): Text | undefined => (known && (known.zh === text || known.en === text) ? known : undefined);

/** The scenario's name in `lang`: a preset's own name while it is unchanged, else as typed. */
export function scenarioName(scenario: Pick<Scenario, 'name' | 'preset'>, lang: Lang): string {
  const preset = scenario.preset ? findPreset(scenario.preset) : undefined;
  if (!preset) return scenario.name;
  if (scenario.name === preset.scenario.name || scenario.name === preset.label.zh || scenario.name === preset.label.en) {
    return lang === 'zh' ? preset.scenario.name : preset.label.en;
  }
  return scenario.name;
}

/** The label, in both languages, of a catalog target or a preset's own target or indicator. */
export function knownLabel(id: string, presetId?: string): Text | undefined {
  return catalogById.get(id)?.label ?? (presetId ? findPreset(presetId)?.labels?.[id] : undefined);
}

/** A target's label in `lang`: the catalog's or the preset's while unchanged, else as typed. */
export function targetLabel(def: Pick<TargetDef, 'id' | 'label'>, lang: Lang, presetId?: string): string {
  return matching(knownLabel(def.id, presetId), def.label)?.[lang] ?? def.label;
}

/** A plan-only indicator's label (an actual's `indicator`) in `lang`, when the preset gives both. */
export function indicatorLabel(indicator: string, lang: Lang, presetId?: string): string {
  const known = presetId ? findPreset(presetId)?.labels?.[indicator] : undefined;
  return known?.[lang] ?? indicator;
}

const KIND_WORDS: Record<TargetKind, Text> = { binding: { zh: '约束性', en: 'binding' }, indicative: { zh: '预期性', en: 'indicative' } };
const KIND_TAG = / (约束性|预期性|binding|indicative)$/;

/** The tag in `lang`: 约束性 / binding, 预期性 / indicative. */
export function kindText(kind: TargetKind, lang: Lang): string {
  return KIND_WORDS[kind][lang];
}

/** Whether a target is binding or indicative: from the catalog, else from the tag its source ends with. */
export function targetKind(def: Pick<TargetDef, 'id' | 'source'>): TargetKind | undefined {
  const fromCatalog = catalogById.get(def.id)?.kind;
  if (fromCatalog) return fromCatalog;
  const tag = def.source?.match(KIND_TAG)?.[1];
  if (!tag) return undefined;
  return tag === '约束性' || tag === 'binding' ? 'binding' : 'indicative';
}

/** A target's source with its binding/indicative tag in `lang` (the reference itself is kept). */
export function targetSource(def: Pick<TargetDef, 'id' | 'source'>, lang: Lang): string | undefined {
  if (def.source === undefined) return undefined;
  const kind = targetKind(def);
  const ref = def.source.replace(KIND_TAG, '');
  return kind && KIND_TAG.test(def.source) ? `${ref} ${kindText(kind, lang)}` : ref;
}
