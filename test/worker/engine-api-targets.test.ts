import { describe, expect, it } from 'vitest';
import { engineApi } from '../../src/worker/engine-api.ts';
import { defaultScenario } from '../../models/presets/index.ts';

describe('engine API: targets', () => {
  it('checks expressions: null when valid, the message when not (never throws)', () => {
    const s = defaultScenario();
    expect(engineApi.checkExpression('beds_total / pop_80plus * 1000', s)).toBeNull();
    expect(engineApi.checkExpression('import("x")', s)).toMatch(/"import" is not allowed/);
    expect(engineApi.checkExpression('beds_total +', s)).toMatch(/syntax error/);
  });

  it('goal-seeks a missed target and describes the answer in both languages', () => {
    const s = defaultScenario();
    s.targets = [{ id: 't', label: 'Beds', expr: 'beds_per_1000_elderly', op: '>=', value: 35, year: 2030, every: false }];
    const answer = engineApi.goalSeek(s, 't', 'beds_new_per_year');
    expect(answer.result.status).toBe('solved');
    expect(answer.result.to).toBeGreaterThan(answer.result.from);
    expect(answer.text.en).toMatch(/^Build [\d,]+ beds a year more/);
    expect(answer.text.zh).toMatch(/^每年多建/);
  });

  it('gives each target its default lever', () => {
    expect(engineApi.defaultLevers([{ id: 'a', expr: 'beds_per_1000_elderly' }, { id: 'b', expr: 'pop_total' }])).toEqual({ a: 'beds_new_per_year', b: null });
  });
});
