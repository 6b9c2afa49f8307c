// Many widgets on one page (issue 13): a section front with a carousel per section. The
// browser keeps about 16 live WebGL contexts and drops the oldest beyond that; Carta keeps
// at most 8 and lends them to the widgets near the viewport. Thirty widgets, scrolled to
// the bottom and back: every one shows its cards when it is in view, no context is ever
// taken by the browser, and all of them share one font atlas.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, serveWithFixtures, fixturePage, pixelStats } from './lib.mjs';

const COUNT = 30;

test(`${COUNT} widgets on one page: each draws its cards when in view, at most 8 WebGL contexts live`, async () => {
  const widgets = Array.from({ length: COUNT }, (_, i) =>
    `<h2>Section ${i + 1}</h2>\n<div id="w${i}" class="carta" data-feed="demo.json" data-height="360" data-start="${i % 9}"></div>`).join('\n');
  const server = await serveWithFixtures('carta-many-', { 'many.html': fixturePage(widgets) });
  const browser = await launch();
  const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
  const warnings = [];
  page.on('console', (m) => { if (/WebGL|context/i.test(m.text()) && !/GPU stall/.test(m.text())) warnings.push(m.text()); });
  try {
    await page.addInitScript(() => {
      window.__ready = new Set();
      window.__lost = 0;
      document.addEventListener('carta:ready', (e) => window.__ready.add(e.target.id));
    });
    await page.goto(server.url + 'many.html');
    const states = () => page.evaluate((n) => Array.from({ length: n }, (_, i) => {
      const h = document.getElementById('w' + i).cartaHandle;
      return h ? h.stats().context : 'none';
    }), COUNT);
    let mostLive = 0;
    // Shows widget i in the viewport, waits until it has drawn its cards, and screenshots it.
    const visit = async (i) => {
      await page.locator('#w' + i).scrollIntoViewIfNeeded();
      await page.waitForFunction((id) => window.__ready.has(id) &&
        document.getElementById(id).cartaHandle.stats().context === 'live', 'w' + i, { timeout: 30000 });
      await page.waitForTimeout(250);
      const live = (await states()).filter((s) => s === 'live').length;
      mostLive = Math.max(mostLive, live);
      return page.locator('#w' + i).screenshot();
    };
    for (let i = 0; i < COUNT; i++) await visit(i);
    assert.equal(await page.evaluate(() => window.__ready.size), COUNT, 'every widget fired carta:ready');
    const atBottom = await states();
    assert.ok(atBottom.filter((s) => s === 'released').length >= COUNT - 8,
      `widgets far from view gave their contexts back: ${atBottom.join(' ')}`);
    // Back to the top: every widget draws again as it comes into view, its cards and pictures
    // as before (a blank or half-drawn canvas has a few colours, cards with pictures hundreds).
    for (let i = COUNT - 1; i >= 0; i--) {
      const png = await visit(i);
      if (process.env.CARTA_SHOTS_DIR && (i === 0 || i === 10)) fs.writeFileSync(path.join(process.env.CARTA_SHOTS_DIR, `many-${i}.png`), png);
      const stats = await pixelStats(browser, png);
      assert.ok(stats.colours > 500, `widget ${i} shows its cards again after coming back (${stats.colours} colours)`);
    }
    assert.ok(mostLive <= 8, `at most 8 contexts live at once (saw ${mostLive})`);
    const page_ = await page.evaluate(() => Carta.stats());
    assert.equal(page_.widgets, COUNT, 'Carta.stats() counts the widgets');
    assert.ok(page_.liveContexts <= 8, `Carta.stats() counts the live contexts: ${page_.liveContexts}`);
    assert.equal(page_.atlases, 1, 'one font atlas serves every widget');

    // A context the browser takes (a GPU reset, say) comes back with the same cards.
    await page.locator('#w0').scrollIntoViewIfNeeded();
    const before = await page.evaluate(() => document.getElementById('w0').cartaHandle.stats().frames);
    await page.evaluate(() => {
      const canvas = document.getElementById('w0').shadowRoot.querySelector('canvas');
      const lose = canvas.getContext('webgl2').getExtension('WEBGL_lose_context');
      lose.loseContext();
      setTimeout(() => lose.restoreContext(), 200);
    });
    await page.waitForFunction((n) => {
      const s = document.getElementById('w0').cartaHandle.stats();
      return s.context === 'live' && s.frames > n;
    }, before, { timeout: 10000 });
    await page.waitForTimeout(500);
    const restored = await pixelStats(browser, await page.locator('#w0').screenshot());
    assert.ok(restored.colours > 500, `a widget whose context was lost draws its cards again (${restored.colours} colours)`);

    // Every live context lost at once (a GPU process restart): each comes back and the
    // widgets in view draw their cards again.
    const live = await page.evaluate((n) => Array.from({ length: n }, (_, i) => i)
      .filter((i) => document.getElementById('w' + i).cartaHandle.stats().context === 'live'), COUNT);
    assert.ok(live.length >= 2, `several live contexts to lose (${live.length})`);
    const framesBefore = await page.evaluate((ids) => ids.map((i) => document.getElementById('w' + i).cartaHandle.stats().frames), live);
    await page.evaluate((ids) => {
      const exts = ids.map((i) => document.getElementById('w' + i).shadowRoot.querySelector('canvas').getContext('webgl2').getExtension('WEBGL_lose_context'));
      exts.forEach((x) => x.loseContext());
      setTimeout(() => exts.forEach((x) => x.restoreContext()), 200);
    }, live);
    const inView = await page.evaluate((ids) => ids.filter((i) => {
      const r = document.getElementById('w' + i).getBoundingClientRect();
      return r.bottom > 0 && r.top < innerHeight;
    }), live);
    assert.ok(inView.length >= 1, 'a widget in view among them');
    await page.waitForFunction(([ids, before]) => ids.every((i, k) => {
      const s = document.getElementById('w' + i).cartaHandle.stats();
      return s.context === 'live' && s.frames > before[k];
    }), [inView, inView.map((i) => framesBefore[live.indexOf(i)])], { timeout: 15000 });
    await page.waitForTimeout(500);
    for (const i of inView) {
      const stats = await pixelStats(browser, await page.locator('#w' + i).screenshot());
      assert.ok(stats.colours > 500, `widget ${i} draws again after every context was lost (${stats.colours} colours)`);
    }
    assert.deepEqual(warnings, [], 'the browser never had to drop a context');
  } finally {
    await browser.close();
    await server.close();
  }
});
