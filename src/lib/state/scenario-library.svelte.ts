/**
 * The page's saved scenarios: the list, save / save as / open / rename / duplicate / delete
 * with undo, autosave of the work in progress (restored on reopen), import and export (JSON,
 * CSV, share link). Wraps `ScenarioStore` over IndexedDB. A storage failure never loses work:
 * the scenario stays in memory and the page offers to export it as a file. Work about to be
 * replaced (opening, importing, a shared link) is kept as a saved scenario when it was unsaved.
 */
import type { Text } from '../../../models/types.ts';
import { modules } from '../../../models/index.ts';
import { defaultScenario } from '../../../models/presets/index.ts';
import { parseScenario, ScenarioValidationError, serializeScenario } from '../../engine/scenario/migrate.ts';
import { checkParameterRanges, type Scenario } from '../../engine/scenario/schema.ts';
import { resultRows } from '../../engine/result-json.ts';
import { resultsToCsv } from '../../io/results-csv.ts';
import { downloadText } from '../export/download.ts';
import { decodeScenarioFromFragment, encodeScenarioToFragment, SHARE_KEY } from '../../io/share-link.ts';
import { i18n } from '../i18n.svelte.ts';
import { summaryLine } from '../scenario-summary.ts';
import { idbBackend, ScenarioStore, type Draft, type KeyValueBackend, type ScenarioListItem, type StoreError, type StoreResult } from '../storage/scenario-store.ts';
import { variablesOf } from '../variables.ts';
import type { ScenarioState } from './app-state.svelte.ts';

/** A message for the planner; `action` adds a button (undo a delete, export the work). */
export interface LibraryNotice {
  kind: 'info' | 'success' | 'warning' | 'error';
  text: Text;
  details?: string[];
  action?: 'undo' | 'export';
}

/** How long after the last change the work in progress is autosaved (ms). */
export const AUTOSAVE_DELAY_MS = 600;

const PARAMS = modules.flatMap((m) => m.parameters);

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

/** The planner-facing explanation of a storage failure, by kind. */
function storageText(error: StoreError): Text {
  switch (error.kind) {
    case 'quota':
      return { zh: '浏览器存储空间已满，未能写入。', en: 'Browser storage is full: nothing was written.' };
    case 'unavailable':
      return { zh: '浏览器存储不可用（隐私模式或已被阻止），未能写入。', en: 'Browser storage is unavailable (private mode or blocked): nothing was written.' };
    default:
      return { zh: '浏览器存储出错，未能写入。', en: 'Browser storage failed: nothing was written.' };
  }
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

  #store: ScenarioStore;
  #sim: ScenarioState | null = null;
  #savedText: string | null = null;
  #lastDraftText: string | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #deletedWasCurrent = false;

  constructor(backend: KeyValueBackend = idbBackend()) {
    this.#store = new ScenarioStore(backend, { timeoutMs: 5000 });
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
   * (the fragment is then removed); otherwise an autosaved draft is reopened. Then lists the
   * saved scenarios.
   */
  async init(sim: ScenarioState): Promise<void> {
    this.#sim = sim;
    const hash = typeof location === 'undefined' ? '' : location.hash;
    const shared = hash.includes(`${SHARE_KEY}=`);
    const draftResult = await this.#store.loadDraft();
    const draft = draftResult.ok ? draftResult.value : null;
    if (!draftResult.ok) {
      if (draftResult.error.kind === 'invalid-record') {
        this.#say('warning', { zh: '上次自动保存的草稿已损坏，未能恢复（已保留原数据）。', en: 'The autosaved draft is damaged and was not restored (its data was kept aside).' }, { details: draftResult.error.errors });
      } else this.#failed(draftResult.error, { zh: '读取自动保存的草稿', en: 'Reading the autosaved draft' });
    }

    if (shared) {
      history.replaceState(history.state, '', location.pathname + location.search);
      const decoded = decodeScenarioFromFragment(hash);
      if (decoded.ok) {
        const kept = draft ? await this.#keepDraftIfUnsaved(draft) : null;
        this.#openUnsaved(decoded.scenario);
        this.#say('info', {
          zh: `已从分享链接打开“${decoded.scenario.name}”，这是一个新的未保存情景；如需保留请点击“保存”。${kept ? `此前未保存的草稿已另存为“${kept}”。` : ''}`,
          en: `Opened “${decoded.scenario.name}” from a shared link as a new, unsaved scenario; click Save to keep it.${kept ? ` Your previous unsaved draft was saved as “${kept}”.` : ''}`,
        });
      } else {
        this.#say('error', { zh: '分享链接无法打开：', en: 'The shared link cannot be opened:' }, { details: decoded.errors });
        if (draft) await this.#restoreDraft(draft);
      }
    } else if (draft) {
      await this.#restoreDraft(draft);
    } else {
      this.#savedText = null;
      this.#lastDraftText = canonicalText(this.#scenario);
      this.dirty = false;
    }
    await this.refresh();
    this.ready = true;
  }

  async #restoreDraft(draft: Draft): Promise<void> {
    let sourceName: string | null = null;
    this.currentId = null;
    this.#savedText = null;
    if (draft.sourceId) {
      const source = await this.#store.load(draft.sourceId);
      if (source.ok) {
        this.currentId = draft.sourceId;
        this.#savedText = canonicalText(source.value.scenario);
        sourceName = source.value.item.name;
      }
    }
    this.#sim!.load(draft.scenario);
    const text = canonicalText(draft.scenario);
    this.#lastDraftText = text;
    this.draftSavedAt = draft.savedAt;
    this.dirty = this.#savedText !== text;
    const when = stamp(draft.savedAt);
    this.#say('info', sourceName
      ? { zh: `已恢复上次的工作（“${sourceName}”，自动保存于 ${when}）${this.dirty ? '，含未保存的修改' : ''}。`, en: `Restored your work in progress (“${sourceName}”, autosaved ${when})${this.dirty ? ', with unsaved changes' : ''}.` }
      : { zh: `已恢复上次未保存的工作（自动保存于 ${when}）。`, en: `Restored your unsaved work in progress (autosaved ${when}).` });
  }

  /** Keeps a draft about to be replaced as a saved scenario when it holds unsaved work; returns its name. */
  async #keepDraftIfUnsaved(draft: Draft): Promise<string | null> {
    const text = canonicalText(draft.scenario);
    if (text === canonicalText(defaultScenario())) return null;
    if (draft.sourceId) {
      const source = await this.#store.load(draft.sourceId);
      if (source.ok && canonicalText(source.value.scenario) === text) return null;
    }
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

  #openUnsaved(s: Scenario): void {
    this.currentId = null;
    this.#savedText = null;
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
    if (text === this.#lastDraftText) return;
    const r = await this.#store.saveDraft(s, { summary: this.#summary(), ...(this.currentId ? { sourceId: this.currentId } : {}) });
    if (r.ok) {
      this.#lastDraftText = text;
      this.draftSavedAt = r.value.savedAt;
      if (this.storageError) this.storageError = null;
    } else if (r.error.kind !== 'invalid-scenario') {
      // An invalid scenario (mid-edit) keeps the last good draft; a storage failure is shown once.
      if (this.storageError?.kind !== r.error.kind) this.#failed(r.error, { zh: '自动保存', en: 'Autosave' });
    }
  }

  /** Saves over the scenario being edited; returns false when it was never saved (ask for a name). */
  async save(): Promise<boolean> {
    if (this.currentId === null) return false;
    const r = await this.#store.save({ id: this.currentId, summary: this.#summary(), scenario: this.#scenario });
    if (!this.#stored(r, { zh: '保存', en: 'Save' })) return true;
    this.#afterSave(r.value.item.id, r.value.scenario);
    this.#say('success', { zh: `已保存“${r.value.item.name}”。`, en: `Saved “${r.value.item.name}”.` });
    await this.refresh();
    return true;
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
    this.#afterSave(r.value.item.id, r.value.scenario);
    this.#say('success', { zh: `已另存为“${trimmed}”。`, en: `Saved as “${trimmed}”.` });
    await this.refresh();
    return true;
  }

  #afterSave(id: string, saved: Scenario): void {
    const sim = this.#sim!;
    this.currentId = id;
    sim.scenario.name = saved.name;
    sim.scenario.meta = saved.meta;
    this.#savedText = canonicalText(saved);
    this.dirty = false;
    this.pendingUndo = null;
    void this.flushAutosave();
  }

  /** Opens a saved scenario (unsaved work in the page is first kept as a saved scenario). */
  async open(id: string): Promise<boolean> {
    const r = await this.#store.load(id);
    if (!this.#stored(r, { zh: '打开情景', en: 'Open scenario' })) return false;
    const kept = await this.#keepCurrentIfUnsaved();
    this.#sim!.load(r.value.scenario);
    this.currentId = id;
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
      this.#savedText = canonicalText(r.value.scenario);
    }
    this.pendingUndo = null;
    this.#say('success', { zh: `已重命名为“${trimmed}”。`, en: `Renamed to “${trimmed}”.` });
    await this.refresh();
    return true;
  }

  /** Copies a saved scenario under a new name. */
  async duplicate(id: string): Promise<boolean> {
    const r = await this.#store.duplicate(id);
    if (!this.#stored(r, { zh: '复制', en: 'Duplicate' })) return false;
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
    this.#deletedWasCurrent = id === this.currentId;
    if (this.#deletedWasCurrent) {
      // The work stays in the page, now as an unsaved scenario.
      this.currentId = null;
      this.#savedText = null;
      this.#lastDraftText = null;
      this.dirty = true;
      this.scheduleAutosave();
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
    if (item && this.#deletedWasCurrent && r.value.includes(item.id)) {
      this.currentId = item.id;
      const back = await this.#store.load(item.id);
      this.#savedText = back.ok ? canonicalText(back.value.scenario) : null;
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
    const parsed = parseScenario(text);
    const errors = parsed.ok ? checkParameterRanges(parsed.scenario, PARAMS).map((i) => i.message) : parsed.errors;
    if (!parsed.ok || errors.length > 0) {
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

  /** Offers the results as a CSV file (BOM, Chinese and English labels). */
  exportCsv(): void {
    const result = this.#sim?.result;
    if (!result) {
      this.#say('warning', { zh: '结果尚未计算完成，请稍候再导出。', en: 'The results are not ready yet; try again in a moment.' });
      return;
    }
    const csv = resultsToCsv({ years: result.years, rows: resultRows(variablesOf(this.#scenario), result) });
    downloadText(csv, `${safeFileName(this.currentName)}-结果.csv`, 'text/csv;charset=utf-8');
  }

  /** The share link of the scenario (the whole scenario in `#s=…`), or null when it does not validate. */
  shareUrl(): string | null {
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
