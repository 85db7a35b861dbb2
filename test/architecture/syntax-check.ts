/**
 * The syntax check of the built JavaScript against Chromium 86 (360 Secure Browser 13), with
 * es-check. es-check maps `chrome >= 86` to ES2021, parses with the newest grammar, and reports
 * every newer feature it finds unless MDN's data say Chrome 86 has it... except that it also
 * reports any ES2022 feature by version alone. Chrome 86 has class fields, private fields and
 * private methods (Chrome 72–84), so `PrivateClassFields` is allowed by name; the rest of ES2022
 * (top-level await 89, `#x in obj` 91, `.at()` 92, `Object.hasOwn` and error cause 93, static
 * blocks 94) and everything later stays forbidden.
 */
import { runChecks } from 'es-check';

/** The browserslist query of package.json, which es-check resolves to browser versions. */
export const BROWSERS = 'chrome >= 86';

/** The files' problems, one line each ("file: message"); empty when they all pass. */
export async function syntaxProblems(files: string[]): Promise<string[]> {
  if (files.length === 0) throw new Error('no JavaScript files to check');
  const result = await runChecks([
    { files, module: true, checkFeatures: true, checkBrowser: true, browserslistQuery: BROWSERS, allowList: 'PrivateClassFields', cache: false },
  ]);
  return result.errors.map((e) => `${e.file}: ${e.err.message}`);
}
