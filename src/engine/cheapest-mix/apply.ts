/**
 * Applying a mix: a new scenario with the mix's lever values (the original is not touched),
 * each value marked as entered by the planner with a note that says it came from the cheapest
 * mix and on which costs, and the mix's summary added to the notes.
 */
import type { Lang } from '../format.ts';
import { LIMITS } from '../scenario/schema.ts';
import type { Scenario } from '../types.ts';
import { leverValueText } from './describe.ts';
import type { MixResult } from './types.ts';

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** The scenario with a solved mix applied, as a new document (no `meta`: it has not been saved). */
export function applyMix(scenario: Scenario, result: MixResult, lang: Lang, date = new Date().toISOString().slice(0, 10)): Scenario {
  if (result.status !== 'solved') throw new Error(`only a solved mix can be applied (this one is ${result.status})`);
  const zh = lang === 'zh';
  // A scenario is plain JSON; a JSON round trip copies it also in Chromium 86 (no structuredClone).
  const next = JSON.parse(JSON.stringify({ ...scenario, meta: undefined })) as Scenario;
  delete next.meta;
  const suffix = zh ? '(最低成本组合)' : ' (cheapest mix)';
  next.name = clip(scenario.name, LIMITS.name - suffix.length) + suffix;
  next.parameters = { ...scenario.parameters };
  next.provenance = { ...(scenario.provenance ?? {}) };
  const targets = result.targets.map((t) => t.label).join(zh ? '、' : ', ');
  for (const l of result.levers) {
    if (Math.abs(l.change) < l.resolution / 2) continue;
    next.parameters[l.id] = l.value;
    const cost = l.enteredUnitCost !== undefined
      ? zh ? `;本地输入成本 ${l.enteredUnitCost} 元/单位/年` : `; entered cost ${l.enteredUnitCost} yuan per unit per year`
      : l.costSource === 'none' ? (zh ? ';模型中无此项成本,按零计' : '; no cost in the model, counted as free') : '';
    const note = zh
      ? `最低成本组合(${date}):由 ${leverValueText(l, l.current, 'zh')} 改为 ${leverValueText(l, l.value, 'zh')},以满足 ${targets}${cost}`
      : `Cheapest mix (${date}): ${leverValueText(l, l.current, 'en')} → ${leverValueText(l, l.value, 'en')}, to meet ${targets}${cost}`;
    next.provenance[l.id] = { kind: 'planner', ref: date, note: clip(note, LIMITS.note) };
  }
  const paragraph = `${zh ? '最低成本组合' : 'Cheapest mix'} ${date}: ${result.summary[lang]}`;
  next.notes = clip(scenario.notes ? `${scenario.notes}\n\n${paragraph}` : paragraph, LIMITS.notes);
  return next;
}
