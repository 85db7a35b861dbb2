import type { PresetDef } from './types.ts';

/**
 * The national baseline: the 2020 census population (31 provinces), national rates, no
 * migration. Every parameter keeps its model default, whose source the panel shows.
 */
export const china2020: PresetDef = {
  id: 'china-2020',
  label: { zh: '全国 2020（第七次人口普查）', en: 'China 2020 (7th census)' },
  description: {
    zh: '2020 年人口普查全国人口，全国死亡率与生育率，不含迁移；其余参数为模型默认值（各注来源）。',
    en: 'The 2020 census population of China, national mortality and fertility, no migration; all other parameters at their model defaults (each with its source).',
  },
  scenario: {
    schemaVersion: 3,
    name: '全国 2020 基准情景',
    preset: 'china-2020',
    region: '全国',
    baseYear: 2020,
    endYear: 2050,
    parameters: {},
    basePopulation: { kind: 'headline' },
    bedProjects: [],
    indicators: [],
    targets: [],
    actuals: [],
  },
};
