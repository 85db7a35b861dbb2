/** Scenarios with districts for the tests: a preset split into districts. */
import { findPreset } from '../../../models/presets/index.ts';
import type { District, Scenario } from '../../../models/scenario.ts';
import { parseScenario } from '../../../src/engine/scenario/migrate.ts';

/** A preset as the engine reads it. */
export function preset(id: string): Scenario {
  const r = parseScenario(structuredClone(findPreset(id)!.scenario));
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.scenario;
}

/**
 * The preset split into districts with the given population shares and 60+ share factors (the
 * factors are rescaled so that the districts' 60+ add up to the preset's); the preset's bed
 * projects go to the first district.
 */
export function split(id: string, parts: { name: string; share: number; old: number; own?: Record<string, number> }[]): Scenario {
  const s = preset(id);
  const total = s.parameters.base_pop_total;
  const s60 = s.parameters.base_share_60plus;
  const mean = parts.reduce((a, p) => a + p.share * p.old, 0);
  let left = total;
  const districts: District[] = parts.map((p, i) => {
    const pop = i === parts.length - 1 ? left : Math.round(total * p.share);
    left -= pop;
    return {
      name: p.name,
      basePopulation: structuredClone(s.basePopulation),
      parameters: { base_pop_total: pop, base_share_60plus: (s60 * p.old) / mean, ...(p.own ?? {}) },
      bedProjects: i === 0 ? s.bedProjects : [],
    };
  });
  const out = { ...s, bedProjects: [], districts };
  const r = parseScenario(out);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.scenario;
}

/** Three districts of Tai'an (names from T: the six county-level units). */
export const TAIAN_THREE = [
  { name: '泰山区', share: 0.2, old: 0.7 },
  { name: '新泰市', share: 0.5, old: 1.0 },
  { name: '东平县', share: 0.3, old: 1.4 },
];
