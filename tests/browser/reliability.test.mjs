// Reliability at the page/wasm boundary (issue 14): a refresh that fetches broken JSON
// keeps the good feed; a moved <carta-carousel> has one mirror; a listener that destroys the
// widget from inside carta:change or carta:open does so safely; destroy() leaves nothing.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { launch, serveWithFixtures, fixturePage, openAndWaitReady, pixelStats, dist } from './lib.mjs';
import { CSP } from '../../scripts/serve.mjs';

const demo = fs.readFileSync(path.join(dist, 'demo.json'), 'utf8');

// A page of `browser` that collects its uncaught exceptions and console errors.
async function newPage(browser, viewport) {
  const page = await browser.newPage({ viewport });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return { page, errors };
}

// `args` go to Chromium (launch), `policy` to the server (serveWithFixtures).
async function withPage(fixtures, fn, viewport = { width: 1280, height: 800 }, { args = [], policy } = {}) {
  const server = await serveWithFixtures('carta-rel-', fixtures, policy ? { policy } : {});
  const browser = await launch(args);
  try {
    const { page, errors } = await newPage(browser, viewport);
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

// Polls a condition of the test's own (not the page's) until it holds or `timeout` ms pass.
async function until(condition, what, timeout = 30000) {
  const end = Date.now() + timeout;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// Opens `url` and waits until the core has read the feed, well or not (an empty feed fires
// neither carta:ready, which waits for a first headline, nor carta:error); resolves with
// window.__carta, the events collected as openAndWaitReady collects them.
async function openAndWaitSettled(page, url, timeout = 30000) {
  await page.addInitScript(() => {
    window.__carta = { ready: null, errors: [] };
    document.addEventListener('carta:ready', (e) => { if (!window.__carta.ready) window.__carta.ready = { detail: e.detail }; });
    document.addEventListener('carta:error', (e) => window.__carta.errors.push(e.detail));
  });
  await page.goto(url);
  await page.waitForFunction(() => {
    const handle = document.querySelector('#carousel')?.cartaHandle;
    const view = handle && handle.view();
    return view && view.status !== 'loading';
  }, null, { timeout });
  return page.evaluate(() => window.__carta);
}

// The other ways a refresh fails: the server errs (HTTP 500), the request is cut (aborted),
// the body is over the 8 MiB limit (declared in Content-Length). Each is reported with
// carta:error while the last good feed stays on screen (the view is read inside each
// carta:error listener, so it is the state at that failure), the next refresh still comes a
// period (1 s) later, and the good feed that follows, in reverse order, keeps the reader on
// the story they were reading: same id, so its new index (8 - 1 = 7).
test('refresh failures (HTTP 500, aborted, over 8 MiB) keep the last good feed, report carta:error and keep the schedule', async () => {
  const items = JSON.parse(demo).items;
  const reordered = JSON.stringify({ ...JSON.parse(demo), items: [...items].reverse() });
  const overLimit = Buffer.alloc((8 << 20) + 1024, 0x20);
  await withPage({
    'failures.html': fixturePage('<div id="carousel" class="carta" data-feed="live.json" data-refresh="1" data-height="420" data-loading="eager"></div>'),
  }, async (page, url) => {
    const fetches = [];  // when each request for the feed arrived (Date.now(), in the test)
    let moved;
    const readerMoved = new Promise((resolve) => { moved = resolve; });
    await page.route('**/live.json', async (route) => {
      fetches.push(Date.now());
      const n = fetches.length;
      if (n === 1) return route.fulfill({ contentType: 'application/feed+json', body: demo });
      // The first failure is answered only once the reader is on card 1, whatever the timing.
      if (n === 2) { await readerMoved; return route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' }); }
      if (n === 3) return route.abort();
      if (n === 4) return route.fulfill({ contentType: 'application/feed+json', headers: { 'Content-Length': String(overLimit.length) }, body: overLimit });
      return route.fulfill({ contentType: 'application/feed+json', body: reordered });
    });
    await page.addInitScript(() => {
      window.__failures = [];
      document.addEventListener('carta:error', (e) => {
        const view = e.target.cartaHandle.view();
        const current = view.cards.find((c) => c.index === view.index);
        window.__failures.push({ message: e.detail.message, status: view.status, count: view.count, index: view.index, id: current && current.id });
      });
    });
    await openAndWaitReady(page, url + 'failures.html');
    await page.evaluate(() => document.querySelector('#carousel').cartaHandle.next());
    await page.waitForFunction(() => {
      const view = document.querySelector('#carousel').cartaHandle.view();
      return view.index === 1 && view.cards.some((c) => c.index === 1);
    }, null, { timeout: 10000 });
    const before = await page.evaluate(() => {
      const view = document.querySelector('#carousel').cartaHandle.view();
      return { id: view.cards.find((c) => c.index === 1).id };
    });
    assert.equal(before.id, items[1].id, 'the reader is on the demo feed\'s second story');
    assert.equal(fetches.length <= 2, true, 'no failure was answered before the reader moved');
    moved();
    // The sixth request comes a period after the reordered feed (the fifth) was taken in.
    await until(() => fetches.length >= 6, 'six requests for the feed', 60000);
    await page.waitForTimeout(300);
    const state = await page.evaluate(() => {
      const view = document.querySelector('#carousel').cartaHandle.view();
      const current = view.cards.find((c) => c.index === view.index);
      return { failures: window.__failures, errors: window.__carta.errors.length,
               view: { status: view.status, count: view.count, index: view.index, id: current && current.id } };
    });
    // One carta:error per failure, in order, each with the good feed still shown.
    assert.equal(state.errors, 3, `carta:error events: ${JSON.stringify(state.failures)}`);
    assert.match(state.failures[0].message, /HTTP 500/);
    assert.match(state.failures[1].message, /could not be fetched/);
    assert.match(state.failures[2].message, /the feed is \d+ bytes; the limit is 8192 KiB/);
    for (const [k, f] of state.failures.entries()) {
      assert.deepEqual({ status: f.status, count: f.count, index: f.index, id: f.id },
        { status: 'ready', count: 9, index: 1, id: items[1].id }, `at failure ${k + 1} (${f.message}) the good feed stays, same card`);
    }
    // Refreshing went on after every failure, a period apart (not at once, not stopped).
    const gaps = fetches.slice(1, 6).map((t, k) => t - fetches[k]);
    for (const gap of gaps) assert.ok(gap >= 900 && gap < 15000, `requests ${gaps.join(', ')} ms apart; the period is 1 s`);
    // The reordered feed: the same story, at its new index.
    assert.deepEqual(state.view, { status: 'ready', count: 9, index: 7, id: items[1].id }, 'the reader stays on the same story');
  }, { width: 1000, height: 700 });  // two cards in view: index 7 is reachable without looping
});

// readLimited counts a body as it streams: a feed with no Content-Length is cut off at the
// limit, not read whole. route.fulfill sends a whole body with its length, so the page comes
// through a small proxy on another port, which passes every request on to the fixture server
// (same files, same CSP) except huge.json: 40 MB written in 64 KiB chunks, chunked encoding.
test('a feed over 8 MiB sent without Content-Length (chunked) is refused as it streams, and never reaches the wasm heap', async () => {
  await withPage({
    'chunked.html': fixturePage('<div id="carousel" class="carta" data-feed="huge.json" data-height="420" data-loading="eager"></div>'),
  }, async (page, url) => {
    const TOTAL = 40 << 20, CHUNK = 64 << 10;
    const huge = { sent: 0, finished: false };
    const proxy = http.createServer((req, res) => {
      if (new URL(req.url, 'http://proxy').pathname === '/huge.json') {
        res.writeHead(200, { 'Content-Type': 'application/feed+json', 'Cache-Control': 'no-store' });
        const head = Buffer.from('{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[');
        const chunk = Buffer.alloc(CHUNK, 0x20);
        const pump = () => {
          while (huge.sent < TOTAL && !res.destroyed) {
            const part = huge.sent === 0 ? Buffer.concat([head, chunk.subarray(head.length)]) : chunk;
            huge.sent += part.length;
            if (!res.write(part)) { res.once('drain', pump); return; }
          }
          if (huge.sent >= TOTAL && !res.destroyed) { huge.finished = true; res.end(); }
        };
        pump();
        return;
      }
      const upstream = http.request(new URL(req.url, url), { method: req.method, headers: req.headers }, (r) => {
        res.writeHead(r.statusCode, r.headers);
        r.pipe(res);
      });
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    });
    await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const responses = [];
      page.on('response', (r) => { if (r.url().endsWith('/huge.json')) responses.push(r.headers()); });
      await page.addInitScript(() => {
        window.__errors = [];
        document.addEventListener('carta:error', (e) => window.__errors.push(e.detail));
      });
      await page.goto(`http://127.0.0.1:${proxy.address().port}/chunked.html`);
      await page.waitForFunction(() => window.__errors.length, null, { timeout: 30000 });
      await page.waitForTimeout(500);
      const state = await page.evaluate(() => ({
        errors: window.__errors,
        memory: document.querySelector('#carousel').cartaHandle.stats().wasmMemoryBytes,
        status: document.querySelector('#carousel').cartaHandle.view().status,
      }));
      assert.equal(responses.length, 1);
      assert.equal(responses[0]['content-length'], undefined, 'the feed came without Content-Length');
      assert.equal(responses[0]['transfer-encoding'], 'chunked');
      assert.equal(state.errors.length, 1);
      // The streaming branch's words: the size is not known, only that it is over.
      assert.equal(state.errors[0].message, 'the feed is more than 8388608 bytes; the limit is 8192 KiB (8388608 bytes)');
      assert.equal(state.status, 'failed');
      assert.equal(state.memory, 32 << 20, 'the wasm heap never held the feed');
      // The page stopped reading: the proxy was not let to send all 40 MB.
      assert.equal(huge.finished, false, `all ${huge.sent} bytes were sent`);
    } finally {
      proxy.closeAllConnections();
      await new Promise((r) => proxy.close(r));
    }
  });
});

// The error and the empty cards are drawn on the canvas; the mirror says the same words to
// assistive technology and must not paint them over it. With the canvas hidden the widget's
// box shows only the page's background (a11y.test.mjs checks a 404 the same way). Control:
// the same box with the mirror's visually hidden elements made opaque does show text, so the
// pixel check would see a mirror that shows.
test('the mirror stays visually hidden in the error (truncated feed) and empty states', async () => {
  const widget = (feed) => fixturePage(`<div id="carousel" class="carta" data-feed="${feed}" data-height="420" data-loading="eager"></div>`);
  await withPage({
    'broken.html': widget('broken.json'),
    'broken.json': demo.slice(0, 2999),
    'empty.html': widget('empty.json'),
    'empty.json': JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Nothing yet', items: [] }),
  }, async (first, url) => {
    const browser = first.context().browser();
    await first.close();
    for (const [name, words, status] of [['broken', /Stories are unavailable right now.*Please check back/, 'failed'],
                                         ['empty', /No articles yet/, 'ready']]) {
      const { page } = await newPage(browser, { width: 1280, height: 800 });
      const settled = await openAndWaitSettled(page, url + name + '.html');
      assert.equal(settled.errors.length, status === 'failed' ? 1 : 0, `${name}: ${JSON.stringify(settled.errors)}`);
      const view = await page.evaluate(() => document.querySelector('#carousel').cartaHandle.view());
      assert.deepEqual({ status: view.status, count: view.count }, { status, count: 0 }, name);
      // The host page learns that an empty feed is shown: carta:ready with count 0 (and a broken
      // one fires carta:error, never carta:ready).
      if (status === 'ready') await page.waitForFunction(() => window.__carta.ready, null, { timeout: 10000 });
      const ready = await page.evaluate(() => window.__carta.ready);
      assert.deepEqual(ready && ready.detail, status === 'ready' ? { count: 0, renderer: 'webgl2' } : null, `${name}: carta:ready`);
      // The mirror says it (so hiding it would be a real achievement, not an empty box).
      await page.waitForFunction((re) => new RegExp(re).test(document.querySelector('#carousel').shadowRoot.querySelector('[role="region"]').textContent),
        words.source, { timeout: 10000 });
      await page.evaluate(() => { document.querySelector('#carousel').shadowRoot.querySelector('canvas').style.visibility = 'hidden'; });
      const hidden = await pixelStats(browser, await page.locator('#carousel').screenshot());
      assert.ok(hidden.colours <= 2, `${name}: the hidden mirror drew something (${hidden.colours} colours)`);
      await page.evaluate(() => {
        for (const n of document.querySelector('#carousel').shadowRoot.querySelectorAll('[role="region"] .vh')) n.style.opacity = '1';
      });
      const shown = await pixelStats(browser, await page.locator('#carousel').screenshot());
      assert.ok(shown.colours > 2, `${name}: control: the mirror's words made opaque show (${shown.colours} colours)`);
      await page.close();
    }
  });
});

// Without WebGL 2 (WebAssembly still there) the fallback list is read by the core
// (carta_read_feed), with the rules the canvas uses: HTML to plain text with scripts dropped,
// summaries clamped (a summary field to 64 KiB, a summary made from content_html to 600
// bytes), only http(s) links. The same feed in a WebGL page gives the canvas's own reading
// (its view's cards), which the fallback must match item for item.
test('the fallback list (no WebGL) reads the feed with the core\'s rules: no script, no javascript: link, same items', async () => {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1', title: 'Hostile feed', language: 'en',
    items: [
      { id: 'script', url: 'https://example.org/script', title: 'A body with a script',
        content_html: '<p>Before <script>alert(1)</script><b>bold</b> after.</p>' },
      { id: 'long-summary', url: 'https://example.org/long', title: 'A summary past the clamp',
        summary: 'A summary far longer than any card. '.repeat(2000) },
      { id: 'long-body', url: 'https://example.org/body', title: 'A summary made from a long body',
        content_html: '<p>' + 'word '.repeat(400) + '</p>' },
      { id: 'javascript', url: 'javascript:alert(2)', external_url: ' JavaScript:alert(3)', title: 'A javascript: link',
        summary: 'Its links are not http(s).' },
      { id: 'plain', url: 'https://example.org/plain', title: 'An ordinary card', summary: 'Nothing special.' },
    ],
  };
  assert.ok(feed.items[1].summary.length > 64 << 10);
  const widget = fixturePage('<div id="carousel" class="carta" data-feed="hostile.json" data-height="420" data-loading="eager"></div>');
  const viewport = { width: 1000, height: 700 };
  await withPage({ 'hostile.html': widget, 'hostile.json': JSON.stringify(feed) }, async (page, url, errors) => {
    const dialogs = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
    const ready = await openAndWaitReady(page, url + 'hostile.html');
    assert.equal(ready.detail.renderer, 'html', 'the fallback list, not the canvas');
    await page.waitForTimeout(500);
    const list = await page.evaluate(() => {
      const root = document.querySelector('#carousel').shadowRoot;
      return {
        text: root.textContent,
        scripts: root.querySelectorAll('script').length,
        bold: root.querySelectorAll('b').length,
        hrefs: [...root.querySelectorAll('[href]')].map((n) => n.getAttribute('href')),
        articles: [...root.querySelectorAll('article')].map((a) => ({
          title: a.querySelector('.headline').textContent,
          href: a.querySelector('.headline a').getAttribute('href'),
          summary: a.querySelector('.body > .summary')?.textContent ?? '',
        })),
      };
    });

    // The same feed read by the canvas (WebGL): each card's title and summary, from its view.
    const gl = await launch();
    let canvas;
    try {
      const { page: glPage } = await newPage(gl, viewport);
      glPage.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
      const glReady = await openAndWaitReady(glPage, url + 'hostile.html');
      assert.equal(glReady.detail.renderer, 'webgl2');
      canvas = await glPage.evaluate(async () => {
        const handle = document.querySelector('#carousel').cartaHandle;
        const count = handle.view().count, cards = [];
        for (let i = 0; i < count; i++) {
          handle.go(i);
          for (let t = 0; t < 200 && !handle.view().cards.some((c) => c.index === i); t++) await new Promise((r) => setTimeout(r, 25));
          const c = handle.view().cards.find((card) => card.index === i);
          cards.push(c && { title: c.title, summary: c.summary, url: c.url });
        }
        return { count, cards };
      });
    } finally {
      await gl.close();
    }

    assert.equal(list.articles.length, canvas.count, 'as many items as the canvas reads');
    assert.equal(canvas.count, feed.items.length, 'every item is kept (a bad link drops the link, not the item)');
    for (const [i, a] of list.articles.entries()) {
      assert.deepEqual({ title: a.title, summary: a.summary }, { title: canvas.cards[i].title, summary: canvas.cards[i].summary },
        `item ${i} (${feed.items[i].id}) reads as on the canvas`);
    }
    // Scripts dropped, tags removed, the text kept.
    assert.equal(list.scripts, 0);
    assert.equal(list.bold, 0);
    assert.doesNotMatch(list.text, /alert|<script|<b>/);
    assert.match(list.articles[0].summary, /^Before bold after\.?$/);
    // Clamped: the summary field to 64 KiB, the summary made from the body to 600 bytes.
    assert.ok(list.articles[1].summary.length > 1000 && list.articles[1].summary.length <= 64 << 10,
      `summary of ${list.articles[1].summary.length} characters`);
    assert.ok(Buffer.byteLength(list.articles[2].summary) <= 600, `summary of ${Buffer.byteLength(list.articles[2].summary)} bytes`);
    // No javascript: link anywhere; the item's headline has no link at all.
    assert.ok(list.hrefs.length >= 4, `links: ${list.hrefs}`);
    assert.deepEqual(list.hrefs.filter((h) => !/^https?:\/\//i.test(h.trim())), [], 'only http(s) hrefs');
    assert.equal(list.articles[3].href, null);
    assert.equal(canvas.cards[3].url, '');
    await page.waitForTimeout(300);
    assert.deepEqual(dialogs, [], 'no dialog opened');
    assert.deepEqual(errors, []);
  }, viewport, { args: ['--disable-webgl'] });
});

// Under Trusted Types (require-trusted-types-for 'script' beside the strict CSP) no DOM sink
// may be fed a plain string: the widget (canvas and mirror) and the fallback list must build
// everything without innerHTML, DOMParser or a string script URL. Any such use fires a
// securitypolicyviolation (recorded by an init script) and logs a console error. Control: an
// innerHTML assignment afterwards throws and is recorded, so the policy and the listener work.
test('under Trusted Types the widget and the fallback list load with no policy violation', async () => {
  const TT = CSP + "; require-trusted-types-for 'script'";
  const record = () => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__violations.push({ directive: e.violatedDirective, sample: e.sample, source: e.sourceFile, line: e.lineNumber }));
  };
  const check = async (page, url, errors, renderer) => {
    await page.addInitScript(record);
    const ready = await openAndWaitReady(page, url);
    assert.equal(ready.detail.renderer, renderer);
    await page.waitForTimeout(1000);
    assert.deepEqual(await page.evaluate(() => window.__violations), [], `${renderer}: no violation`);
    assert.deepEqual(errors, [], `${renderer}: no console error`);
    const threw = await page.evaluate(() => {
      try { document.createElement('div').innerHTML = '<b>x</b>'; } catch (e) { return e instanceof TypeError; }
      return false;
    });
    assert.equal(threw, true, `${renderer}: Trusted Types are enforced`);
    // The event is queued, not dispatched inside the assignment.
    await page.waitForFunction(() => window.__violations.length === 1, null, { timeout: 5000 });
    assert.equal((await page.evaluate(() => window.__violations))[0].directive, 'require-trusted-types-for');
  };
  await withPage({
    'tt.html': fixturePage('<div id="carousel" class="carta" data-feed="demo.json" data-height="420" data-loading="eager"></div>'),
    // An Arabic feed loads the browser's text stack, carta-text.js, by a script element.
    'tt-ar.html': fixturePage('<div id="carousel" class="carta" data-feed="demo-ar.json" data-height="420" data-loading="eager"></div>', { lang: 'ar' }),
    // An RSS feed loads the XML reader, carta-xml.js, the same way.
    'tt-rss.html': fixturePage('<div id="carousel" class="carta" data-feed="demo-rss.xml" data-height="420" data-loading="eager"></div>'),
  }, async (page, url, errors) => {
    await check(page, url + 'tt.html', errors, 'webgl2');
    const arabic = await newPage(page.context().browser(), { width: 1280, height: 800 });
    await check(arabic.page, url + 'tt-ar.html', arabic.errors, 'webgl2');
    const text = await arabic.page.evaluate(() => !!(window.Carta && window.Carta.textStack));
    assert.equal(text, true, 'carta-text.js ran under Trusted Types');
    const rss = await newPage(page.context().browser(), { width: 1280, height: 800 });
    await check(rss.page, url + 'tt-rss.html', rss.errors, 'webgl2');
    assert.equal(await rss.page.evaluate(() => !!(window.Carta && window.Carta.xml)), true, 'carta-xml.js ran under Trusted Types');
    const noGl = await launch(['--disable-webgl']);
    try {
      const fallback = await newPage(noGl, { width: 1280, height: 800 });
      await check(fallback.page, url + 'tt.html', fallback.errors, 'html');
    } finally {
      await noGl.close();
    }
  }, undefined, { policy: () => TT });
});
