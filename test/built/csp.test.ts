/**
 * The built page needs nothing its Content-Security-Policy forbids: no inline script in
 * index.html, and no eval-like code in any page chunk (only the engine worker compiles
 * equations with `new Function`). Runs after `npm run build`, with the e2e suite.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { CONTENT_SECURITY_POLICY } from '../../vite.config.ts';

const html = readFileSync('dist/index.html', 'utf8');

describe('the built page and its Content-Security-Policy', () => {
  it('carries the policy as a <meta> right after the charset, before any script or style', () => {
    const meta = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`;
    expect(html.indexOf(meta)).toBeGreaterThan(html.indexOf('<meta charset'));
    expect(html.indexOf(meta)).toBeLessThan(html.search(/<script|<link rel="(stylesheet|modulepreload)"/));
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self'( 'unsafe-eval')?;/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline/);
  });

  it('has no inline script or style, and no inline event handler', () => {
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(html).not.toMatch(/<style/);
    expect(html).not.toMatch(/\son[a-z]+=/);
  });

  it('has no eval, new Function or string timer in any page chunk; only the worker compiles code', () => {
    const sink = /(?<![\w$.])(?:eval\(|new Function\(|Function\(|set(?:Timeout|Interval)\(\s*[`'"])/;
    const found: string[] = [];
    for (const f of readdirSync('dist/assets').filter((x) => x.endsWith('.js'))) {
      if (sink.test(readFileSync(`dist/assets/${f}`, 'utf8'))) found.push(f);
    }
    expect(found.filter((f) => !f.startsWith('engine.worker-'))).toEqual([]);
    expect(found.some((f) => f.startsWith('engine.worker-'))).toBe(true);
  });
});
