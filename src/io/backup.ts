/**
 * The backup file: every saved scenario in one JSON document, to keep outside the browser
 * (which may evict its storage) and to restore from. Each scenario is stored as the same JSON a
 * scenario file holds and is validated on reading like one; a damaged entry is reported by its
 * place and name while the others stay readable.
 */
import { parseScenario } from '../engine/scenario/migrate.ts';
import { findUnsafe, type Scenario } from '../engine/scenario/schema.ts';

/** What the `kind` field of a backup file says. */
export const BACKUP_KIND = 'minzheng-planner-backup';
/** The backup format version this build writes and reads. */
export const BACKUP_VERSION = 1;
/** Most scenarios a backup file may hold. */
export const MAX_BACKUP_SCENARIOS = 5000;

/** One saved scenario as a backup holds it. */
export interface BackupEntry {
  id: string;
  name: string;
  summary: string;
  savedAt: string;
  scenario: Scenario;
}

/** A backup as read: the valid entries, and the refused ones with their messages. */
export type ParsedBackup =
  | { ok: true; exportedAt: string; entries: BackupEntry[]; refused: { index: number; name: string; errors: string[] }[] }
  | { ok: false; errors: string[] };

/** The backup file's text for saved records (their scenario as stored: validated JSON text). */
export function backupToText(records: readonly { id: string; name: string; summary: string; savedAt: string; scenario: string }[], exportedAt: string): string {
  const scenarios = records.map((r) => ({ id: r.id, name: r.name, summary: r.summary, savedAt: r.savedAt, scenario: JSON.parse(r.scenario) as unknown }));
  return `${JSON.stringify({ kind: BACKUP_KIND, backupVersion: BACKUP_VERSION, exportedAt, scenarios }, null, 2)}\n`;
}

const isObject = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);
const str = (x: unknown, max: number): x is string => typeof x === 'string' && x.length <= max;

/** Reads a backup file's text; refuses a file that is not a backup, lists entries that do not validate. */
export function parseBackup(text: string): ParsedBackup {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, errors: [`The file is not valid JSON: ${(e as Error).message}`] };
  }
  const unsafe = findUnsafe(doc, '', -2);
  if (unsafe) return { ok: false, errors: [unsafe.message] };
  if (!isObject(doc) || doc.kind !== BACKUP_KIND) {
    const hint = isObject(doc) && 'schemaVersion' in doc ? ' (this looks like a single scenario: use “Import JSON”)' : '';
    return { ok: false, errors: [`kind: expected "${BACKUP_KIND}"; the file is not a backup of saved scenarios${hint}`] };
  }
  if (doc.backupVersion !== BACKUP_VERSION) return { ok: false, errors: [`backupVersion = ${JSON.stringify(doc.backupVersion)}: this version of the simulator reads backup version ${BACKUP_VERSION}`] };
  if (!Array.isArray(doc.scenarios)) return { ok: false, errors: ['scenarios: expected a list'] };
  if (doc.scenarios.length > MAX_BACKUP_SCENARIOS) return { ok: false, errors: [`scenarios: ${doc.scenarios.length} entries, allowed at most ${MAX_BACKUP_SCENARIOS}`] };
  const entries: BackupEntry[] = [];
  const refused: { index: number; name: string; errors: string[] }[] = [];
  const seen = new Set<string>();
  doc.scenarios.forEach((raw: unknown, index: number) => {
    const at = `scenarios[${index}]`;
    const name = isObject(raw) && typeof raw.name === 'string' ? raw.name : `#${index + 1}`;
    if (!isObject(raw) || !str(raw.id, 100) || !/^[A-Za-z0-9_-]+$/.test(raw.id) || !str(raw.name, 200) || !str(raw.summary, 1000) || !str(raw.savedAt, 40)) {
      refused.push({ index, name, errors: [`${at}: expected id (letters, digits, - and _), name, summary and savedAt`] });
      return;
    }
    if (seen.has(raw.id)) {
      refused.push({ index, name, errors: [`${at}.id = "${raw.id}": appears more than once in the backup`] });
      return;
    }
    const parsed = parseScenario(raw.scenario);
    if (!parsed.ok) {
      refused.push({ index, name, errors: parsed.errors.map((e) => `${at}.scenario.${e}`) });
      return;
    }
    seen.add(raw.id);
    entries.push({ id: raw.id, name: raw.name, summary: raw.summary, savedAt: raw.savedAt, scenario: parsed.scenario });
  });
  return { ok: true, exportedAt: typeof doc.exportedAt === 'string' ? doc.exportedAt : '', entries, refused };
}
