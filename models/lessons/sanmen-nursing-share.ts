/**
 * Lesson: can Sanmen reach its binding 58 % nursing-bed share by 2025 with the homes its plan
 * lists (S:77–90, S:205–211)? The projects add ordinary beds faster than nursing beds, so the
 * share moves the wrong way unless ordinary beds are converted.
 */
import type { Lesson, LessonScenario } from '../lesson.ts';
import { t } from './text.ts';

const TARGET = 'sanmen_nursing_bed_share_2025';

const asStated: LessonScenario = { preset: 'sanmen-14th', label: t('规划原样', 'The plan as stated'), changes: [] };
const converting: LessonScenario = {
  preset: 'sanmen-14th',
  label: t('另将普通床位改造为护理型', 'Plus ordinary beds converted to nursing beds'),
  changes: [{ id: 'beds_conversion_per_year', value: 50, source: 'trainer\'s assumption: a starting point for the room to move' }],
};

/** Sanmen's nursing-bed share. */
export const sanmenNursingShare: Lesson = {
  lessonVersion: 1,
  id: 'sanmen-nursing-share',
  title: t('三门县：护理型床位占比能否达到约束性目标？', 'Sanmen: can the nursing-bed share reach its binding target?'),
  summary: t(
    '三门县“十四五”规划的约束性指标（S:87）与规划所列建设项目（S:205–211）：新建床位会不会拉低护理型床位占比？',
    'Sanmen\'s binding indicator (S:87) against the homes its plan lists (S:205–211): do new beds pull the nursing share down?',
  ),
  sources: 'S:77–90, S:205–211',
  steps: [
    {
      kind: 'look',
      title: t('约束性目标', 'The binding target'),
      text: t(
        '三门县“十四五”规划把养老机构护理型床位占比列为约束性指标：2020年为53%，2025年要达到58%（S:87）。规划列出三个新建养老机构：第一福利院新增养老床位约660张（S:207）；港南敬老院建设床位200张，其中护理床120张（S:210）；失能失智敬老院设床位约40张（S:211）。图中红色虚线是目标 {target:sanmen_nursing_bed_share_2025}。',
        'Sanmen\'s 14th Five-Year plan makes the nursing-bed share of elder-care institutions a binding indicator: 53% in 2020, 58% by 2025 (S:87). It lists three new homes: the First Welfare Home with about 660 new beds (S:207); Gangnan home with 200 beds, of which 120 nursing beds (S:210); the dementia home with about 40 beds (S:211). The red dotted line is the target, {target:sanmen_nursing_bed_share_2025}.',
      ),
      scenario: asStated,
      chart: { series: ['nursing_bed_share'], year: 2025 },
      sliders: [],
    },
    {
      kind: 'predict',
      title: t('请预测', 'Predict'),
      text: t(
        '三个项目按期建成，此外不改造床位。2025年护理型床位占比会是多少？请全场估一个百分数。',
        'The three homes open on time and no other beds are converted. What will the nursing-bed share be in 2025? Ask the room for a percentage.',
      ),
      chart: { series: ['nursing_bed_share'], year: 2025 },
      sliders: [],
      question: { kind: 'number', answer: `nursing_bed_share@2025`, scale: 'percent' },
    },
    {
      kind: 'reveal',
      title: t('结果', 'The result'),
      text: t(
        '模型：2025年为 {answer}（全场预测 {prediction}，相差 {miss}）；2020年为 {nursing_bed_share@2020}。目标 {target:sanmen_nursing_bed_share_2025}：{met:sanmen_nursing_bed_share_2025}。第一福利院的新增床位（S:207）规划没有写明其中护理型床位有多少，模型按零张计入：普通床位增加，占比的分母随之变大。',
        'The model: {answer} in 2025 (the room said {prediction}, off by {miss}); {nursing_bed_share@2020} in 2020. Target {target:sanmen_nursing_bed_share_2025}: {met:sanmen_nursing_bed_share_2025}. The plan does not say how many of the First Welfare Home\'s new beds (S:207) are nursing beds, so the model counts none: ordinary beds grow, and with them the denominator of the share.',
      ),
      chart: { series: ['nursing_bed_share'], year: 2025 },
      sliders: [],
    },
    {
      kind: 'look',
      title: t('改造普通床位', 'Convert ordinary beds'),
      text: t(
        '虚线情景每年把 {b:param:beds_conversion_per_year} 张普通床位改造为护理型。2025年：规划原样 {nursing_bed_share@2025}，改造后 {b:nursing_bed_share@2025}（{b:met:sanmen_nursing_bed_share_2025}）。拖动滑块，找出达到目标所需的最少改造量。',
        'The dashed scenario converts {b:param:beds_conversion_per_year} ordinary beds to nursing beds every year. In 2025: {nursing_bed_share@2025} as stated, {b:nursing_bed_share@2025} with conversions ({b:met:sanmen_nursing_bed_share_2025}). Move the slider to find the fewest conversions that meet the target.',
      ),
      scenario: asStated,
      compare: converting,
      chart: { series: ['nursing_bed_share'], year: 2025 },
      sliders: [{ id: 'beds_conversion_per_year', min: 0, max: 300, step: 10, side: 'b' }],
    },
    {
      kind: 'predict',
      title: t('再预测：之后几年', 'Predict again: the years after'),
      text: t(
        '每年改造 {b:param:beds_conversion_per_year} 张并保持下去，2035年护理型床位占比还在目标之上吗？',
        'Converting {b:param:beds_conversion_per_year} beds a year and keeping it up: is the nursing-bed share still above the target in 2035?',
      ),
      chart: { series: ['nursing_bed_share'], year: 2035 },
      sliders: [],
      question: {
        kind: 'choice',
        options: [
          { label: t('在目标之上', 'Above the target'), correct: `b:nursing_bed_share@2035 >= b:target:${TARGET}` },
          { label: t('跌回目标之下', 'Back below the target'), correct: `b:nursing_bed_share@2035 < b:target:${TARGET}` },
        ],
      },
    },
    {
      kind: 'reveal',
      title: t('结果', 'The result'),
      text: t(
        '2035年：改造情景 {b:nursing_bed_share@2035}，规划原样 {nursing_bed_share@2035}。规划原样时首次达标年份：{first:sanmen_nursing_bed_share_2025}；改造情景：{b:first:sanmen_nursing_bed_share_2025}。',
        'In 2035: {b:nursing_bed_share@2035} with conversions, {nursing_bed_share@2035} as stated. First year the target is met, as stated: {first:sanmen_nursing_bed_share_2025}; with conversions: {b:first:sanmen_nursing_bed_share_2025}.',
      ),
      chart: { series: ['nursing_bed_share'], year: 2035 },
      sliders: [],
    },
    {
      kind: 'discuss',
      title: t('讨论', 'Discussion'),
      text: t('约束性指标是一个比例：分子和分母都要规划。', 'A binding indicator that is a share: plan its numerator and its denominator.'),
      chart: { series: ['beds_total', 'beds_nursing'], year: 2025 },
      sliders: [],
      points: [
        t('项目表（S:205–211）是否应写明每个项目的护理型床位数？', 'Should the project table (S:205–211) state each home\'s nursing beds?'),
        t('新建普通床位与改造护理型床位，哪一种更快、更省？', 'Building new beds or converting ordinary ones: which is faster, which is cheaper?'),
        t('规划的分母是机构床位，模型用的是全部养老床位（S:87）：两者差多少会改变结论？', 'The plan\'s denominator is institutional beds, the model\'s all elder-care beds (S:87): how large a difference would change the conclusion?'),
      ],
    },
  ],
};
