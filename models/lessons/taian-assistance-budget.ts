/**
 * Lesson: what rising dibao standards and aging do to Tai'an's assistance budget by 2025 and
 * 2035 (T:5, T:27). The standards are linked to consumption and have risen fast; tekun support
 * is a multiple of them; the elderly population grows. Which part of the growth is policy, which
 * is aging?
 */
import type { Lesson, LessonScenario } from '../lesson.ts';
import { t } from './text.ts';

const asStated: LessonScenario = { preset: 'taian-14th', label: t('按2020—2023年的增速（T:5）', 'At the 2020–2023 pace (T:5)'), changes: [] };
const withPrices: LessonScenario = {
  preset: 'taian-14th',
  label: t('低保标准只随物价上涨', 'Standards rise with prices only'),
  changes: [
    { id: 'dibao_growth_urban', value: 0.02, source: 'trainer\'s assumption: the model\'s default consumer price inflation' },
    { id: 'dibao_growth_rural', value: 0.02, source: 'trainer\'s assumption: the model\'s default consumer price inflation' },
  ],
};
const frozen: LessonScenario = {
  preset: 'taian-14th',
  label: t('低保标准冻结在2020年', 'Standards frozen at their 2020 level'),
  changes: [
    { id: 'dibao_growth_urban', value: 0, source: 'trainer\'s assumption: no increase, to isolate aging' },
    { id: 'dibao_growth_rural', value: 0, source: 'trainer\'s assumption: no increase, to isolate aging' },
  ],
};
/** The budget and its three largest components (the chart stays readable from the back of the room). */
const BUDGET = ['assistance_total', 'assist_dibao', 'assist_tekun', 'assist_high_age'];

/** Tai'an's assistance budget. */
export const taianAssistanceBudget: Lesson = {
  lessonVersion: 1,
  id: 'taian-assistance-budget',
  title: t('泰安市：低保标准上涨与老龄化如何推高救助支出', 'Tai\'an: what rising dibao standards and aging do to the assistance budget'),
  summary: t(
    '泰安市城乡低保标准连年提高并与人均消费支出挂钩（T:5，T:27）。到2025年和2035年，救助支出会有多大？多少来自标准，多少来自老龄化？',
    'Tai\'an has raised its dibao standards every year and linked them to consumption (T:5, T:27). How large is the assistance budget by 2025 and 2035, and how much of the growth is the standards, how much aging?',
  ),
  sources: 'T:5, T:6, T:26, T:27',
  steps: [
    {
      kind: 'look',
      title: t('低保标准', 'The dibao standards'),
      text: t(
        '泰安市城乡低保标准由2020年的每人每月719元、537元提高到915元、720元（T:5），并与城乡居民人均消费支出增幅挂钩（T:27）。模型按这三年的年均增速外推：城市每年 {param:dibao_growth_urban}，农村每年 {param:dibao_growth_rural}。特困人员基本生活标准为低保标准的1.33倍、1.34倍（T:27）。',
        'Tai\'an raised its urban and rural dibao standards from 719 and 537 yuan per person per month in 2020 to 915 and 720 (T:5), and linked them to per-capita consumption (T:27). The model carries the pace of those three years forward: {param:dibao_growth_urban} a year urban, {param:dibao_growth_rural} rural. The tekun basic standard is 1.33 and 1.34 times the dibao standard (T:27).',
      ),
      scenario: asStated,
      chart: { series: ['dibao_std_urban', 'dibao_std_rural'], year: 2025 },
      sliders: [],
    },
    {
      kind: 'predict',
      title: t('请预测：2025年', 'Predict: 2025'),
      text: t(
        '2020年救助支出合计为 {assistance_total@2020}。照此速度，2025年会是多少亿元？',
        'The assistance budget was {assistance_total@2020} in 2020. At this pace, how many hundred million yuan in 2025?',
      ),
      chart: { series: BUDGET, year: 2025 },
      sliders: [],
      question: { kind: 'number', answer: 'assistance_total@2025', scale: 'yi' },
    },
    {
      kind: 'reveal',
      title: t('结果：2025年', 'The result: 2025'),
      text: t(
        '2025年：{answer}（全场预测 {prediction}，相差 {miss}）。其中低保 {assist_dibao@2025}，特困供养 {assist_tekun@2025}，医疗救助 {assist_medical@2025}。',
        'In 2025: {answer} (the room said {prediction}, off by {miss}). Of which dibao {assist_dibao@2025}, tekun support {assist_tekun@2025}, medical assistance {assist_medical@2025}.',
      ),
      chart: { series: BUDGET, year: 2025 },
      sliders: [],
    },
    {
      kind: 'predict',
      title: t('请预测：2035年', 'Predict: 2035'),
      text: t('再往后十年：2035年救助支出会是多少亿元？', 'Ten years further: how many hundred million yuan in 2035?'),
      chart: { series: BUDGET, year: 2035 },
      sliders: [],
      question: { kind: 'number', answer: 'assistance_total@2035', scale: 'yi' },
    },
    {
      kind: 'reveal',
      title: t('结果：2035年', 'The result: 2035'),
      text: t(
        '2035年：{answer}（全场预测 {prediction}，相差 {miss}），按2020年价格计为 {assistance_total_real@2035}。同期60岁及以上人口占比由 {share_60plus@2020} 升至 {share_60plus@2035}。',
        'In 2035: {answer} (the room said {prediction}, off by {miss}); in 2020 prices {assistance_total_real@2035}. Meanwhile the share aged 60+ rises from {share_60plus@2020} to {share_60plus@2035}.',
      ),
      chart: { series: BUDGET, year: 2035 },
      sliders: [],
    },
    {
      kind: 'look',
      title: t('标准的增速', 'The pace of the standards'),
      text: t(
        '虚线情景中，城乡低保标准每年只增长 {b:param:dibao_growth_urban}，与模型假设的物价涨幅 {b:param:assistance_inflation} 相同。2035年救助支出：{assistance_total@2035} 对 {b:assistance_total@2035}，相差 {diff:assistance_total@2035}。拖动滑块试试其他增速。',
        'In the dashed scenario the standards rise by only {b:param:dibao_growth_urban} a year, the model\'s assumed inflation {b:param:assistance_inflation}. The budget in 2035: {assistance_total@2035} against {b:assistance_total@2035}, a difference of {diff:assistance_total@2035}. Move the sliders to try other paces.',
      ),
      scenario: asStated,
      compare: withPrices,
      chart: { series: ['assistance_total'], year: 2035 },
      sliders: [
        { id: 'dibao_growth_urban', min: 0, max: 0.12, step: 0.005, side: 'b' },
        { id: 'dibao_growth_rural', min: 0, max: 0.12, step: 0.005, side: 'b' },
      ],
    },
    {
      kind: 'predict',
      title: t('请预测：只有老龄化', 'Predict: aging alone'),
      text: t(
        '如果低保标准从2020年起不再提高（虚线），2035年的救助支出会比2020年高还是低？',
        'If the dibao standards stayed at their 2020 level (dashed), would the budget in 2035 be above or below 2020\'s?',
      ),
      scenario: asStated,
      compare: frozen,
      chart: { series: ['assistance_total'], year: 2035 },
      sliders: [],
      question: {
        kind: 'choice',
        options: [
          { label: t('更高', 'Higher'), correct: 'b:assistance_total@2035 > b:assistance_total@2020' },
          { label: t('持平或更低', 'The same or lower'), correct: 'b:assistance_total@2035 <= b:assistance_total@2020' },
        ],
      },
    },
    {
      kind: 'reveal',
      title: t('结果：只有老龄化', 'The result: aging alone'),
      text: t(
        '标准冻结时，2035年为 {b:assistance_total@2035}，2020年为 {b:assistance_total@2020}。特困人员由 {b:tekun_persons@2020} 增至 {b:tekun_persons@2035}，高龄津贴对象由 {b:high_age_recipients@2020} 增至 {b:high_age_recipients@2035}；特困照料护理补贴随最低工资上涨（T:27）。',
        'With the standards frozen: {b:assistance_total@2035} in 2035 against {b:assistance_total@2020} in 2020. Tekun persons go from {b:tekun_persons@2020} to {b:tekun_persons@2035}, allowance recipients from {b:high_age_recipients@2020} to {b:high_age_recipients@2035}; the tekun care allowance follows the minimum wage (T:27).',
      ),
      chart: { series: ['assistance_total'], year: 2035 },
      sliders: [],
    },
    {
      kind: 'discuss',
      title: t('讨论', 'Discussion'),
      text: t('标准挂钩是政策选择，老龄化不是：预算要分开测算两者。', 'Linking the standards is a policy choice, aging is not: budget the two separately.'),
      chart: { series: BUDGET, year: 2035 },
      sliders: [],
      points: [
        t('与人均消费支出挂钩（T:27）意味着什么样的长期增速？', 'What long-run pace does the link to consumption (T:27) imply?'),
        t('城乡标准之比已降到1.27:1（T:6）：继续缩小会增加多少支出？', 'The urban:rural ratio is down to 1.27:1 (T:6): what would narrowing it further cost?'),
        t('特困人员中老年人的比例是模型的假设：本地台账能否提供？', 'The elderly share of tekun persons is the model\'s assumption: can the local register supply it?'),
      ],
    },
  ],
};
