// The partner's look (README, "The partner's look"): --carta-* custom properties on the host
// or an ancestor, from the page's own style sheet, drawn by the canvas; applied live when a
// class changes, without fetching the feed again; the reader's forced colours win; a colour
// pair under 4.5:1 is named in a warning; a page font that fails falls back along its list.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveWithFixtures, launch, openAndWaitReady, fixturePage, regionPixels, pixelDiff } from './lib.mjs';

const CSS = `
body { margin: 0; font: 16px sans-serif; }
.brand { --carta-color-background: #102030; --carta-color-card: rgb(250 240 230); --carta-color-text: #111;
         --carta-radius: 0; --carta-show: category headline byline date summary dots arrows; }
.brand.night { --carta-color-background: #0a0a0a; --carta-color-card: hsl(0 0% 12.5%); --carta-color-text: #eee; }
.brand.pale { --carta-color-muted: #aaaaaa; }
.missing { --carta-font-headline: "No Such Font Anywhere", "DejaVu Serif", serif; }
.direct { --carta-font-headline: "DejaVu Serif", serif; }
.own { --carta-font-headline: carta-serif, serif; }
.pagefonts { --carta-font-headline: "DejaVu Serif", serif; --carta-font-text: "DejaVu Sans", sans-serif; }
`;
const widget = (cls) => fixturePage(
  `<div id="wrap" class="${cls}"><div id="carousel" class="carta" data-feed="demo.json" data-height="420" data-loading="eager"></div></div>`,
  { css: 'look.css' });

let server, browser;
before(async () => {
  server = await serveWithFixtures('carta-look-', {
    'look.css': CSS,
    'brand.html': widget('brand'),
    'plain.html': widget(''),
    'missing.html': widget('missing'),
    'direct.html': widget('direct'),
    'own.html': widget('own'),
    'pagefonts.html': widget('pagefonts'),
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const shot = (page) => page.locator('#carousel').screenshot();
const pixel = async (page, x, y) => (await regionPixels(browser, await shot(page), Math.round(x), Math.round(y)))[0];
const view = (page) => page.evaluate(() => document.querySelector('#carousel').cartaHandle.view());

test('the page\'s --carta-* colours and shape are drawn, and a class change redraws live without a feed request', async () => {
  const page = await browser.newPage({ viewport: { width: 1000, height: 600 } });
  const feedRequests = [];
  page.on('request', (r) => { if (/demo\.json/.test(r.url())) feedRequests.push(r.url()); });
  try {
    await openAndWaitReady(page, server.url + 'brand.html');
    await page.waitForTimeout(300);
    const [x, y, w, h] = (await view(page)).cards[0].rect;
    assert.deepEqual(await pixel(page, 4, 4), [16, 32, 48], 'the background colour');
    // Square corners (radius 0): the card's own colour reaches its bottom-right corner.
    assert.deepEqual(await pixel(page, x + w - 1, y + h - 1), [250, 240, 230], 'the card colour, to its corner');
    assert.equal(feedRequests.length, 1);

    await page.evaluate(() => document.querySelector('#wrap').classList.add('night'));
    await page.waitForTimeout(600);
    assert.deepEqual(await pixel(page, 4, 4), [10, 10, 10], 'the new background, live');
    assert.deepEqual(await pixel(page, x + w - 1, y + h - 1), [32, 32, 32], 'hsl() read by the browser\'s colour parser');
    assert.equal(feedRequests.length, 1, 'no new request for the feed');
  } finally {
    await page.close();
  }
});

test('forced colours beat the partner\'s colours; the partner\'s colours come back after', async () => {
  const page = await browser.newPage({ viewport: { width: 1000, height: 600 } });
  try {
    await openAndWaitReady(page, server.url + 'brand.html');
    await page.emulateMedia({ forcedColors: 'active', colorScheme: 'dark' });
    await page.waitForTimeout(600);
    const canvas = await page.evaluate(() => {
      const s = document.createElement('span');
      s.style.color = 'Canvas';
      document.body.appendChild(s);
      return getComputedStyle(s).color.match(/\d+/g).slice(0, 3).map(Number);
    });
    assert.deepEqual(await pixel(page, 4, 4), canvas, 'the system Canvas, not #102030');
    await page.emulateMedia({ forcedColors: 'none' });
    await page.waitForTimeout(600);
    assert.deepEqual(await pixel(page, 4, 4), [16, 32, 48]);
  } finally {
    await page.close();
  }
});

test('a partner colour pair under 4.5:1 for card text is named in a console warning', async () => {
  const page = await browser.newPage({ viewport: { width: 1000, height: 600 } });
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  try {
    await openAndWaitReady(page, server.url + 'brand.html');
    await page.waitForTimeout(300);
    assert.equal(warnings.filter((w) => /4\.5:1/.test(w)).length, 0, 'the brand colours pass: ' + warnings);
    await page.evaluate(() => document.querySelector('#wrap').classList.add('pale'));
    await page.waitForTimeout(600);
    const named = warnings.filter((w) => w.includes('#aaaaaa') && w.includes('#faf0e6'));
    assert.equal(named.length, 1, 'one warning naming both colours: ' + warnings.join(' | '));
  } finally {
    await page.close();
  }
});

test('a page font that cannot load falls back along its list, as CSS does', async () => {
  const headline = async (file) => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 600 } });
    try {
      await openAndWaitReady(page, server.url + file);
      await page.waitForTimeout(500);
      const [hx, hy, hw, hh] = (await view(page)).cards[0].headline.rect;
      return await page.locator('#carousel').screenshot({ clip: undefined }).then((png) =>
        ({ png, rect: [Math.round(hx), Math.round(hy), Math.round(hw), Math.round(hh)] }));
    } finally {
      await page.close();
    }
  };
  // "own" names Carta's own serif (the family carta-text.js registers it under): the same
  // path, the same sizes, another font.
  const missing = await headline('missing.html'), direct = await headline('direct.html'), own = await headline('own.html');
  assert.ok(direct.rect[3] > 20, 'a headline is drawn');
  assert.equal(await pixelDiff(browser, missing.png, direct.png), 0, 'the missing font falls back to the next one');
  assert.ok(await pixelDiff(browser, direct.png, own.png) > 0.002, 'and that is DejaVu Serif, not Carta\'s own serif');
});

test('a page that names both fonts fetches none of Carta\'s, and its cards are drawn in them', async () => {
  const page = await browser.newPage({ viewport: { width: 1000, height: 600 } });
  const fonts = [];
  page.on('request', (r) => { if (/\/fonts\//.test(r.url())) fonts.push(r.url()); });
  try {
    await openAndWaitReady(page, server.url + 'pagefonts.html');
    await page.waitForTimeout(300);
    assert.deepEqual(fonts, [], 'no Carta font was fetched');
    const card = (await view(page)).cards[0];
    const [hx, hy, hw, hh] = card.headline.rect;
    assert.ok(card.headline.lines.length >= 1 && hh > 20, 'the headline is laid out');
    const ink = (await regionPixels(browser, await shot(page), Math.round(hx), Math.round(hy), Math.round(hw), Math.round(hh)))
      .filter(([r, g, b]) => r + g + b < 200).length;
    assert.ok(ink > 200, `the headline is drawn (${ink} dark pixels)`);
  } finally {
    await page.close();
  }
});
