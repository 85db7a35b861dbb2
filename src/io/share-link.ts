/**
 * Share links: the whole scenario compressed into the URL fragment (`#s=…`), so it never
 * reaches a server. Decoding goes through `acceptScenario`: the same checks and migrations as
 * a file, parameter ranges included. The packing itself (`packFragment`, `unpackFragment`)
 * serves other documents under their own key (lessons: `#lesson=…`).
 */
import LZString from 'lz-string';
import { serializeScenario, type ParseResult } from '../engine/scenario/migrate.ts';
import { acceptScenario } from '../engine/scenario/model-check.ts';
import type { Scenario } from '../engine/scenario/schema.ts';

import { SHARE_KEY } from './fragment-keys.ts';
export { hasFragmentKey, LESSON_KEY, SHARE_KEY } from './fragment-keys.ts';

/** Longest fragment accepted when decoding (a table population links to about 2 kB). */
export const MAX_FRAGMENT_CHARS = 200_000;

/** A URL fragment `#key=<lz-string URI-safe text>` holding `text`. */
export function packFragment(key: string, text: string): string {
  return `#${key}=${LZString.compressToEncodedURIComponent(text)}`;
}

/**
 * The text packed under `key` in a fragment (`#key=…`, `key=…`, or a whole URL; other
 * `&`-separated keys are ignored), or errors that say what is wrong with the link. `what`
 * names the document in the messages ("scenario", "lesson").
 */
export function unpackFragment(hash: string, key: string, what: string): { ok: true; text: string } | { ok: false; errors: string[] } {
  const at = hash.indexOf('#');
  const fragment = at >= 0 ? hash.slice(at + 1) : hash;
  if (fragment.length > MAX_FRAGMENT_CHARS) {
    return { ok: false, errors: [`The link is too long (${fragment.length} characters, at most ${MAX_FRAGMENT_CHARS}).`] };
  }
  const pair = fragment.split('&').find((p) => p.startsWith(`${key}=`));
  if (!pair) return { ok: false, errors: [`The link holds no ${what} (no "#${key}=" part).`] };
  let text: string | null = null;
  try {
    text = LZString.decompressFromEncodedURIComponent(pair.slice(key.length + 1));
  } catch {
    text = null;
  }
  if (!text) return { ok: false, errors: [`The link is damaged or incomplete: its ${what} cannot be unpacked (was it cut off when copied?).`] };
  return { ok: true, text };
}

/**
 * Encodes a scenario as a URL fragment `#s=<lz-string URI-safe text>` of its compact, stably
 * ordered JSON (about 1.5 kB for a plan with three targets; +1.2 kB for a population table). Throws
 * `ScenarioValidationError` for an invalid scenario (see `serializeScenario`).
 */
export function encodeScenarioToFragment(s: Scenario): string {
  return packFragment(SHARE_KEY, serializeScenario(s, { compact: true }));
}

/**
 * Decodes a fragment (`#s=…`, `s=…`, or a whole URL; other `&`-separated keys are ignored)
 * into a validated scenario whose parameters are within the model's ranges, or errors that
 * say what is wrong with the link. `accept` replaces the checks (tests of the transport alone).
 */
export function decodeScenarioFromFragment(hash: string, accept: (text: string) => ParseResult = acceptScenario): ParseResult {
  const unpacked = unpackFragment(hash, SHARE_KEY, 'scenario');
  if (!unpacked.ok) return unpacked;
  return accept(unpacked.text);
}
