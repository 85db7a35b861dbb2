/**
 * The cheapest mix in words, in Chinese and English: one sentence per lever (what it is set
 * to, why, and what it costs) and a summary of the whole mix. Numbers use the engine's
 * unit-aware formats, so the words match the tables.
 */
import type { Text } from '../../../models/types.ts';
import { formatMargin, formatValue, type Lang } from '../format.ts';
import { describeRule } from '../targets.ts';
import type { MixCost, MixLeverOutcome, MixResult, MixStatus, MixTargetInfo, MixTargetOutcome } from './types.ts';

const both = (f: (lang: Lang) => string): Text => ({ zh: f('zh'), en: f('en') });

const inSentence = (label: string) => (/^[A-Z][a-z]/.test(label) ? label[0].toLowerCase() + label.slice(1) : label);

/** A lever's value with its unit ("112张/年", "60%"). */
export function leverValueText(l: Pick<MixLeverOutcome, 'format' | 'unit'>, value: number, lang: Lang): string {
  return formatValue(value, l.format, lang, { unit: l.unit[lang] || undefined });
}

/** A target value with its unit. */
export function targetValueText(t: Pick<MixTargetInfo, 'format' | 'unit'>, value: number | null, lang: Lang): string {
  return formatValue(value, t.format, lang, { unit: t.unit || undefined });
}

/** A target with its rule: 「护理型床位占比 2025年 ≥ 58%」 / "Nursing-bed share ≥ 58% in 2025". */
export function targetName(t: MixTargetInfo, lang: Lang): string {
  const rule = describeRule(t.rule, lang, targetValueText(t, t.rule.value, lang));
  return lang === 'zh' ? `「${t.label} ${rule}」` : `"${t.label} ${rule}"`;
}

const money = (x: number, lang: Lang) => formatValue(Math.abs(x), 'money', lang);
const list = (items: string[], lang: Lang) => items.join(lang === 'zh' ? '、' : ', ');

/** The years of a period: "2021–2025", or one year. */
export const periodText = (p: { fromYear: number; toYear: number }) => (p.fromYear === p.toYear ? String(p.fromYear) : `${p.fromYear}–${p.toYear}`);

/** One lever of the mix in words (`all`: every lever of the mix, to tell whether others moved). */
export function describeLever(l: MixLeverOutcome, all: readonly MixLeverOutcome[], targets: readonly MixTargetOutcome[], cost: MixCost, status: MixStatus): Text {
  return both((lang) => {
    const zh = lang === 'zh';
    const label = zh ? `「${l.label.zh}」` : `"${l.label.en}"`;
    const v = (x: number) => leverValueText(l, x, lang);
    const served = targets.filter((t) => l.serves.includes(t.id)).map((t) => targetName(t, lang));
    const period = periodText(cost);
    const unchanged = Math.abs(l.change) < l.resolution / 2;
    const othersMoved = all.some((o) => o !== l && Math.abs(o.change) >= o.resolution / 2);
    const limit = l.atBound === 'max' ? (zh ? '(已到允许上限)' : ' (its upper limit)') : l.atBound === 'min' ? (zh ? '(已到允许下限)' : ' (its lower limit)') : '';

    if (status === 'infeasible') {
      if (!l.acts) return zh ? `${label}保持${v(l.value)}:对所选目标没有作用。` : `${label} stays at ${v(l.value)}: it does not act on the chosen targets.`;
      return zh
        ? `${label}取${v(l.value)}${limit}${served.length ? `,最接近满足${list(served, lang)}` : ''}。`
        : `${label} at ${v(l.value)}${limit}${served.length ? `, the closest it gets to ${list(served, lang)}` : ''}.`;
    }

    if (unchanged) {
      if (!l.acts) return zh ? `${label}保持${v(l.current)}:在此组合下它对所选目标没有作用。` : `${label} stays at ${v(l.current)}: at this mix it does not move the chosen targets.`;
      if (served.length && !l.atBound) {
        return zh
          ? `${label}保持${v(l.current)}${limit}:这正是满足${list(served, lang)}所需,再低就达不到。`
          : `${label} stays at ${v(l.current)}${limit}: just what ${list(served, lang)} needs; any lower and it is missed.`;
      }
      if (othersMoved) {
        return zh ? `${label}保持${v(l.current)}${limit}:用其他调节参数满足目标更省钱。` : `${label} stays at ${v(l.current)}${limit}: the other levers meet the targets for less.`;
      }
      return zh ? `${label}保持${v(l.current)}${limit}:各目标已满足,无需改变。` : `${label} stays at ${v(l.current)}${limit}: the targets are met without a change.`;
    }

    const up = l.change > 0;
    const change = formatMargin(l.change, l.format, lang, { unit: l.unit[lang] || undefined });
    const head = zh
      ? `${label}由${v(l.current)}${up ? '提高' : '降低'}到${v(l.value)}(${change})${limit}`
      : `${label}: ${up ? 'raise' : 'lower'} from ${v(l.current)} to ${v(l.value)} (${change})${limit}`;
    const why = served.length
      ? zh ? `,以满足${list(served, lang)}` : `, to meet ${list(served, lang)}`
      : up
        ? zh ? ',使各目标留有余量' : ', which keeps every target met'
        : zh ? ',各目标仍然满足' : '; every target is still met';
    let price: string;
    const amount = money(l.costOfChange, lang);
    const more = l.costOfChange >= 0;
    if (l.costSource === 'none') {
      price = zh ? `模型中没有此项成本,按零成本计;请输入每单位成本后重新计算。` : ` The model has no cost for it, so it counts as free: enter a cost per unit and run again.`;
    } else if (Math.abs(l.costOfChange) < 0.5) {
      price = zh ? `${period}年支出基本不变。` : ` Costs over ${period} hardly change.`;
    } else {
      const basis = {
        model: zh ? '按模型成本方程计' : 'From the model\'s cost equations',
        entered: zh ? '按本地输入的成本计' : 'At the entered cost',
        'model+entered': zh ? '按模型成本方程加本地输入的成本计' : 'From the model\'s cost equations plus the entered cost',
      }[l.costSource];
      price = zh
        ? `${basis},${period}年支出约${more ? '增加' : '减少'}${amount}。`
        : ` ${basis}, costs over ${period} ${more ? 'rise' : 'fall'} by about ${amount}.`;
    }
    return zh ? `${head}${why}。${price}` : `${head}${why}.${price}`;
  });
}

/** The whole mix in one paragraph. */
export function describeMix(r: MixResult): Text {
  return both((lang) => {
    const zh = lang === 'zh';
    const period = periodText(r.period);
    if (r.status === 'error') return zh ? `无法求最低成本组合:${r.reason?.zh ?? ''}` : `Cannot find the cheapest mix: ${r.reason?.en ?? ''}`;
    if (r.status === 'cancelled') return zh ? '已取消。' : 'Cancelled.';
    if (r.status === 'infeasible') {
      const missed = r.targets.filter((t) => !t.met);
      const parts = missed.map((t) => {
        const gap = formatMargin(-t.shortfall, t.format, lang, { unit: t.unit || undefined });
        const why = t.unmoved ? (zh ? ',所选调节参数对它没有作用' : '; no chosen lever acts on it') : '';
        return zh ? `${targetName(t, lang)}差${gap.replace(/^−/, '')}${why}` : `${targetName(t, lang)} is short by ${gap.replace(/^−/, '')}${why}`;
      });
      return zh
        ? `在允许范围内,没有任何组合能同时满足所选目标。差距最小时:${parts.join(';')}。可放宽调节参数的范围、增加调节参数、推后或降低目标。`
        : `No mix within the allowed ranges meets every chosen target. At the smallest shortfall: ${parts.join('; ')}. Widen the levers' ranges, add levers, or make the target later or lower.`;
    }
    const cost = r.cost!;
    const binding = r.targets.filter((t) => t.binding).map((t) => targetName(t, lang));
    const exceeded = r.targets.filter((t) => t.met && !t.binding && !t.unmoved);
    const bindingText = binding.length
      ? zh ? `起约束作用(恰好达标)的目标:${list(binding, lang)}。` : ` The target${binding.length > 1 ? 's' : ''} that set${binding.length > 1 ? '' : 's'} the cost (met with no room): ${list(binding, lang)}.`
      : zh ? '在现有取值下各目标都已留有余量。' : ' Every target is met with room to spare.';
    const exceededText = exceeded.length
      ? zh
        ? `其余目标超出:${exceeded.map((t) => `${targetName(t, lang)}${formatMargin(t.margin, t.format, lang, { unit: t.unit || undefined })}`).join(';')}。`
        : ` The others are exceeded: ${exceeded.map((t) => `${targetName(t, lang)} by ${formatMargin(t.margin, t.format, lang, { unit: t.unit || undefined })}`).join('; ')}.`
      : '';
    const lines = cost.lines.map((l) => (zh ? l.label.zh : inSentence(l.label.en)));
    const change = Math.abs(cost.change) < 0.5
      ? zh ? '与现状相同' : 'the same as the scenario as it is'
      : zh ? `比现状${cost.change > 0 ? '多' : '少'}${money(cost.change, lang)}` : `${money(cost.change, lang)} ${cost.change > 0 ? 'more' : 'less'} than the scenario as it is`;
    const avg = money(cost.total / Math.max(1, cost.years.length), lang);
    const head = lines.length
      ? zh
        ? `最低成本组合满足全部所选目标:${period}年相关支出(${list(lines, lang)})共${money(cost.total, lang)},年均${avg},${change}。`
        : `The cheapest mix meets every chosen target. Over ${period} the costs it moves (${list(lines, lang)}) come to ${money(cost.total, lang)}, ${avg} a year, ${change}.`
      : zh
        ? '最低成本组合满足全部所选目标,所选调节参数不改变模型中的任何支出。'
        : 'The cheapest mix meets every chosen target; the chosen levers change no cost in the model.';
    return `${head}${bindingText}${exceededText}`;
  });
}
