/**
 * The urban-share path by year (`Scenario.paths.urban_share`) as two series the `urban_share`
 * equation reads: the path's value for each year and a switch that is 1 when a path is set.
 */
import type { KernelOutputDef, Text } from '../../../models/types.ts';
import type { ScenarioInput } from '../projector.ts';
import type { Scenario } from '../types.ts';
import { pathValues } from '../paths.ts';

const t = (zh: string, en: string): Text => ({ zh, en });

const outputs: KernelOutputDef[] = [
  {
    id: 'urban_share_path', label: t('城镇化率路径', 'Urban-share path'), unit: t('比例', 'fraction'), format: 'share',
    method: t(
      '按年路径各点间线性插值,首点之前、末点之后保持不变;路径无基期或更早的点时从 urban_share_base 起;未设路径时为 0',
      'Linear between the points of the path by year, constant before the first and after the last; starts from urban_share_base when the path has no point at or before the base year; 0 when no path is set'),
  },
  {
    id: 'urban_share_path_on', label: t('使用城镇化率路径', 'Urban-share path in use'), unit: t('选项', 'choice'), format: 'count',
    method: t('设有城镇化率按年路径时为 1,否则为 0', '1 when an urban-share path by year is set, otherwise 0'),
  },
];

/** Series `urban_share_path` and `urban_share_path_on` for `n` years. */
export const urbanSharePathInput: ScenarioInput = {
  outputs,
  parameters: ['urban_share_base'],
  build: (scenario: Scenario, n: number, params: Readonly<Record<string, number>>) => {
    const points = scenario.paths?.urban_share;
    if (!points || points.length === 0) return { urban_share_path: new Float64Array(n), urban_share_path_on: new Float64Array(n) };
    return {
      urban_share_path: pathValues(points, scenario.baseYear, params.urban_share_base as number, n),
      urban_share_path_on: new Float64Array(n).fill(1),
    };
  },
};
