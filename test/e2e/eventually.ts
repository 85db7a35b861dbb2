/**
 * Retries an assertion until it passes or the time is up (like Playwright Test's web-first
 * assertions): the page updates asynchronously (worker results, IndexedDB), so a value read
 * once right after an action may still be the old one.
 */
export async function eventually(assertion: () => Promise<void> | void, timeoutMs = 10_000, intervalMs = 50): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      await assertion();
      return;
    } catch (err) {
      if (Date.now() > end) throw err;
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }
}
