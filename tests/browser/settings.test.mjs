// The reader's settings, which a DOM carousel follows for free: theme="auto" follows the
// colour scheme while the page is open; forced colours (Windows High Contrast) draw with the
// system's colours; prefers-contrast: more strengthens muted text, borders and the scrim;
// zooming the page redraws crisp text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveWithFixtures, launch, openAndWaitReady, fixturePage, pixelStats, regionPixels, pixelDiff } from './lib.mjs';

let server, browser;
before(async () => {
  const widget = (attrs) => fixturePage(`<div id="carousel" class="carta" data-feed="demo.json" data-height="420" data-loading="eager" ${attrs}></div>`);
  server = await serveWithFixtures('carta-settings-', {
    'auto.html': widget('data-theme="auto"'),
    'light.html': widget('data-theme="light"'),
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

// The colour of one pixel of the widget (CSS px from its top-left corner), as drawn.
async function pixel(page, x, y) {
  return (await regionPixels(browser, await page.locator('#carousel').screenshot(), x, y))[0];
}

test('theme="auto" follows the reader\'s colour scheme, and changes with it while the page is open', async () => {
  const page = await browser.newPage({ viewport: { width: 1000, height: 600 }, colorScheme: 'dark' });
  try {
    await openAndWaitReady(page, server.url + 'auto.html');
    await page.waitForTimeout(300);
    assert.deepEqual(await pixel(page, 4, 4), [17, 18, 21], 'dark page colour (core/theme.cpp)');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.waitForTimeout(400);
    assert.deepEqual(await pixel(page, 4, 4), [243, 241, 236], 'light, without a reload');
  } finally {
    await page.close();
  }
});

test('theme="light" stays light for a reader in dark mode (the partner chose)', async () => {
  const page = await browser.newPage({ viewport: { width: 1000, height: 600 }, colorScheme: 'dark' });
  try {
    await openAndWaitReady(page, server.url + 'light.html');
    await page.waitForTimeout(300);
    assert.deepEqual(await pixel(page, 4, 4), [243, 241, 236]);
  } finally {
    await page.close();
  }
});

test('forced colours: the canvas draws with the system\'s Canvas and CanvasText, live', async () => {
  const page = await browser.newPage({ viewport: { width: 1000, height: 600 } });
  try {
    await openAndWaitReady(page, server.url + 'light.html');
    await page.waitForTimeout(300);
    const view = await page.evaluate(() => document.querySelector('#carousel').cartaHandle.view());
    const [hx, hy] = view.cards[0].headline.rect;
    await page.emulateMedia({ forcedColors: 'active', colorScheme: 'dark' });
    await page.waitForTimeout(500);
    const system = await page.evaluate(() => ['Canvas', 'CanvasText'].map((name) => {
      const s = document.createElement('span');
      s.style.color = name;
      document.body.appendChild(s);
      const m = getComputedStyle(s).color.match(/\d+/g).slice(0, 3).map(Number);
      s.remove();
      return m;
    }));
    assert.deepEqual(await pixel(page, 4, 4), system[0], 'the page colour is the system Canvas');
    // Somewhere in the headline's first line a pixel is exactly CanvasText.
    const headline = await regionPixels(browser, await page.locator('#carousel').screenshot(), Math.round(hx), Math.round(hy), 200, 24);
    const found = headline.some(([r, g, b]) => r === system[1][0] && g === system[1][1] && b === system[1][2]);
    assert.ok(found, `the headline is drawn in CanvasText ${system[1]}`);
    await page.emulateMedia({ forcedColors: 'none', colorScheme: 'light' });
    await page.waitForTimeout(500);
    assert.deepEqual(await pixel(page, 4, 4), [243, 241, 236], 'back to the theme');
  } finally {
    await page.close();
  }
});

test('prefers-contrast: more darkens the muted text to the text colour', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 600 } });
  const page = await context.newPage();
  try {
    await openAndWaitReady(page, server.url + 'light.html');
    await page.waitForTimeout(300);
    const view = await page.evaluate(() => document.querySelector('#carousel').cartaHandle.view());
    const card = view.cards[0];
    const [hx, hy, , hh] = card.headline.rect;
    // The byline and date sit just under the headline (core/layout.cpp): their darkest pixel.
    const darkest = async () => Math.min(...(await regionPixels(browser, await page.locator('#carousel').screenshot(),
      Math.round(hx), Math.round(hy + hh + 4), 240, 16)).map(([r]) => r));
    const normal = await darkest();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-contrast', value: 'more' }] });
    await page.waitForTimeout(500);
    const more = await darkest();
    assert.ok(normal >= 85, `the byline is muted grey normally (darkest ${normal})`);
    assert.ok(more <= 40, `and as dark as the text with more contrast (darkest ${more})`);
  } finally {
    await context.close();
  }
});

test('printed, the widget is its cards in view as plain content, not a blank box', async () => {
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  try {
    await openAndWaitReady(page, server.url + 'light.html');
    await page.waitForTimeout(500);
    const printed = async () => page.evaluate(() => {
      const root = document.querySelector('#carousel').shadowRoot;
      const article = root.querySelector('article');
      return {
        canvas: getComputedStyle(root.querySelector('canvas')).display,
        opacity: getComputedStyle(article).opacity,
        position: getComputedStyle(article).position,
        headline: article.querySelector('.headline').getBoundingClientRect().height > 0,
        buttons: [...root.querySelectorAll('button')].filter((b) => getComputedStyle(b).display !== 'none').length,
      };
    });
    const screen = await printed();
    assert.deepEqual({ canvas: screen.canvas, opacity: screen.opacity, position: screen.position },
      { canvas: 'block', opacity: '0', position: 'absolute' }, 'on screen: the canvas, the mirror invisible over it');
    assert.ok(screen.buttons > 0, 'on screen the mirror has its buttons');
    await page.emulateMedia({ media: 'print' });
    await page.waitForTimeout(200);
    assert.deepEqual(await printed(), { canvas: 'none', opacity: '1', position: 'static', headline: true, buttons: 0 }, 'printed');
    const png = await page.locator('#carousel').screenshot();
    const stats = await pixelStats(browser, png);
    assert.ok(stats.colours > 20, `the printed widget shows text (${stats.colours} colours)`);
  } finally {
    await page.close();
  }
});

// Zooming the page to 200 % in a 1000 px window makes it 500 CSS px wide at a
// devicePixelRatio of 2: the canvas gets that many pixels and the atlas is rasterized
// again, so the text is as crisp as on a page opened at that zoom. (A ratio change without
// a size change, a window moved to another screen, is watched by watchPixelRatio in
// web/carta/input.js; headless Chromium's emulation raises no event for it, so it is not tested.)
test('zooming the page in redraws the cards at the new pixel ratio, as crisp as a page opened zoomed', async () => {
  // Playwright's screenshot does not know of the zoomed page's override: CDP's, for that one.
  const shot = async (page, cdp) => {
    if (!cdp) return page.locator('#carousel').screenshot({ scale: 'device' });
    const box = await page.locator('#carousel').boundingBox();
    const { data } = await cdp.send('Page.captureScreenshot', { format: 'png', clip: { ...box, scale: 1 } });
    return Buffer.from(data, 'base64');
  };
  const canvasWidth = (page) => page.evaluate(() => document.querySelector('#carousel').shadowRoot.querySelector('canvas').width);
  const fresh = await browser.newContext({ viewport: { width: 500, height: 600 }, deviceScaleFactor: 2 });
  const zoomed = await browser.newContext({ viewport: { width: 1000, height: 600 }, deviceScaleFactor: 1 });
  try {
    const reference = await fresh.newPage();
    await openAndWaitReady(reference, server.url + 'light.html');
    const page = await zoomed.newPage();
    await openAndWaitReady(page, server.url + 'light.html');
    assert.equal(await canvasWidth(page), 1000);
    const cdp = await zoomed.newCDPSession(page);
    await cdp.send('Emulation.setDeviceMetricsOverride', { width: 500, height: 600, deviceScaleFactor: 2, mobile: false });
    await page.waitForFunction(() => document.querySelector('#carousel').shadowRoot.querySelector('canvas').width === 1000 &&
      devicePixelRatio === 2, null, { timeout: 5000 });
    await page.waitForTimeout(1000);  // the atlas at the new ratio, the pictures again
    await reference.waitForTimeout(500);
    const [a, b] = [await shot(reference), await shot(page, cdp)];
    const differ = await pixelDiff(browser, a, b);
    assert.ok(differ < 0.005, `${(differ * 100).toFixed(2)} % of the pixels differ from a page opened at 200 %`);
  } finally {
    await fresh.close();
    await zoomed.close();
  }
});
