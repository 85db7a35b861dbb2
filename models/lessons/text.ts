/** A text in both languages, for the lesson modules. */
import type { Text } from '../types.ts';

/** Chinese first, English second. */
export const t = (zh: string, en: string): Text => ({ zh, en });
