import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { checkFile, checkProject, layerOf, specifiersOf } from './import-rules.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('imports point one way: models ← engine ← io ← worker, cli ← page', () => {
  it('holds for every file of models/ and src/', () => {
    const { files, violations } = checkProject(root);
    expect(files).toBeGreaterThan(100);
    expect(violations.map((v) => `${v.file}: ${v.imports} — ${v.rule}`)).toEqual([]);
  });

  it('knows each folder’s layer', () => {
    expect(layerOf('models/presets/sanmen-14th.ts')).toBe('models');
    expect(layerOf('src/engine/scenario/schema.ts')).toBe('engine');
    expect(layerOf('src/io/results-csv.ts')).toBe('io');
    expect(layerOf('src/worker/pool.ts')).toBe('worker');
    expect(layerOf('src/cli/run-cli.ts')).toBe('cli');
    expect(layerOf('src/lib/views/beds-view.svelte')).toBe('page');
    expect(layerOf('src/app.svelte')).toBe('page');
    expect(layerOf('test/engine/beds.test.ts')).toBeNull();
  });

  it('reads type imports, re-exports, dynamic imports, worker URLs and Svelte scripts', () => {
    const text = [
      "import type { A } from './a.ts';",
      "export { B } from '../b.ts';",
      "const C = () => import('./c.ts');",
      "new Worker(new URL('./d.worker.ts', import.meta.url), { type: 'module' });",
    ].join('\n');
    expect(specifiersOf('src/x.ts', text)).toEqual(['./a.ts', '../b.ts', './c.ts', './d.worker.ts']);
    const svelte = "<script lang=\"ts\">\n  import X from '../../worker/pool.ts';\n</script>\n<p>import Y from 'nowhere'</p>";
    expect(specifiersOf('src/lib/x.svelte', svelte)).toEqual(['../../worker/pool.ts']);
  });

  it('refuses each kind of import against the direction (the check can fail)', () => {
    const bad: [string, string][] = [
      ['models/presets/p.ts', "import type { Scenario } from '../../src/engine/types.ts';"],
      ['src/engine/x.ts', "import { resultsToCsv } from '../io/results-csv.ts';"],
      ['src/engine/x.ts', "import { enginePool } from '../lib/engine-client.ts';"],
      ['src/engine/x.ts', "import { pool } from '../worker/pool.ts';"],
      ['src/engine/x.ts', "import { runCli } from '../cli/run-cli.ts';"],
      ['src/engine/x.ts', "import App from '../app.svelte';"],
      ['src/io/x.ts', "import { pool } from '../worker/pool.ts';"],
      ['src/worker/x.ts', "import { resultsToCsv } from '../lib/export/download.ts';"],
      ['src/cli/x.ts', "import { t } from '../lib/i18n.svelte.ts';"],
      ['src/cli/x.ts', "import { EnginePool } from '../worker/pool.ts';"],
      ['src/worker/x.ts', "import { runCli } from '../cli/run-cli.ts';"],
      ['src/engine/x.ts', "import { readFileSync } from 'node:fs';"],
      ['src/engine/x.ts', "import { mount } from 'svelte';"],
      ['models/x.ts', "import { fake } from '../test/fixtures/x.ts';"],
    ];
    for (const [file, text] of bad) expect(checkFile(file, text), `${file}: ${text}`).toHaveLength(1);
  });

  it('allows imports down the layers', () => {
    const good: [string, string][] = [
      ['src/engine/x.ts', "import type { ParameterDef } from '../../models/types.ts';"],
      ['src/io/x.ts', "import { parseScenario } from '../engine/scenario/migrate.ts';"],
      ['src/cli/x.ts', "import { resultsToCsv } from '../io/results-csv.ts';"],
      ['src/worker/x.ts', "import { defaultProjector } from '../engine/default-model.ts';"],
      ['src/lib/x.ts', "import { EnginePool } from '../worker/pool.ts';"],
      ['src/cli/x.ts', "import { readFileSync } from 'node:fs';"],
      ['src/engine/x.ts', "import { create } from 'mathjs';"],
    ];
    for (const [file, text] of good) expect(checkFile(file, text), `${file}: ${text}`).toEqual([]);
  });
});
