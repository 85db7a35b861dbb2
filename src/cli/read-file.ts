/** Reading the CLI's input file: regular files only, size capped, UTF-8 only (never a hang on a FIFO or /dev/zero). */
import { readFileSync, statSync } from 'node:fs';
import { decodeUtf8, MAX_FILE_BYTES } from '../io/text-file.ts';

/** Why a file was not read: a one-line message (without the "cannot read PATH:" lead). */
export class FileReadError extends Error {}

/** Reads the bytes of a regular file of at most MAX_FILE_BYTES; throws FileReadError or the fs error (with its `code`). */
export function readRegularFile(path: string): Uint8Array {
  const st = statSync(path);
  if (!st.isFile()) {
    const kind = st.isDirectory() ? 'a directory' : st.isFIFO() ? 'a pipe (FIFO)' : st.isCharacterDevice() || st.isBlockDevice() ? 'a device' : 'not a regular file';
    throw new FileReadError(`${kind}; give a file`);
  }
  if (st.size > MAX_FILE_BYTES) throw new FileReadError(`${st.size} bytes, at most ${MAX_FILE_BYTES}`);
  return new Uint8Array(readFileSync(path));
}

/** Reads a scenario file as text (UTF-8 only); throws FileReadError or the fs error (with its `code`). */
export function readScenarioFile(path: string): string {
  const decoded = decodeUtf8(readRegularFile(path), 'the file');
  if (!decoded.ok) throw new FileReadError(decoded.error);
  return decoded.text;
}
