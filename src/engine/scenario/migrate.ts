/**
 * Reading and writing scenario files: JSON text or an object in, a validated current-version
 * scenario out (older versions migrated by pure functions), or messages that name the field.
 * Nothing here mutates its input.
 */
import { CURRENT_SCHEMA_VERSION, findUnsafe, validateScenario, type Scenario } from './schema.ts';

/** The outcome of reading a scenario file. `migratedFrom` is the file's version when older. */
export type ParseResult = { ok: true; scenario: Scenario; migratedFrom?: number } | { ok: false; errors: string[] };

/** Thrown by `serializeScenario` for a scenario that does not validate. */
export class ScenarioValidationError extends Error {
  constructor(readonly errors: string[]) {
    super(`The scenario is not valid: ${errors.join('; ')}`);
    this.name = 'ScenarioValidationError';
  }
}

/** Largest scenario file accepted, in characters (a table population is about 3 kB). */
export const MAX_FILE_CHARS = 5_000_000;

type Doc = Record<string, unknown>;
type MigrationStep = (doc: Doc) => { ok: true; doc: Doc } | { ok: false; errors: string[] };

/** Version 1 → 2: adds `actuals` (empty); `meta` stays absent until the next save. */
const v1ToV2: MigrationStep = (doc) => {
  const stray = ['actuals', 'meta'].filter((k) => k in doc);
  if (stray.length > 0) {
    return { ok: false, errors: stray.map((k) => `${k}: unknown field, not part of a schemaVersion 1 scenario`) };
  }
  return { ok: true, doc: { ...doc, schemaVersion: 2, actuals: [] } };
};

/**
 * Fields that schema version 3 adds (all optional: a version-2 document is a valid version-3
 * document once its version says so). A feature that adds a field to the scenario adds its name
 * here, so that a file claiming version 2 cannot smuggle it in.
 */
export const V3_FIELDS: readonly string[] = ['uncertainty', 'districts', 'paths', 'parameterPeriods'];

/** Version 2 → 3: only the version changes; the fields version 3 adds stay absent. */
const v2ToV3: MigrationStep = (doc) => {
  const stray = V3_FIELDS.filter((k) => k in doc);
  if (stray.length > 0) {
    return { ok: false, errors: stray.map((k) => `${k}: unknown field, not part of a schemaVersion 2 scenario`) };
  }
  return { ok: true, doc: { ...doc, schemaVersion: 3 } };
};

/** `MIGRATIONS[n]` turns a version-n document into version n + 1. */
const MIGRATIONS: Readonly<Record<number, MigrationStep>> = { 1: v1ToV2, 2: v2ToV3 };

/** Where JSON text stops making sense: true when it ends inside a string or an open bracket. */
function endsEarly(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
  }
  return inString || depth > 0 || /[,:]\s*$/.test(text);
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; errors: string[] } {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return { ok: false, errors: ['The file is empty: expected a scenario in JSON.'] };
  if (body.length > MAX_FILE_CHARS) {
    return { ok: false, errors: [`The file is too large (${body.length} characters, at most ${MAX_FILE_CHARS}).`] };
  }
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    if (endsEarly(body)) {
      return {
        ok: false,
        errors: [`The file is cut off: the JSON ends after ${body.length} characters before the scenario is complete (was the file truncated or not fully saved?). ${detail}`],
      };
    }
    return { ok: false, errors: [`The file is not valid JSON: ${detail}`] };
  }
}

/**
 * A plain deep copy of JSON-like data, so that results never share objects with the input.
 * Keys are defined, never assigned: an own `__proto__` key (JSON.parse makes one) stays a
 * plain field instead of becoming the copy's prototype (`findUnsafe` refuses it before).
 */
function copyPlain(value: unknown, depth = 0): unknown {
  if (depth > 64) throw new RangeError('nested too deeply');
  if (Array.isArray(value)) return value.map((x) => copyPlain(x, depth + 1));
  if (value !== null && typeof value === 'object') {
    const out: Doc = {};
    for (const [k, x] of Object.entries(value)) Object.defineProperty(out, k, { value: copyPlain(x, depth + 1), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value;
}

function isDoc(x: unknown): x is Doc {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

/**
 * Reads a scenario from JSON text or an already parsed object. Refuses truncated or invalid
 * JSON, a missing, unknown or newer `schemaVersion`, and any field that breaks the schema, with
 * messages that name the field; migrates older versions to the current one.
 */
export function parseScenario(input: unknown): ParseResult {
  let raw: unknown = input;
  if (typeof input === 'string') {
    const parsed = parseJson(input);
    if (!parsed.ok) return parsed;
    raw = parsed.value;
  }
  if (!isDoc(raw)) {
    const got = raw === null ? 'null' : Array.isArray(raw) ? 'a list' : typeof raw;
    return { ok: false, errors: [`(scenario): expected a JSON object with schemaVersion, received ${got}`] };
  }
  const unsafe = findUnsafe(raw);
  if (unsafe) return { ok: false, errors: [unsafe.message] };
  let doc: Doc;
  try {
    doc = copyPlain(raw) as Doc;
  } catch {
    return { ok: false, errors: ['(scenario): nested too deeply to be a scenario'] };
  }

  const version = doc.schemaVersion;
  const known = `this version of the simulator reads schemaVersion 1–${CURRENT_SCHEMA_VERSION}`;
  if (version === undefined) {
    return { ok: false, errors: [`schemaVersion: missing; a scenario file states its version (${known})`] };
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, errors: [`schemaVersion = ${JSON.stringify(version) ?? String(version)}: unknown version; ${known}`] };
  }
  if (version > CURRENT_SCHEMA_VERSION) {
    return {
      ok: false,
      errors: [`schemaVersion = ${version}: written by a newer version of the simulator; ${known}. Update the app to open it.`],
    };
  }

  for (let from = version; from < CURRENT_SCHEMA_VERSION; from++) {
    const step = MIGRATIONS[from];
    if (!step) return { ok: false, errors: [`schemaVersion = ${version}: no migration from version ${from}`] };
    const next = step(doc);
    if (!next.ok) return next;
    doc = next.doc;
  }

  const checked = validateScenario(doc);
  if (!checked.ok) return { ok: false, errors: checked.issues.map((i) => i.message) };
  return version < CURRENT_SCHEMA_VERSION
    ? { ok: true, scenario: checked.scenario, migratedFrom: version }
    : { ok: true, scenario: checked.scenario };
}

/** Sorts the keys of a by-id record so that equal scenarios serialize to equal text. */
function sortedRecord<T>(rec: Readonly<Record<string, T>>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of Object.keys(rec).sort()) out[k] = rec[k];
  return out;
}

/**
 * Serializes a scenario as pretty JSON with a stable key order: fields in schema order,
 * `parameters` and `provenance` by id. `compact` drops the indentation (for share links).
 * Throws `ScenarioValidationError` when it is invalid, so an invalid document is never written.
 */
export function serializeScenario(s: Scenario, options: { compact?: boolean } = {}): string {
  const checked = validateScenario(s);
  if (!checked.ok) throw new ScenarioValidationError(checked.issues.map((i) => i.message));
  const valid = checked.scenario;
  const out: Scenario = { ...valid, parameters: sortedRecord(valid.parameters) };
  if (valid.provenance) out.provenance = sortedRecord(valid.provenance);
  return options.compact ? JSON.stringify(out) : `${JSON.stringify(out, null, 2)}\n`;
}
