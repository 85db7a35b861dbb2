/**
 * Lesson: beds per 1000 by the norm against beds by need. Putuo's plan sets beds at 2.5 % of the
 * registered elderly (P:151) — a norm that grows with the elderly only — while the needs method
 * counts who would use a bed (the "9073" pattern, P:149) and at what occupancy.
 */
import type { Lesson, LessonScenario } from '../lesson.ts';
import { t } from './text.ts';

const byRule: LessonScenario = {
  preset: 'putuo-13th',
  label: t('规划原样，按2.5%规则配置（P:151）', 'The plan as stated, norm by the 2.5% rule (P:151)'),
  changes: [{ id: 'beds_norm_per_1000', value: 25, source: 'P:151 (2.5 % of the registered elderly = 25 per 1000)' }],
};
const SUPPLY_DEMAND = ['beds_total', 'beds_required_norm', 'beds_required_needs'];

/** Putuo's 2.5 % rule against need. */
export const putuoNormVsNeed: Lesson = {
  lessonVersion: 1,
  id: 'putuo-norm-vs-need',
  title: t('普陀区：按标准配床与按需求配床', 'Putuo: beds by the norm against beds by need'),
  summary: t(
    '普陀区规划要求养老床位达到户籍老年人口的2.5%（P:151）。这条标准与按失能程度和入住意愿测算的需求相比，差多少？',
    'Putuo\'s plan sets beds at 2.5% of the registered elderly (P:151). How far is that norm from the need counted by dependency and take-up?',
  ),
  sources: 'P:25, P:149, P:151',
  steps: [
    {
      kind: 'look',
      title: t('两条规则', 'Two rules'),
      text: t(
        '普陀区全区共有养老机构37家，养老床位5692张（P:25）。规划要求至2020年养老床位总量达到9155张，并达到届时户籍老年人口的2.5%以上（P:151），即每千名老年人 {target:putuo_beds_share_2020} 张。注意：普陀区人口为假设值（上海中心城区平均），使用前请以普陀区户籍人口替换。',
        'Putuo has 37 elder-care institutions with 5692 beds (P:25). Its plan asks for 9155 beds in total by 2020, and beds of at least 2.5% of the registered elderly (P:151), that is {target:putuo_beds_share_2020} beds per 1000 elderly. Note: Putuo\'s population is an assumption (the average of Shanghai\'s central districts): replace it with Putuo\'s registered population before relying on the numbers.',
      ),
      scenario: byRule,
      chart: { series: SUPPLY_DEMAND, year: 2020 },
      sliders: [],
    },
    {
      kind: 'predict',
      title: t('请预测', 'Predict'),
      text: t('按2.5%的规则（P:151），2020年普陀区的床位够不够？', 'By the 2.5% rule (P:151), does Putuo have enough beds in 2020?'),
      chart: { series: SUPPLY_DEMAND, year: 2020 },
      sliders: [],
      question: {
        kind: 'choice',
        options: [
          { label: t('够', 'Enough'), correct: 'met:putuo_beds_share_2020' },
          { label: t('不够', 'Not enough'), correct: '!met:putuo_beds_share_2020' },
        ],
      },
    },
    {
      kind: 'reveal',
      title: t('结果', 'The result'),
      text: t(
        '2020年有床位 {beds_total@2020} 张，按2.5%规则（P:151）需要 {beds_required_norm@2020} 张：{met:putuo_beds_share_2020}。床位总量目标 {target:putuo_beds_2020} 张：{met:putuo_beds_2020}。',
        'In 2020 there are {beds_total@2020} beds; the 2.5% rule (P:151) asks for {beds_required_norm@2020}: {met:putuo_beds_share_2020}. The total of {target:putuo_beds_2020} beds: {met:putuo_beds_2020}.',
      ),
      chart: { series: SUPPLY_DEMAND, year: 2020 },
      sliders: [],
    },
    {
      kind: 'predict',
      title: t('请预测：按需求', 'Predict: by need'),
      text: t(
        '规划沿用上海“9073”养老服务格局（P:149），模型据此取机构养老比例 {param:beds_inst_share}，目标入住率 {param:beds_target_occupancy}。按需求，2020年需要多少张床位？',
        'The plan follows Shanghai\'s "9073" pattern of care (P:149), so the model puts {param:beds_inst_share} of the elderly in institutions, at a target occupancy of {param:beds_target_occupancy}. By need, how many beds are required in 2020?',
      ),
      chart: { series: SUPPLY_DEMAND, year: 2020 },
      sliders: [],
      question: { kind: 'number', answer: 'beds_required_needs@2020', scale: 'plain' },
    },
    {
      kind: 'reveal',
      title: t('结果：按需求', 'The result: by need'),
      text: t(
        '按需求需要 {answer} 张（全场预测 {prediction}，相差 {miss}），按2.5%规则（P:151）需要 {beds_required_norm@2020} 张，实有 {beds_total@2020} 张。按需求的缺口为 {beds_gap_needs@2020} 张。',
        'By need {answer} beds (the room said {prediction}, off by {miss}); by the 2.5% rule (P:151) {beds_required_norm@2020}; in place {beds_total@2020}. The gap by need: {beds_gap_needs@2020} beds.',
      ),
      chart: { series: SUPPLY_DEMAND, year: 2020 },
      sliders: [],
    },
    {
      kind: 'look',
      title: t('需求取决于什么', 'What the need depends on'),
      text: t(
        '拖动滑块：机构养老比例 {param:beds_inst_share}、目标入住率 {param:beds_target_occupancy}。2020年按需求需要 {beds_required_needs@2020} 张，按规则 {beds_required_norm@2020} 张——规则线只随老年人口变化。',
        'Move the sliders: share in institutions {param:beds_inst_share}, target occupancy {param:beds_target_occupancy}. In 2020 the need is {beds_required_needs@2020} beds, the rule {beds_required_norm@2020} — the rule moves with the elderly population only.',
      ),
      chart: { series: SUPPLY_DEMAND, year: 2020 },
      sliders: [
        { id: 'beds_inst_share', min: 0.01, max: 0.06, step: 0.005 },
        { id: 'beds_target_occupancy', min: 0.6, max: 1, step: 0.01 },
      ],
    },
    {
      kind: 'look',
      title: t('展望2030年', 'Looking ahead to 2030'),
      text: t(
        '2030年：床位 {beds_total@2030} 张（按“十二五”前三年的建设速度推算，P:25），按规则需要 {beds_required_norm@2030} 张，按需求 {beds_required_needs@2030} 张；按需求的缺口为 {beds_gap_needs@2030} 张。',
        'In 2030: {beds_total@2030} beds (at the building pace of 2011–2013, P:25); the rule asks for {beds_required_norm@2030}, the need for {beds_required_needs@2030}; the gap by need is {beds_gap_needs@2030} beds.',
      ),
      chart: { series: SUPPLY_DEMAND, year: 2030 },
      sliders: [],
    },
    {
      kind: 'discuss',
      title: t('讨论', 'Discussion'),
      text: t('标准便于考核，需求才决定有没有人排队。', 'A norm is easy to audit; need decides whether people wait.'),
      chart: { series: SUPPLY_DEMAND, year: 2030 },
      sliders: [],
      points: [
        t('规则按户籍老年人口计（P:151），需求按常住老年人口计：两者差多少？', 'The rule counts the registered elderly (P:151), need counts residents: how far apart are they?'),
        t('“9073”（P:149）是服务格局，不是测算出来的需求：本地入住率和失能率是多少？', '"9073" (P:149) is a pattern of services, not a measured need: what are the local occupancy and dependency rates?'),
        t('床位目标应按规则、按需求，还是两者都写？', 'Should the bed target follow the rule, the need, or state both?'),
      ],
    },
  ],
};
