/**
 * The keys of the URL fragment that carry a scenario or a lesson, and the check for one. Apart
 * from share-link.ts (which packs with lz-string), so the page can look at its URL without
 * loading the packer.
 */

/** The fragment key that holds the scenario. */
export const SHARE_KEY = 's';
/** The fragment key that holds a lesson (see lesson-link.ts). */
export const LESSON_KEY = 'lesson';

/** True when a fragment (or URL) carries `key=`. */
export function hasFragmentKey(hash: string, key: string): boolean {
  const at = hash.indexOf('#');
  return (at >= 0 ? hash.slice(at + 1) : hash).split('&').some((p) => p.startsWith(`${key}=`));
}
