/**
 * `npm run bench`: prints one figure a line as `name: value` (unit in the name).
 * Run after `npm run build` (the npm script does it) so the bundle and browser figures are real.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { preview } from 'vite';
import { defaultProjector } from '../../src/engine/default-model.ts';
import { defaultScenario } from '../../models/presets/index.ts';
import { parseScenario } from '../../src/engine/scenario/migrate.ts';
import { launchChromium, measureDrag, measureSliderLatency, openApp, percentile, throttleCpu } from '../e2e/browser.ts';
import { median, timeRuns } from './timing.ts';
import { benchMonteCarloBrowser } from './monte-carlo-browser.bench.ts';
import { encodeScenarioToFragment } from '../../src/io/share-link.ts';
import { split } from '../engine/districts/helpers.ts';

const print = (name: string, value: number, digits = 3) => console.log(`${name}: ${value.toFixed(digits)}`);

/** Tai'an split into ten districts of different sizes and ages (the speed goal of issue 19). */
function tenDistricts() {
  return split('taian-14th', Array.from({ length: 10 }, (_, i) => ({ name: `区县${i + 1}`, share: (i + 1) / 55, old: 0.8 + 0.05 * i })));
}

function scenario() {
  const parsed = parseScenario(defaultScenario());
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.scenario;
}

async function benchEngine() {
  const projector = defaultProjector();
  const s = scenario();
  const runs = timeRuns(() => projector.run(s), 300, 2000);
  print('projection_full_median_ms', median(runs));
  print('projection_years', s.endYear - s.baseYear, 0);
  const ten = tenDistricts();
  print('projection_10_districts_median_ms', median(timeRuns(() => projector.run(ten), 50, 2000)));
  const optional = [
    ['./population.bench.ts', 'benchPopulation'],
    ['./goal-seek.bench.ts', 'benchGoalSeek'],
    ['./monte-carlo.bench.ts', 'benchMonteCarlo'],
    ['./cheapest-mix.bench.ts', 'benchCheapestMix'],
  ] as const;
  for (const [file, fn] of optional) {
    if (!existsSync(join(import.meta.dirname, file))) continue;
    const mod = (await import(file)) as Record<string, (...a: unknown[]) => { name: string; value: number }[] | Promise<{ name: string; value: number }[]>>;
    for (const r of await mod[fn](projector, s)) print(r.name, r.value);
  }
}

function benchBundle() {
  const html = readFileSync('dist/index.html', 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\.?\/?([^"]+\.js)"/g)].map((m) => m[1]);
  let initial = 0;
  for (const f of new Set(files)) initial += gzipSync(readFileSync(join('dist', f))).length;
  print('bundle_initial_js_gzip_kb', initial / 1024, 1);
  const worker = readdirSync('dist/assets').filter((f) => f.includes('worker')).reduce((sum, f) => sum + gzipSync(readFileSync(join('dist/assets', f))).length, 0);
  print('bundle_worker_js_gzip_kb', worker / 1024, 1);
}

async function benchBrowser() {
  const server = await preview({ preview: { port: 4189, host: '127.0.0.1', open: false }, logLevel: 'error' });
  const browser = await launchChromium();
  try {
    const errors: string[] = [];
    const page = await openApp(browser, `${server.resolvedUrls!.local[0]}?lang=zh`, errors);
    await measureSliderLatency(page, 'tfr_end', 10);
    const lat = await measureSliderLatency(page, 'tfr_end', 100);
    print('slider_update_p95_ms', percentile(lat, 95), 1);
    print('slider_update_median_ms', percentile(lat, 50), 1);
    const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
    if (heap) print('page_js_heap_mb', heap / 2 ** 20, 1);

    // A slow office PC: the page's CPU throttled 4×.
    const unthrottle = await throttleCpu(page, 4);
    await measureSliderLatency(page, 'tfr_end', 5);
    const slow = await measureSliderLatency(page, 'tfr_end', 40);
    print('slider_update_p95_throttled4x_ms', percentile(slow, 95), 1);
    const drags = [];
    for (let i = 0; i < 5; i++) drags.push(await measureDrag(page, 'tfr_end', 30, 16));
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    print('drag_30_events_throttled4x_ms', med(drags.map((d) => d.handledMs)), 0);
    print('drag_settle_throttled4x_ms', med(drags.map((d) => d.settleMs)), 0);
    print('drag_redraws_throttled4x', med(drags.map((d) => d.redraws)), 0);
    await unthrottle();
    for (const r of await benchMonteCarloBrowser(browser, server.resolvedUrls!.local[0])) print(r.name, r.value, 1);
    await page.close();

    // Ten districts, opened from a share link: each move projects ten districts and rolls them up in the worker.
    const city = await openApp(browser, `${server.resolvedUrls!.local[0]}?lang=zh${encodeScenarioToFragment(tenDistricts())}`, errors);
    await measureSliderLatency(city, 'tfr_end', 10);
    const latCity = await measureSliderLatency(city, 'tfr_end', 100);
    print('slider_update_p95_10_districts_ms', percentile(latCity, 95), 1);
    print('slider_update_median_10_districts_ms', percentile(latCity, 50), 1);
  } finally {
    await browser.close();
    await server.close();
  }
}

await benchEngine();
benchBundle();
await benchBrowser();
