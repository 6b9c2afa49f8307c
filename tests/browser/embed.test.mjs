// Embedding Carta in other people's pages: every embedding form on the partner page, no
// globals but `Carta`, independent instances, opening articles (and refusing script URLs),
// a missing feed, idleness, resizing at two pixel ratios, WebGL context loss, the lazy start
// and the time to the first card. Fixture pages and feeds are written at test time into a
// temporary copy of dist/ (the strict CSP forbids inline scripts and styles, so every
// fixture uses only files of its own origin).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveWithFixtures, launch, pixelStats, dist, fixturePage, logical } from './lib.mjs';

const VIEWPORT = { width: 1000, height: 700 };
const items = JSON.parse(fs.readFileSync(path.join(dist, 'demo.json'), 'utf8')).items;
// Everything the tests record in the page hangs off this symbol, so it adds no window
// property of its own (test 2 counts them).
const KEY = 'carta.test';

// ---- fixtures ------------------------------------------------------------------------

const page = (body) => fixturePage(body, { css: 'fixture.css' });

// A 1×1 PNG as a data: URL: the reader must drop it (only http(s) links survive).
const DATA_PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';

const FIXTURES = {
  'fixture.css': 'body { margin: 0; padding: 0 20px; font: 16px/1.5 sans-serif; }\n' +
    '.spacer { height: 2100px; background: #eee; }\n',
  'two.html': page(`<h1>Two carousels</h1>
<div id="a" class="carta" data-feed="demo.json" data-height="420" data-loading="eager"></div>
<div id="b" class="carta" data-feed="demo.json" data-height="420" data-loading="eager"></div>`),
  'hostile.json': JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1', title: 'Hostile', language: 'en',
    items: [
      { id: 'script-link', url: 'javascript:alert(1)', title: 'A card whose link is a script',
        summary: 'Its URL is javascript: and its picture a data: URL; both must be dropped.', image: DATA_PNG,
        date_published: '2025-08-01T09:00:00Z', _carta: { category: 'Hostile' } },
      { id: 'script-link-2', url: 'JavaScript:alert(2)', external_url: 'javascript:alert(3)',
        title: 'Another card whose links are scripts', summary: 'Mixed case, and an external_url too.',
        date_published: '2025-08-01T10:00:00Z', _carta: { category: 'Hostile' } },
    ],
  }),
  'hostile.html': page('<div id="carousel" class="carta" data-feed="hostile.json" data-height="420" data-loading="eager"></div>'),
  'missing.html': page('<div id="carousel" class="carta" data-feed="no-such-feed.json" data-height="420" data-loading="eager"></div>'),
  // An <amp-iframe> as AMP's runtime renders it: an iframe of embed.html?amp=1 in the
  // sandbox the README's snippet gives, with no parent origin named.
  'amp-host.html': page(`<h1>An AMP page</h1>
<iframe id="amp" src="embed.html?amp=1&amp;feed=demo.json&amp;height=480" title="Latest stories" width="600" height="300"
  sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"></iframe>`),
  'lazy.html': page(`<h1>Lazy start</h1>
<div class="spacer"></div>
<div id="carousel" class="carta" data-feed="demo.json" data-height="420"></div>`),
};

let server, browser;
before(async () => {
  server = await serveWithFixtures('carta-embed-', FIXTURES);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

// ---- helpers -------------------------------------------------------------------------

// Runs in every frame before its scripts: records Carta's events (with their target's id),
// messages from iframes, and counts WebGL draw calls — all under a symbol, not a global.
function instrument(key) {
  const log = { events: [], messages: [], draws: 0, names: Object.getOwnPropertyNames(window) };
  window[Symbol.for(key)] = log;
  for (const name of ['carta:ready', 'carta:error', 'carta:change', 'carta:open']) {
    document.addEventListener(name, (e) => {
      log.events.push({ name, target: e.target && e.target.id, detail: e.detail, at: performance.now() });
    });
  }
  window.addEventListener('message', (e) => log.messages.push({ data: e.data, origin: e.origin, at: performance.now() }));
  for (const name of ['drawElements', 'drawArrays', 'drawElementsInstanced', 'drawArraysInstanced', 'drawRangeElements']) {
    const original = WebGL2RenderingContext.prototype[name];
    if (typeof original !== 'function') continue;
    WebGL2RenderingContext.prototype[name] = function (...args) {
      log.draws++;
      return original.apply(this, args);
    };
  }
}

async function newPage({ viewport = VIEWPORT, deviceScaleFactor = 1 } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor });
  // Article links point at example.org: answer them locally so popups load at once.
  await context.route(/^https:\/\/example\.org\//, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>article</title>' }));
  const p = await context.newPage();
  const pageErrors = [];
  p.on('pageerror', (e) => pageErrors.push(String(e)));
  await p.addInitScript(instrument, KEY);
  return { context, page: p, pageErrors, close: () => context.close() };
}

const log = (p) => p.evaluate((key) => window[Symbol.for(key)], KEY);
const events = async (p, name, target) =>
  (await log(p)).events.filter((e) => (!name || e.name === name) && (!target || e.target === target));
const draws = async (p) => (await log(p)).draws;

async function waitEvent(p, name, target, timeout = 20000, count = 1) {
  await p.waitForFunction(([key, n, t, c]) =>
    window[Symbol.for(key)].events.filter((e) => e.name === n && (!t || e.target === t)).length >= c,
  [KEY, name, target, count], { timeout });
  return (await events(p, name, target))[count - 1];
}

// Waits for carta:ready on `target`, failing at once with the message of a carta:error.
async function waitReady(p, target, timeout = 20000) {
  await p.waitForFunction(([key, t]) => window[Symbol.for(key)].events.some((e) =>
    (e.name === 'carta:ready' || e.name === 'carta:error') && (!t || e.target === t)), [KEY, target], { timeout });
  const errors = await events(p, 'carta:error', target);
  assert.deepEqual(errors, [], `carta:error on #${target}`);
  return (await events(p, 'carta:ready', target))[0];
}

const canvasOf = (p, selector) => p.evaluate((s) => {
  const el = document.querySelector(s);
  const c = el.shadowRoot.querySelector('canvas');
  return { width: c.width, height: c.height, hostW: el.getBoundingClientRect().width, hostH: el.getBoundingClientRect().height };
}, selector);

// Fraction of pixels that differ (any channel by more than `tolerance`) between two PNGs of
// the same size, compared in a blank page.
async function pixelDifference(a, b, tolerance = 24) {
  const p = await browser.newPage();
  try {
    return await p.evaluate(async ([x, y, tol]) => {
      const read = async (b64) => {
        const img = new Image();
        img.src = 'data:image/png;base64,' + b64;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.width;
        c.height = img.height;
        const g = c.getContext('2d');
        g.drawImage(img, 0, 0);
        return g.getImageData(0, 0, c.width, c.height);
      };
      const [da, db] = [await read(x), await read(y)];
      if (da.width !== db.width || da.height !== db.height) return 1;
      let differ = 0;
      for (let i = 0; i < da.data.length; i += 4) {
        if (Math.abs(da.data[i] - db.data[i]) > tol || Math.abs(da.data[i + 1] - db.data[i + 1]) > tol ||
            Math.abs(da.data[i + 2] - db.data[i + 2]) > tol) differ++;
      }
      return differ / (da.width * da.height);
    }, [a.toString('base64'), b.toString('base64'), tolerance]);
  } finally {
    await p.close();
  }
}

// Where the first card sits in a host box at 1000 px (two cards per view; see
// interaction.test.mjs and src/core/layout.cpp): cards start at (16, 16), 16 px apart.
function firstCardCentre(box) {
  const cardW = (box.width - 32 - 16) / 2;
  return { x: box.x + 16 + cardW / 2, y: box.y + 16 + 120 };
}

// ---- tests ---------------------------------------------------------------------------

test('partner page: all five embedding forms fire carta:ready; the iframe sizes itself by postMessage', async () => {
  const { page: p, pageErrors, close } = await newPage();
  try {
    await p.goto(server.url + 'partner.html');
    const expected = { 'by-div': 9, 'by-element': 9, 'by-api': 9, 'by-inline': 2 };
    for (const [id, count] of Object.entries(expected)) {
      await p.locator('#' + id).scrollIntoViewIfNeeded();
      const ready = await waitReady(p, id);
      assert.equal(ready.detail.count, count, `#${id} shows its feed's ${count} items`);
      assert.equal(ready.detail.renderer, 'webgl2');
    }
    assert.equal(await p.evaluate(() => document.querySelector('#by-element').tagName), 'CARTA-CAROUSEL');

    // The iframe: its carta:ready arrives as a message, and so does its height.
    await p.locator('#by-iframe').scrollIntoViewIfNeeded();
    await p.waitForFunction((key) => window[Symbol.for(key)].messages.some((m) => m.data && m.data.type === 'carta:ready'),
      KEY, { timeout: 20000 });
    const messages = (await log(p)).messages;
    const origin = new URL(server.url).origin;
    assert.ok(messages.every((m) => m.origin === origin), 'messages come from the embed\'s own origin');
    const ready = messages.find((m) => m.data.type === 'carta:ready');
    assert.deepEqual(ready.data.detail, { count: 9, renderer: 'webgl2' });
    const heights = messages.filter((m) => m.data.type === 'carta:height').map((m) => m.data.height);
    assert.ok(heights.length >= 1, 'the parent received a carta:height message');
    const last = heights.at(-1);
    assert.equal(last, 420, 'the embed reports the widget\'s 420 px');
    const frame = await p.evaluate(() => {
      const f = document.querySelector('#by-iframe');
      return { style: f.style.height, height: f.getBoundingClientRect().height, status: document.querySelector('#iframe-status').textContent };
    });
    assert.equal(frame.style, last + 'px', 'partner.js sets the iframe\'s height from the message');
    assert.equal(Math.round(frame.height), last);
    assert.match(frame.status, /420 px/);
    const inner = p.frames().find((f) => f.url().includes('embed.html'));
    assert.ok(inner, 'the embed frame exists');
    assert.equal(await inner.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height)), last,
      'the reported height is the embed document\'s height');
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
  }
});

// README: "The host element keeps the height it asked for from the first moment, so the page
// does not shift." embed.js reserves the widget's height before carta.js arrives, so the
// parent never hears a height of 0 (which would collapse the iframe and then grow it back).
test('iframe: the embed never reports a height of 0 (no layout shift on the partner page)', async () => {
  const { page: p, close } = await newPage();
  try {
    await p.goto(server.url + 'partner.html');
    await p.locator('#by-iframe').scrollIntoViewIfNeeded();
    await p.waitForFunction((key) => window[Symbol.for(key)].messages.some((m) => m.data && m.data.type === 'carta:ready'),
      KEY, { timeout: 20000 });
    const heights = (await log(p)).messages.filter((m) => m.data.type === 'carta:height').map((m) => m.data.height);
    assert.deepEqual(heights, [420], `heights reported: ${JSON.stringify(heights)}`);
  } finally {
    await close();
  }
});

test('AMP: embed.html?amp=1 asks its parent for its height by amp-iframe\'s protocol, and sends nothing else', async () => {
  const { page: p, close } = await newPage();
  try {
    await p.goto(server.url + 'amp-host.html');
    await p.waitForFunction((key) => window[Symbol.for(key)].messages.some((m) => m.data && m.data.sentinel === 'amp'),
      KEY, { timeout: 20000 });
    const inner = p.frames().find((f) => f.url().includes('embed.html'));
    await inner.waitForFunction(() => document.getElementById('carta').cartaHandle?.view().count === 9, null, { timeout: 20000 });
    const messages = (await log(p)).messages.map((m) => m.data);
    assert.deepEqual(messages, [{ sentinel: 'amp', type: 'embed-size', height: 480 }],
      'one embed-size of the widget\'s 480 px; no carta:* message without a parent origin');
    assert.equal(await inner.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height)), 480);
  } finally {
    await close();
  }
});

test('no globals: after ready the only new window property is Carta', async () => {
  const { page: p, close } = await newPage();
  try {
    // The demo page (only carta.js), then the partner page (partner.js, the custom element,
    // Carta.mount, an inline feed and the iframe).
    for (const [url, target] of [[server.url, 'carousel'], [server.url + 'partner.html', 'by-div']]) {
      await p.goto(url);
      await waitReady(p, target);
      const added = await p.evaluate((key) => {
        const before = new Set(window[Symbol.for(key)].names);
        // Array-index names ("0") are the page's iframes (window[0] is the first frame), not globals.
        return Object.getOwnPropertyNames(window).filter((n) => !before.has(n) && !/^\d+$/.test(n));
      }, KEY);
      // partner.js stands for the publisher's own tag manager: its window.dataLayer is the
      // page's (Carta only pushes onto one the page has).
      const pages = url.endsWith('partner.html') ? ['dataLayer'] : [];
      assert.deepEqual(added.filter((n) => !pages.includes(n)), ['Carta'], `new window properties on ${url}: ${JSON.stringify(added)}`);
      const keys = await p.evaluate(() => Object.keys(window).filter((k) => /carta|module|emscripten|createCarta/i.test(k)));
      assert.deepEqual(keys, ['Carta']);
    }
  } finally {
    await close();
  }
});

test('two instances on one page move independently', async () => {
  const { page: p, close } = await newPage({ viewport: { width: 1000, height: 1000 } });
  try {
    await p.goto(server.url + 'two.html');
    await waitReady(p, 'a');
    await waitReady(p, 'b');
    await p.locator('#a a[data-kind="0"]').first().focus();
    await p.keyboard.press('ArrowRight');
    const change = await waitEvent(p, 'carta:change', 'a', 3000);
    assert.deepEqual(change.detail, { index: 1, id: items[1].id, cause: 'reader' });
    await p.waitForTimeout(700);
    assert.deepEqual((await events(p, 'carta:change')).map((e) => e.target), ['a'], 'only the first carousel moved');
    const labels = await p.evaluate(() => ['a', 'b'].map((id) =>
      [...document.getElementById(id).shadowRoot.querySelectorAll('article')].map((a) => a.getAttribute('aria-label'))));
    assert.deepEqual(labels, [['2 of 9', '3 of 9'], ['1 of 9', '2 of 9']], 'each mirror shows its own cards');

    // And the other way round: End in the second leaves the first where it is.
    await p.locator('#b a[data-kind="0"]').first().focus();
    await p.keyboard.press('End');
    const other = await waitEvent(p, 'carta:change', 'b', 3000);
    assert.deepEqual(other.detail, { index: 7, id: items[7].id, cause: 'reader' });
    await p.waitForTimeout(900);
    assert.deepEqual((await events(p, 'carta:change')).map((e) => [e.target, e.detail.index]), [['a', 1], ['b', 7]]);
  } finally {
    await close();
  }
});

test('open: clicking a card opens its URL in a popup and fires carta:open; javascript: URLs never open', async () => {
  const { page: p, context, close } = await newPage();
  try {
    await p.goto(server.url);
    await waitReady(p, 'carousel');
    const box = await p.locator('#carousel').boundingBox();
    const at = firstCardCentre(box);
    const [popup] = await Promise.all([p.waitForEvent('popup', { timeout: 5000 }), p.mouse.click(at.x, at.y)]);
    await popup.waitForLoadState('domcontentloaded');
    assert.equal(popup.url(), items[0].url);
    const open = await waitEvent(p, 'carta:open', 'carousel', 3000);
    assert.deepEqual(open.detail, { url: items[0].url, id: items[0].id, kind: 'card' });
    await popup.close();

    // A hostile feed: javascript: links and a data: picture.
    const hostile = await context.newPage();
    await hostile.addInitScript(instrument, KEY);
    const dialogs = [];
    hostile.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
    let popups = 0;
    hostile.on('popup', () => popups++);
    await hostile.goto(server.url + 'hostile.html');
    const ready = await waitReady(hostile, 'carousel');
    assert.equal(ready.detail.count, 2, 'the cards stay, without their links');
    // The mirror's headline links carry no href at all, and are out of the tab order.
    const links = await hostile.evaluate(() => [...document.querySelector('#carousel').shadowRoot.querySelectorAll('a')]
      .map((a) => ({ href: a.getAttribute('href'), tabindex: a.getAttribute('tabindex') })));
    assert.equal(links.length, 2);
    assert.deepEqual(links, [{ href: null, tabindex: '-1' }, { href: null, tabindex: '-1' }]);
    const hbox = await hostile.locator('#carousel').boundingBox();
    const card = firstCardCentre(hbox);
    await hostile.mouse.click(card.x, card.y);
    await hostile.mouse.click(card.x + (hbox.width - 48) / 2 + 16, card.y);  // the second card
    await hostile.locator('#carousel a[data-kind="0"]').first().focus();
    await hostile.keyboard.press('Enter');
    await hostile.waitForTimeout(800);
    const opened = await events(hostile, 'carta:open');
    assert.deepEqual(opened.filter((e) => !/^https?:\/\//.test(e.detail.url)), [], 'no carta:open with a non-http(s) URL');
    assert.deepEqual(opened, [], 'a card without a usable link opens nothing');
    assert.equal(popups, 0, 'no popup');
    assert.deepEqual(dialogs, [], 'no script ran');
    assert.equal(context.pages().length, 2, 'no new page in the context');
  } finally {
    await close();
  }
});

test('a 404 feed fires carta:error mentioning 404 and draws an error card, not carta:ready', async () => {
  const { page: p, pageErrors, close } = await newPage();
  try {
    // First the widget before its feed arrives (the feed's response held back): what a
    // reader sees while it loads.
    let release;
    const held = new Promise((r) => { release = r; });
    await p.route('**/no-such-feed.json', async (route) => { await held; await route.continue(); });
    await p.goto(server.url + 'missing.html');
    await p.waitForTimeout(1500);
    const loading = await p.locator('#carousel').screenshot();
    assert.deepEqual(await events(p, 'carta:error'), [], 'no error while the feed is on its way');
    release();

    const error = await waitEvent(p, 'carta:error', 'carousel', 20000);
    assert.match(error.detail.message, /404/, `message: ${error.detail.message}`);
    assert.match(error.detail.message, /no-such-feed\.json/, 'the message names the feed');
    await p.waitForTimeout(1000);
    assert.deepEqual(await events(p, 'carta:ready'), [], 'carta:ready does not fire for a feed that failed');
    const png = await p.locator('#carousel').screenshot();
    const stats = await pixelStats(browser, png);
    const loadingStats = await pixelStats(browser, loading);
    assert.ok(stats.colours > 20, `the error card is drawn (text on a card), not a blank canvas; colours: ${stats.colours}`);
    assert.ok(stats.darkFraction > 0.001 && loadingStats.darkFraction === 0,
      `the error card has dark text, the loading state none: ${stats.darkFraction} vs ${loadingStats.darkFraction}`);
    // The card (white) on the page colour (#f3f1ec) around it: a small but clear difference.
    const differs = await pixelDifference(loading, png, 6);
    assert.ok(differs > 0.05, `the error card differs from the loading state; ${(differs * 100).toFixed(2)} % of pixels differ`);
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
  }
});

test('idle: zero WebGL draw calls during 3 s after ready and the pictures', async () => {
  const { page: p, close } = await newPage();
  try {
    await p.goto(server.url);
    await waitReady(p, 'carousel');
    await p.waitForTimeout(1500);  // the pictures arrive and wake a frame each
    const a = await draws(p);
    assert.ok(a > 0, 'the counter saw the first frames');
    await p.waitForTimeout(3000);
    const b = await draws(p);
    console.log(`idle: ${b - a} WebGL draw calls in 3 s after ready + pictures (${a} before)`);
    assert.equal(b - a, 0, `draw calls during 3 s of idleness: ${b - a}`);
  } finally {
    await close();
  }
});

for (const dpr of [1, 2]) {
  test(`resizing at devicePixelRatio ${dpr}: the canvas backing store follows the host`, async () => {
    const { page: p, close } = await newPage({ deviceScaleFactor: dpr });
    try {
      await p.goto(server.url);
      await waitReady(p, 'carousel');
      assert.equal(await p.evaluate(() => window.devicePixelRatio), dpr);
      const c = await canvasOf(p, '#carousel');
      assert.deepEqual([c.width, c.height], [Math.round(c.hostW * dpr), Math.round(c.hostH * dpr)],
        `backing store ${c.width}×${c.height} for a ${c.hostW}×${c.hostH} host`);
      assert.deepEqual([c.hostW, c.hostH], [960, 420]);

      const before = await draws(p);
      await p.evaluate(() => { document.querySelector('#carousel').style.width = '700px'; });
      const t0 = Date.now();
      await p.waitForFunction((want) => {
        const canvas = document.querySelector('#carousel').shadowRoot.querySelector('canvas');
        return canvas.width === want[0] && canvas.height === want[1];
      }, [Math.round(700 * dpr), Math.round(420 * dpr)], { timeout: 1000 });
      console.log(`resize at DPR ${dpr}: backing store followed in ${Date.now() - t0} ms`);
      await p.waitForTimeout(300);
      assert.ok(await draws(p) > before, 'the resized widget is drawn again');
      // One card per view below 600 px, two up to 1000: 700 px still shows two.
      const labels = await p.evaluate(() => [...document.querySelector('#carousel').shadowRoot.querySelectorAll('article')]
        .map((a) => a.getAttribute('aria-label')));
      assert.deepEqual(labels, ['1 of 9', '2 of 9']);
    } finally {
      await close();
    }
  });
}

test('WebGL context loss and restore: the same card is drawn again', async () => {
  const { page: p, pageErrors, close } = await newPage();
  try {
    await p.goto(server.url);
    await waitReady(p, 'carousel');
    await p.waitForTimeout(1500);
    const host = p.locator('#carousel');
    const before = await host.screenshot();

    await p.evaluate((key) => {
      const canvas = document.querySelector('#carousel').shadowRoot.querySelector('canvas');
      const ext = canvas.getContext('webgl2').getExtension('WEBGL_lose_context');
      const log = window[Symbol.for(key)];
      log.loseContext = ext;
      canvas.addEventListener('webglcontextlost', () => { log.lost = true; });
      canvas.addEventListener('webglcontextrestored', () => { log.restored = true; });
      ext.loseContext();
    }, KEY);
    await p.waitForFunction((key) => window[Symbol.for(key)].lost, KEY, { timeout: 3000 });
    await p.waitForTimeout(500);
    const atRestore = await draws(p);
    await p.evaluate((key) => window[Symbol.for(key)].loseContext.restoreContext(), KEY);
    await p.waitForFunction((key) => window[Symbol.for(key)].restored, KEY, { timeout: 3000 });
    await p.waitForTimeout(1500);
    const after = await draws(p);
    assert.ok(after > atRestore, `draw calls after restore: ${after - atRestore}`);
    const png = await host.screenshot();
    const differs = await pixelDifference(before, png);
    console.log(`context restore: ${(differs * 100).toFixed(3)} % of pixels differ from before the loss`);
    assert.ok(differs < 0.02, `the same card (with its picture) is shown again; ${(differs * 100).toFixed(2)} % of pixels differ`);
    const stats = await pixelStats(browser, png);
    assert.ok(stats.colours > 500, `a full card, not a blank canvas; colours: ${stats.colours}`);
    assert.deepEqual(await events(p, 'carta:error'), []);
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
  }
});

test('lazy start: nothing but carta.js is fetched until the widget nears the viewport', async () => {
  const { page: p, close } = await newPage();
  try {
    let phase = 'before';
    const requests = { before: [], after: [] };
    const sizes = [];
    const phaseOf = new Map();
    p.on('request', (r) => { phaseOf.set(r, phase); requests[phase].push(new URL(r.url()).pathname); });
    // Bytes of each response body as received (request.sizes(); the Content-Length header
    // when the browser reports none), counted in the phase its request was made in.
    p.on('requestfinished', (r) => {
      const at = phaseOf.get(r) || phase;
      const url = new URL(r.url()).pathname;
      sizes.push(Promise.all([r.sizes(), r.response()]).then(async ([s, res]) => {
        const header = Number((res && (await res.allHeaders())['content-length']) || 0);
        return { at, url, bytes: s.responseBodySize || header };
      }));
    });
    await p.goto(server.url + 'lazy.html');
    await p.waitForLoadState('load');
    await p.waitForTimeout(2000);
    const early = requests.before.map(logical).filter((u) => /carta\.wasm|demo\.json|fonts\/|images\//.test(u));
    assert.deepEqual(early, [], 'no module, font, feed or picture before the widget is near');
    assert.ok(requests.before.includes('/carta.js'), 'carta.js itself is loaded');
    assert.deepEqual(await events(p), [], 'no carta event yet');
    const sum = (list, at) => list.filter((s) => s.at === at).reduce((n, s) => n + s.bytes, 0);
    const bytesBefore = sum(await Promise.all(sizes), 'before');

    phase = 'after';
    await p.locator('#carousel').scrollIntoViewIfNeeded();
    await waitReady(p, 'carousel');
    await p.waitForTimeout(1500);  // pictures
    assert.ok(requests.after.map(logical).includes('/carta.wasm') && requests.after.includes('/demo.json'),
      `module and feed are fetched once in view: ${JSON.stringify(requests.after)}`);
    const all = await Promise.all(sizes);
    const bytesAfter = sum(all, 'after');
    const list = (at) => all.filter((s) => s.at === at).map((s) => `${s.url} ${s.bytes}`).join(', ');
    console.log(`lazy start: ${bytesBefore} bytes before scrolling (${list('before')})`);
    console.log(`lazy start: ${bytesAfter} bytes after scrolling into view (${list('after')})`);
    assert.ok(all.every((s) => s.bytes > 0), 'every response was measured');
    assert.ok(bytesAfter > bytesBefore, 'most of the weight comes after the scroll');
  } finally {
    await close();
  }
});

test('time from navigation to carta:ready on the demo page', async () => {
  const { page: p, close } = await newPage();
  try {
    await p.goto(server.url);
    const ready = await waitReady(p, 'carousel', 30000);
    console.log(`demo page: carta:ready ${ready.at.toFixed(0)} ms after navigation (performance.now() at the event)`);
    // The figure is bench/startup.mjs's to measure; this bound (about 5x what this machine
    // takes, well inside the 30 s waited) only fails a start that hangs for seconds (seen
    // failing with a 12 s wait planted before start-up).
    assert.ok(ready.at < 10000, `ready ${Math.round(ready.at)} ms after navigation`);
    // Start-up's steps happen in their order (the marks carta.js leaves, README).
    const marks = await p.evaluate(() => ['start', 'module', 'create', 'model', 'atlas', 'first-frame']
      .map((m) => performance.getEntriesByName('carta:' + m)[0]?.startTime ?? -1));
    assert.ok(marks.every((t, i) => t >= 0 && (i === 0 || t >= marks[i - 1])), `marks in order: ${marks.map(Math.round)}`);
    assert.ok(marks[marks.length - 1] <= ready.at, 'the first frame before carta:ready');
  } finally {
    await close();
  }
});
