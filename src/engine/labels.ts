/**
 * Names in the interface language for what a scenario document holds in one language: the
 * scenario's name, target labels, plan-only indicators, units and the binding/indicative tag.
 * A preset's or the catalog's text is shown in the other language while the document still
 * holds it unchanged; whatever a planner typed stays as typed. Pure; shared by the page, the
 * print report and the exports.
 */
import { findPreset } from '../../models/presets/index.ts';
import { targetsCatalog } from '../../models/targets-catalog.ts';
import type { Source, SourceKind, Text } from '../../models/types.ts';
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

/** Where a value comes from, in both languages (the source badge and every report). */
export const SOURCE_KINDS: Record<SourceKind, Text> = {
  plan: { zh: '规划', en: 'Plan' },
  census: { zh: '普查', en: 'Census' },
  data: { zh: '数据', en: 'Data' },
  national: { zh: '国家', en: 'National' },
  assumption: { zh: '假设', en: 'Assumption' },
  planner: { zh: '本地输入', en: 'Entered' },
};

/** Where a value comes from, as one word in `lang` (规划, 普查, 假设, 本地输入 …). */
export function sourceKindText(kind: SourceKind, lang: Lang): string {
  return SOURCE_KINDS[kind][lang];
}

const HAS_CJK = /[\u3400-\u9fff]/;
/** Reference words the presets write in English, in Chinese. */
const REF_WORDS: [RegExp, string][] = [
  [/^assumption — planner to confirm$/, '假设,请规划人员核实'],
  [/\(derived\)/g, '(推算)'],
];

/**
 * A value's source as one line in `lang`: the kind, the reference (plan lines such as S:29–43
 * read the same in both languages) and the note. The presets' notes are written in English; a
 * Chinese report leaves an English note out (it stays in the file and on the source badge)
 * rather than print English inside Chinese, and says that an assumption needs confirming.
 */
export function sourceText(source: Source, lang: Lang): string {
  let ref = source.ref;
  if (lang === 'zh') for (const [re, zh] of REF_WORDS) ref = ref.replace(re, zh);
  const note = source.note && (lang === 'en' || HAS_CJK.test(source.note)) ? source.note : '';
  const confirm = source.kind === 'assumption' && !/核实|confirm/i.test(`${ref} ${note}`) ? (lang === 'zh' ? '(假设值,请核实)' : ' (an assumption: confirm it)') : '';
  const head = `${sourceKindText(source.kind, lang)} ${ref}`.trim();
  return `${head}${note ? ` — ${note}` : ''}${confirm}`;
}
