/**
 * "Explain this number" as a Svelte context: the app provides the opener once, and any chart
 * or table below it can open the explanation of a variable in a year without prop drilling.
 */
import { getContext, setContext } from 'svelte';

const KEY = Symbol('explain');

/** Opens "explain this number" for a variable in a year. */
export type ExplainOpener = (id: string, year: number) => void;

/** Provides the opener to every component below the caller. */
export function provideExplain(open: ExplainOpener): void {
  setContext(KEY, open);
}

/** The opener provided above, or undefined outside the app (e.g. in isolated component tests). */
export function useExplain(): ExplainOpener | undefined {
  return getContext<ExplainOpener | undefined>(KEY);
}
