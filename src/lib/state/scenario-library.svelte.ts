/**
 * The page's saved scenarios: the list, save / save as / open / rename / duplicate / delete
 * with undo, autosave of the work in progress (restored on reopen), import and export (JSON,
 * CSV, share link, a backup of every scenario and its restore). Wraps `ScenarioStore` over
 * IndexedDB. A storage failure never loses work: the scenario stays in memory and the page
 * offers to export it as a file. Work about to be replaced (opening, importing, a shared link)
 * is kept as a saved scenario when it was unsaved.
 *
 * Several tabs: each autosaves its own draft; a save based on a revision another tab has
 * replaced is refused (`conflict`) and the planner chooses "save as copy" or "load the saved
 * version"; tabs announce saves to each other, so the conflict shows before Save is pressed.
 * At start-up a tab reopens its own draft (a reload) or the newest draft of a tab that is gone
 * (a crash or a closed tab); other such drafts with unsaved work become saved scenarios.
 */
import type { Text } from '../../../models/types.ts';
import { modules } from '../../../models/index.ts';
import { defaultScenario } from '../../../models/presets/index.ts';
import { ScenarioValidationError, serializeScenario } from '../../engine/scenario/migrate.ts';
import { acceptScenario, checkAgainstModel } from '../../engine/scenario/model-check.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';
import { backupToText, parseBackup } from '../../io/backup.ts';
import { uncertainty } from './uncertainty-state.svelte.ts';
import { decodeText } from '../../io/text-decode.ts';
import { decodeUtf8, MAX_FILE_BYTES } from '../../io/text-file.ts';
import { scenarioName } from '../../engine/labels.ts';
import { downloadText } from '../export/download.ts';
import { SHARE_KEY } from '../../io/fragment-keys.ts';
import { i18n } from '../i18n.svelte.ts';
import { summaryLine } from '../scenario-summary.ts';
import {
  idbBackend, LEGACY_TAB, ScenarioStore,
  type Draft, type KeyValueBackend, type RestoreEntry, type RestorePlanItem, type ScenarioListItem, type StoreError, type StoreResult,
} from '../storage/scenario-store.ts';
import { browserTabChannel, BrowserTabPresence, type TabChannel, type TabMessage, type TabPresence } from '../storage/tab-presence.ts';
import { variablesOf } from '../variables.ts';
import type { ScenarioState } from './app-state.svelte.ts';

/**
 * A message for the planner; `action` adds buttons: undo a delete, export the work, or — after
 * a conflict with another tab — save the work as a copy or load the saved version.
 */
export interface LibraryNotice {
  kind: 'info' | 'success' | 'warning' | 'error';
  text: Text;
  details?: string[];
  action?: 'undo' | 'export' | 'conflict';
}

/** The saved scenario being edited was saved (or deleted) elsewhere since this page's copy was opened. */
export interface SaveConflict {
  id: string;
  name: string;
  /** When the other tab saved it (ISO), or null when it was deleted. */
  savedAt: string | null;
  deleted: boolean;
}

/** Whether the browser keeps this site's storage under storage pressure. */
export type Persistence = 'unknown' | 'granted' | 'not-granted' | 'unsupported';

/** A backup file read and compared with the saved scenarios, waiting for the planner's choice. */
export interface RestorePlan {
  fileName: string;
  items: RestorePlanItem[];
  refused: { index: number; name: string; errors: string[] }[];
}

/** Options for tests and special hosts: the other tabs, and the browser's storage manager. */
export interface LibraryOptions {
  tabs?: TabPresence;
  channel?: TabChannel;
  storageManager?: Pick<StorageManager, 'persisted' | 'persist'> | null;
}

/** How long after the last change the work in progress is autosaved (ms). */
export const AUTOSAVE_DELAY_MS = 600;

/** The scenario as text for "has it changed?" comparisons: stable JSON without `meta`. */
export function canonicalText(s: Scenario): string {
  try {
    return serializeScenario({ ...s, meta: undefined }, { compact: true });
  } catch {
    return JSON.stringify(s);
  }
}

/** A file name from a scenario name (no path separators or reserved characters). */
export function safeFileName(name: string): string {
  const cleaned = name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').trim().slice(0, 80);
  return cleaned || 'scenario';
}

/** Local date and time, minutes precision, for names and notices. */
function stamp(iso: string | Date = new Date()): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(d.getTime())) return String(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** The planner-facing explanation of a storage failure, by kind and by whether it read or wrote. */
function storageText(error: StoreError): Text {
  const read = error.op === 'read';
  const what = read ? { zh: '未能读取。', en: 'nothing could be read.' } : { zh: '未能写入。', en: 'nothing was written.' };
  switch (error.kind) {
    case 'quota':
      return { zh: `浏览器存储空间已满，${what.zh}`, en: `Browser storage is full: ${what.en}` };
    case 'unavailable':
      return /did not answer/.test(error.message)
        ? { zh: `浏览器存储没有响应（可能被另一个窗口占用或已被阻止），${what.zh}`, en: `Browser storage does not answer (held by another window, or blocked): ${what.en}` }
        : { zh: `浏览器存储不可用（隐私模式或已被阻止），${what.zh}`, en: `Browser storage is unavailable (private mode or blocked): ${what.en}` };
    default:
      return /aborted/.test(error.message)
        ? { zh: `浏览器中止了存储操作，${what.zh}`, en: `The browser aborted the storage operation: ${what.en}` }
        : { zh: `浏览器存储出错，${what.zh}`, en: `Browser storage failed: ${what.en}` };
  }
}

/**
 * Reads a file the planner chose as UTF-8 text, or says why not. With `csv`, a file that is not
 * UTF-8 is read as GBK/GB18030 — what Excel and WPS on Chinese Windows save as "CSV" — and
 * `note` says so (a scenario or backup file is always UTF-8: anything else is damage).
 */
export async function readTextFile(file: Blob & { name: string }, options: { csv?: boolean } = {}): Promise<{ ok: true; text: string; note?: Text } | { ok: false; error: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const utf8 = decodeUtf8(bytes, `“${file.name}”`);
  if (utf8.ok || !options.csv || bytes.length > MAX_FILE_BYTES) return utf8;
  return { ok: true, text: decodeText(bytes), note: { zh: `“${file.name}”不是 UTF-8 编码，已按 GBK/GB18030 读取；如有乱码，请另存为“CSV UTF-8”后重新导入。`, en: `“${file.name}” is not UTF-8 and was read as GBK/GB18030; if text looks garbled, save it as "CSV UTF-8" and import it again.` } };
}

/** The saved scenarios and the work in progress of one page. */
export class ScenarioLibrary {
  /** Saved scenarios, most recent first. */
  items = $state<ScenarioListItem[]>([]);
  /** The saved scenario being edited, or null for a new, unsaved one. */
  currentId = $state<string | null>(null);
  /** True when the work differs from its saved version (or was never saved). Updated with autosave. */
  dirty = $state(false);
  /** The latest message for the planner. */
  notice = $state<LibraryNotice | null>(null);
  /** The storage failure in force (the work is kept in memory only), or null. */
  storageError = $state<StoreError | null>(null);
  /** The scenario deleted last, while its undo is possible. */
  pendingUndo = $state<ScenarioListItem | null>(null);
  /** When the work in progress was last autosaved (ISO), or null. */
  draftSavedAt = $state<string | null>(null);
  /** True once the start-up (shared link, draft, list) is done. */
  ready = $state(false);
  /** Set when the scenario being edited was saved or deleted elsewhere after it was opened here. */
  conflict = $state<SaveConflict | null>(null);
  /** Why the work in progress cannot be autosaved (it breaks the schema), or null. */
  draftProblem = $state<string[] | null>(null);
  /** Whether the browser will keep the saved scenarios under storage pressure. */
  persistence = $state<Persistence>('unknown');
  /** A backup being restored, waiting for the planner's choice. */
  restorePlan = $state<RestorePlan | null>(null);

  #store: ScenarioStore;
  #tabs: TabPresence;
  #channel: TabChannel;
  #storageManager: Pick<StorageManager, 'persisted' | 'persist'> | null;
  #restoreEntries: RestoreEntry[] = [];
  #sim: ScenarioState | null = null;
  #savedText: string | null = null;
  /** The revision of the saved record the work in the page is based on. */
  #baseRevision: number | null = null;
  #lastDraftText: string | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #deletedWasCurrent = false;
  #persistRequested = false;

  constructor(backend: KeyValueBackend = idbBackend(), options: LibraryOptions = {}) {
    this.#store = new ScenarioStore(backend, {
      onRecover: () => {
        this.storageError = null;
        void this.refresh();
      },
    });
    this.#tabs = options.tabs ?? new BrowserTabPresence();
    this.#channel = options.channel ?? browserTabChannel();
    const browserStorage = typeof navigator !== 'undefined' && 'storage' in navigator ? navigator.storage : null;
    this.#storageManager = options.storageManager !== undefined ? options.storageManager : browserStorage;
  }

  /** This tab's id (its draft's key). */
  get tabId(): string {
    return this.#tabs.id;
  }

  get #scenario(): Scenario {
    if (!this.#sim) throw new Error('ScenarioLibrary.init(sim) was not called');
    return $state.snapshot(this.#sim.scenario) as Scenario;
  }

  /** The name of the scenario being edited. */
  get currentName(): string {
    return this.#sim?.scenario.name ?? '';
  }

  #summary(): string {
    return summaryLine(this.#sim?.result ?? null, i18n.lang);
  }

  #say(kind: LibraryNotice['kind'], text: Text, extra: Partial<LibraryNotice> = {}): void {
    this.notice = { kind, text, ...extra };
  }

  /** Records a failed store call: storage problems become the banner, others a notice. */
  #failed(error: StoreError, doing: Text): void {
    if (error.kind === 'conflict') {
      this.#conflicted(error);
      return;
    }
    if (error.kind === 'quota' || error.kind === 'unavailable' || error.kind === 'io') {
      this.storageError = error;
      const t = storageText(error);
      this.#say('error', { zh: `${doing.zh}：${t.zh}您的工作仍保留在本页面中，可导出为 JSON 文件保存。`, en: `${doing.en}: ${t.en} Your work is kept in this page; export it as a JSON file to keep it.` }, { action: 'export', details: [error.message] });
    } else {
      this.#say('error', { zh: `${doing.zh}：未成功。`, en: `${doing.en}: failed.` }, { details: error.errors?.length ? error.errors : [error.message] });
    }
  }

  #stored<T>(r: StoreResult<T>, doing: Text): r is { ok: true; value: T } {
    if (r.ok) {
      if (this.storageError && this.storageError.kind !== 'invalid-scenario') this.storageError = null;
      return true;
    }
    this.#failed(r.error, doing);
    return false;
  }

  /**
   * Starts the library for the page: a shared link in the URL opens as a new unsaved scenario
   * (the fragment is then removed); otherwise this tab's draft (a reload) or the newest draft of
   * a tab that is gone (a crash) is reopened. Then lists the saved scenarios.
   */
  async init(sim: ScenarioState): Promise<void> {
    this.#sim = sim;
    await this.#tabs.start();
    this.#channel.listen((m) => void this.#onTabMessage(m));
    void this.#checkPersistence(false);
    const hash = typeof location === 'undefined' ? '' : location.hash;
    const shared = hash.includes(`${SHARE_KEY}=`);
    const own = await this.#store.loadDraft(this.#tabs.id);
    let draft = own.ok ? own.value : null;
    if (!own.ok) {
      if (own.error.kind === 'invalid-record') {
        this.#say('warning', { zh: '上次自动保存的草稿已损坏，未能恢复（已保留原数据）。', en: 'The autosaved draft is damaged and was not restored (its data was kept aside).' }, { details: own.error.errors });
      } else this.#failed(own.error, { zh: '读取自动保存的草稿', en: 'Reading the autosaved draft' });
    }
    const swept = own.ok ? await this.#sweepDrafts(draft === null && !shared) : { adopted: null, kept: [] };
    draft ??= swept.adopted;

    if (shared) {
      history.replaceState(history.state, '', location.pathname + location.search);
      const { decodeScenarioFromFragment } = await import('../../io/share-link.ts');
      const decoded = decodeScenarioFromFragment(hash);
      if (decoded.ok) {
        const kept = draft ? await this.#keepDraftIfUnsaved(draft) : null;
        this.#openUnsaved(decoded.scenario);
        this.#say('info', {
          zh: `已从分享链接打开“${decoded.scenario.name}”，这是一个新的未保存情景；如需保留请点击“保存”。${kept ? `此前未保存的草稿已另存为“${kept}”。` : ''}`,
          en: `Opened “${decoded.scenario.name}” from a shared link as a new, unsaved scenario; click Save to keep it.${kept ? ` Your previous unsaved draft was saved as “${kept}”.` : ''}`,
        });
      } else {
        // The link's error stays the message; restoring the draft is said after it, not instead.
        const restored = draft ? await this.#restoreDraft(draft) : null;
        this.#say(
          'error',
          {
            zh: `分享链接无法打开，未作任何改动。${restored ? `已恢复您上次的工作：${restored.zh}` : ''}`,
            en: `The shared link cannot be opened; nothing was changed.${restored ? ` Your last work was restored: ${restored.en}` : ''}`,
          },
          { details: decoded.errors },
        );
      }
    } else if (draft) {
      const restored = await this.#restoreDraft(draft);
      if (this.notice?.kind !== 'warning' && this.notice?.kind !== 'error') this.#say('info', restored);
    } else {
      this.#savedText = null;
      this.#lastDraftText = canonicalText(this.#scenario);
      this.dirty = false;
    }
    if (swept.kept.length > 0) {
      const names = swept.kept.map((n) => `“${n}”`).join(i18n.lang === 'zh' ? '、' : ', ');
      const base = this.notice ?? { kind: 'info' as const, text: { zh: '', en: '' } };
      this.notice = { ...base, text: { zh: `${base.text.zh}已关闭的标签页中未保存的工作已另存为 ${names}。`, en: `${base.text.en} Unsaved work of closed tabs was saved as ${names}.`.trim() } };
    }
    await this.refresh();
    this.ready = true;
  }

  /**
   * Looks at the drafts of tabs that are gone (one tab at a time): the newest is adopted by this
   * tab when `adopt` (it has no draft of its own), others with unsaved work are kept as saved
   * scenarios, and drafts holding nothing unsaved are removed. Damaged drafts are left alone.
   */
  async #sweepDrafts(adopt: boolean): Promise<{ adopted: Draft | null; kept: string[] }> {
    const out: { adopted: Draft | null; kept: string[] } = { adopted: null, kept: [] };
    if (this.#store.stalled) return out;
    await this.#tabs.exclusive(async () => {
      const slots = await this.#store.listDrafts();
      if (!slots.ok) return;
      const live = await this.#tabs.live();
      for (const slot of slots.value) {
        if (!slot.draft || slot.tab === this.#tabs.id || (live !== null && live.has(slot.tab))) continue;
        // Without Web Locks no tab can be known dead: only the draft of an older version is taken.
        if (live === null && slot.tab !== LEGACY_TAB) continue;
        if (adopt && out.adopted === null) {
          if (slot.tab === LEGACY_TAB) {
            const moved = await this.#store.saveDraft(slot.draft.scenario, { tab: this.#tabs.id, summary: slot.draft.summary, sourceId: slot.draft.sourceId, sourceRevision: slot.draft.sourceRevision });
            if (moved.ok) await this.#store.clearDraft(LEGACY_TAB);
            out.adopted = slot.draft;
            continue;
          }
          if (await this.#tabs.adopt(slot.tab)) {
            out.adopted = slot.draft;
            continue;
          }
        }
        const kept = await this.#keepDraftIfUnsaved(slot.draft);
        if (kept) out.kept.push(kept);
        if (kept || !(await this.#hasUnsavedWork(slot.draft))) await this.#store.clearDraft(slot.tab);
      }
    });
    return out;
  }

  /** Reopens a draft; returns the sentence that says so (the caller shows it). */
  async #restoreDraft(draft: Draft): Promise<Text> {
    let sourceName: string | null = null;
    let movedOn: ScenarioListItem | null = null;
    this.currentId = null;
    this.#savedText = null;
    this.#baseRevision = null;
    if (draft.sourceId) {
      const source = await this.#store.load(draft.sourceId);
      if (source.ok) {
        this.currentId = draft.sourceId;
        this.#savedText = canonicalText(source.value.scenario);
        this.#baseRevision = draft.sourceRevision ?? source.value.item.revision;
        sourceName = source.value.item.name;
        if (source.value.item.revision !== this.#baseRevision) movedOn = source.value.item;
      }
    }
    this.#sim!.load(draft.scenario);
    const text = canonicalText(draft.scenario);
    this.#lastDraftText = text;
    this.draftSavedAt = draft.savedAt;
    this.dirty = this.#savedText !== text;
    const when = stamp(draft.savedAt);
    const problems = checkAgainstModel(draft.scenario).map((i) => i.message);
    if (problems.length > 0) {
      this.#say('warning', { zh: '恢复的草稿中有超出允许范围的值，请修正后再计算：', en: 'The restored draft holds values outside the allowed range; correct them to compute:' }, { details: problems });
    }
    if (movedOn && this.dirty) {
      this.conflict = { id: movedOn.id, name: movedOn.name, savedAt: movedOn.updatedAt, deleted: false };
    }
    return sourceName
      ? { zh: `已恢复上次的工作（“${sourceName}”，自动保存于 ${when}）${this.dirty ? '，含未保存的修改' : ''}。`, en: `Restored your work in progress (“${sourceName}”, autosaved ${when})${this.dirty ? ', with unsaved changes' : ''}.` }
      : { zh: `已恢复上次未保存的工作（自动保存于 ${when}）。`, en: `Restored your unsaved work in progress (autosaved ${when}).` };
  }

  /** True when a draft differs from the default scenario and from the saved scenario it came from. */
  async #hasUnsavedWork(draft: Draft): Promise<boolean> {
    const text = canonicalText(draft.scenario);
    if (text === canonicalText(defaultScenario())) return false;
    if (draft.sourceId) {
      const source = await this.#store.load(draft.sourceId);
      if (source.ok && canonicalText(source.value.scenario) === text) return false;
    }
    return true;
  }

  /** Keeps a draft about to be replaced as a saved scenario when it holds unsaved work; returns its name. */
  async #keepDraftIfUnsaved(draft: Draft): Promise<string | null> {
    if (!(await this.#hasUnsavedWork(draft))) return null;
    const name = `${draft.scenario.name}（未保存的草稿 ${stamp(draft.savedAt)}）`;
    const r = await this.#store.save({ name, summary: draft.summary, scenario: draft.scenario });
    return this.#stored(r, { zh: '保留未保存的草稿', en: 'Keeping the unsaved draft' }) ? name : null;
  }

  /** Keeps the work in the page as a saved scenario when it has unsaved changes; returns its name. */
  async #keepCurrentIfUnsaved(): Promise<string | null> {
    const s = this.#scenario;
    const text = canonicalText(s);
    if (text === this.#savedText) return null;
    if (this.currentId === null && text === canonicalText(defaultScenario())) return null;
    const name = `${s.name}（未保存的修改 ${stamp()}）`;
    const r = await this.#store.save({ name, summary: this.#summary(), scenario: s });
    return this.#stored(r, { zh: '保留未保存的修改', en: 'Keeping the unsaved changes' }) ? name : null;
  }

  /** The saved scenario being edited is gone: the work stays in the page, now as an unsaved scenario. */
  #detach(): void {
    this.currentId = null;
    this.#savedText = null;
    this.#baseRevision = null;
    this.#lastDraftText = null;
    this.dirty = true;
    this.scheduleAutosave();
  }

  #openUnsaved(s: Scenario): void {
    this.currentId = null;
    this.#savedText = null;
    this.#baseRevision = null;
    this.conflict = null;
    this.#lastDraftText = null;
    this.dirty = true;
    this.#sim!.load(s);
    this.scheduleAutosave();
  }

  /** Reloads the list of saved scenarios. */
  async refresh(): Promise<void> {
    const r = await this.#store.list();
    if (this.#stored(r, { zh: '读取已保存的情景', en: 'Listing saved scenarios' })) this.items = r.value;
  }

  /** Autosaves the work in progress after a short pause (call on every change). */
  scheduleAutosave(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flushAutosave(), AUTOSAVE_DELAY_MS);
  }

  /** Writes the draft now if the work changed since the last draft. */
  async flushAutosave(): Promise<void> {
    clearTimeout(this.#timer);
    if (!this.#sim || !this.ready) return;
    const s = this.#scenario;
    const text = canonicalText(s);
    this.dirty = text !== this.#savedText;
    if (text === this.#lastDraftText) {
      this.draftProblem = null;
      return;
    }
    const r = await this.#store.saveDraft(s, {
      tab: this.#tabs.id,
      summary: this.#summary(),
      ...(this.currentId ? { sourceId: this.currentId, ...(this.#baseRevision !== null ? { sourceRevision: this.#baseRevision } : {}) } : {}),
    });
    if (r.ok) {
      this.#lastDraftText = text;
      this.draftSavedAt = r.value.savedAt;
      this.draftProblem = null;
      if (this.storageError) this.storageError = null;
    } else if (r.error.kind === 'invalid-scenario') {
      // The last good draft stays; the banner says that autosave has stopped, and why.
      this.draftProblem = r.error.errors?.length ? r.error.errors : [r.error.message];
    } else if (this.storageError?.kind !== r.error.kind) {
      // A storage failure is shown once, not at every keystroke.
      this.#failed(r.error, { zh: '自动保存', en: 'Autosave' });
    }
  }

  /** Saves over the scenario being edited; returns false when it was never saved (ask for a name). */
  async save(): Promise<boolean> {
    if (this.currentId === null) return false;
    const r = await this.#store.save({
      id: this.currentId,
      ...(this.#baseRevision !== null ? { expectedRevision: this.#baseRevision } : {}),
      summary: this.#summary(),
      scenario: this.#scenario,
    });
    if (!this.#stored(r, { zh: '保存', en: 'Save' })) return true;
    this.#afterSave(r.value.item, r.value.scenario);
    this.#say('success', { zh: `已保存“${r.value.item.name}”。`, en: `Saved “${r.value.item.name}”.` });
    await this.refresh();
    return true;
  }

  /** After a conflict: saves the work in the page as a new scenario (the other tab's save stays as it is). */
  async saveCopy(): Promise<boolean> {
    const name = `${this.currentName}（${i18n.lang === 'zh' ? '副本' : 'copy'} ${stamp()}）`;
    return this.saveAs(name);
  }

  /** After a conflict: opens the version saved elsewhere (this page's unsaved work is first kept as a scenario). */
  async reloadSaved(): Promise<boolean> {
    const c = this.conflict;
    if (!c || c.deleted) return false;
    return this.open(c.id);
  }

  /** A conflict found by a save or announced by another tab: nothing was overwritten; say so and offer the ways out. */
  #conflicted(error: Pick<StoreError, 'id' | 'current'>): void {
    const id = error.id ?? this.currentId ?? '';
    const current = error.current ?? null;
    const name = current?.name ?? this.currentName;
    this.conflict = { id, name, savedAt: current?.updatedAt ?? null, deleted: current === null };
    this.#say(
      'warning',
      current
        ? {
            zh: `“${name}”已在另一个标签页或窗口中保存（${stamp(current.updatedAt)}），此页的修改没有覆盖它。可将此页的修改另存为副本，或载入已保存的版本（此页的修改会先另存为一个情景）。`,
            en: `“${name}” was saved in another tab or window (${stamp(current.updatedAt)}); this page's changes did not overwrite it. Save this page's changes as a copy, or load the saved version (this page's changes are kept as a scenario first).`,
          }
        : {
            zh: `“${name}”已在另一个标签页或窗口中被删除，此页的修改没有保存。可另存为副本。`,
            en: `“${name}” was deleted in another tab or window; this page's changes were not saved. Save them as a copy.`,
          },
      { action: 'conflict' },
    );
  }

  /** What another tab of the app did: keep the list fresh, and catch a conflict before Save is pressed. */
  async #onTabMessage(m: TabMessage): Promise<void> {
    if (m.from === this.#tabs.id || !this.ready) return;
    if (m.type === 'saved' && m.id === this.currentId && m.revision !== this.#baseRevision) {
      await this.flushAutosave();
      if (!this.dirty) {
        // Nothing unsaved here: show what the other tab saved.
        if (await this.open(m.id)) this.#say('info', { zh: `“${m.name}”已在另一个标签页中更新，本页已载入最新版本。`, en: `“${m.name}” was updated in another tab; this page now shows the latest version.` });
      } else {
        const r = await this.#store.load(m.id);
        if (r.ok) this.#conflicted({ id: m.id, current: r.value.item });
      }
    } else if (m.type === 'deleted' && m.id === this.currentId) {
      this.#detach();
      this.#say('warning', { zh: `“${m.name}”已在另一个标签页中被删除；此页的工作仍在，现在是未保存的情景。`, en: `“${m.name}” was deleted in another tab; the work in this page is kept, now as an unsaved scenario.` });
    }
    await this.refresh();
  }

  #announce(m: Omit<Extract<TabMessage, { type: 'saved' }>, 'from'> | Omit<Extract<TabMessage, { type: 'deleted' }>, 'from'> | { type: 'library-changed' }): void {
    this.#channel.post({ ...m, from: this.#tabs.id } as TabMessage);
  }

  /** Checks (once, at the first save: `request`) that the browser keeps this site's storage. */
  async #checkPersistence(request: boolean): Promise<void> {
    const sm = this.#storageManager;
    if (!sm) {
      this.persistence = 'unsupported';
      return;
    }
    try {
      let granted = await sm.persisted();
      if (!granted && request) granted = await sm.persist();
      this.persistence = granted ? 'granted' : 'not-granted';
    } catch {
      this.persistence = 'unsupported';
    }
  }

  /** Saves the work as a new named scenario, which becomes the one being edited. */
  async saveAs(name: string): Promise<boolean> {
    const trimmed = name.trim();
    if (!trimmed) {
      this.#say('error', { zh: '请输入情景名称。', en: 'Enter a name for the scenario.' });
      return false;
    }
    const r = await this.#store.save({ name: trimmed, summary: this.#summary(), scenario: this.#scenario });
    if (!this.#stored(r, { zh: '另存为', en: 'Save as' })) return false;
    this.#afterSave(r.value.item, r.value.scenario);
    this.#say('success', { zh: `已另存为“${trimmed}”。`, en: `Saved as “${trimmed}”.` });
    await this.refresh();
    return true;
  }

  #afterSave(item: ScenarioListItem, saved: Scenario): void {
    const sim = this.#sim!;
    const first = !this.#persistRequested;
    this.#persistRequested = true;
    this.currentId = item.id;
    this.#baseRevision = item.revision;
    this.conflict = null;
    sim.scenario.name = saved.name;
    sim.scenario.meta = saved.meta;
    this.#savedText = canonicalText(saved);
    this.dirty = false;
    this.pendingUndo = null;
    this.#announce({ type: 'saved', id: item.id, revision: item.revision, name: item.name });
    // Something worth keeping now exists: ask the browser not to evict it.
    if (first) void this.#checkPersistence(true);
    void this.flushAutosave();
  }

  /** Opens a saved scenario (unsaved work in the page is first kept as a saved scenario). */
  async open(id: string): Promise<boolean> {
    const r = await this.#store.load(id);
    if (!this.#stored(r, { zh: '打开情景', en: 'Open scenario' })) return false;
    const kept = await this.#keepCurrentIfUnsaved();
    this.#sim!.load(r.value.scenario);
    this.currentId = id;
    this.#baseRevision = r.value.item.revision;
    this.conflict = null;
    this.#savedText = canonicalText(r.value.scenario);
    this.#lastDraftText = null;
    this.dirty = false;
    this.pendingUndo = null;
    const migrated = r.value.migratedFrom ? { zh: `（由第 ${r.value.migratedFrom} 版格式转换）`, en: ` (converted from format version ${r.value.migratedFrom})` } : { zh: '', en: '' };
    this.#say('success', {
      zh: `已打开“${r.value.item.name}”${migrated.zh}。${kept ? `此前未保存的修改已另存为“${kept}”。` : ''}`,
      en: `Opened “${r.value.item.name}”${migrated.en}.${kept ? ` Your unsaved changes were saved as “${kept}”.` : ''}`,
    });
    this.scheduleAutosave();
    if (kept) await this.refresh();
    return true;
  }

  /**
   * Saves a scenario made from the one being edited (a cheapest mix applied) as a new saved
   * scenario under its own name and opens it. The original stays as it was: saved, or kept as a
   * saved scenario first when it had unsaved work.
   */
  async saveDerived(scenario: Scenario, summary: string): Promise<boolean> {
    const original = this.currentName;
    const wasSaved = this.currentId !== null;
    const kept = await this.#keepCurrentIfUnsaved();
    const r = await this.#store.save({ name: scenario.name, summary, scenario });
    if (!this.#stored(r, { zh: '另存为新情景', en: 'Saving as a new scenario' })) return false;
    this.#sim!.load(r.value.scenario);
    this.currentId = r.value.item.id;
    this.#savedText = canonicalText(r.value.scenario);
    this.#lastDraftText = null;
    this.dirty = false;
    this.pendingUndo = null;
    const name = r.value.item.name;
    const rest = !kept
      ? { zh: `原情景“${original}”保持不变。`, en: `The original “${original}” is unchanged.` }
      : wasSaved
        ? { zh: `原情景“${original}”保持不变,此前未保存的修改已另存为“${kept}”。`, en: `The original “${original}” is unchanged; your unsaved changes were saved as “${kept}”.` }
        : { zh: `原情景已另存为“${kept}”。`, en: `The original was saved as “${kept}”.` };
    this.#say('success', { zh: `已另存为新情景“${name}”并打开。${rest.zh}`, en: `Saved and opened the new scenario “${name}”. ${rest.en}` });
    this.scheduleAutosave();
    await this.refresh();
    return true;
  }

  /** Reads a saved scenario without opening it (for the compare view). */
  async read(id: string): Promise<Scenario | null> {
    const r = await this.#store.load(id);
    return this.#stored(r, { zh: '读取情景', en: 'Reading a scenario' }) ? r.value.scenario : null;
  }

  /** Renames a saved scenario (and the page's scenario when it is the one being edited). */
  async rename(id: string, name: string): Promise<boolean> {
    const trimmed = name.trim();
    if (!trimmed) return false;
    const r = await this.#store.rename(id, trimmed);
    if (!this.#stored(r, { zh: '重命名', en: 'Rename' })) return false;
    if (id === this.currentId) {
      this.#sim!.scenario.name = trimmed;
      // A rename keeps the stored inputs: the page's work is now based on the renamed revision.
      this.#baseRevision = r.value.item.revision;
      this.#savedText = canonicalText(r.value.scenario);
    }
    this.#announce({ type: 'saved', id, revision: r.value.item.revision, name: trimmed });
    this.pendingUndo = null;
    this.#say('success', { zh: `已重命名为“${trimmed}”。`, en: `Renamed to “${trimmed}”.` });
    await this.refresh();
    return true;
  }

  /** Copies a saved scenario under a new name. */
  async duplicate(id: string): Promise<boolean> {
    const r = await this.#store.duplicate(id);
    if (!this.#stored(r, { zh: '复制', en: 'Duplicate' })) return false;
    this.#announce({ type: 'library-changed' });
    this.pendingUndo = null;
    this.#say('success', { zh: `已复制为“${r.value.item.name}”。`, en: `Duplicated as “${r.value.item.name}”.` });
    await this.refresh();
    return true;
  }

  /** Deletes a saved scenario; `undo` brings it back until the next change to the library. */
  async remove(id: string): Promise<boolean> {
    const item = this.items.find((x) => x.id === id);
    const r = await this.#store.delete(id, { force: Boolean(item?.problem) });
    if (!this.#stored(r, { zh: '删除', en: 'Delete' })) return false;
    this.#announce({ type: 'deleted', id, name: item?.name ?? id });
    this.#deletedWasCurrent = id === this.currentId;
    if (this.#deletedWasCurrent) {
      this.#detach();
    }
    const name = item?.name ?? id;
    this.pendingUndo = item ?? { id, name, updatedAt: '', summary: '', revision: 0 };
    this.#say('info', { zh: `已删除“${name}”。`, en: `Deleted “${name}”.` }, { action: 'undo' });
    await this.refresh();
    return true;
  }

  /** Restores the scenario deleted last. */
  async undo(): Promise<boolean> {
    const item = this.pendingUndo;
    const r = await this.#store.undoDelete();
    if (!this.#stored(r, { zh: '撤销删除', en: 'Undo delete' })) return false;
    this.pendingUndo = null;
    this.#announce({ type: 'library-changed' });
    if (item && this.#deletedWasCurrent && r.value.includes(item.id)) {
      this.currentId = item.id;
      const back = await this.#store.load(item.id);
      this.#savedText = back.ok ? canonicalText(back.value.scenario) : null;
      this.#baseRevision = back.ok ? back.value.item.revision : null;
      this.#lastDraftText = null;
      this.scheduleAutosave();
    }
    this.#deletedWasCurrent = false;
    this.#say('success', { zh: `已恢复“${item?.name ?? ''}”。`, en: `Restored “${item?.name ?? ''}”.` });
    await this.refresh();
    return true;
  }

  /**
   * Imports a scenario file as a new unsaved scenario. A file that does not validate is refused
   * with messages that name the field; nothing stored changes. Returns the messages (empty when imported).
   */
  async importText(text: string, fileName: string): Promise<string[]> {
    const parsed = acceptScenario(text);
    if (!parsed.ok) {
      const errors = parsed.errors;
      this.#say('error', { zh: `未导入“${fileName}”：文件有误，已保存的情景未作任何改动。`, en: `“${fileName}” was not imported: the file has errors; nothing saved was changed.` }, { details: errors });
      return errors;
    }
    const kept = await this.#keepCurrentIfUnsaved();
    this.#openUnsaved(parsed.scenario);
    const migrated = parsed.migratedFrom ? { zh: `（由第 ${parsed.migratedFrom} 版格式转换）`, en: ` (converted from format version ${parsed.migratedFrom})` } : { zh: '', en: '' };
    this.#say('success', {
      zh: `已导入“${parsed.scenario.name}”${migrated.zh}，这是一个新的未保存情景。${kept ? `此前未保存的修改已另存为“${kept}”。` : ''}`,
      en: `Imported “${parsed.scenario.name}”${migrated.en} as a new, unsaved scenario.${kept ? ` Your unsaved changes were saved as “${kept}”.` : ''}`,
    });
    if (kept) await this.refresh();
    return [];
  }

  /** Imports a scenario file the planner chose (UTF-8 only; see `importText`). */
  async importFile(file: Blob & { name: string }): Promise<string[]> {
    const read = await readTextFile(file);
    if (!read.ok) {
      this.#say('error', { zh: `未导入“${file.name}”：文件不是 UTF-8 文本，已保存的情景未作任何改动。`, en: `“${file.name}” was not imported: it is not UTF-8 text; nothing saved was changed.` }, { details: [read.error] });
      return [read.error];
    }
    return this.importText(read.text, file.name);
  }

  /** Offers every saved scenario as one backup file (damaged records are named, not included). */
  async exportBackup(): Promise<boolean> {
    const r = await this.#store.exportRecords();
    if (!this.#stored(r, { zh: '导出全部情景', en: 'Exporting all scenarios' })) return false;
    const now = new Date();
    downloadText(backupToText(r.value.records, now.toISOString()), `民政规划情景备份-${stamp(now).slice(0, 10)}.json`, 'application/json;charset=utf-8');
    const n = r.value.records.length;
    const damaged = r.value.damaged.length;
    this.#say(damaged ? 'warning' : 'success', {
      zh: `已导出 ${n} 个情景的备份文件。${damaged ? `${damaged} 个已损坏的记录未能导出。` : ''}请把文件保存在浏览器以外（如单位的共享盘）。`,
      en: `Exported a backup of ${n} scenarios.${damaged ? ` ${damaged} damaged records could not be exported.` : ''} Keep the file outside the browser (e.g. on a shared drive).`,
    }, damaged ? { details: r.value.damaged.map((d) => d.problem ?? d.id) } : {});
    return true;
  }

  /** Reads a backup file and compares it with the saved scenarios; the planner then chooses (`applyRestore`). */
  async prepareRestore(file: Blob & { name: string }): Promise<boolean> {
    const read = await readTextFile(file);
    const parsed = read.ok ? parseBackup(read.text) : { ok: false as const, errors: [read.error] };
    if (!parsed.ok) {
      this.#say('error', { zh: `未能从“${file.name}”恢复：不是有效的备份文件，已保存的情景未作任何改动。`, en: `Nothing was restored from “${file.name}”: it is not a valid backup; nothing saved was changed.` }, { details: parsed.errors });
      return false;
    }
    const plan = await this.#store.planRestore(parsed.entries);
    if (!this.#stored(plan, { zh: '读取备份', en: 'Reading the backup' })) return false;
    this.#restoreEntries = parsed.entries;
    this.restorePlan = { fileName: file.name, items: plan.value, refused: parsed.refused };
    return true;
  }

  /** Restores the backup read by `prepareRestore`; scenarios whose id holds another version are copied, replaced or skipped as chosen. */
  async applyRestore(differs: 'copy' | 'replace' | 'skip'): Promise<boolean> {
    const plan = this.restorePlan;
    if (!plan) return false;
    const r = await this.#store.restore(this.#restoreEntries, differs);
    if (!this.#stored(r, { zh: '从备份恢复', en: 'Restoring the backup' })) return false;
    this.restorePlan = null;
    this.#restoreEntries = [];
    const count = (k: string) => r.value.filter((d) => d.done === k).length;
    this.#say('success', {
      zh: `已从“${plan.fileName}”恢复：新增 ${count('added')} 个，另存为副本 ${count('copied')} 个，覆盖 ${count('replaced')} 个，跳过 ${count('skipped')} 个${plan.refused.length ? `；${plan.refused.length} 个无效未恢复` : ''}。`,
      en: `Restored from “${plan.fileName}”: ${count('added')} added, ${count('copied')} saved as copies, ${count('replaced')} replaced, ${count('skipped')} skipped${plan.refused.length ? `; ${plan.refused.length} invalid, not restored` : ''}.`,
    }, plan.refused.length ? { details: plan.refused.flatMap((x) => x.errors) } : {});
    this.#announce({ type: 'library-changed' });
    if (this.currentId !== null && r.value.some((d) => d.id === this.currentId && d.done === 'replaced')) {
      const back = await this.#store.load(this.currentId);
      if (back.ok) this.#conflicted({ id: this.currentId, current: back.value.item });
    }
    await this.refresh();
    return true;
  }

  /** Forgets a backup read but not restored. */
  cancelRestore(): void {
    this.restorePlan = null;
    this.#restoreEntries = [];
  }

  /**
   * Opens a preset as a new unsaved scenario; unsaved work in the page is first kept in the
   * library, so choosing a preset never loses anything.
   */
  async openPreset(scenario: Scenario, label: { zh: string; en: string }): Promise<void> {
    const kept = await this.#keepCurrentIfUnsaved();
    this.#openUnsaved(scenario);
    this.#say('success', {
      zh: `已打开预设情景“${label.zh}”（未保存）。${kept ? `此前未保存的修改已另存为“${kept}”。` : ''}`,
      en: `Opened the preset “${label.en}” (unsaved).${kept ? ` Your unsaved changes were saved as “${kept}”.` : ''}`,
    });
    if (kept) await this.refresh();
  }

  /** The scenario as JSON text, or null (with a notice) when it does not validate. */
  scenarioJson(): string | null {
    try {
      return serializeScenario(this.#scenario);
    } catch (e) {
      const errors = e instanceof ScenarioValidationError ? e.errors : [String(e)];
      this.#say('error', { zh: '情景数据有误，无法导出：', en: 'The scenario has errors and cannot be exported:' }, { details: errors });
      return null;
    }
  }

  /** Offers the scenario as a JSON file. */
  exportJson(): void {
    const text = this.scenarioJson();
    if (text !== null) downloadText(text, `${safeFileName(this.currentName)}.json`, 'application/json;charset=utf-8');
  }

  /**
   * Offers the work as a JSON file even when it breaks the schema (autosave stopped): nothing is
   * lost, though the file must be corrected before it imports again (its name says so).
   */
  exportUnchecked(): void {
    downloadText(`${JSON.stringify(this.#scenario, null, 2)}\n`, `${safeFileName(this.currentName)}-未校验.json`, 'application/json;charset=utf-8');
  }

  /** Offers the results as a CSV file in the interface language: scenario, projection, changed parameters, verdicts. */
  /** The results CSV (its writer and papaparse load on first use). */
  async exportCsv(): Promise<void> {
    const result = this.#sim?.result;
    if (!result) {
      this.#say('warning', { zh: '结果尚未计算完成，请稍候再导出。', en: 'The results are not ready yet; try again in a moment.' });
      return;
    }
    const lang = i18n.lang;
    const { resultsReportCsv } = await import('../../io/results-report-csv.ts');
    const csv = resultsReportCsv({ lang, scenario: $state.snapshot(this.#scenario) as Scenario, result, variables: variablesOf(this.#scenario), parameters: modules.flatMap((m) => m.parameters), monteCarlo: uncertainty.enabled ? uncertainty.summary : null });
    downloadText(csv, `${safeFileName(scenarioName(this.#scenario, lang))}-${lang === 'zh' ? '结果' : 'results'}.csv`, 'text/csv;charset=utf-8');
  }

  /** The share link of the scenario (the whole scenario in `#s=…`), or null when it does not validate. */
  async shareUrl(): Promise<string | null> {
    // The packer (lz-string) loads on first use, not with the page.
    const { encodeScenarioToFragment } = await import('../../io/share-link.ts');
    try {
      const fragment = encodeScenarioToFragment(this.#scenario);
      return `${location.origin}${location.pathname}${location.search}${fragment}`;
    } catch (e) {
      const errors = e instanceof ScenarioValidationError ? e.errors : [String(e)];
      this.#say('error', { zh: '情景数据有误，无法生成链接：', en: 'The scenario has errors; no link was made:' }, { details: errors });
      return null;
    }
  }

  /** Clears the notice. */
  dismiss(): void {
    this.notice = null;
  }
}

let library: ScenarioLibrary | undefined;

/** The page's single library (created on first use, in the browser only). */
export function scenarioLibrary(): ScenarioLibrary {
  library ??= new ScenarioLibrary();
  return library;
}
