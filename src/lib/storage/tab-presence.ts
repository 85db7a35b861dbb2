/**
 * This tab among the app's open tabs, so that each keeps its own draft and a tab that crashed
 * or was closed can be told from one still open. A tab's id lives in sessionStorage (it
 * survives a reload of that tab, and a restored session) and is held as a Web Lock for as long
 * as the tab lives: a lock nobody holds marks a draft whose tab is gone. A duplicated tab finds
 * its copied id held and takes a new one. Saves are announced to the other tabs on a
 * BroadcastChannel. Both have in-memory versions for tests.
 */

/** The tab's identity and what it knows of the others. */
export interface TabPresence {
  /** This tab's id (changes once if it adopts a closed tab's draft). */
  readonly id: string;
  /** Claims this tab's id (a new one when another open tab holds it). Call once at start-up. */
  start(): Promise<void>;
  /** Ids of the tabs open now, or null when the browser cannot tell (no Web Locks). */
  live(): Promise<ReadonlySet<string> | null>;
  /** Takes over the id of a tab that is gone (its draft becomes this tab's); false when another tab did first. */
  adopt(id: string): Promise<boolean>;
  /** Runs `fn` while no other tab of the app runs it (the start-up sweep of drafts). */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
}

/** What tabs tell each other. */
export type TabMessage =
  | { type: 'saved'; id: string; revision: number; name: string; from: string }
  | { type: 'deleted'; id: string; name: string; from: string }
  | { type: 'library-changed'; from: string };

/** A channel between the app's tabs. */
export interface TabChannel {
  post(message: TabMessage): void;
  listen(handler: (message: TabMessage) => void): void;
}

const ID_KEY = 'minzheng-planner:tab-id';
const LOCK_PREFIX = 'minzheng-planner:tab:';
const SWEEP_LOCK = 'minzheng-planner:draft-sweep';
const CHANNEL = 'minzheng-planner';

function newTabId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  return c?.randomUUID ? c.randomUUID() : `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

function session(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null; // sandboxed frames throw on access
  }
}

/** The browser's tab presence: sessionStorage for the id, Web Locks for who is alive. */
export class BrowserTabPresence implements TabPresence {
  id: string;
  readonly #release = new Map<string, () => void>();

  constructor() {
    this.id = session()?.getItem(ID_KEY) ?? newTabId();
  }

  get #locks(): LockManager | undefined {
    return typeof navigator === 'undefined' ? undefined : navigator.locks;
  }

  /**
   * Holds the lock of `id` until released; false when another tab holds it. With `waitMs`, waits
   * that long for it first: the previous page of this same tab (a reload) may still be letting go.
   */
  #hold(id: string, waitMs = 0): Promise<boolean> {
    const locks = this.#locks;
    if (!locks) return Promise.resolve(true);
    const abort = waitMs > 0 && typeof AbortController !== 'undefined' ? new AbortController() : null;
    const timer = abort ? setTimeout(() => abort.abort(), waitMs) : undefined;
    return new Promise<boolean>((resolve) => {
      const options: LockOptions = abort ? { signal: abort.signal } : { ifAvailable: true };
      locks
        .request(`${LOCK_PREFIX}${id}`, options, (lock) => {
          clearTimeout(timer);
          if (!lock) {
            resolve(false);
            return undefined;
          }
          resolve(true);
          return new Promise<void>((release) => this.#release.set(id, release));
        })
        .catch(() => {
          clearTimeout(timer);
          // Aborted: another open tab (a duplicate of this one) holds the id.
          resolve(abort?.signal.aborted ? false : true);
        });
    });
  }

  #remember(): void {
    try {
      session()?.setItem(ID_KEY, this.id);
    } catch {
      // Without sessionStorage a reload starts as a new tab; its draft is then found as an orphan.
    }
  }

  async start(): Promise<void> {
    if (!(await this.#hold(this.id, 1500))) {
      this.id = newTabId();
      await this.#hold(this.id);
    }
    this.#remember();
  }

  async live(): Promise<ReadonlySet<string> | null> {
    const locks = this.#locks;
    if (!locks?.query) return null;
    try {
      const { held = [] } = await locks.query();
      return new Set(held.map((l) => l.name ?? '').filter((n) => n.startsWith(LOCK_PREFIX)).map((n) => n.slice(LOCK_PREFIX.length)));
    } catch {
      return null;
    }
  }

  async adopt(id: string): Promise<boolean> {
    if (!(await this.#hold(id))) return false;
    this.#release.get(this.id)?.();
    this.#release.delete(this.id);
    this.id = id;
    this.#remember();
    return true;
  }

  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const locks = this.#locks;
    return locks ? (locks.request(SWEEP_LOCK, () => fn()) as Promise<T>) : fn();
  }
}

/** The browser's channel between tabs (none where BroadcastChannel is missing). */
export function browserTabChannel(): TabChannel {
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
  return {
    post: (message) => channel?.postMessage(message),
    listen: (handler) => channel?.addEventListener('message', (e: MessageEvent<TabMessage>) => handler(e.data)),
  };
}

/**
 * Tabs of one pretend browser, for tests: `tab()` opens one, `close(tab)` ends it as a crash
 * would (its lock is gone, its draft stays), `channel()` joins the shared channel.
 */
export function memoryTabs() {
  const held = new Set<string>();
  const listeners = new Set<(m: TabMessage) => void>();
  let queue: Promise<unknown> = Promise.resolve();
  let next = 0;
  return {
    tab(id = `tab${++next}`): TabPresence {
      const t = {
        id,
        async start() {
          if (held.has(t.id)) t.id = `tab${++next}`;
          held.add(t.id);
        },
        async live() {
          return new Set(held);
        },
        async adopt(other: string) {
          if (held.has(other)) return false;
          held.delete(t.id);
          held.add(other);
          t.id = other;
          return true;
        },
        exclusive<T>(fn: () => Promise<T>): Promise<T> {
          const run = queue.then(fn, fn);
          queue = run.catch(() => undefined);
          return run;
        },
      };
      return t;
    },
    close(tab: TabPresence): void {
      held.delete(tab.id);
    },
    channel(): TabChannel {
      let mine: ((m: TabMessage) => void) | null = null;
      return {
        // A copy, as BroadcastChannel delivers; JSON because Chromium 86 has no structuredClone.
        post: (m) => queueMicrotask(() => listeners.forEach((l) => l !== mine && l(JSON.parse(JSON.stringify(m)) as TabMessage))),
        listen: (h) => {
          mine = h;
          listeners.add(h);
        },
      };
    },
  };
}
