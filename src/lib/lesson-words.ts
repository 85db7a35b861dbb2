/** The words of the lesson view and the presentation view, in both languages. */
import type { Text } from '../../models/types.ts';

/** UI strings of the lesson and presentation views. */
export const LESSON_WORDS = {
  tab: { zh: '培训课程', en: 'Lessons' },
  present: { zh: '演示', en: 'Present' },
  presentHint: { zh: '全屏演示培训课程', en: 'Present a lesson full screen' },
  presentation: { zh: '演示模式', en: 'Presentation' },
  exit: { zh: '退出演示（Esc）', en: 'Leave (Esc)' },
  prev: { zh: '上一步', en: 'Previous step' },
  next: { zh: '下一步', en: 'Next step' },
  smaller: { zh: '缩小字号', en: 'Smaller text' },
  larger: { zh: '放大字号', en: 'Larger text' },
  fontSize: { zh: '字号', en: 'Text size' },
  step: { zh: '步骤', en: 'Step' },
  keys: { zh: '← → 或空格：翻页 · PageUp/PageDown：翻页 · Esc：退出', en: '← → or Space: step · PageUp/PageDown: step · Esc: leave' },
  fullscreenRefused: { zh: '浏览器未允许全屏：已铺满窗口（可按 F11 全屏）。', en: 'Full screen was refused: the view fills the window (press F11 for full screen).' },
  look: { zh: '观察', en: 'Look' },
  predict: { zh: '预测', en: 'Predict' },
  reveal: { zh: '揭晓', en: 'Reveal' },
  discuss: { zh: '讨论', en: 'Discuss' },
  prediction: { zh: '全场预测', en: 'The room\'s prediction' },
  predictionFor: { zh: '输入全场的预测', en: 'Type the room\'s prediction' },
  modelResult: { zh: '模型结果', en: 'The model' },
  difference: { zh: '相差（模型 − 预测）', en: 'Difference (model − prediction)' },
  noPrediction: { zh: '未记录预测', en: 'No prediction recorded' },
  roomChose: { zh: '全场选择', en: 'The room chose' },
  right: { zh: '正确', en: 'right' },
  computing: { zh: '计算中…', en: 'Computing…' },
  resetSliders: { zh: '滑块复位', en: 'Reset the sliders' },
  hiddenUntilReveal: { zh: '先预测：结果在揭晓时显示', en: 'Predict first: the result is shown at the reveal' },
  roomRange: { zh: '课堂范围', en: 'range for the room' },
  atYear: { zh: '年', en: '' },
  scenarioA: { zh: '情景', en: 'Scenario' },
  differenceBA: { zh: '差值（虚线 − 实线）', en: 'Difference (dashed − solid)' },
  points: { zh: '讨论要点', en: 'Points for discussion' },
  language: { zh: '界面语言', en: 'Interface language' },
  moves: { zh: '滑块调整的是', en: 'The sliders move' },
  dashed: { zh: '虚线', en: 'dashed' },
} satisfies Record<string, Text>;

/** The kind of a step in words. */
export const STEP_KIND_WORDS: Record<'look' | 'predict' | 'reveal' | 'discuss', Text> = {
  look: LESSON_WORDS.look,
  predict: LESSON_WORDS.predict,
  reveal: LESSON_WORDS.reveal,
  discuss: LESSON_WORDS.discuss,
};
