/**
 * Checking a bed project a planner types (name, opening year, beds, nursing beds, investment),
 * with messages that name the field and the allowed range. Pure: the editor and tests use it.
 */
import type { BedProject } from '../engine/types.ts';
import { LIMITS, NUMBER_BOUNDS, textProblem } from '../engine/scenario/schema.ts';
import type { Lang } from './i18n.svelte.ts';

/** The form's fields as typed (strings), before checking. */
export interface BedProjectDraft {
  name: string;
  year: string;
  beds: string;
  nursingBeds: string;
  /** Investment in 万元 as plans state it (optional). */
  investmentWan: string;
  source: string;
}

/** A draft from a stored project (investment shown in 万元). */
export function draftOf(p: BedProject | null, defaultYear: number): BedProjectDraft {
  return p
    ? { name: p.name, year: String(p.year), beds: String(p.beds), nursingBeds: String(p.nursingBeds), investmentWan: p.investment === undefined ? '' : String(p.investment / 1e4), source: p.source ?? '' }
    : { name: '', year: String(defaultYear), beds: '', nursingBeds: '0', investmentWan: '', source: '' };
}

const num = (s: string) => (s.trim() === '' ? NaN : Number(s.replace(/[,，\s]/g, '')));

/**
 * Checks a draft against the projection's years (a project opens after the base year, by the
 * end year). Returns the project, or the messages naming each bad field and its allowed range.
 */
export function checkBedProject(d: BedProjectDraft, baseYear: number, endYear: number, lang: Lang): { ok: true; project: BedProject } | { ok: false; errors: string[] } {
  const zh = lang === 'zh';
  const errors: string[] = [];
  const name = d.name.trim();
  if (!name) errors.push(zh ? '项目名称：不能为空' : 'Name: required');
  else if (name.length > LIMITS.name) errors.push(zh ? `项目名称：最长 ${LIMITS.name} 字` : `Name: at most ${LIMITS.name} characters`);
  const year = num(d.year);
  if (!Number.isInteger(year) || year <= baseYear || year > endYear) {
    errors.push(zh ? `竣工年份 = ${d.year}：允许 ${baseYear + 1}–${endYear} 的整数（基期后、预测期内）` : `Opening year = ${d.year}: allowed ${baseYear + 1}–${endYear}, whole years (after the base year, within the projection)`);
  }
  const maxBeds = NUMBER_BOUNDS.bedsPerProject;
  const maxWan = NUMBER_BOUNDS.investment / 1e4;
  const beds = num(d.beds);
  if (!Number.isInteger(beds) || beds < 0 || beds > maxBeds) errors.push(zh ? `床位 = ${d.beds}：允许 0–${maxBeds} 的整数` : `Beds = ${d.beds}: allowed 0–${maxBeds.toLocaleString('en')}, whole beds`);
  const nursing = num(d.nursingBeds);
  const maxNursing = Number.isInteger(beds) && beds >= 0 && beds <= maxBeds ? beds : maxBeds;
  if (!Number.isInteger(nursing) || nursing < 0 || nursing > maxNursing) {
    errors.push(zh ? `护理型床位 = ${d.nursingBeds}：允许 0–${maxNursing} 的整数（不超过项目床位）` : `Nursing beds = ${d.nursingBeds}: allowed 0–${maxNursing}, whole beds (at most the project's beds)`);
  }
  let investment: number | undefined;
  if (d.investmentWan.trim() !== '') {
    const wan = num(d.investmentWan);
    if (!Number.isFinite(wan) || wan < 0 || wan > maxWan) errors.push(zh ? `投资 = ${d.investmentWan}：允许 0–${maxWan} 万元，或留空（按每床建设成本计）` : `Investment = ${d.investmentWan}: allowed 0–${maxWan.toLocaleString('en')} (10,000 yuan), or empty (priced at the cost per bed)`);
    else investment = wan * 1e4;
  }
  const source = d.source.trim();
  if (source.length > LIMITS.source) errors.push(zh ? `来源：最长 ${LIMITS.source} 字` : `Source: at most ${LIMITS.source} characters`);
  for (const [label, text] of [[zh ? '项目名称' : 'Name', name], [zh ? '来源' : 'Source', source]] as const) {
    const problem = textProblem(text);
    if (problem) errors.push(`${label}: ${problem}`);
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, project: { name, year, beds, nursingBeds: nursing, ...(investment !== undefined ? { investment } : {}), ...(source ? { source } : {}) } };
}
