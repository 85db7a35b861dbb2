/**
 * Lesson: social workers by the per-10,000 norm against the workload. Sanmen's plan sets certified
 * social workers per 10,000 residents (S:77–90) and a head count (S:129); the workload method
 * counts the households, residents and stations a social worker serves.
 */
import type { Lesson, LessonScenario } from '../lesson.ts';
import { t } from './text.ts';

const asStated: LessonScenario = { preset: 'sanmen-14th', label: t('规划原样', 'The plan as stated'), changes: [] };
const heavier: LessonScenario = {
  preset: 'sanmen-14th',
  label: t('每名社工负责更少的救助家庭', 'Fewer assisted households per social worker'),
  changes: [{ id: 'sw_caseload_assistance', value: 100, source: 'trainer\'s assumption: a smaller caseload for the room to discuss' }],
};
const NORM_WORKLOAD = ['sw_required_norm', 'sw_required_workload', 'sw_stock'];

/** Sanmen's social workers: the norm against the workload. */
export const sanmenSocialWorkers: Lesson = {
  lessonVersion: 1,
  id: 'sanmen-social-workers',
  title: t('三门县：社工配备按人口标准还是按工作量', 'Sanmen: social workers by the population norm or by the workload'),
  summary: t(
    '三门县规划按每万人持证社工人数定目标（S:84）。按实际要服务的对象和社工站测算，需要多少？',
    'Sanmen sets its target in certified social workers per 10,000 residents (S:84). How many does the work itself need?',
  ),
  sources: 'S:18, S:77–90, S:129, S:200',
  steps: [
    {
      kind: 'look',
      title: t('规划的目标', 'The plan\'s targets'),
      text: t(
        '每万人持证社会工作专业人才由2020年的17人增至2025年的20人（S:84）。全县取得社会工作师人数达530人（S:18），到2025年持证社会工作专业人才达到1200人（S:129）。注意：三门县人口为假设值，使用前请核实。',
        'Certified social-work professionals per 10,000 residents: 17 in 2020, 20 by 2025 (S:84). The county had 530 certified social workers (S:18) and aims at 1200 certified professionals by 2025 (S:129). Note: Sanmen\'s population is an assumption; confirm it before relying on the numbers.',
      ),
      scenario: asStated,
      chart: { series: NORM_WORKLOAD, year: 2025 },
      sliders: [],
    },
    {
      kind: 'predict',
      title: t('请预测：按标准', 'Predict: by the norm'),
      text: t('按每万人标准（S:84），2025年需要多少名持证社工？', 'By the per-10,000 norm (S:84), how many certified social workers are needed in 2025?'),
      chart: { series: NORM_WORKLOAD, year: 2025 },
      sliders: [],
      question: { kind: 'number', answer: 'sw_required_norm@2025', scale: 'plain' },
    },
    {
      kind: 'reveal',
      title: t('结果：按标准', 'The result: by the norm'),
      text: t(
        '按标准需要 {answer} 人（全场预测 {prediction}，相差 {miss}）；模型中2025年持证社工为 {sw_stock@2025} 人，每万人 {sw_per_10k@2025} 人。',
        'The norm asks for {answer} (the room said {prediction}, off by {miss}); the model has {sw_stock@2025} certified social workers in 2025, {sw_per_10k@2025} per 10,000.',
      ),
      chart: { series: NORM_WORKLOAD, year: 2025 },
      sliders: [],
    },
    {
      kind: 'predict',
      title: t('请预测：按工作量', 'Predict: by the workload'),
      text: t(
        '按工作量测算：低保和特困家庭、机构里的老人、居家的失能老人，以及每个乡镇（街道）社工站的最低配置。2025年需要多少名社工？',
        'By the workload: dibao and tekun households, elderly in institutions, dependent elderly at home, and the minimum staff of each township station. How many social workers are needed in 2025?',
      ),
      chart: { series: NORM_WORKLOAD, year: 2025 },
      sliders: [],
      question: { kind: 'number', answer: 'sw_required_workload@2025', scale: 'plain' },
    },
    {
      kind: 'reveal',
      title: t('结果：按工作量', 'The result: by the workload'),
      text: t(
        '按工作量需要 {answer} 人（全场预测 {prediction}，相差 {miss}）：救助家庭 {sw_workload_assistance@2025}，机构老人 {sw_workload_institutions@2025}，居家失能老人 {sw_workload_home_care@2025}，社工站 {sw_workload_stations@2025}。按标准则需要 {sw_required_norm@2025} 人。',
        'The workload needs {answer} (the room said {prediction}, off by {miss}): assisted households {sw_workload_assistance@2025}, institutional residents {sw_workload_institutions@2025}, dependent elderly at home {sw_workload_home_care@2025}, stations {sw_workload_stations@2025}. The norm asks for {sw_required_norm@2025}.',
      ),
      chart: { series: NORM_WORKLOAD, year: 2025 },
      sliders: [],
    },
    {
      kind: 'look',
      title: t('改变工作量假设', 'Change the workload assumptions'),
      text: t(
        '虚线情景：每名社工负责 {b:param:sw_caseload_assistance} 户救助家庭、{b:param:sw_caseload_home_care} 名居家失能老人，每个社工站至少 {b:param:sw_station_min_staff} 人。2025年按工作量需要 {b:sw_required_workload@2025} 人，规划原样为 {sw_required_workload@2025} 人。规划要求每个乡镇（街道）配备3名左右民政经办服务人员（S:200）。',
        'Dashed: each social worker serves {b:param:sw_caseload_assistance} assisted households and {b:param:sw_caseload_home_care} dependent elderly at home, each station has at least {b:param:sw_station_min_staff} staff. The workload in 2025 needs {b:sw_required_workload@2025}, against {sw_required_workload@2025} as stated. The plan puts about 3 civil-affairs staff in each township (S:200).',
      ),
      scenario: asStated,
      compare: heavier,
      chart: { series: ['sw_required_workload'], year: 2025 },
      sliders: [
        { id: 'sw_caseload_assistance', min: 50, max: 400, step: 10, side: 'b' },
        { id: 'sw_caseload_home_care', min: 50, max: 400, step: 10, side: 'b' },
        { id: 'sw_station_min_staff', min: 1, max: 6, step: 0.5, side: 'b' },
      ],
    },
    {
      kind: 'discuss',
      title: t('讨论', 'Discussion'),
      text: t('人口标准回答“与别处比够不够”，工作量回答“活干不干得完”。', 'A population norm answers "as many as elsewhere?"; the workload answers "can the work be done?".'),
      chart: { series: NORM_WORKLOAD, year: 2035 },
      sliders: [],
      points: [
        t('持证社工中有多少人实际在救助和养老岗位上？', 'How many certified social workers actually work in assistance and elder care?'),
        t('每名社工负责多少户才合理？本地有没有台账数据？', 'What caseload per social worker is reasonable? Does the local register say?'),
        t('目标应写成每万人人数（S:84），还是写成岗位与服务对象之比？', 'Should the target be per 10,000 residents (S:84), or posts per person served?'),
      ],
    },
  ],
};
