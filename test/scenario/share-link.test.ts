import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScenario } from '../../src/engine/scenario/migrate.ts';
import { decodeScenarioFromFragment, encodeScenarioToFragment } from '../../src/io/share-link.ts';
import { scenarioArb } from './arbitraries.ts';

const parsed = parseScenario(readFileSync(new URL('../fixtures/scenario-v1.json', import.meta.url), 'utf8'));
if (!parsed.ok) throw new Error(parsed.errors.join());
const typical = parsed.scenario;

describe('share link', () => {
  it('round-trips the typical scenario through #s=', () => {
    const hash = encodeScenarioToFragment(typical);
    expect(hash.startsWith('#s=')).toBe(true);
    expect(hash).toMatch(/^#s=[A-Za-z0-9+\-$]+$/);
    expect(decodeScenarioFromFragment(hash, parseScenario)).toEqual({ ok: true, scenario: typical });
    expect(decodeScenarioFromFragment(`https://example.org/app/?lang=zh${hash}&lang=en`, parseScenario)).toEqual({ ok: true, scenario: typical });
    console.info(`share link of the fixture scenario: ${hash.length} characters`);
  });

  it('says what is wrong with a damaged or empty link', () => {
    const hash = encodeScenarioToFragment(typical);
    const cut = decodeScenarioFromFragment(hash.slice(0, hash.length / 2));
    expect(cut.ok).toBe(false);
    expect(decodeScenarioFromFragment('#lang=en')).toEqual({ ok: false, errors: [expect.stringMatching(/no "#s=" part/)] });
    expect(decodeScenarioFromFragment('#s=')).toEqual({ ok: false, errors: [expect.stringMatching(/damaged or incomplete/)] });
  });

  it('round-trips random valid scenarios (property)', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const back = decodeScenarioFromFragment(encodeScenarioToFragment(s), parseScenario);
        expect(back.ok).toBe(true);
        if (back.ok) expect(encodeScenarioToFragment(back.scenario)).toBe(encodeScenarioToFragment(s));
      }),
      { numRuns: 60 },
    );
  });
});
