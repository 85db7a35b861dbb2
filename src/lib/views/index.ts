/**
 * The tabs of the main area, in order. Domain views register here. Only the overview is in the
 * page's initial bundle; every other view is loaded when its tab is first opened.
 */
import type { ViewDef } from './view-types.ts';
import OverviewView from './overview-view.svelte';

export type { ViewDef, ViewProps } from './view-types.ts';

/** Every view, in tab order: first the results of the projection, then the planning tools (two rows of tabs, each one line). */
export const views: ViewDef[] = [
  { id: 'overview', group: 'results', label: { zh: '总览', en: 'Overview' }, load: async () => OverviewView },
  { id: 'population', group: 'results', label: { zh: '人口与失能', en: 'Population' }, load: async () => (await import('./population-view.svelte')).default },
  { id: 'beds', group: 'results', label: { zh: '养老床位', en: 'Elder-care beds' }, short: { zh: '养老床位', en: 'Beds' }, load: async () => (await import('./beds-view.svelte')).default },
  { id: 'care-workers', group: 'results', label: { zh: '养老护理员', en: 'Elder-care workers' }, short: { zh: '养老护理员', en: 'Care workers' }, load: async () => (await import('./care-workers-view.svelte')).default },
  { id: 'social-workers', group: 'results', label: { zh: '社会工作者', en: 'Social workers' }, load: async () => (await import('./social-workers-view.svelte')).default },
  { id: 'assistance', group: 'results', label: { zh: '社会救助', en: 'Assistance' }, load: async () => (await import('./assistance-view.svelte')).default },
  { id: 'districts', group: 'results', label: { zh: '区县', en: 'Districts' }, load: async () => (await import('./districts-view.svelte')).default },
  { id: 'targets', group: 'tools', label: { zh: '目标', en: 'Targets' }, load: async () => (await import('./targets-view.svelte')).default },
  { id: 'cheapest-mix', group: 'tools', label: { zh: '最低成本组合', en: 'Cheapest mix' }, load: async () => (await import('./cheapest-mix-view.svelte')).default },
  { id: 'uncertainty', group: 'tools', label: { zh: '不确定性', en: 'Uncertainty' }, load: async () => (await import('./uncertainty-view.svelte')).default },
  { id: 'evaluation', group: 'tools', label: { zh: '规划评估', en: 'Plan evaluation' }, short: { zh: '规划评估', en: 'Evaluation' }, load: async () => (await import('./evaluation-view.svelte')).default },
  { id: 'compare', group: 'tools', label: { zh: '情景比较', en: 'Compare' }, load: async () => (await import('./compare-view.svelte')).default },
  { id: 'lessons', group: 'tools', label: { zh: '培训课程', en: 'Lessons' }, load: async () => (await import('./lessons-view.svelte')).default },
];
