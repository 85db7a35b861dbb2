/**
 * Renders the app icons in public/icons/ from public/favicon.svg with Chromium, so the
 * installable app has real PNGs (192 and 512 px, a maskable 512 px with the mark inside the
 * safe zone, and a 180 px touch icon). Run: npx tsx tools/render-icons.ts
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { launchChromium } from '../test/e2e/browser.ts';

const svg = readFileSync('public/favicon.svg', 'utf8');
const RED = '#b22c2c';

/** [file, size, full-bleed background (maskable/opaque), share of the size the mark takes]. */
const ICONS: [string, number, boolean, number][] = [
  ['icon-192.png', 192, false, 1],
  ['icon-512.png', 512, false, 1],
  // Maskable: the platform crops to a circle or squircle; keep the mark within the inner 80 %.
  ['icon-maskable-512.png', 512, true, 0.72],
  ['apple-touch-icon-180.png', 180, true, 0.8],
];

mkdirSync('public/icons', { recursive: true });
const browser = await launchChromium();
for (const [file, size, bleed, share] of ICONS) {
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  const mark = Math.round(size * share);
  const body = `<body style="margin:0;width:${size}px;height:${size}px;display:flex;align-items:center;justify-content:center;background:${bleed ? RED : 'transparent'}">${svg.replace('<svg ', `<svg width="${mark}" height="${mark}" `)}</body>`;
  await page.setContent(body);
  await page.screenshot({ path: `public/icons/${file}`, omitBackground: !bleed });
  await page.close();
  console.log(`public/icons/${file} ${size}×${size}`);
}
await browser.close();
