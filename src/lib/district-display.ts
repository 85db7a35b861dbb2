/** How the district panels write a parameter's value: as the parameter panel shows it (shares in %, choices by name). */
import type { ParameterDef, Text } from '../../models/types.ts';
import type { Lang } from './i18n.svelte.ts';

const tidy = (x: number) => (Number.isInteger(x) ? x : Number(x.toPrecision(7)));

/** A parameter value with its unit, e.g. "18.7%", "600 张/年", or a mode's label. */
export function parameterValueText(def: ParameterDef, value: number, lang: Lang): string {
  if (def.choices) return (def.choices[value - def.min] as Text | undefined)?.[lang] ?? String(value);
  if (def.format === 'share') return `${tidy(value * 100)}%`;
  const unit = def.unit[lang];
  return unit ? `${tidy(value)} ${unit}` : String(tidy(value));
}

/** A share as a percentage with one decimal (18.7%). */
export function percentText(x: number, lang: Lang): string {
  return `${(x * 100).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: 1, minimumFractionDigits: 1 })}%`;
}
