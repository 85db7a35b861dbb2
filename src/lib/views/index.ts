/** The tabs of the main area, in order. Domain views register here. */
import type { ViewDef } from './view-types.ts';
import OverviewView from './overview-view.svelte';
import TargetsView from './targets-view.svelte';
import PopulationView from './population-view.svelte';
import BedsView from './beds-view.svelte';
import CareWorkersView from './care-workers-view.svelte';
import AssistanceView from './assistance-view.svelte';
import SocialWorkersView from './social-workers-view.svelte';
import EvaluationView from './evaluation-view.svelte';
import CompareView from './compare-view.svelte';

export type { ViewDef, ViewProps } from './view-types.ts';

/** Every view, in tab order. */
export const views: ViewDef[] = [{ id: 'overview', label: { zh: '总览', en: 'Overview' }, component: OverviewView },
  { id: 'targets', label: { zh: '目标', en: 'Targets' }, component: TargetsView },
  { id: 'population', label: { zh: '人口与失能', en: 'Population' }, component: PopulationView },
  { id: 'beds', label: { zh: '养老床位', en: 'Elder-care beds' }, component: BedsView },
  { id: 'care-workers', label: { zh: '养老护理员', en: 'Elder-care workers' }, component: CareWorkersView },
  { id: 'social-workers', label: { zh: '社会工作者', en: 'Social workers' }, component: SocialWorkersView },
  { id: 'assistance', label: { zh: '社会救助', en: 'Assistance' }, component: AssistanceView },
  { id: 'evaluation', label: { zh: '规划评估', en: 'Plan evaluation' }, component: EvaluationView },
  { id: 'compare', label: { zh: '情景比较', en: 'Compare' }, component: CompareView }];
