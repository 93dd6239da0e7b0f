// Screenshots of a running explorer at 1440x900, for looking at a graph before calling a change
// done: the start view, a "Who uses" answer and a paper's panel. Writes PNGs to the given folder.
// Usage: npx tsx bench/screenshot-explorer.ts <explorer URL> <folder> [who-uses name]
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type {} from '../ui/src/page-hooks.ts';
import { launchChromium } from '../tests/support/launch-chromium.ts';

const [url, folder, asked] = process.argv.slice(2);
if (!url || !folder) {
  console.error('usage: tsx bench/screenshot-explorer.ts <explorer URL> <folder> [who-uses name]');
  process.exit(2);
}
mkdirSync(folder, { recursive: true });
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (error) => console.error(`[page] ${error.message}`));
  const settled = () => page.evaluate(() => window.papergraph.settled());
  const report = async (name: string) => {
    const file = path.join(folder, `${name}.png`);
    await page.screenshot({ path: file });
    const [count, timing, labels] = await page.evaluate(() => [
      window.papergraph.count(),
      window.papergraph.timing(),
      window.papergraph.labels().length,
    ]);
    console.log(`${file}: ${JSON.stringify({ ...count, labels, timing })}`);
  };
  await page.goto(url);
  await settled();
  await report('start-view');
  // The welcome's first example, unless a name was given.
  const name =
    asked ??
    (await page.locator('[data-testid=welcome-examples] button').first().textContent())
      ?.replace(/^Who (uses|evaluates on|builds on) /, '')
      .replace(/\?$/, '');
  if (name) {
    await page.fill('#who-uses-input', name);
    await page.press('#who-uses-input', 'Enter');
    await settled();
    await report('who-uses');
    const first = page.locator('[data-testid=who-list] li > button').first();
    if (await first.count()) {
      await first.click();
      await settled();
      await report('paper-panel');
    }
  }
} finally {
  await browser.close();
}
