/**
 * What the service worker precaches is everything the app needs offline: a lazily loaded view,
 * the engine worker or a stylesheet missing from the list would fail only when the network is
 * off. Runs after `npm run build`, with the e2e suite.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';

/** The URLs in the generated service worker's precache manifest. */
function precached(): string[] {
  const sw = readFileSync('dist/sw.js', 'utf8');
  const call = sw.match(/precacheAndRoute\(\[(.*?)\]/s);
  if (!call) throw new Error('dist/sw.js has no precacheAndRoute([...])');
  return [...call[1].matchAll(/url:\s*"([^"]+)"/g)].map((m) => m[1]);
}

describe('the precache manifest of the built service worker', () => {
  const list = precached();

  it('lists every file in dist/assets: each view chunk, the engine worker, the CSS', () => {
    const assets = readdirSync('dist/assets').map((f) => `assets/${f}`);
    expect(assets.some((f) => /engine\.worker-.*\.js$/.test(f))).toBe(true);
    expect(assets.filter((f) => /-view-.*\.js$/.test(f)).length).toBeGreaterThanOrEqual(8);
    expect(assets.filter((f) => !list.includes(f))).toEqual([]);
  });

  it('lists the page, the manifest, the icons and every other file of dist/ but the service worker itself', () => {
    const top = readdirSync('dist', { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => `${d.parentPath.replace(/^dist\/?/, '')}/${d.name}`.replace(/^\//, ''))
      .filter((f) => !f.startsWith('assets/') && f !== 'sw.js' && !/^workbox-[\w-]+\.js$/.test(f));
    expect(top).toEqual(expect.arrayContaining(['index.html', 'manifest.webmanifest', 'favicon.svg', 'icons/icon-192.png', 'icons/icon-512.png']));
    expect(top.filter((f) => !list.includes(f))).toEqual([]);
  });

  it('lists only files that exist', () => {
    expect(list.filter((f) => !existsSync(`dist/${f}`))).toEqual([]);
  });

  it('points the manifest at real PNG icons of the sizes it claims', () => {
    const manifest = JSON.parse(readFileSync('dist/manifest.webmanifest', 'utf8')) as { icons: { src: string; sizes: string; purpose?: string }[]; start_url: string; display: string };
    expect(manifest.display).toBe('standalone');
    expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);
    for (const icon of manifest.icons) {
      const png = readFileSync(`dist/${icon.src}`);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      // Width and height, big-endian, in the IHDR chunk.
      expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`).toBe(icon.sizes);
    }
  });
});
