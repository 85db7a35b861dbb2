/** `npx tsx test/bench/mc-browser-only.ts`: only the browser Monte Carlo figures (after `npm run build`), for work on them. */
import { preview } from 'vite';
import { launchChromium } from '../e2e/browser.ts';
import { benchMonteCarloBrowser } from './monte-carlo-browser.bench.ts';

const server = await preview({ preview: { port: 4190, host: '127.0.0.1', open: false }, logLevel: 'error' });
const browser = await launchChromium();
try {
  for (const r of await benchMonteCarloBrowser(browser, server.resolvedUrls!.local[0])) console.log(`${r.name}: ${r.value.toFixed(1)}`);
} finally {
  await browser.close();
  await server.close();
}
