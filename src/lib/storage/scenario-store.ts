/**
 * Named scenarios and the autosave draft in IndexedDB (idb-keyval), behind an injectable
 * key-value backend. Every stored scenario is validated JSON text; a record that no longer
 * validates is reported and left as it is. Every failure comes back as a typed `StoreError`
 * (never a throw), and no call mutates the caller's scenario, so the caller's in-memory copy
 * stays the one to keep when a write fails.
 */
import { createStore, del, entries, get, keys, set } from 'idb-keyval';
import * as v from 'valibot';
import { parseScenario, ScenarioValidationError, serializeScenario } from '../../engine/scenario/migrate.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';

/** The five key-value operations the store needs; idb-keyval in the browser, a Map in tests. */
export interface KeyValueBackend {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
  keys(): Promise<string[]>;
  entries(): Promise<[string, unknown][]>;
}

/** The IndexedDB backend: idb-keyval functions on a store of its own (created lazily). */
export function idbBackend(dbName = 'minzheng-planner', storeName = 'scenarios'): KeyValueBackend {
  const store = createStore(dbName, storeName);
  return {
    get: (key) => get<unknown>(key, store),
    set: (key, value) => set(key, value, store),
    del: (key) => del(key, store),
    keys: async () => (await keys<IDBValidKey>(store)).map(String),
    entries: async () => (await entries<IDBValidKey, unknown>(store)).map(([k, x]): [string, unknown] => [String(k), x]),
  };
}

/**
 * A Map-based backend: for tests, and as a session-only fallback when IndexedDB is unavailable.
 * Values are copied in and out, as IndexedDB does (structured clone).
 */
export function memoryBackend(initial?: Iterable<[string, unknown]>): KeyValueBackend & { readonly map: Map<string, unknown> } {
  const map = new Map<string, unknown>(initial);
  return {
    map,
    get: async (key) => (map.has(key) ? structuredClone(map.get(key)) : undefined),
    set: async (key, value) => void map.set(key, structuredClone(value)),
    del: async (key) => void map.delete(key),
    keys: async () => [...map.keys()],
    entries: async () => [...map.entries()].map(([k, x]): [string, unknown] => [k, structuredClone(x)]),
  };
}

/**
 * What went wrong, for the UI to show (by `kind`) and the caller to act on:
 * `quota` storage full; `unavailable` IndexedDB blocked, missing (private mode) or not
 * answering; `not-found` no such id; `invalid-scenario` the scenario to save does not validate
 * (nothing was written); `invalid-record` a stored record does not validate (it was left as it
 * is); `io` any other failure of the backend.
 */
export type StoreErrorKind = 'quota' | 'unavailable' | 'not-found' | 'invalid-scenario' | 'invalid-record' | 'io';

/** A typed store failure. `errors` lists validation messages that name the field. */
export interface StoreError {
  kind: StoreErrorKind;
  message: string;
  id?: string;
  errors?: string[];
  cause?: unknown;
}

/** Every store call resolves to this; it never rejects. */
export type StoreResult<T> = { ok: true; value: T } | { ok: false; error: StoreError };

/** A stored scenario as it sits in the backend. `scenario` is validated, serialized JSON. */
export interface StoredRecord {
  id: string;
  name: string;
  summary: string;
  savedAt: string;
  scenario: string;
}

/** One line of the scenario list. `problem` is set when the record no longer validates. */
export interface ScenarioListItem {
  id: string;
  name: string;
  updatedAt: string;
  summary: string;
  problem?: string;
}

/** A scenario read from the store. `migratedFrom` is set when it was stored in an older version. */
export interface LoadedScenario {
  item: ScenarioListItem;
  scenario: Scenario;
  migratedFrom?: number;
}

/** What `save` takes: a new scenario (no id) or a new version of an existing one. */
export interface SaveInput {
  id?: string;
  /** Defaults to the scenario's own name; the saved scenario carries this name. */
  name?: string;
  /** A one-line summary the caller composes (e.g. "泰安市 · 2020–2035 · 3 targets"). */
  summary: string;
  scenario: Scenario;
}

/** The autosave draft. `sourceId` names the saved scenario it was opened from, if any. */
export interface Draft {
  scenario: Scenario;
  savedAt: string;
  summary: string;
  sourceId?: string;
  migratedFrom?: number;
}

/** Options for tests and special hosts. */
export interface ScenarioStoreOptions {
  now?: () => Date;
  newId?: () => string;
  /** A backend call that takes longer is reported as `unavailable` (IndexedDB open blocked). */
  timeoutMs?: number;
}

const RECORD = 'scenario:';
const TRASH = 'trash:';
const DRAFT = 'draft';
const QUARANTINE = 'quarantine:';

const RecordSchema = v.object({
  id: v.string(),
  name: v.string(),
  summary: v.string(),
  savedAt: v.string(),
  scenario: v.string(),
});

const DraftSchema = v.object({
  savedAt: v.string(),
  summary: v.string(),
  sourceId: v.optional(v.string()),
  scenario: v.string(),
});

/** Maps a thrown backend error to a typed error. */
export function classifyStorageError(e: unknown, doing: string): StoreError {
  const name = e instanceof Error || (typeof e === 'object' && e !== null && 'name' in e) ? String((e as { name: unknown }).name) : '';
  const code = typeof e === 'object' && e !== null && 'code' in e ? (e as { code: unknown }).code : undefined;
  const text = e instanceof Error ? e.message : String(e);
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014 || /quota/i.test(text)) {
    return { kind: 'quota', message: `Storage is full: could not ${doing}. Free space or export the scenario as a file.`, cause: e };
  }
  if (
    ['InvalidStateError', 'SecurityError', 'UnknownError', 'NotFoundError', 'VersionError', 'TimeoutError', 'ReferenceError'].includes(name) ||
    /indexedDB|blocked|private/i.test(text)
  ) {
    return { kind: 'unavailable', message: `Browser storage is unavailable (private mode or blocked): could not ${doing}.`, cause: e };
  }
  return { kind: 'io', message: `Could not ${doing}: ${text}`, cause: e };
}

function defaultId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  return c?.randomUUID ? c.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

const ok = <T>(value: T): StoreResult<T> => ({ ok: true, value });
const fail = <T>(error: StoreError): StoreResult<T> => ({ ok: false, error });

/** Named scenarios (list, save, load, rename, duplicate, delete with undo) and the draft slot. */
export class ScenarioStore {
  readonly #backend: KeyValueBackend;
  readonly #now: () => Date;
  readonly #newId: () => string;
  readonly #timeoutMs: number;

  constructor(backend: KeyValueBackend, options: ScenarioStoreOptions = {}) {
    this.#backend = backend;
    this.#now = options.now ?? (() => new Date());
    this.#newId = options.newId ?? defaultId;
    this.#timeoutMs = options.timeoutMs ?? 10_000;
  }

  /** Runs one backend call with a timeout; failures become typed errors. */
  async #call<T>(doing: string, op: () => Promise<T>): Promise<StoreResult<T>> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(Object.assign(new Error('storage did not answer'), { name: 'TimeoutError' })), this.#timeoutMs);
      });
      return ok(await Promise.race([op(), timeout]));
    } catch (e) {
      return fail(classifyStorageError(e, doing));
    } finally {
      clearTimeout(timer);
    }
  }

  /** Reads and checks one stored record, without changing it. */
  async #readRecord(id: string): Promise<StoreResult<{ record: StoredRecord; loaded: LoadedScenario }>> {
    const got = await this.#call(`read scenario ${id}`, () => this.#backend.get(RECORD + id));
    if (!got.ok) return got;
    if (got.value === undefined) return fail({ kind: 'not-found', id, message: `No saved scenario with id ${id}.` });
    const checked = checkRecord(id, got.value);
    if (!checked.ok) return checked;
    const { record, parsed } = checked.value;
    return ok({ record, loaded: { item: itemOf(record), scenario: parsed.scenario, ...(parsed.migratedFrom ? { migratedFrom: parsed.migratedFrom } : {}) } });
  }

  /** Builds the record for a scenario; validates it (and its round trip) before anything is written. */
  #makeRecord(id: string, name: string, summary: string, scenario: Scenario, createdAt?: string): StoreResult<StoredRecord> {
    const savedAt = this.#now().toISOString();
    const next: Scenario = { ...scenario, name, meta: { createdAt: createdAt ?? scenario.meta?.createdAt ?? savedAt, updatedAt: savedAt } };
    let text: string;
    try {
      text = serializeScenario(next);
    } catch (e) {
      const errors = e instanceof ScenarioValidationError ? e.errors : [String(e)];
      return fail({ kind: 'invalid-scenario', id, errors, message: `The scenario is not valid and was not saved: ${errors.join('; ')}` });
    }
    const back = parseScenario(text);
    if (!back.ok) {
      return fail({ kind: 'invalid-scenario', id, errors: back.errors, message: `The scenario does not read back and was not saved: ${back.errors.join('; ')}` });
    }
    return ok({ id, name, summary, savedAt, scenario: text });
  }

  /** Ends the undo window of a soft delete: removes every record held for undo. */
  async purgeDeleted(): Promise<StoreResult<void>> {
    const all = await this.#call('list deleted scenarios', () => this.#backend.keys());
    if (!all.ok) return all;
    for (const key of all.value.filter((k) => k.startsWith(TRASH))) {
      const r = await this.#call('purge a deleted scenario', () => this.#backend.del(key));
      if (!r.ok) return r;
    }
    return ok(undefined);
  }

  /** Another action ends the undo window; a failed purge is retried next time, never fatal. */
  async #settle(): Promise<void> {
    await this.purgeDeleted();
  }

  /** Lists saved scenarios, most recently saved first. Records that do not validate are listed with `problem`. */
  async list(): Promise<StoreResult<ScenarioListItem[]>> {
    const all = await this.#call('list saved scenarios', () => this.#backend.entries());
    if (!all.ok) return all;
    const items: ScenarioListItem[] = [];
    for (const [key, value] of all.value) {
      if (!key.startsWith(RECORD)) continue;
      const id = key.slice(RECORD.length);
      const checked = checkRecord(id, value);
      if (checked.ok) items.push(itemOf(checked.value.record));
      else {
        const raw = (typeof value === 'object' && value !== null ? value : {}) as Partial<Record<keyof StoredRecord, unknown>>;
        items.push({
          id,
          name: typeof raw.name === 'string' ? raw.name : id,
          updatedAt: typeof raw.savedAt === 'string' ? raw.savedAt : '',
          summary: typeof raw.summary === 'string' ? raw.summary : '',
          problem: checked.error.message,
        });
      }
    }
    items.sort((a, b) => (a.updatedAt === b.updatedAt ? a.name.localeCompare(b.name, 'zh-CN') : a.updatedAt < b.updatedAt ? 1 : -1));
    return ok(items);
  }

  /**
   * Saves a scenario: a new record when `id` is absent, else a new version of that record.
   * Sets `meta` (createdAt kept, updatedAt now) and the name on the saved copy, which is returned.
   * A stored record that does not validate is never overwritten (`invalid-record`).
   */
  async save(input: SaveInput): Promise<StoreResult<LoadedScenario>> {
    await this.#settle();
    const id = input.id ?? this.#newId();
    let createdAt: string | undefined;
    if (input.id !== undefined) {
      const existing = await this.#readRecord(id);
      if (existing.ok) createdAt = existing.value.loaded.scenario.meta?.createdAt;
      else if (existing.error.kind !== 'not-found') return existing;
    }
    const made = this.#makeRecord(id, input.name ?? input.scenario.name, input.summary, input.scenario, createdAt);
    if (!made.ok) return made;
    return this.#write(made.value, `save scenario “${made.value.name}”`);
  }

  async #write(record: StoredRecord, doing: string): Promise<StoreResult<LoadedScenario>> {
    const w = await this.#call(doing, () => this.#backend.set(RECORD + record.id, record));
    if (!w.ok) return w;
    const parsed = parseScenario(record.scenario);
    if (!parsed.ok) return fail({ kind: 'invalid-scenario', id: record.id, errors: parsed.errors, message: parsed.errors.join('; ') });
    return ok({ item: itemOf(record), scenario: parsed.scenario });
  }

  /** Loads and validates a saved scenario (older versions migrated in memory; the record is not rewritten). */
  async load(id: string): Promise<StoreResult<LoadedScenario>> {
    const r = await this.#readRecord(id);
    return r.ok ? ok(r.value.loaded) : r;
  }

  /** Renames a saved scenario (the record and the scenario's own name). */
  async rename(id: string, name: string): Promise<StoreResult<LoadedScenario>> {
    await this.#settle();
    const r = await this.#readRecord(id);
    if (!r.ok) return r;
    const made = this.#makeRecord(id, name, r.value.record.summary, r.value.loaded.scenario);
    if (!made.ok) return made;
    return this.#write(made.value, `rename scenario “${r.value.record.name}”`);
  }

  /** Copies a saved scenario under a new id; the name defaults to "<name>（副本）". */
  async duplicate(id: string, name?: string): Promise<StoreResult<LoadedScenario>> {
    await this.#settle();
    const r = await this.#readRecord(id);
    if (!r.ok) return r;
    const copyName = name ?? `${r.value.record.name}（副本）`;
    const createdAt = this.#now().toISOString();
    const made = this.#makeRecord(this.#newId(), copyName, r.value.record.summary, r.value.loaded.scenario, createdAt);
    if (!made.ok) return made;
    return this.#write(made.value, `duplicate scenario “${r.value.record.name}”`);
  }

  /**
   * Deletes a saved scenario softly: it is held for `undoDelete` until the next save, rename,
   * duplicate or delete, or `purgeDeleted`. A record that does not validate is only deleted
   * with `force` (it may have been written by a newer version of the app).
   */
  async delete(id: string, options: { force?: boolean } = {}): Promise<StoreResult<void>> {
    await this.#settle();
    const got = await this.#call(`read scenario ${id}`, () => this.#backend.get(RECORD + id));
    if (!got.ok) return got;
    if (got.value === undefined) return fail({ kind: 'not-found', id, message: `No saved scenario with id ${id}.` });
    if (!options.force) {
      const checked = checkRecord(id, got.value);
      if (!checked.ok) return checked;
    }
    const held = got.value;
    const moved = await this.#call(`delete scenario ${id}`, () => this.#backend.set(TRASH + id, held));
    if (!moved.ok) return moved;
    return this.#call(`delete scenario ${id}`, () => this.#backend.del(RECORD + id));
  }

  /** The scenarios held for undo (normally zero or one), for an "undo" prompt. */
  async deletedPendingUndo(): Promise<StoreResult<ScenarioListItem[]>> {
    const all = await this.#call('list deleted scenarios', () => this.#backend.entries());
    if (!all.ok) return all;
    return ok(
      all.value
        .filter(([k]) => k.startsWith(TRASH))
        .map(([k, x]) => {
          const checked = checkRecord(k.slice(TRASH.length), x);
          return checked.ok ? itemOf(checked.value.record) : { id: k.slice(TRASH.length), name: k.slice(TRASH.length), updatedAt: '', summary: '', problem: checked.error.message };
        }),
    );
  }

  /** Restores the scenarios held since the last delete. Returns the ids restored. */
  async undoDelete(): Promise<StoreResult<string[]>> {
    const all = await this.#call('read deleted scenarios', () => this.#backend.entries());
    if (!all.ok) return all;
    const restored: string[] = [];
    for (const [key, value] of all.value.filter(([k]) => k.startsWith(TRASH))) {
      const id = key.slice(TRASH.length);
      const existing = await this.#call(`read scenario ${id}`, () => this.#backend.get(RECORD + id));
      if (!existing.ok) return existing;
      if (existing.value === undefined) {
        const back = await this.#call(`restore scenario ${id}`, () => this.#backend.set(RECORD + id, value));
        if (!back.ok) return back;
      }
      const cleared = await this.#call(`restore scenario ${id}`, () => this.#backend.del(key));
      if (!cleared.ok) return cleared;
      restored.push(id);
    }
    return ok(restored);
  }

  /**
   * Autosaves the working scenario (the caller debounces). An invalid scenario is not written,
   * so the last good draft stays; a stored draft that does not validate is kept aside first.
   */
  async saveDraft(scenario: Scenario, options: { summary?: string; sourceId?: string } = {}): Promise<StoreResult<{ savedAt: string }>> {
    let text: string;
    try {
      text = serializeScenario(scenario);
    } catch (e) {
      const errors = e instanceof ScenarioValidationError ? e.errors : [String(e)];
      return fail({ kind: 'invalid-scenario', errors, message: `The draft is not valid and was not saved: ${errors.join('; ')}` });
    }
    const old = await this.#call('read the draft', () => this.#backend.get(DRAFT));
    if (!old.ok) return old;
    if (old.value !== undefined && !checkDraft(old.value).ok) {
      const aside = await this.#call('keep the old draft', () => this.#backend.set(`${QUARANTINE}${DRAFT}:${this.#now().toISOString()}`, old.value));
      if (!aside.ok) return aside;
    }
    const savedAt = this.#now().toISOString();
    const record = { savedAt, summary: options.summary ?? '', scenario: text, ...(options.sourceId ? { sourceId: options.sourceId } : {}) };
    const w = await this.#call('autosave the draft', () => this.#backend.set(DRAFT, record));
    return w.ok ? ok({ savedAt }) : w;
  }

  /** Reads the autosave draft: null when there is none. */
  async loadDraft(): Promise<StoreResult<Draft | null>> {
    const got = await this.#call('read the draft', () => this.#backend.get(DRAFT));
    if (!got.ok) return got;
    if (got.value === undefined) return ok(null);
    const checked = checkDraft(got.value);
    return checked.ok ? ok(checked.value) : checked;
  }

  /** Removes the draft (after the planner saved or discarded it). */
  async clearDraft(): Promise<StoreResult<void>> {
    return this.#call('clear the draft', () => this.#backend.del(DRAFT));
  }
}

function itemOf(r: StoredRecord): ScenarioListItem {
  return { id: r.id, name: r.name, updatedAt: r.savedAt, summary: r.summary };
}

function checkRecord(id: string, value: unknown): StoreResult<{ record: StoredRecord; parsed: { scenario: Scenario; migratedFrom?: number } }> {
  const shape = v.safeParse(RecordSchema, value);
  if (!shape.success) {
    const errors = shape.issues.map((i) => `${v.getDotPath(i) ?? '(record)'}: ${i.message}`);
    return fail({ kind: 'invalid-record', id, errors, message: `Saved record ${id} is damaged: ${errors.join('; ')}` });
  }
  const parsed = parseScenario(shape.output.scenario);
  if (!parsed.ok) {
    return fail({ kind: 'invalid-record', id, errors: parsed.errors, message: `Saved scenario “${shape.output.name}” cannot be opened: ${parsed.errors.join('; ')}` });
  }
  return ok({ record: shape.output, parsed });
}

function checkDraft(value: unknown): StoreResult<Draft> {
  const shape = v.safeParse(DraftSchema, value);
  if (!shape.success) {
    const errors = shape.issues.map((i) => `${v.getDotPath(i) ?? '(draft)'}: ${i.message}`);
    return fail({ kind: 'invalid-record', id: DRAFT, errors, message: `The autosaved draft is damaged: ${errors.join('; ')}` });
  }
  const parsed = parseScenario(shape.output.scenario);
  if (!parsed.ok) {
    return fail({ kind: 'invalid-record', id: DRAFT, errors: parsed.errors, message: `The autosaved draft cannot be opened: ${parsed.errors.join('; ')}` });
  }
  const { savedAt, summary, sourceId } = shape.output;
  return ok({ scenario: parsed.scenario, savedAt, summary, ...(sourceId ? { sourceId } : {}), ...(parsed.migratedFrom ? { migratedFrom: parsed.migratedFrom } : {}) });
}
