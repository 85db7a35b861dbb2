// One job: no browser or ES API newer than the browserslist entry in package.json (Chrome 86,
// the kernel of 360 Secure Browser 13). Syntax is checked on the built output by es-check
// (test/built/browser-target.test.ts). The CLI runs in Node, not a browser: not linted here.
import compat from 'eslint-plugin-compat';
import tsParser from '@typescript-eslint/parser';
import svelteParser from 'svelte-eslint-parser';

// eslint-plugin-compat sees globals and static members (structuredClone, Object.hasOwn), and
// with these settings also ES APIs and calls inside an `if`; instance methods need types it does
// not have, so the ones Chrome 86 lacks are named here with the version that brought them.
const settings = { lintAllEsApis: true, ignoreConditionalChecks: true };
const newerInstanceMethods = [
  ['at', 92],
  ['findLast', 97],
  ['findLastIndex', 97],
  ['toSorted', 110],
  ['toReversed', 110],
  ['toSpliced', 110],
  ['isWellFormed', 111],
  ['toWellFormed', 111],
  ['groupBy', 117],
  ['withResolvers', 119],
  ['fromAsync', 121],
].map(([property, chrome]) => ({ property, message: `needs Chrome ${chrome}; the app supports Chrome 86 (see package.json "browserslist")` }));
const rules = { 'compat/compat': 'error', 'no-restricted-properties': ['error', ...newerInstanceMethods] };

export default [
  { ignores: ['src/cli/**'] },
  { files: ['src/**/*.ts', 'models/**/*.ts'], languageOptions: { parser: tsParser }, plugins: { compat }, settings, rules },
  { files: ['src/**/*.svelte'], languageOptions: { parser: svelteParser, parserOptions: { parser: tsParser } }, plugins: { compat }, settings, rules },
];
