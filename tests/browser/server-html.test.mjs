// Cards rendered by the server (issue 46): server.html carries the cards of demo.json and
// demo-kinds.json as plain HTML (scripts/serve.mjs renders them with the npm package's
// renderHtml, as a partner's server would). With scripts off the page is complete and
// readable; with scripts on carta.js shows those cards until the canvas's first frame, then
// swaps them for the canvas without moving anything; without WebGL 2 they stay, the widget.
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { dist, launch, picture, serve } from './lib.mjs';

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(path.join(path.dirname(require.resolve('axe-core')), 'axe.min.js'), 'utf8');

let browser, server;
before(async () => {
  browser = await launch();
  server = await serve();
});
after(async () => {
  await browser.close();
  await server.close();
});

test('scripts off: every headline is a working link, the pictures show, the page is complete', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(server.url + 'server.html', { waitUntil: 'load' });
    const cards = await page.evaluate(() => [...document.querySelectorAll('carta-carousel')].map((host) => ({
      id: host.id,
      height: host.getBoundingClientRect().height,
      links: [...host.querySelectorAll('.carta-headline a')].map((a) => ({ href: a.href, text: a.textContent, shown: a.getClientRects().length > 0 })),
      pictures: [...host.querySelectorAll('.carta-picture img')].map((img) => ({ src: img.currentSrc, width: img.naturalWidth })),
    })));
    const feeds = { 'server-cards': 'demo.json', 'server-kinds': 'demo-kinds.json' };
    for (const host of cards) {
      const feed = JSON.parse(fs.readFileSync(path.join(dist, feeds[host.id]), 'utf8'));
      assert.equal(host.height, 420, host.id + ': the box the widget will take');
      assert.deepEqual(host.links.map((l) => l.text), feed.items.map((it) => it.title), host.id);
      for (const l of host.links) {
        assert.match(l.href, /^https:\/\//, l.text);
        assert.ok(l.shown, l.text + ' is shown');
      }
      assert.equal(host.pictures.length, feed.items.filter((it) => it.image).length, host.id);
      for (const p of host.pictures) assert.ok(p.width > 0, 'the picture loads: ' + p.src);
    }
    await picture(page, 'server-scripts-off');
  } finally {
    await context.close();
  }
});

test('scripts on: the cards are upgraded in place — CLS 0 at 390x844 and 1280x900, carta:ready, the first card where it was', async () => {
  for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 900 }]) {
    const page = await browser.newPage({ viewport });
    try {
      await page.addInitScript(() => {
        window.__shifts = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) window.__shifts.push({ value: e.value, sources: (e.sources || []).map((s) => s.node && (s.node.id || s.node.className || s.node.nodeName)) });
        }).observe({ type: 'layout-shift', buffered: true });
        document.addEventListener('carta:ready', (e) => { if (e.target.id === 'server-cards') window.__ready = e.detail; });
        // Where the server's first card is, in the host's box, once the page's styles have
        // loaded (and before the canvas has drawn: the test fails otherwise).
        window.addEventListener('load', () => {
          const host = document.querySelector('#server-cards'), card = host.querySelector('.carta-card');
          const h = host.getBoundingClientRect(), c = card.getBoundingClientRect();
          window.__before = [c.left - h.left, c.top - h.top, c.width, c.height];
          window.__shownAtLoad = card.getClientRects().length > 0 && !window.__ready;
        });
      });
      await page.goto(server.url + 'server.html');
      await page.waitForFunction(() => window.__ready, null, { timeout: 30000 });
      await page.waitForTimeout(1000);
      const state = await page.evaluate(() => {
        const host = document.querySelector('#server-cards');
        const card = host.cartaHandle.view().cards[0];
        return {
          ready: window.__ready, shifts: window.__shifts, before: window.__before, after: card.rect, shownAtLoad: window.__shownAtLoad,
          slot: !!host.shadowRoot.querySelector('slot'),
          serverCardsShown: host.querySelector('.carta-card').getClientRects().length,
          height: host.getBoundingClientRect().height,
        };
      });
      const size = `${viewport.width}x${viewport.height}`;
      assert.ok(state.shownAtLoad, size + ': the server\'s cards are shown until the canvas draws');
      assert.equal(state.ready.renderer, 'webgl2', size);
      assert.equal(state.ready.count, 9, size);
      assert.deepEqual(state.shifts, [], size + ': no layout shift at all');
      assert.equal(state.height, 420, size);
      assert.equal(state.slot, false, size + ': the server\'s cards are gone once the canvas draws');
      assert.equal(state.serverCardsShown, 0, size);
      // The first card: the same place and size, to a pixel.
      state.before.forEach((v, i) => assert.ok(Math.abs(v - state.after[i]) <= 1,
        `${size}: server card [${state.before}] vs canvas card [${state.after}]`));
      if (viewport.width === 1280) await picture(page, 'server-upgraded');
    } finally {
      await page.close();
    }
  }
});

test('the server\'s cards pass axe-core as they are, before carta.js', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await page.route(/carta\.js$/, (route) => route.abort());
    await page.goto(server.url + 'server.html', { waitUntil: 'load' });
    await page.evaluate(AXE);
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    const found = result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}`));
    assert.deepEqual(found, [], found.join('\n'));
    assert.equal(await page.evaluate(() => document.querySelectorAll('.carta-card').length), 14);
  } finally {
    await page.close();
  }
});

test('without WebGL 2 the server\'s cards are the widget: carta:ready (html), no plain list fetched', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  try {
    await page.addInitScript(() => {
      delete window.WebGL2RenderingContext;
      document.addEventListener('carta:ready', (e) => { if (e.target.id === 'server-cards') window.__ready = e.detail; });
    });
    await page.goto(server.url + 'server.html');
    await page.waitForFunction(() => window.__ready, null, { timeout: 30000 });
    assert.deepEqual(await page.evaluate(() => window.__ready), { count: 9, renderer: 'html' });
    assert.equal(await page.evaluate(() => document.querySelector('#server-cards .carta-card').getClientRects().length), 1);
    assert.ok(!fetched.some((p) => /carta-fallback/.test(p)), fetched.join(' '));
    assert.ok(!fetched.some((p) => /\.wasm$/.test(p)), 'no module either: ' + fetched.join(' '));
  } finally {
    await page.close();
  }
});
