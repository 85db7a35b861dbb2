/**
 * Interface language: Chinese first, English second. `?lang=en` or `?lang=zh` picks it; the
 * switch in the header changes it and keeps the URL in step.
 */
import type { Text } from '../../models/types.ts';
import { SOURCE_KINDS } from '../engine/labels.ts';

/** The two interface languages. */
export type Lang = 'zh' | 'en';

/** The language from the URL (`?lang=`), Chinese by default. */
export function langFromUrl(search: string): Lang {
  return new URLSearchParams(search).get('lang') === 'en' ? 'en' : 'zh';
}

/** The current language, as reactive state. */
export const i18n = $state<{ lang: Lang }>({ lang: typeof location === 'undefined' ? 'zh' : langFromUrl(location.search) });

/** Switches the language and records it in the URL. */
export function setLang(lang: Lang): void {
  i18n.lang = lang;
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  const url = new URL(location.href);
  url.searchParams.set('lang', lang);
  history.replaceState(history.state, '', url);
}

/** The text in the current language. */
export function tx(text: Text | undefined): string {
  return text ? text[i18n.lang] : '';
}

/** UI strings that are not part of the model. */
const STRINGS = {
  appTitle: { zh: '民政规划情景模拟器', en: 'Civil-affairs planning simulator' },
  appSubtitle: { zh: '移动滑块，立即看到老龄化对床位、救助预算与社工队伍的影响，以及目标能否实现', en: 'Move a slider and see at once what aging does to beds, assistance budgets and the workforce — and whether each target holds' },
  language: { zh: '界面语言', en: 'Interface language' },
  parameters: { zh: '参数', en: 'Parameters' },
  results: { zh: '结果表', en: 'Results table' },
  computing: { zh: '计算中…', en: 'Computing…' },
  updated: { zh: '已更新', en: 'Updated' },
  error: { zh: '错误', en: 'Error' },
  reset: { zh: '恢复默认值', en: 'Reset to default' },
  resetToPreset: { zh: '恢复预设值', en: 'Reset to the preset value' },
  resetAll: { zh: '全部恢复…', en: 'Reset all…' },
  resetAllTitle: { zh: '全部恢复', en: 'Reset all parameters' },
  resetAllConfirm: { zh: '全部恢复', en: 'Reset all' },
  cancel: { zh: '取消', en: 'Cancel' },
  notUsed: { zh: '未使用', en: 'Not used' },
  modelUses: { zh: '模型采用', en: 'The model uses' },
  skipToViews: { zh: '跳到视图', en: 'Skip to the views' },
  skipToParameters: { zh: '跳到参数', en: 'Skip to the parameters' },
  source: { zh: '来源', en: 'Source' },
  ...SOURCE_KINDS,
  plannerHint: { zh: '由规划人员在本工具中输入', en: 'Entered by the planner in this tool' },
  assumptionHint: { zh: '假设值：请核实后再采用', en: 'An assumption: confirm it before relying on it' },
  explain: { zh: '解释此数', en: 'Explain this number' },
  close: { zh: '关闭', en: 'Close' },
  formula: { zh: '公式', en: 'Formula' },
  withNumbers: { zh: '代入数值', en: 'With the numbers' },
  inputs: { zh: '输入', en: 'Inputs' },
  lastYear: { zh: '上年', en: 'last year' },
  method: { zh: '计算方法', en: 'Method' },
  year: { zh: '年份', en: 'Year' },
  variable: { zh: '指标', en: 'Indicator' },
  unit: { zh: '单位', en: 'Unit' },
  scenario: { zh: '情景', en: 'Scenario' },
  preset: { zh: '预设情景', en: 'Preset' },
  warnings: { zh: '提示', en: 'Warnings' },
  clickToExplain: { zh: '点击任一数值可查看其公式与代入数值', en: 'Click any number to see its formula with the numbers in it' },
  outOfRange: { zh: '超出允许范围', en: 'out of the allowed range' },
  notANumber: { zh: '不是数字', en: 'not a number' },
  allowed: { zh: '允许范围', en: 'allowed' },
} satisfies Record<string, Text>;

/** A UI string in the current language. */
export function t(key: keyof typeof STRINGS): string {
  return STRINGS[key][i18n.lang];
}
