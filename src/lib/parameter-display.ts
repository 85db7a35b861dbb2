/**
 * How a parameter's value is shown and typed in its input, by one rule: shares and every
 * per-year rate in % (per year), stored as fractions as before; the number shown to the
 * precision of the parameter's step, with thousands separators (1,409,778,724; 18.73 %).
 * The digits come from `formatNumber` in src/engine/format.ts — the one call to switch when
 * the engine's display-precision function lands. Also the step an arrow or Page key moves.
 */
import { FRACTION_PER_YEAR, type ParameterDef } from '../../models/types.ts';
import { formatNumber } from '../engine/format.ts';
import type { Lang } from './i18n.svelte.ts';

/** Shown value = stored value × this (shares and per-year rates are stored as fractions, shown in %). */
export function displayScale(def: Pick<ParameterDef, 'format'>): number {
  return def.format === 'share' ? 100 : 1;
}

const isPerYear = (def: Pick<ParameterDef, 'unit'>) => def.unit.en === FRACTION_PER_YEAR.en;

/** The unit beside the input: % for shares, %/年 (% per year) for rates, else the model's unit. */
export function displayUnit(def: Pick<ParameterDef, 'format' | 'unit'>, lang: Lang): string {
  if (def.format === 'share') return isPerYear(def) ? (lang === 'zh' ? '%/年' : '%/yr') : '%';
  return def.unit[lang];
}

/** Fraction digits of a step in display units (0.0001 as a share → 0.01 % → 2). */
function stepDigits(step: number): number {
  for (let d = 0; d <= 8; d++) if (Math.abs(Math.round(step * 10 ** d) - step * 10 ** d) < 1e-9 * 10 ** d) return d;
  return 8;
}

/** Fraction digits an input shows: those of the parameter's step, in display units. */
export function displayDigits(def: Pick<ParameterDef, 'format' | 'step' | 'integer'>): number {
  return def.integer ? 0 : stepDigits(def.step * displayScale(def));
}

/** A stored value as an input shows it (display units, step precision, thousands separators). */
export function displayValue(def: ParameterDef, value: number, lang: Lang): string {
  // A year is a label, not a quantity: no thousands separator (2025, not 2,025).
  if (def.format === 'year') return Number.isFinite(value) ? String(Math.round(value)) : formatNumber(value, lang);
  return formatNumber(value * displayScale(def), lang, displayDigits(def));
}

/** The allowed range in display units, e.g. "2–60 %". */
export function displayRange(def: ParameterDef, lang: Lang): string {
  const unit = displayUnit(def, lang);
  const glue = /^[%‰]/.test(unit) ? '' : ' ';
  return `${displayValue(def, def.min, lang)}–${displayValue(def, def.max, lang)}${unit ? `${glue}${unit}` : ''}`;
}

const FULL_WIDTH = /[０-９．－]/g;

/**
 * A typed text as a stored value, or NaN: accepts thousands separators (, ， space _), full-width
 * digits, the minus signs − and －, and in counts and money the multipliers 万 and 亿.
 */
export function parseDisplayValue(def: ParameterDef, text: string): number {
  let s = text.trim().replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[−－]/g, '-').replace(/[,，_\s]/g, '');
  if (def.format === 'share') s = s.replace(/%$/, '');
  let factor = 1;
  const mult = /^(.*?)(万|亿)$/.exec(s);
  if (mult && (def.format === 'count' || def.format === 'money')) {
    s = mult[1];
    factor = mult[2] === '万' ? 1e4 : 1e8;
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return NaN;
  // Divide in display units and round away the binary noise (18.73 / 100 = 0.18730000000000002).
  const v = (Number(s) * factor) / displayScale(def);
  return Number(v.toPrecision(12));
}

/** 1, 2 or 5 times a power of ten, nearest to x on a log scale. */
function nice(x: number): number {
  if (!(x > 0)) return 0;
  const e = Math.floor(Math.log10(x));
  const f = x / 10 ** e;
  const m = f < Math.sqrt(2) ? 1 : f < Math.sqrt(10) ? 2 : f < Math.sqrt(50) ? 5 : 10;
  return m * 10 ** e;
}

/** A wide count or money range (population 1,000–2 billion): steps follow the value, not the range. */
const isWide = (def: ParameterDef) => (def.format === 'count' || def.format === 'money') && def.max - def.min >= 1e4 * def.step;

/**
 * What one arrow key moves the slider by: about 1 % of the range, or for a wide count or money
 * range about 1 % of the current value (the base population of a county moves by thousands,
 * not by one person or by 20 million); never below the parameter's step, always a multiple of it.
 * Page Up / Page Down move ten times as far.
 */
export function keyStep(def: ParameterDef, value: number): number {
  const span = def.max - def.min;
  const raw = isWide(def) ? (value !== 0 ? Math.abs(value) / 100 : def.step * 100) : span / 100;
  const step = Math.max(def.step, nice(Math.min(raw, span / 10)));
  return Math.max(def.step, Math.round(step / def.step) * def.step);
}

/** The value after a key press on the slider, or null for a key the slider handles itself. */
export function valueAfterKey(def: ParameterDef, value: number, key: string): number | null {
  const step = keyStep(def, value);
  const delta = { ArrowUp: step, ArrowRight: step, ArrowDown: -step, ArrowLeft: -step, PageUp: 10 * step, PageDown: -10 * step }[key];
  if (delta === undefined) return null;
  // Land on a multiple of the key step (1,409,778,724 → 1,420,000,000), within the range.
  const next = Math.round((value + delta) / step) * step;
  const snapped = Math.abs(next - value) < 1e-12 ? value + delta : next;
  return Number(Math.min(def.max, Math.max(def.min, snapped)).toPrecision(12));
}
