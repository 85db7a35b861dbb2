/**
 * The header's "Present" button asks for the presentation view; the lesson view (loaded on
 * demand) answers it. Also tells the app at start-up to open the lesson view: for a shared
 * lesson link (`#lesson=…`) or a presentation under way before a reload.
 */
// The share-link module, not the lesson link: the app shell should not load the lesson schema.
import { hasFragmentKey, LESSON_KEY } from '../../io/fragment-keys.ts';

/** The sessionStorage key of the lesson open in this tab (see lesson-session.svelte.ts). */
export const ACTIVE_LESSON_KEY = 'lesson-active';

/** A pending request to present (set by the header, cleared by the lesson view). */
export const presentationRequest = $state({ pending: false });

/** True when this tab was presenting a lesson before the reload. */
function wasPresenting(): boolean {
  try {
    return (JSON.parse(sessionStorage.getItem(ACTIVE_LESSON_KEY) ?? 'null') as { presenting?: boolean } | null)?.presenting === true;
  } catch {
    return false;
  }
}

/** True when the page should open on the lesson view. */
export function opensOnLessons(): boolean {
  if (typeof location === 'undefined') return false;
  return hasFragmentKey(location.hash, LESSON_KEY) || wasPresenting();
}
