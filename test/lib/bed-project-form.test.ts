import { describe, expect, it } from 'vitest';
import { checkBedProject, draftOf } from '../../src/lib/bed-project-form.ts';
import { validateScenario } from '../../src/engine/scenario/schema.ts';
import { defaultScenario } from '../../models/presets/index.ts';

const draft = (over: Partial<ReturnType<typeof draftOf>> = {}) => ({ ...draftOf(null, 2024), name: '港南敬老院', beds: '200', nursingBeds: '120', investmentWan: '5000', source: 'S:209', ...over });

describe('a bed project typed by a planner', () => {
  it('becomes a project with investment in yuan, valid for the scenario schema', () => {
    const r = checkBedProject(draft(), 2020, 2035, 'zh');
    expect(r).toEqual({ ok: true, project: { name: '港南敬老院', year: 2024, beds: 200, nursingBeds: 120, investment: 50_000_000, source: 'S:209' } });
    if (!r.ok) return;
    const s = { ...defaultScenario(), bedProjects: [r.project] };
    expect(validateScenario(s).ok).toBe(true);
    expect(draftOf(r.project, 2021)).toEqual(draft({ year: '2024' }));
  });

  it('leaves the investment out when it is empty (priced at the cost per bed)', () => {
    const r = checkBedProject(draft({ investmentWan: ' ' }), 2020, 2035, 'en');
    expect(r.ok && r.project.investment).toBe(undefined);
  });

  it.each([
    [{ name: '' }, /Name: required/],
    [{ year: '2020' }, /Opening year = 2020: allowed 2021–2035/],
    [{ year: '2036' }, /Opening year = 2036: allowed 2021–2035/],
    [{ beds: '-5' }, /Beds = -5: allowed 0–1,000,000/],
    [{ beds: '12.5' }, /Beds = 12.5/],
    [{ nursingBeds: '300' }, /Nursing beds = 300: allowed 0–200/],
    [{ investmentWan: 'abc' }, /Investment = abc: allowed/],
  ])('refuses %j naming the field and the range', (over, message) => {
    const r = checkBedProject(draft(over), 2020, 2035, 'en');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toMatch(message);
  });
});
