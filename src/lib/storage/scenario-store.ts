/**
 * Named scenarios and the autosave drafts (one per browser tab) in IndexedDB (idb-keyval),
 * behind an injectable key-value backend. Every stored scenario is validated JSON text; a
 * record that no longer validates is reported and left as it is. Every failure comes back as
 * a typed `StoreError` (never a throw), and no call mutates the caller's scenario, so the
 * caller's in-memory copy stays the one to keep when a write fails.
 *
 * Each saved record carries a revision, bumped by every write in the same IndexedDB transaction
 * that checks it: a save based on an older revision (another tab saved in between) is refused
 * as a `conflict`, never written over the other tab's work. Storage that does not answer fails
 * fast: after one timeout, calls fail at once until the late answer arrives or a retry succeeds.
 */
import { createStore, del, entries, get, keys, promisifyRequest, set } from 'idb-keyval';
import * as v from 'valibot';
import { parseScenario, ScenarioValidationError, serializeScenario } from '../../engine/scenario/migrate.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';

/** The key-value operations the store needs; idb-keyval in the browser, a Map in tests. */
export interface KeyValueBackend {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
  keys(): Promise<string[]>;
  entries(): Promise<[string, unknown][]>;
  /**
   * Reads a key and writes `next(old).value` in one transaction (nothing is written when
   * `next` returns null): the check of a record's revision and the write cannot interleave
   * with another tab's. `next` must not throw.
   */
  update(key: string, next: (old: unknown) => { value: unknown } | null): Promise<void>;
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
    // idb-keyval's own update() always writes; this one may decline (a revision conflict).
    update: (key, next) =>
      store('readwrite', (s) => {
        let thrown: { error: unknown } | null = null;
        const req = s.get(key);
        req.onsuccess = () => {
          try {
            const out = next(req.result);
            if (out) s.put(out.value, key);
          } catch (error) {
            // put() throws synchronously (e.g. QuotaExceededError, DataCloneError): report that
            // error, not the transaction's abort, whose own error is null.
            thrown = { error };
            s.transaction.abort();
          }
        };
        return promisifyRequest(s.transaction).catch((e: unknown) => {
          throw thrown ? thrown.error : e;
        });
      }),
  };
}

/**
 * A Map-based backend: for tests, and as a session-only fallback when IndexedDB is unavailable.
 * Values are copied in and out, as IndexedDB does; they are plain JSON, so a JSON round trip
 * copies them (also in Chromium 86, which has no `structuredClone`).
 */
export function memoryBackend(initial?: Iterable<[string, unknown]>): KeyValueBackend & { readonly map: Map<string, unknown> } {
  const map = new Map<string, unknown>(initial);
  const copy = (x: unknown): unknown => (x === undefined ? x : JSON.parse(JSON.stringify(x)));
  return {
    map,
    get: async (key) => (map.has(key) ? copy(map.get(key)) : undefined),
    set: async (key, value) => void map.set(key, copy(value)),
    del: async (key) => void map.delete(key),
    keys: async () => [...map.keys()],
    entries: async () => [...map.entries()].map(([k, x]): [string, unknown] => [k, copy(x)]),
    update: async (key, next) => {
      const out = next(map.has(key) ? copy(map.get(key)) : undefined);
      if (out) map.set(key, copy(out.value));
    },
  };
}

/**
 * What went wrong, for the UI to show (by `kind`) and the caller to act on:
 * `quota` storage full; `unavailable` IndexedDB blocked, missing (private mode) or not
 * answering; `not-found` no such id; `invalid-scenario` the scenario to save does not validate
 * (nothing was written); `invalid-record` a stored record does not validate (it was left as it
 * is); `conflict` the record changed (or was deleted) since the revision the save was based on
 * (nothing was written); `io` any other failure of the backend.
 */
export type StoreErrorKind = 'quota' | 'unavailable' | 'not-found' | 'invalid-scenario' | 'invalid-record' | 'conflict' | 'io';

/** A typed store failure. `errors` lists validation messages that name the field. */
export interface StoreError {
  kind: StoreErrorKind;
  message: string;
  /** Whether the failed call read or wrote (a failed read wrote nothing, and says so). */
  op?: 'read' | 'write';
  id?: string;
  errors?: string[];
  /** For a conflict: the record as another tab saved it (null when it was deleted). */
  current?: ScenarioListItem | null;
  cause?: unknown;
}

/** Every store call resolves to this; it never rejects. */
export type StoreResult<T> = { ok: true; value: T } | { ok: false; error: StoreError };

/**
 * A stored scenario as it sits in the backend. `scenario` is validated, serialized JSON;
 * `revision` counts the writes (absent in records written before revisions: read as 0).
 */
export interface StoredRecord {
  id: string;
  name: string;
  summary: string;
  savedAt: string;
  scenario: string;
  revision?: number;
}

/** One line of the scenario list. `problem` is set when the record no longer validates. */
export interface ScenarioListItem {
  id: string;
  name: string;
  updatedAt: string;
  summary: string;
  /** The record's revision (0 for a damaged record or one written before revisions). */
  revision: number;
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
  /**
   * The revision the new version is based on: when the record has moved on (or was deleted),
   * nothing is written and the save fails with `conflict`. Omitted: no check.
   */
  expectedRevision?: number;
  /** Defaults to the scenario's own name; the saved scenario carries this name. */
  name?: string;
  /** A one-line summary the caller composes (e.g. "泰安市 · 2020–2035 · 3 targets"). */
  summary: string;
  scenario: Scenario;
}

/**
 * The autosave draft of one tab. `sourceId` names the saved scenario it was opened from, if
 * any, and `sourceRevision` the revision of that record the work is based on.
 */
export interface Draft {
  scenario: Scenario;
  savedAt: string;
  summary: string;
  sourceId?: string;
  sourceRevision?: number;
  migratedFrom?: number;
}

/** One draft slot as `listDrafts` finds it: the tab it belongs to, and its draft or its problem. */
export interface DraftSlot {
  tab: string;
  draft?: Draft;
  problem?: string;
}

/** Options for tests and special hosts. */
export interface ScenarioStoreOptions {
  now?: () => Date;
  newId?: () => string;
  /** A backend call that takes longer is reported as `unavailable` (IndexedDB open blocked). */
  timeoutMs?: number;
  /** After a timeout, calls fail at once for this long unless the late answer arrives first. */
  retryAfterMs?: number;
  /** Called when storage answers again after a timeout (the banner can go). */
  onRecover?: () => void;
}

const RECORD = 'scenario:';
const TRASH = 'trash:';
const DRAFT_PREFIX = 'draft:';
/** The single draft key of versions before drafts per tab; read as the draft of tab `LEGACY_TAB`. */
const LEGACY_DRAFT = 'draft';
/** The tab name under which the old single draft is listed. */
export const LEGACY_TAB = '';
const QUARANTINE = 'quarantine:';
const draftKey = (tab: string) => (tab === LEGACY_TAB ? LEGACY_DRAFT : `${DRAFT_PREFIX}${tab}`);

const RecordSchema = v.object({
  id: v.string(),
  name: v.string(),
  summary: v.string(),
  savedAt: v.string(),
  scenario: v.string(),
  revision: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
});

const DraftSchema = v.object({
  savedAt: v.string(),
  summary: v.string(),
  sourceId: v.optional(v.string()),
  sourceRevision: v.optional(v.number()),
  scenario: v.string(),
});

/** Maps a thrown backend error to a typed error; `op` says whether the call read or wrote. */
export function classifyStorageError(e: unknown, doing: string, op: 'read' | 'write' = 'write'): StoreError {
  const name = e instanceof Error || (typeof e === 'object' && e !== null && 'name' in e) ? String((e as { name: unknown }).name) : '';
  const code = typeof e === 'object' && e !== null && 'code' in e ? (e as { code: unknown }).code : undefined;
  const text = e instanceof Error ? e.message : String(e);
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014 || /quota/i.test(text)) {
    return { kind: 'quota', op, message: `Storage is full: could not ${doing}. Free space or export the scenario as a file.`, cause: e };
  }
  if (name === 'TimeoutError') {
    return { kind: 'unavailable', op, message: `Browser storage did not answer: could not ${doing} (${text}).`, cause: e };
  }
  if (['InvalidStateError', 'SecurityError', 'UnknownError', 'NotFoundError', 'VersionError', 'ReferenceError'].includes(name) || /indexedDB|blocked|private/i.test(text)) {
    return { kind: 'unavailable', op, message: `Browser storage is unavailable (private mode or blocked): could not ${doing}.`, cause: e };
  }
  // An aborted IndexedDB transaction rejects with its `error`, which is null after abort().
  if (e === null || e === undefined || name === 'AbortError') {
    return { kind: 'io', op, message: `The browser aborted the storage transaction: could not ${doing} (storage cleared, or the database closed by another tab?).`, cause: e };
  }
  return { kind: 'io', op, message: `Could not ${doing}: ${text}`, cause: e };
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
  readonly #retryAfterMs: number;
  readonly #onRecover: (() => void) | undefined;
  /** Set after a timeout: calls fail at once until `until`, or until the late answer arrives. */
  #stalled: { until: number; error: StoreError } | null = null;

  constructor(backend: KeyValueBackend, options: ScenarioStoreOptions = {}) {
    this.#backend = backend;
    this.#now = options.now ?? (() => new Date());
    this.#newId = options.newId ?? defaultId;
    this.#timeoutMs = options.timeoutMs ?? 2000;
    this.#retryAfterMs = options.retryAfterMs ?? 15_000;
    this.#onRecover = options.onRecover;
  }

  /** True while storage is known not to answer (calls fail at once). */
  get stalled(): boolean {
    return this.#stalled !== null && Date.now() < this.#stalled.until;
  }

  /** Runs one backend call with a timeout; failures become typed errors. */
  async #call<T>(doing: string, op: () => Promise<T>, kind: 'read' | 'write' = 'read'): Promise<StoreResult<T>> {
    if (this.#stalled && Date.now() < this.#stalled.until) {
      const seconds = Math.round(this.#timeoutMs / 100) / 10;
      return fail({ ...this.#stalled.error, op: kind, message: `Browser storage did not answer within ${seconds} s: could not ${doing} (not tried again until it answers).` });
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    let timedOut = false;
    try {
      const pending = Promise.resolve().then(op);
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          timedOut = true;
          reject(Object.assign(new Error(`no answer within ${Math.round(this.#timeoutMs / 100) / 10} s`), { name: 'TimeoutError' }));
        }, this.#timeoutMs);
      });
      // A late answer means storage works after all (a slow machine, not a blocked database).
      pending.then(
        () => {
          if (timedOut && this.#stalled) {
            this.#stalled = null;
            this.#onRecover?.();
          }
        },
        () => undefined,
      );
      const value = await Promise.race([pending, timeout]);
      this.#stalled = null;
      return ok(value);
    } catch (e) {
      const error = classifyStorageError(e, doing, kind);
      if (timedOut) this.#stalled = { until: Date.now() + this.#retryAfterMs, error };
      return fail(error);
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
      const r = await this.#call('purge a deleted scenario', () => this.#backend.del(key), 'write');
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
          revision: 0,
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
    return this.#write(made.value, `save scenario “${made.value.name}”`, input.id === undefined ? 'new' : input.expectedRevision);
  }

  /**
   * Writes a record in one transaction with the check of what it replaces: a damaged record is
   * never overwritten; with `expected`, a record at another revision (or a deleted one) is left
   * as it is and the write fails with `conflict`; `'new'` refuses to replace anything. The
   * written record's revision is the old one + 1.
   */
  async #write(record: StoredRecord, doing: string, expected?: number | 'new'): Promise<StoreResult<LoadedScenario>> {
    let refused: StoreError | null = null;
    const w = await this.#call(
      doing,
      () =>
        this.#backend.update(RECORD + record.id, (old) => {
          if (old === undefined) {
            if (typeof expected === 'number') {
              refused = { kind: 'conflict', op: 'write', id: record.id, current: null, message: `Scenario “${record.name}” was deleted (in another tab?) since it was opened: nothing was written.` };
              return null;
            }
            record.revision = 1;
            return { value: record };
          }
          const checked = checkRecord(record.id, old);
          if (!checked.ok) {
            refused = checked.error;
            return null;
          }
          const current = checked.value.record;
          const revision = current.revision ?? 0;
          if (expected === 'new' || (typeof expected === 'number' && revision !== expected)) {
            refused = {
              kind: 'conflict', op: 'write', id: record.id, current: itemOf(current),
              message: `Scenario “${current.name}” was saved elsewhere (revision ${revision}, saved ${current.savedAt}) after this copy was opened (revision ${expected}): nothing was written.`,
            };
            return null;
          }
          record.revision = revision + 1;
          return { value: record };
        }),
      'write',
    );
    if (!w.ok) return w;
    if (refused) return fail(refused);
    const parsed = parseScenario(record.scenario);
    if (!parsed.ok) return fail({ kind: 'invalid-scenario', id: record.id, errors: parsed.errors, message: parsed.errors.join('; ') });
    return ok({ item: itemOf(record), scenario: parsed.scenario });
  }

  /** Loads and validates a saved scenario (older versions migrated in memory; the record is not rewritten). */
  async load(id: string): Promise<StoreResult<LoadedScenario>> {
    const r = await this.#readRecord(id);
    return r.ok ? ok(r.value.loaded) : r;
  }

  /** Renames a saved scenario (the record and the scenario's own name), keeping another tab's newer save. */
  async rename(id: string, name: string): Promise<StoreResult<LoadedScenario>> {
    await this.#settle();
    for (let attempt = 0; ; attempt++) {
      const r = await this.#readRecord(id);
      if (!r.ok) return r;
      const made = this.#makeRecord(id, name, r.value.record.summary, r.value.loaded.scenario);
      if (!made.ok) return made;
      const w = await this.#write(made.value, `rename scenario “${r.value.record.name}”`, r.value.record.revision ?? 0);
      // Another tab saved between the read and the write: rename what it saved instead.
      if (w.ok || w.error.kind !== 'conflict' || attempt >= 2) return w;
    }
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
    return this.#write(made.value, `duplicate scenario “${r.value.record.name}”`, 'new');
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
    const moved = await this.#call(`delete scenario ${id}`, () => this.#backend.set(TRASH + id, held), 'write');
    if (!moved.ok) return moved;
    return this.#call(`delete scenario ${id}`, () => this.#backend.del(RECORD + id), 'write');
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
          return checked.ok ? itemOf(checked.value.record) : { id: k.slice(TRASH.length), name: k.slice(TRASH.length), updatedAt: '', summary: '', revision: 0, problem: checked.error.message };
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
        const back = await this.#call(`restore scenario ${id}`, () => this.#backend.set(RECORD + id, value), 'write');
        if (!back.ok) return back;
      }
      const cleared = await this.#call(`restore scenario ${id}`, () => this.#backend.del(key), 'write');
      if (!cleared.ok) return cleared;
      restored.push(id);
    }
    return ok(restored);
  }

  /**
   * Autosaves the working scenario of tab `tab` (the caller debounces). An invalid scenario is
   * not written, so the last good draft stays; a stored draft that does not validate is kept
   * aside first.
   */
  async saveDraft(
    scenario: Scenario,
    options: { tab?: string; summary?: string; sourceId?: string; sourceRevision?: number } = {},
  ): Promise<StoreResult<{ savedAt: string }>> {
    const key = draftKey(options.tab ?? 'main');
    let text: string;
    try {
      text = serializeScenario(scenario);
    } catch (e) {
      const errors = e instanceof ScenarioValidationError ? e.errors : [String(e)];
      return fail({ kind: 'invalid-scenario', op: 'write', errors, message: `The draft is not valid and was not saved: ${errors.join('; ')}` });
    }
    const old = await this.#call('read the draft', () => this.#backend.get(key));
    if (!old.ok) return old;
    if (old.value !== undefined && !checkDraft(old.value).ok) {
      const aside = await this.#call('keep the old draft', () => this.#backend.set(`${QUARANTINE}${key}:${this.#now().toISOString()}`, old.value), 'write');
      if (!aside.ok) return aside;
    }
    const savedAt = this.#now().toISOString();
    const record = {
      savedAt,
      summary: options.summary ?? '',
      scenario: text,
      ...(options.sourceId ? { sourceId: options.sourceId } : {}),
      ...(options.sourceId && options.sourceRevision !== undefined ? { sourceRevision: options.sourceRevision } : {}),
    };
    const w = await this.#call('autosave the draft', () => this.#backend.set(key, record), 'write');
    return w.ok ? ok({ savedAt }) : w;
  }

  /** Reads the autosave draft of tab `tab`: null when there is none. */
  async loadDraft(tab = 'main'): Promise<StoreResult<Draft | null>> {
    const got = await this.#call('read the draft', () => this.#backend.get(draftKey(tab)));
    if (!got.ok) return got;
    if (got.value === undefined) return ok(null);
    const checked = checkDraft(got.value);
    return checked.ok ? ok(checked.value) : checked;
  }

  /** Every draft slot (of every tab, and the single draft of older versions), newest first. */
  async listDrafts(): Promise<StoreResult<DraftSlot[]>> {
    const all = await this.#call('list the drafts', () => this.#backend.entries());
    if (!all.ok) return all;
    const slots: DraftSlot[] = [];
    for (const [key, value] of all.value) {
      const tab = key === LEGACY_DRAFT ? LEGACY_TAB : key.startsWith(DRAFT_PREFIX) ? key.slice(DRAFT_PREFIX.length) : null;
      if (tab === null) continue;
      const checked = checkDraft(value);
      slots.push(checked.ok ? { tab, draft: checked.value } : { tab, problem: checked.error.message });
    }
    return ok(slots.sort((a, b) => ((a.draft?.savedAt ?? '') < (b.draft?.savedAt ?? '') ? 1 : -1)));
  }

  /** Removes the draft of tab `tab` (after its work was saved, kept elsewhere or discarded). */
  async clearDraft(tab = 'main'): Promise<StoreResult<void>> {
    return this.#call('clear the draft', () => this.#backend.del(draftKey(tab)), 'write');
  }

  /** Every saved record that validates (for a backup), and the damaged ones listed apart. */
  async exportRecords(): Promise<StoreResult<{ records: StoredRecord[]; damaged: ScenarioListItem[] }>> {
    const all = await this.#call('read saved scenarios', () => this.#backend.entries());
    if (!all.ok) return all;
    const records: StoredRecord[] = [];
    const damaged: ScenarioListItem[] = [];
    for (const [key, value] of all.value) {
      if (!key.startsWith(RECORD)) continue;
      const checked = checkRecord(key.slice(RECORD.length), value);
      if (checked.ok) records.push(checked.value.record);
      else damaged.push({ id: key.slice(RECORD.length), name: key.slice(RECORD.length), updatedAt: '', summary: '', revision: 0, problem: checked.error.message });
    }
    return ok({ records: records.sort((a, b) => (a.savedAt < b.savedAt ? 1 : -1)), damaged });
  }

  /**
   * What restoring these scenarios would do, without writing: each is `new` (no record with its
   * id), `same` (the record holds the same scenario) or `differs` (the id is taken by another
   * version or a damaged record: restoring must ask).
   */
  async planRestore(entries: readonly RestoreEntry[]): Promise<StoreResult<RestorePlanItem[]>> {
    const out: RestorePlanItem[] = [];
    for (const entry of entries) {
      const got = await this.#call(`read scenario ${entry.id}`, () => this.#backend.get(RECORD + entry.id));
      if (!got.ok) return got;
      if (got.value === undefined) {
        out.push({ entry, status: 'new' });
        continue;
      }
      const checked = checkRecord(entry.id, got.value);
      const same = checked.ok && sameScenario(checked.value.parsed.scenario, entry.scenario) && checked.value.record.name === entry.name;
      out.push({ entry, status: same ? 'same' : 'differs', ...(checked.ok ? { current: itemOf(checked.value.record) } : { current: { id: entry.id, name: entry.id, updatedAt: '', summary: '', revision: 0, problem: checked.error.message } }) });
    }
    return ok(out);
  }

  /**
   * Restores scenarios from a backup: new ids are written as they are; an id whose record
   * differs is restored as a copy under a new id (`differs: 'copy'`), written over
   * (`'replace'`, only after the planner was asked), or skipped. Identical ones are skipped.
   * Returns what was done, by entry id.
   */
  async restore(entries: readonly RestoreEntry[], differs: 'copy' | 'replace' | 'skip'): Promise<StoreResult<{ id: string; done: 'added' | 'copied' | 'replaced' | 'skipped'; savedAs?: string }[]>> {
    await this.#settle();
    const plan = await this.planRestore(entries);
    if (!plan.ok) return plan;
    const done: { id: string; done: 'added' | 'copied' | 'replaced' | 'skipped'; savedAs?: string }[] = [];
    for (const { entry, status, current } of plan.value) {
      if (status === 'same' || (status === 'differs' && differs === 'skip')) {
        done.push({ id: entry.id, done: 'skipped' });
        continue;
      }
      const copy = status === 'differs' && differs === 'copy';
      const id = copy ? this.#newId() : entry.id;
      const name = copy ? `${entry.name}（备份 ${entry.savedAt.slice(0, 10)}）` : entry.name;
      const made = this.#makeRecord(id, name, entry.summary, entry.scenario, entry.scenario.meta?.createdAt);
      if (!made.ok) return made;
      const expected = status === 'new' || copy ? 'new' : (current?.revision ?? 0);
      if (status === 'differs' && !copy && current?.problem) {
        // A damaged record the planner chose to replace: keep it aside, as a delete would.
        const raw = await this.#call(`read scenario ${id}`, () => this.#backend.get(RECORD + id));
        if (!raw.ok) return raw;
        const aside = await this.#call('keep the damaged record', () => this.#backend.set(`${QUARANTINE}${RECORD}${id}:${this.#now().toISOString()}`, raw.value), 'write');
        if (!aside.ok) return aside;
        const cleared = await this.#call(`replace scenario ${id}`, () => this.#backend.del(RECORD + id), 'write');
        if (!cleared.ok) return cleared;
      }
      const w = await this.#write(made.value, `restore scenario “${entry.name}”`, current?.problem ? 'new' : expected);
      if (!w.ok) return w;
      done.push({ id: entry.id, done: status === 'new' ? 'added' : copy ? 'copied' : 'replaced', savedAs: w.value.item.id });
    }
    return ok(done);
  }
}

/** A scenario to restore from a backup, already validated. */
export interface RestoreEntry {
  id: string;
  name: string;
  summary: string;
  savedAt: string;
  scenario: Scenario;
}

/** What restoring one entry would do (see `planRestore`). */
export interface RestorePlanItem {
  entry: RestoreEntry;
  status: 'new' | 'same' | 'differs';
  /** The record now stored under the entry's id. */
  current?: ScenarioListItem;
}

/** True when two scenarios hold the same inputs (meta aside). */
function sameScenario(a: Scenario, b: Scenario): boolean {
  try {
    return serializeScenario({ ...a, meta: undefined }) === serializeScenario({ ...b, meta: undefined });
  } catch {
    return false;
  }
}

function itemOf(r: StoredRecord): ScenarioListItem {
  return { id: r.id, name: r.name, updatedAt: r.savedAt, summary: r.summary, revision: r.revision ?? 0 };
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
    return fail({ kind: 'invalid-record', id: 'draft', errors, message: `The autosaved draft is damaged: ${errors.join('; ')}` });
  }
  const parsed = parseScenario(shape.output.scenario);
  if (!parsed.ok) {
    return fail({ kind: 'invalid-record', id: 'draft', errors: parsed.errors, message: `The autosaved draft cannot be opened: ${parsed.errors.join('; ')}` });
  }
  const { savedAt, summary, sourceId, sourceRevision } = shape.output;
  return ok({
    scenario: parsed.scenario, savedAt, summary,
    ...(sourceId ? { sourceId } : {}),
    ...(sourceId && sourceRevision !== undefined ? { sourceRevision } : {}),
    ...(parsed.migratedFrom ? { migratedFrom: parsed.migratedFrom } : {}),
  });
}
