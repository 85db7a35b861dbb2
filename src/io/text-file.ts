/**
 * Bytes of a file the planner gives us, turned into text only when they are UTF-8: a file in
 * another encoding (GBK/GB18030 is what Excel writes on Chinese Windows) is refused with a
 * message instead of reading with replacement characters where the Chinese was. The page and
 * the CLI read every scenario, CSV and backup file through here.
 */

/** Largest file read, in bytes: a scenario is at most 5 million characters (see migrate.ts). */
export const MAX_FILE_BYTES = 20_000_000;

/** Text, or why the bytes are not read. */
export type DecodedText = { ok: true; text: string } | { ok: false; error: string };

interface Utf8Decoder {
  decode(bytes: Uint8Array): string;
}
// TextDecoder exists in every browser and in Node; the engine's tsconfig has no DOM types.
const Decoder = (globalThis as unknown as { TextDecoder: new (label: string, options?: { fatal?: boolean }) => Utf8Decoder }).TextDecoder;
const strict = new Decoder('utf-8', { fatal: true });
const lenient = new Decoder('utf-8');

/** The line (1-based) of the first byte sequence that is not UTF-8. */
function firstBadLine(bytes: Uint8Array): number {
  const text = lenient.decode(bytes);
  const at = text.indexOf('\uFFFD');
  let line = 1;
  for (let i = 0; i < at; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Decodes UTF-8 (a BOM is kept for the parsers to drop); refuses other encodings and oversized input. */
export function decodeUtf8(bytes: Uint8Array, name = 'the file'): DecodedText {
  if (bytes.length > MAX_FILE_BYTES) {
    return { ok: false, error: `${name} is too large (${bytes.length} bytes, at most ${MAX_FILE_BYTES})` };
  }
  try {
    return { ok: true, text: strict.decode(bytes) };
  } catch {
    return {
      ok: false,
      error: `${name} is not UTF-8 text (line ${firstBadLine(bytes)} holds bytes that are not UTF-8; GBK/GB18030, as Excel saves on Chinese Windows, is not read): save it as UTF-8 (Excel: "CSV UTF-8"; WPS: encoding UTF-8) and try again`,
    };
  }
}
