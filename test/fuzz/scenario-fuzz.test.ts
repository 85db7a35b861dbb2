/**
 * Generated-input suite (issue 16): thousands of seeded mutations of every preset — values
 * replaced by hostile ones, keys deleted or added (prototype keys too), numbers scaled past any
 * bound, text with control characters, expressions made of random tokens, lists grown past
 * their limits — each read the way a file, a share link and the CLI read it. Every input must be
 * refused with messages that name the field, on one line, leaving the page's store and scenario
 * untouched; or accepted and projected to finite numbers, with a bad planner expression
 * confined to its own field. The seed is fixed, so a failure replays.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { presets } from '../../models/presets/index.ts';
import { runCli } from '../../src/cli/run-cli.ts';
import { defaultProjector } from '../../src/engine/default-model.ts';
import { acceptScenario } from '../../src/engine/scenario/model-check.ts';
import { serializeScenario } from '../../src/engine/scenario/migrate.ts';
import type { Scenario } from '../../src/engine/types.ts';
import { decodeScenarioFromFragment } from '../../src/io/share-link.ts';
import type { ScenarioState } from '../../src/lib/state/app-state.svelte.ts';
import { ScenarioLibrary } from '../../src/lib/state/scenario-library.svelte.ts';
import { memoryBackend } from '../../src/lib/storage/scenario-store.ts';
import { memoryTabs } from '../../src/lib/storage/tab-presence.ts';
import LZString from 'lz-string';

/** Mutations per preset (six presets). */
const RUNS = 400;
const SEED = 20_160_016;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Path = (string | number)[];

/** Every path in a document (containers and leaves), in a stable order. */
function pathsOf(doc: Json, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(doc)) doc.forEach((x, i) => pathsOf(x, [...at, i], out));
  else if (doc !== null && typeof doc === 'object') for (const k of Object.keys(doc)) pathsOf(doc[k], [...at, k], out);
  return out;
}
const parentOf = (doc: Json, path: Path): Json => path.slice(0, -1).reduce<Json>((d, k) => (d as Record<string | number, Json>)[k], doc);

const HOSTILE: Json[] = [
  1e308, -1e308, 5e-324, -0, 0, -1, 0.5, 1.5, 2 ** 53, 1e15 + 1, 99, 1e6 + 1, 2e9,
  '', '\u0000', 'a\u0007b', '\ud800', 'x'.repeat(2100), '<img src=x onerror=alert(1)>', '=HYPERLINK("http://evil.example")\n',
  '2025-02-31', '2023-13', '__proto__', 'constructor', 'pop_total', 'prev(tfr_end)', `${'-'.repeat(1999)}1`,
  null, true, false, [], {}, [1, 2, 3], { kind: 'table' }, { kind: 'headline', x: { __proto__: 1 } },
];
const RESERVED = ['__proto__', 'constructor', 'prototype'];
const TOKENS = ['pop_total', 'pop_60plus', 'beds_total', 'tfr_end', 'prev(', 'prev(beds_total)', 'prev(tfr_end)', '(', ')', '-', '+', '*', '/', '^', '?', ':', '1', '0', 'year', 'x', ',', 'max(', 'import(', '"s"', '[1]', '=', 'a.b', ' '];

/** One mutation: what it does, where (an index into the document's paths), and with what. */
// Weighted so that the costly kinds (a new expression compiles the model again; a list of 2,001
// entries takes a while to validate) stay a small share and the suite runs in seconds.
const mutationArb = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: fc.oneof(fc.constantFrom(...HOSTILE), fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>, fc.double()) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('delete' as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('add-key' as const), at: fc.nat(), key: fc.oneof(fc.constantFrom(...RESERVED), fc.string({ maxLength: 12 })), value: fc.constantFrom<Json>(1, 'x', { name: 'evil' }, null) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('scale' as const), at: fc.nat(), factor: fc.constantFrom(1e6, -1, 0, 1e300, 0.5, 1.000001, 10) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('expr' as const), at: fc.nat(), tokens: fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 12 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('grow' as const), at: fc.nat(), times: fc.constantFrom(2, 2, 201, 2001) }) },
);
type Mutation = typeof mutationArb extends fc.Arbitrary<infer M> ? M : never;

/** Applies mutations to a copy; `asObject` lets NaN/Infinity and own __proto__ keys through as JSON.parse would make them. */
function mutate(doc: Json, mutations: readonly Mutation[]): Json {
  const out = structuredClone(doc);
  for (const m of mutations) {
    const paths = pathsOf(out);
    const path = paths[m.at % paths.length];
    const key = path.at(-1);
    const parent = path.length ? (parentOf(out, path) as Record<string | number, Json>) : null;
    const here = parent && key !== undefined ? parent[key] : out;
    switch (m.op) {
      case 'set':
        if (parent && key !== undefined) parent[key] = structuredClone(m.value);
        break;
      case 'delete':
        if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
        else if (parent && key !== undefined) delete parent[key];
        break;
      case 'add-key':
        if (here && typeof here === 'object' && !Array.isArray(here)) Object.defineProperty(here, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
        break;
      case 'scale':
        if (parent && key !== undefined && typeof here === 'number') parent[key] = here * m.factor;
        break;
      case 'expr': {
        const exprs = paths.filter((p) => p.at(-1) === 'expr');
        if (exprs.length) {
          const p = exprs[m.at % exprs.length];
          (parentOf(out, p) as Record<string, Json>).expr = m.tokens.join('');
        }
        break;
      }
      case 'grow':
        if (Array.isArray(here) && here.length > 0) while (here.length < m.times) here.push(structuredClone(here[here.length - 1]));
        break;
    }
  }
  return out;
}

/** A message that names where the problem is: a field path, the whole scenario, or the file. */
const NAMES_A_FIELD = /^(\(scenario\)|The file|([A-Za-z_$][\w$]*|\["[^"]*"\])(\[\d+\]|\.[A-Za-z_$][\w$]*|\["(?:[^"\\]|\\.)*"\])*( \([^)]*\))?(:| = | \())/;

function fakeSim(scenario: Scenario) {
  const sim = { scenario, result: null, load(s: Scenario) { sim.scenario = s; } };
  return sim as unknown as ScenarioState & { scenario: Scenario };
}

describe('generated inputs from every preset (seeded)', () => {
  const projector = defaultProjector();

  it.each(presets.map((p) => [p.id, p] as const))('%s: each mutation is refused naming the field, with nothing changed, or projects to finite numbers', async (_id, preset) => {
    const original = JSON.parse(serializeScenario(structuredClone(preset.scenario))) as Json;
    const backend = memoryBackend();
    const world = memoryTabs();
    const sim = fakeSim(structuredClone(preset.scenario));
    const lib = new ScenarioLibrary(backend, { tabs: world.tab(), channel: world.channel(), storageManager: null });
    await lib.init(sim);
    await lib.saveAs(preset.scenario.name);
    const stored = JSON.stringify([...backend.map.entries()]);
    const inPage = JSON.stringify(sim.scenario);
    let refused = 0;
    let accepted = 0;

    await fc.assert(
      fc.asyncProperty(fc.array(mutationArb, { minLength: 1, maxLength: 3 }), fc.boolean(), async (mutations, asText) => {
        const doc = mutate(original, mutations);
        const text = JSON.stringify(doc);
        const r = acceptScenario(asText ? text : doc);
        if (!r.ok) {
          refused++;
          expect(r.errors.length).toBeGreaterThan(0);
          for (const e of r.errors) {
            expect(e, text.slice(0, 300)).toMatch(NAMES_A_FIELD);
            expect(e).not.toMatch(/[\r\n]/);
          }
          if (refused % 8 === 0) {
            const errors = await lib.importText(text, 'fuzz.json');
            expect(errors.length).toBeGreaterThan(0);
            expect(JSON.stringify([...backend.map.entries()])).toBe(stored);
            expect(JSON.stringify(sim.scenario)).toBe(inPage);
            const link = decodeScenarioFromFragment(`#s=${LZString.compressToEncodedURIComponent(text)}`);
            expect(link.ok).toBe(false);
          }
          return;
        }
        accepted++;
        const result = projector.run(r.scenario);
        // One expect per run, not per value: the loop over every series and year stays cheap.
        // A value not given (no local budget entered) is NaN by design and shown as "—".
        const notGiven = new Set(result.notGiven ?? []);
        const notFinite = Object.entries(result.series).filter(([id, values]) => !notGiven.has(id) && !values.every(Number.isFinite)).map(([id]) => id);
        expect(notFinite, text.slice(0, 300)).toEqual([]);
        result.targets.forEach((v, i) => {
          if (v.error) expect(v.error).toMatch(new RegExp(`^targets\\[${i}\\] `));
          else expect(v.margin === null || Number.isFinite(v.margin)).toBe(true);
        });
        if (accepted % 10 === 0) {
          const cli = runCli(['fuzz.json'], () => text);
          if (cli.code === 0) expect(() => JSON.parse(cli.stdout)).not.toThrow();
          else {
            expect(cli.code).toBe(2);
            expect(cli.stderr).toMatch(/^error: fuzz\.json: /);
            expect(cli.stderr).not.toMatch(/[\r\n]/);
          }
        }
      }),
      { seed: SEED + preset.id.length, numRuns: RUNS },
    );
    // The suite must exercise both sides, or it proves nothing.
    expect(refused).toBeGreaterThan(RUNS / 10);
    expect(accepted).toBeGreaterThan(RUNS / 10);
  }, 60_000);
});
