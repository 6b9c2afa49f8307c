// Reliability at the page/wasm boundary (issue 14): a refresh that fetches broken JSON
// keeps the good feed; a moved <carta-carousel> has one mirror; a listener that destroys the
// widget from inside carta:change or carta:open does so safely; destroy() leaves nothing.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, serveWithFixtures, fixturePage, openAndWaitReady, dist } from './lib.mjs';

const demo = fs.readFileSync(path.join(dist, 'demo.json'), 'utf8');

async function withPage(fixtures, fn, viewport = { width: 1280, height: 800 }) {
  const server = await serveWithFixtures('carta-rel-', fixtures);
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await fn(page, server.url, errors);
  } finally {
    await browser.close();
    await server.close();
  }
}

test('a refresh that fetches truncated JSON keeps the last good feed and reports carta:error', async () => {
  await withPage({
    'refresh.html': fixturePage('<div id="carousel" class="carta" data-feed="live.json" data-refresh="1" data-height="420" data-loading="eager"></div>'),
  }, async (page, url) => {
    let fetches = 0;
    const warnings = [];
    page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
    // First the good feed, then the same file caught mid-write by the CMS.
    await page.route('**/live.json', (route) => {
      fetches++;
      route.fulfill({ contentType: 'application/feed+json', body: fetches === 1 ? demo : demo.slice(0, 2999) });
    });
    await openAndWaitReady(page, url + 'refresh.html');
    await page.evaluate(() => document.querySelector('#carousel').cartaHandle.next());
    await page.waitForFunction(() => window.__carta.errors.length > 0, null, { timeout: 10000 });
    await page.waitForTimeout(300);
    const state = await page.evaluate(() => {
      const view = document.querySelector('#carousel').cartaHandle.view();
      return { status: view.status, count: view.count, index: view.index, error: window.__carta.errors[0] };
    });
    assert.equal(state.status, 'ready', 'the cards stay');
    assert.equal(state.count, 9);
    assert.equal(state.index, 1, 'on the same card');
    assert.match(state.error.message, /not valid JSON/);
    assert.match(state.error.path, /^line \d+, column \d+$/);
    assert.ok(fetches >= 2);
    // The publisher finds the diagnostic in the console too, with where it is.
    assert.ok(warnings.some((w) => /^Carta: .*not valid JSON.*\(at line \d+, column \d+\)$/.test(w)), warnings.join('\n'));
  });
});

test('a <carta-carousel> moved to another parent keeps exactly one mirror', async () => {
  await withPage({
    'move.html': fixturePage('<div id="a"><carta-carousel id="carousel" feed="demo.json" loading="eager" height="420"></carta-carousel></div><div id="b"></div>'),
  }, async (page, url, errors) => {
    await openAndWaitReady(page, url + 'move.html');
    await page.evaluate(() => document.getElementById('b').appendChild(document.getElementById('carousel')));
    await page.waitForFunction(() => {
      const root = document.getElementById('carousel').shadowRoot;
      return root.querySelector('canvas') && root.querySelector('[role="region"] article');
    }, null, { timeout: 20000 });
    const counts = await page.evaluate(() => {
      const root = document.getElementById('carousel').shadowRoot;
      return { regions: root.querySelectorAll('[role="region"]').length, canvases: root.querySelectorAll('canvas').length,
               sheets: root.adoptedStyleSheets.length };
    });
    assert.deepEqual(counts, { regions: 1, canvases: 1, sheets: 1 });
    assert.deepEqual(errors, []);
  });
});

test('destroy() from inside carta:change and carta:open is safe, and leaves nothing behind', async () => {
  await withPage({
    'destroy.html': fixturePage('<div id="carousel" class="carta" data-feed="demo.json" data-height="420" data-loading="eager"></div>' +
      '<div id="second" class="carta" data-feed="demo.json" data-height="420" data-loading="eager"></div>'),
  }, async (page, url, errors) => {
    await openAndWaitReady(page, url + 'destroy.html');
    await page.waitForFunction(() => document.querySelector('#second').cartaHandle &&
      document.querySelector('#second').shadowRoot.querySelector('[role="region"] article'), null, { timeout: 20000 });
    // carta:change raised by a key press inside the wasm call: the listener destroys.
    await page.evaluate(() => {
      window.__changes = 0;
      const el = document.querySelector('#carousel');
      el.addEventListener('carta:change', () => { window.__changes++; el.cartaHandle.destroy(); });
      el.shadowRoot.querySelector('[role="region"] a').focus();
    });
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(500);
    // carta:open raised by a click on a card of the second widget: destroyed, not opened.
    const box = await page.locator('#second').boundingBox();
    await page.evaluate(() => {
      const el = document.querySelector('#second');
      el.addEventListener('carta:open', (e) => { e.preventDefault(); window.__opened = e.detail.url; el.cartaHandle.destroy(); });
    });
    await page.mouse.click(box.x + 200, box.y + 300);
    await page.waitForTimeout(500);
    const after = await page.evaluate(() => ['#carousel', '#second'].map((s) => {
      const el = document.querySelector(s);
      return { handle: el.cartaHandle, children: el.shadowRoot.children.length, sheets: el.shadowRoot.adoptedStyleSheets.length };
    }).concat([{ changes: window.__changes, opened: window.__opened }]));
    assert.deepEqual(after.slice(0, 2), [{ handle: null, children: 0, sheets: 0 }, { handle: null, children: 0, sheets: 0 }]);
    assert.equal(after[2].changes, 1);
    assert.match(after[2].opened, /^https:\/\/example\.org\//);
    assert.deepEqual(errors, []);
  });
});

test('a feed over the 8 MiB limit is refused before it is read into memory', async () => {
  await withPage({
    'huge.html': fixturePage('<div id="carousel" class="carta" data-feed="huge.json" data-height="420" data-loading="eager"></div>'),
  }, async (page, url) => {
    // 40 MB: copying it into the wasm heap (32 MiB at start) would have to grow the memory.
    const body = Buffer.alloc(40 << 20, 0x20);
    body.write('{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[');
    await page.route('**/huge.json', (route) => route.fulfill({ contentType: 'application/feed+json', body }));
    await page.addInitScript(() => {
      window.__errors = [];
      document.addEventListener('carta:error', (e) => window.__errors.push(e.detail));
    });
    await page.goto(url + 'huge.html');
    await page.waitForFunction(() => window.__errors.length, null, { timeout: 20000 });
    await page.waitForTimeout(300);
    const state = await page.evaluate(() => ({
      error: window.__errors[0],
      memory: document.querySelector('#carousel').cartaHandle.stats().wasmMemoryBytes,
      status: document.querySelector('#carousel').cartaHandle.view().status,
    }));
    assert.match(state.error.message, /the feed is (more than )?\d+ bytes; the limit is 8192 KiB/);
    assert.equal(state.status, 'failed');
    assert.equal(state.memory, 32 << 20, 'the wasm heap never held the feed');
  });
});

test('the mirror is not rebuilt on every frame of a drag', async () => {
  await withPage({
    'drag.html': fixturePage('<div id="carousel" class="carta" data-feed="demo.json" data-height="420" data-loading="eager"></div>'),
  }, async (page, url) => {
    await openAndWaitReady(page, url + 'drag.html');
    await page.waitForTimeout(300);
    await page.evaluate(() => {
      window.__rebuilds = 0;
      const region = document.querySelector('#carousel').shadowRoot.querySelector('[role="region"]');
      new MutationObserver((records) => { if (records.some((r) => r.type === 'childList')) window.__rebuilds++; })
        .observe(region, { childList: true });
    });
    const box = await page.locator('#carousel').boundingBox();
    await page.mouse.move(box.x + 700, box.y + 200);
    await page.mouse.down();
    for (let k = 1; k <= 60; k++) {  // a slow drag past one card: 60 moves, a frame for each
      await page.mouse.move(box.x + 700 - k * 5, box.y + 200);
      await page.waitForTimeout(16);
    }
    const during = await page.evaluate(() => window.__rebuilds);
    await page.mouse.up();
    await page.waitForTimeout(800);
    const after = await page.evaluate(() => window.__rebuilds);
    assert.ok(during <= 1, `${during} rebuilds during the drag`);
    assert.ok(after >= 1 && after <= 3, `${after} rebuilds once it settled`);
  });
});
