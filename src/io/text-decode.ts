/**
 * Text files as planners save them: UTF-8 (with or without BOM), or — what Excel and WPS on a
 * Chinese Windows write when told "CSV" — GBK. Bytes that are not valid UTF-8 are read as
 * GB18030 (a superset of GBK), so Chinese headers survive either way.
 */

// TextDecoder is a web and Node global; src/io compiles without DOM types, so declare its shape.
declare const TextDecoder: new (label?: string, options?: { fatal?: boolean }) => { decode(bytes: Uint8Array): string };

/** Decodes the bytes of a text file (see the module comment). */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
