/**
 * A component loaded on first need instead of with the page: the first chart does not wait for
 * it (the initial bundle stays small), and every place that shows it shares one load.
 */
export interface LazyComponent<T> {
  /** The component once loaded, else null. */
  readonly current: T | null;
  /** Starts the load (once); resolves when the component is there. */
  load(): Promise<T>;
}

export function lazyComponent<T>(importer: () => Promise<{ default: T }>): LazyComponent<T> {
  const state = $state<{ c: T | null }>({ c: null });
  let pending: Promise<T> | null = null;
  return {
    get current() {
      return state.c;
    },
    load() {
      pending ??= importer().then((m) => (state.c = m.default));
      return pending;
    },
  };
}
