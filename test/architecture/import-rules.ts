/**
 * The direction of imports, as rules a test checks: models ← engine ← io ← worker, cli ← page.
 * A file's layer comes from its folder; it may import its own layer and the layers below it.
 * Read with TypeScript's own pre-processor, so `import type`, `export … from`, dynamic
 * `import()` and worker URLs (`new URL('./x.ts', import.meta.url)`) all count.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/** The layers, bottom first. */
export type Layer = 'models' | 'engine' | 'io' | 'worker' | 'cli' | 'page';

/** What each layer may import (its own layer included). `worker` and `cli` are siblings. */
export const ALLOWED: Readonly<Record<Layer, readonly Layer[]>> = {
  models: ['models'],
  engine: ['models', 'engine'],
  io: ['models', 'engine', 'io'],
  worker: ['models', 'engine', 'io', 'worker'],
  cli: ['models', 'engine', 'io', 'cli'],
  page: ['models', 'engine', 'io', 'worker', 'page'],
};

/** Packages that belong to the page or the worker: the pure layers may not use them. */
export const PAGE_PACKAGES: Readonly<Record<Layer, readonly string[]>> = {
  models: ['svelte', 'chart.js', 'idb-keyval', 'comlink', 'mathjs', 'valibot', 'papaparse', 'lz-string', 'node:'],
  engine: ['svelte', 'chart.js', 'idb-keyval', 'comlink', 'node:'],
  io: ['svelte', 'chart.js', 'idb-keyval', 'comlink', 'node:'],
  worker: ['svelte', 'chart.js', 'idb-keyval', 'node:'],
  cli: ['svelte', 'chart.js', 'idb-keyval', 'comlink'],
  page: ['node:'],
};

/** The layer of a file, from its path relative to the project root (posix separators). */
export function layerOf(path: string): Layer | null {
  if (path.startsWith('models/')) return 'models';
  if (path.startsWith('src/engine/')) return 'engine';
  if (path.startsWith('src/io/')) return 'io';
  if (path.startsWith('src/worker/')) return 'worker';
  if (path.startsWith('src/cli/')) return 'cli';
  if (path.startsWith('src/')) return 'page';
  return null;
}

/** The script of a Svelte component (instance and module scripts), or the text itself. */
function scriptOf(path: string, text: string): string {
  if (!path.endsWith('.svelte')) return text;
  return [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
}

/** Every module specifier a file imports (static, dynamic, re-exports, worker URLs). */
export function specifiersOf(path: string, text: string): string[] {
  const script = scriptOf(path, text);
  const found = ts.preProcessFile(script, true, true).importedFiles.map((f) => f.fileName);
  for (const m of script.matchAll(/new\s+URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g)) found.push(m[1]);
  return found;
}

/** One import against the direction. */
export interface Violation {
  file: string;
  imports: string;
  rule: string;
}

/** Checks one file's imports; `file` is relative to the root, with posix separators. */
export function checkFile(file: string, text: string): Violation[] {
  const layer = layerOf(file);
  if (!layer) return [];
  const out: Violation[] = [];
  for (const spec of specifiersOf(file, text)) {
    if (spec.startsWith('.')) {
      const target = posix.normalize(posix.join(posix.dirname(file), spec));
      if (target.startsWith('test/') || target.startsWith('../')) {
        out.push({ file, imports: spec, rule: `${layer} may not import from outside models/ and src/ (${target})` });
        continue;
      }
      const to = layerOf(target);
      if (to && !ALLOWED[layer].includes(to)) {
        out.push({ file, imports: spec, rule: `${layer} may not import ${to} (${target}); allowed: ${ALLOWED[layer].join(', ')}` });
      }
    } else if (PAGE_PACKAGES[layer].some((p) => spec === p || spec.startsWith(p.endsWith(':') ? p : `${p}/`))) {
      out.push({ file, imports: spec, rule: `${layer} may not use the package ${spec}` });
    }
  }
  return out;
}

/** Every .ts and .svelte file under `dir` (recursively). */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|svelte)$/.test(name)) out.push(p);
  }
  return out;
}

/** Checks every source file of the project under `root`. */
export function checkProject(root: string): { files: number; violations: Violation[] } {
  const files = [...sourceFiles(resolve(root, 'models')), ...sourceFiles(resolve(root, 'src'))];
  const violations = files.flatMap((abs) => {
    const rel = relative(root, abs).split(sep).join('/');
    return checkFile(rel, readFileSync(abs, 'utf8'));
  });
  return { files: files.length, violations };
}

