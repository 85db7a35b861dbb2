import { describe, expect, it } from 'vitest';
import { defaultScenario, presets } from '../../models/presets/index.ts';
import { acceptScenario } from '../../src/engine/scenario/model-check.ts';
import { decodeScenarioFromFragment, encodeScenarioToFragment } from '../../src/io/share-link.ts';
import LZString from 'lz-string';

const link = (doc: unknown) => `#s=${LZString.compressToEncodedURIComponent(JSON.stringify(doc))}`;

describe('scenarios from outside are checked against the model (issue 16, items 6 and 9)', () => {
  it('accepts every preset', () => {
    for (const p of presets) expect(acceptScenario(structuredClone(p.scenario)), p.id).toMatchObject({ ok: true });
  });

  it('a share link with a parameter out of range is refused like a file, naming the field and the range', () => {
    const hash = link({ ...defaultScenario(), parameters: { tfr_end: 99 } });
    expect(decodeScenarioFromFragment(hash)).toEqual({ ok: false, errors: [expect.stringMatching(/^parameters\.tfr_end = 99: allowed [\d.]+–[\d.]+/)] });
    expect(decodeScenarioFromFragment(encodeScenarioToFragment(defaultScenario()))).toMatchObject({ ok: true });
  });

  it('refuses an indicator named like a built-in variable, parameter or symbol', () => {
    for (const id of ['pop_total', 'tfr_end', 'year']) {
      const r = acceptScenario({ ...defaultScenario(), indicators: [{ id, label: 'dup', expr: 'pop_60plus' }] });
      expect(r).toEqual({ ok: false, errors: [expect.stringMatching(new RegExp(`^indicators\\[0\\]\\.id = "${id}": already the id of`))] });
    }
  });

  it('refuses a goal-seek lever that is not a parameter', () => {
    const t = { id: 't', label: 'x', expr: 'pop_total', op: '>=', value: 1, year: 2025, every: false, lever: 'pop_total' };
    expect(acceptScenario({ ...defaultScenario(), targets: [t] })).toEqual({ ok: false, errors: [expect.stringMatching(/^targets\[0\]\.lever = "pop_total": not a parameter/)] });
  });
});
