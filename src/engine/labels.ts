/**
 * Names in the interface language for what a scenario document holds in one language: the
 * scenario's name, target labels, plan-only indicators, units and the binding/indicative tag.
 * A preset's or the catalog's text is shown in the other language while the document still
 * holds it unchanged; whatever a planner typed stays as typed. Pure; shared by the page, the
 * print report and the exports.
 */
import { findPreset, presets } from '../../models/presets/index.ts';
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

/**
 * The label, in both languages, of a catalog target or a preset's own target or indicator (the
 * given preset's first; preset ids are prefixed by their region, so any preset's otherwise).
 */
export function knownLabel(id: string, presetId?: string): Text | undefined {
  return catalogById.get(id)?.label ?? (presetId ? findPreset(presetId)?.labels?.[id] : undefined) ?? presets.find((p) => p.labels?.[id])?.labels?.[id];
}

/** A target's label in `lang`: the catalog's or the preset's while unchanged, else as typed. */
export function targetLabel(def: Pick<TargetDef, 'id' | 'label'>, lang: Lang, presetId?: string): string {
  return matching(knownLabel(def.id, presetId), def.label)?.[lang] ?? def.label;
}

/** A plan-only indicator's label (an actual's `indicator`) in `lang`, when the preset gives both. */
export function indicatorLabel(indicator: string, lang: Lang, presetId?: string): string {
  return matching(knownLabel(indicator, presetId), indicator)?.[lang] ?? indicator;
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

/**
 * A target's source with its binding/indicative tag in `lang` (the reference itself is kept);
 * `withKind` false leaves the tag out (where the kind has its own badge or column).
 */
export function targetSource(def: Pick<TargetDef, 'id' | 'source'>, lang: Lang, withKind = true): string | undefined {
  if (def.source === undefined) return undefined;
  const kind = targetKind(def);
  const ref = refText(def.source.replace(KIND_TAG, ''), lang);
  return withKind && kind && KIND_TAG.test(def.source) ? `${ref} ${kindText(kind, lang)}` : ref;
}

/**
 * A reference (a seed line, a file) in `lang`. A Chinese page keeps only the plan lines of a
 * reference written in English ("S:31 (table 1, S:29–43; stated annual growth 0.6 %)" → "S:31,
 * S:29–43"), rather than print English inside Chinese.
 */
export function refText(ref: string, lang: Lang): string {
  if (lang === 'en' || isChinese(ref)) return ref;
  let out = ref;
  for (const [re, zh] of REF_WORDS) out = out.replace(re, zh);
  // Words left in English (file names aside): keep the plan lines only.
  const words = withoutNames(out).match(/\b[A-Za-z]{3,}\b/g);
  if (!words) return out;
  const lines = ref.match(/\b[JSLPT]:\d+(?:–\d+)?/g);
  return lines ? `${[...new Set(lines)].join(', ')}${/\bderived\b/.test(ref) ? '(推算)' : ''}` : out;
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

/** Text with file names, links and ids taken out (they read the same in any language). */
const withoutNames = (text: string) => text.replace(/https?:\/\/\S+/g, '').replace(/\S+\.(csv|ts|md|html?)\b/g, '').replace(/\b[A-Za-z]+_[A-Za-z0-9_]+\b/g, '');

/** True when a text is written in Chinese: Chinese characters and no English word (file names, links and ids aside). */
function isChinese(text: string): boolean {
  const rest = withoutNames(text);
  return /[\u3400-\u9fff]/.test(rest) && !/\b[A-Za-z]{3,}\b/.test(rest);
}
/** Reference words the presets write in English, in Chinese. */
const REF_WORDS: [RegExp, string][] = [
  [/^assumption — planner to confirm$/, '假设,请规划人员核实'],
  [/\(derived\)/g, '(推算)'],
  [/\btable (\d+)/g, '表$1'],
  [/\btable\b/g, '表'],
  [/\(interpolated\)/g, '(插值)'],
  [/\(context only\)/g, '(仅作参考)'],
  [/\(same page\)/g, '(同一页面)'],
  [/7th-census bulletin quoted at/g, '第七次人口普查公报,转引自'],
];

/**
 * A value's source as one line in `lang`: the kind, the reference (plan lines such as S:29–43
 * read the same in both languages) and the note. The presets' notes are written in English; a
 * Chinese report leaves an English note out (it stays in the file and on the source badge)
 * rather than print English inside Chinese, and says that an assumption needs confirming.
 */
export function sourceText(source: Source, lang: Lang): string {
  let ref = refText(source.ref, lang);
  // An assumption described in English says only that it is one; citations (census, data, national) stay as cited.
  if (lang === 'zh' && source.kind === 'assumption' && /\b[A-Za-z]{3,}\b/.test(withoutNames(ref))) ref = '';
  const note = source.note && (lang === 'en' || isChinese(source.note)) ? source.note : '';
  const confirm = source.kind === 'assumption' && !/核实|confirm/i.test(`${ref} ${note}`) ? (lang === 'zh' ? '(假设值,请核实)' : ' (an assumption: confirm it)') : '';
  const kind = sourceKindText(source.kind, lang);
  const head = ref.toLowerCase().startsWith(kind.toLowerCase()) ? ref : `${kind} ${ref}`.trim();
  return `${head}${note ? ` — ${note}` : ''}${confirm}`;
}
