// The served demo: the widget loads under the strict CSP, fires carta:ready on its host
// element after drawing the first card, and the card on screen is not blank.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, openAndWaitReady, pixelStats, root } from './lib.mjs';

let server, browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('demo page shows the first card and fires carta:ready', async () => {
  const page = await browser.newPage({ viewport: { width: 1000, height: 700 }, deviceScaleFactor: 1 });
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  const ready = await openAndWaitReady(page, server.url);
  assert.equal(ready.target, 'carousel', 'carta:ready fires on (and bubbles from) the host element');
  assert.equal(ready.detail.count, 9, 'detail.count is the number of items in the demo feed');

  // Give the images a moment to arrive (they wake a frame), then look at the widget.
  await page.waitForTimeout(1000);
  const host = page.locator('#carousel');
  const box = await host.boundingBox();
  assert.equal(Math.round(box.height), 420, 'the host keeps the height it reserved');
  const png = await host.screenshot();
  const outDir = path.join(root, 'build', 'browser');
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'demo.png'), png);
  const stats = await pixelStats(browser, png);
  assert.ok(stats.colours > 500, `a drawn card has many colours (image, text); got ${stats.colours}`);
  assert.ok(stats.darkFraction > 0.01, `dark pixels of text and picture are present; got ${stats.darkFraction}`);
  assert.deepEqual(consoleErrors, [], 'no console errors (CSP violations would show here)');
  await page.close();
});
