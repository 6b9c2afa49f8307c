// The demo in Firefox (Debian's firefox-esr, WebDriver BiDi through puppeteer-core) and WebKit
// (WebKitGTK's MiniBrowser through WebKitWebDriver), headed in a private Xvfb display with
// Mesa's software WebGL 2, against dist/ served with the strict CSP (engines-lib.mjs). In each
// engine: carta:ready with renderer webgl2 and the canvas drawn (and close to Chromium's
// picture of the same card), the Arabic, mixed and fourteen-script feeds, ArrowRight and the
// Next button, the headline under the pointer a real link, the accessible mirror, no draws
// while idle, no console or CSP errors, and the fallback list with WebGL turned off.
// Screenshots go to build/browser/engines/ (CARTA_ENGINES_OUT).
// The engines come from scripts/deps-engines.sh. When one is missing the tests fail in CI
// (CI=true) and under CARTA_ENGINES=required (scripts/test.sh), and are skipped elsewhere
// with a message saying what to install.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveWithFixtures, launch, dist, root } from './lib.mjs';
import { engineProblems, enginesRequired, startXvfb, launchEngine, decodePng, regionStats, differingFraction }
  from './engines-lib.mjs';

const VIEWPORT = { width: 1000, height: 700 };
const outDir = process.env.CARTA_ENGINES_OUT || path.join(root, 'build', 'browser', 'engines');
const feedOf = (name) => JSON.parse(fs.readFileSync(path.join(dist, name), 'utf8'));
const demo = feedOf('demo.json');
const items = demo.items;
const FEEDS = { 'carousel-ar': 'demo-ar.json', 'carousel-mixed': 'demo-mixed.json', 'carousel-world': 'demo-world.json' };

// Before carta.js (a file of the site: the CSP allows no inline script): Carta's events, the
// page's errors (console.error, uncaught errors, failed loads, CSP violations) and WebGL draws.
const RECORDER = `(function () {
  var log = window.__engines = { events: [], errors: [], draws: 0 };
  ['carta:ready', 'carta:error', 'carta:change', 'carta:open'].forEach(function (name) {
    document.addEventListener(name, function (e) {
      var root = e.target && e.target.shadowRoot, live = root && root.querySelector('.live');
      log.events.push({ name: name, target: e.target && e.target.id, detail: e.detail, live: live ? live.textContent : null });
    });
  });
  var error = console.error;
  console.error = function () {
    log.errors.push('console.error: ' + [].map.call(arguments, String).join(' '));
    return error.apply(console, arguments);
  };
  window.addEventListener('error', function (e) {
    var t = e.target;
    log.errors.push(t && t !== window ? 'failed to load ' + (t.src || t.href || t.tagName) : 'error: ' + e.message);
  }, true);
  window.addEventListener('unhandledrejection', function (e) { log.errors.push('unhandled rejection: ' + String(e.reason)); });
  document.addEventListener('securitypolicyviolation', function (e) {
    log.errors.push('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI);
  });
  var proto = window.WebGL2RenderingContext && WebGL2RenderingContext.prototype;
  if (proto) ['drawElements', 'drawArrays', 'drawElementsInstanced', 'drawArraysInstanced', 'drawRangeElements'].forEach(function (name) {
    var original = proto[name];
    if (original) proto[name] = function () { log.draws++; return original.apply(this, arguments); };
  });
})();
`;
const index = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
assert.ok(index.includes('<script src="carta.js" async></script>'), 'dist/index.html loads carta.js');
const FIXTURES = {
  'engines-record.js': RECORDER,
  // The demo page itself, with the recorder before carta.js.
  'engines-demo.html': index.replace('<script src="carta.js" async></script>',
    '<script src="engines-record.js"></script>\n<script src="carta.js" async></script>'),
};

// ---- in-page probes (run in the engine: plain functions, serialised) --------------------

const readyOf = (id) => {
  const log = window.__engines;
  if (!log) return null;
  const e = log.events.find((e) => (e.name === 'carta:ready' || e.name === 'carta:error') && e.target === id);
  return e || null;
};
const hostRect = (id) => {
  const r = document.getElementById(id).getBoundingClientRect();
  return { x: r.x, y: r.y, width: r.width, height: r.height };
};
const pageState = () => ({ errors: window.__engines.errors, draws: window.__engines.draws,
  changes: window.__engines.events.filter((e) => e.name === 'carta:change').map((e) => e.detail) });
const view = (id) => document.getElementById(id).cartaHandle.view();
const stats = (id) => document.getElementById(id).cartaHandle.stats();
const liveText = () => document.getElementById('carousel').shadowRoot.querySelector('.live').textContent;

async function openDemo(s, url) {
  await s.goto(url + 'engines-demo.html');
  const ready = await s.waitFor(readyOf, ['carousel'], 30000, 'carta:ready on #carousel');
  assert.equal(ready.name, 'carta:ready', `carta:error instead of ready: ${JSON.stringify(ready.detail)}`);
  // The pictures arrive after the first frame; each wakes a frame of its own.
  await s.waitFor(() => document.getElementById('carousel').cartaHandle.stats().imageBytes > 0, [], 10000, 'the pictures');
  await new Promise((r) => setTimeout(r, 500));
  return ready;
}

const save = (name, png) => {
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, name), png);
};

// The same page in Chromium (playwright-core, as the other tests), for comparison.
let xvfb, chromiumShot;
async function display() {
  xvfb ??= await startXvfb();
  return xvfb.display;
}
async function chromiumDemo(url) {
  if (chromiumShot) return chromiumShot;
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    await page.goto(url + 'engines-demo.html');
    await page.waitForFunction(readyOf, 'carousel', { timeout: 30000 });
    await page.waitForFunction(() => document.getElementById('carousel').cartaHandle.stats().imageBytes > 0, null, { timeout: 10000 });
    await page.waitForTimeout(500);
    const png = await page.screenshot();
    save('chromium-demo.png', png);
    chromiumShot = { image: decodePng(png), rect: await page.evaluate(hostRect, 'carousel') };
    return chromiumShot;
  } finally {
    await browser.close();
  }
}

after(async () => { await xvfb?.close(); });

for (const engine of ['firefox', 'webkit']) {
  const problems = await engineProblems(engine);
  if (problems.length) {
    const missing = `${engine} is not installed (${problems.join('; ')}): run scripts/deps-engines.sh`;
    if (enginesRequired) {
      // A run that should have the engine fails, once per engine, saying what is missing.
      test(`${engine}: installed (required: CI=true or CARTA_ENGINES=required)`, () => assert.fail(missing));
    } else {
      console.log(`engines.test.mjs: skipping ${engine}: ${missing}`);
      test(`${engine}: the demo's smoke tests`, { skip: `${missing} (CI=true or CARTA_ENGINES=required makes this a failure)` }, () => {});
    }
    continue;
  }

  describe(engine, () => {
    let server, s;
    before(async () => {
      server = await serveWithFixtures(`carta-engines-${engine}-`, FIXTURES);
      const started = Date.now();
      s = await launchEngine(engine, { display: await display(), ...VIEWPORT });
      console.log(`${engine}: ${s.version}, started in ${Date.now() - started} ms`);
    });
    after(async () => {
      await s?.close();
      await server?.close();
    });

    test(`${engine}: the demo reaches carta:ready with renderer webgl2 and draws the first card`, { timeout: 90000 }, async () => {
      assert.equal(await s.eval(() => !!document.createElement('canvas').getContext('webgl2')), true, 'WebGL 2 in this engine');
      const ready = await openDemo(s, server.url);
      assert.equal(ready.target, 'carousel', 'carta:ready bubbles from the host element');
      assert.deepEqual(ready.detail, { count: 9, renderer: 'webgl2' });
      const rect = await s.eval(hostRect, 'carousel');
      assert.equal(Math.round(rect.height), 420, 'the host keeps its height');
      const canvas = await s.eval(() => {
        const c = document.getElementById('carousel').shadowRoot.querySelector('canvas');
        return { width: c.width, height: c.height, hidden: c.getAttribute('aria-hidden') };
      });
      assert.deepEqual(canvas, { width: Math.round(rect.width), height: 420, hidden: 'true' }, 'the canvas fills the host at DPR 1');
      const png = await s.screenshot();
      save(`${engine}-demo.png`, png);
      const shot = decodePng(png);
      assert.deepEqual([shot.width, shot.height], [VIEWPORT.width, VIEWPORT.height], 'the screenshot is the viewport');
      const st = regionStats(shot, rect.x, rect.y, rect.width, rect.height);
      assert.ok(st.colours > 500, `a drawn card has many colours (picture, text): ${st.colours}`);
      assert.ok(st.darkFraction > 0.01, `dark pixels of text and picture: ${st.darkFraction}`);
      // The first card's text, drawn: its headline box is not one colour.
      const head = (await s.eval(view, 'carousel')).cards[0].headline.rect;
      const hs = regionStats(shot, rect.x + head[0], rect.y + head[1], head[2], head[3]);
      assert.ok(hs.colours > 20 && hs.darkFraction > 0.05, `the headline is drawn: ${JSON.stringify(hs)}`);
      assert.deepEqual((await s.eval(pageState)).errors, [], 'no console, load or CSP errors');
    });

    test(`${engine}: the card looks as it does in Chromium`, { timeout: 90000 }, async () => {
      const chromium = await chromiumDemo(server.url);
      await openDemo(s, server.url);
      const rect = await s.eval(hostRect, 'carousel');
      const shot = decodePng(await s.screenshot());
      assert.equal(Math.round(rect.width), Math.round(chromium.rect.width), 'the same widget width as in Chromium');
      // Same wasm, same font atlas, same layout: only the GL rasteriser and the pictures'
      // decoders differ. A card drawn elsewhere (a shift, another card, a blank) differs a lot.
      const fraction = differingFraction(shot, [rect.x, rect.y], chromium.image, [chromium.rect.x, chromium.rect.y],
        Math.min(rect.width, chromium.rect.width), 420);
      console.log(`${engine}: ${(fraction * 100).toFixed(2)} % of the widget's pixels differ from Chromium's by more than 48`);
      assert.ok(fraction < 0.01, `the widget differs from Chromium's in ${(fraction * 100).toFixed(2)} % of its pixels`);
    });

    test(`${engine}: the Arabic, mixed and fourteen-script feeds reach carta:ready with webgl2`, { timeout: 90000 }, async () => {
      await openDemo(s, server.url);
      for (const [id, file] of Object.entries(FEEDS)) {
        await s.eval((id) => document.getElementById(id).scrollIntoView({ block: 'center' }), id);
        const ready = await s.waitFor(readyOf, [id], 30000, `carta:ready on #${id}`);
        assert.equal(ready.name, 'carta:ready', `#${id}: ${JSON.stringify(ready.detail)}`);
        assert.deepEqual(ready.detail, { count: feedOf(file).items.length, renderer: 'webgl2' }, `#${id}`);
        await new Promise((r) => setTimeout(r, 1500));  // pictures, and the text stack's lines
        const rect = await s.eval(hostRect, id);
        const png = await s.screenshot();
        save(`${engine}-${id.replace('carousel-', '')}.png`, png);
        const st = regionStats(decodePng(png), rect.x, rect.y, rect.width, rect.height);
        assert.ok(st.colours > 500 && st.darkFraction > 0.01, `#${id} is drawn: ${JSON.stringify(st)}`);
        const v = await s.eval(view, id);
        assert.equal(v.rtl, id === 'carousel-ar', `#${id} runs ${id === 'carousel-ar' ? 'right to left' : 'left to right'}`);
      }
      assert.deepEqual((await s.eval(pageState)).errors, [], 'no console, load or CSP errors');
    });

    test(`${engine}: ArrowRight and the Next button change the card, its picture and the live region`, { timeout: 90000 }, async () => {
      await openDemo(s, server.url);
      const rect = await s.eval(hostRect, 'carousel');
      const before = decodePng(await s.screenshot());
      assert.equal(await s.eval(liveText), '', 'nothing announced at first');
      await s.eval(() => document.getElementById('carousel').shadowRoot.querySelector('a[data-kind="0"]').focus());
      await s.key('ArrowRight');
      await s.waitFor(() => window.__engines.events.some((e) => e.name === 'carta:change'), [], 5000, 'carta:change');
      assert.deepEqual((await s.eval(pageState)).changes, [{ index: 1, id: items[1].id, cause: 'reader' }]);
      await s.waitFor(() => document.getElementById('carousel').shadowRoot.querySelector('.live').textContent !== '',
        [], 3000, 'the live region');
      assert.equal(await s.eval(liveText), `Card 2 of 9: ${items[1].title}`);
      await new Promise((r) => setTimeout(r, 800));  // the slide
      const v1 = await s.eval(view, 'carousel');
      assert.equal(v1.index, 1);
      assert.equal(v1.cards.find((c) => c.index === 1).title, items[1].title);
      const moved = decodePng(await s.screenshot());
      const slid = differingFraction(before, [rect.x, rect.y], moved, [rect.x, rect.y], rect.width, 420);
      assert.ok(slid > 0.2, `the canvas shows other cards after ArrowRight (${(slid * 100).toFixed(1)} % of pixels changed)`);

      // The Next button, clicked with the pointer where the canvas draws it.
      const [bx, by, bw, bh] = v1.next;
      await s.click(rect.x + bx + bw / 2, rect.y + by + bh / 2);
      await s.waitFor(() => window.__engines.events.filter((e) => e.name === 'carta:change').length >= 2, [], 5000,
        'carta:change after the Next button');
      assert.deepEqual((await s.eval(pageState)).changes, [{ index: 1, id: items[1].id, cause: 'reader' }, { index: 2, id: items[2].id, cause: 'reader' }]);
      await s.waitFor(() => /^Card 3 of 9: /.test(document.getElementById('carousel').shadowRoot.querySelector('.live').textContent),
        [], 3000, 'the live region to announce card 3');
      assert.equal(await s.eval(liveText), `Card 3 of 9: ${items[2].title}`);
      await new Promise((r) => setTimeout(r, 800));
      assert.equal((await s.eval(view, 'carousel')).index, 2);
      const after = decodePng(await s.screenshot());
      const slid2 = differingFraction(moved, [rect.x, rect.y], after, [rect.x, rect.y], rect.width, 420);
      assert.ok(slid2 > 0.2, `the canvas moved on after Next (${(slid2 * 100).toFixed(1)} % of pixels changed)`);
      assert.deepEqual((await s.eval(pageState)).errors, []);
    });

    test(`${engine}: the headline under the pointer is a real <a href> to the article`, { timeout: 60000 }, async () => {
      await openDemo(s, server.url);
      const found = await s.eval(() => {
        const host = document.getElementById('carousel'), r = host.getBoundingClientRect();
        const card = host.cartaHandle.view().cards[0];
        const at = (rect) => {
          const x = r.x + rect[0] + rect[2] / 2, y = r.y + rect[1] + rect[3] / 2;
          const node = host.shadowRoot.elementFromPoint(x, y), a = node && node.closest('a');
          return { outer: document.elementFromPoint(x, y) === host, tag: node && node.tagName, href: a && a.href,
                   text: a && a.textContent, cursor: node && getComputedStyle(node).cursor };
        };
        return { headline: at(card.headline.rect), card: at(card.rect) };
      });
      for (const [where, f] of Object.entries(found)) {
        assert.equal(f.outer, true, `${where}: the page's elementFromPoint meets the widget`);
        assert.equal(f.tag, 'A', `${where}: a link, not the canvas`);
        assert.equal(f.href, items[0].url, `${where}: the first article's URL`);
        assert.equal(f.cursor, 'pointer', `${where}: a pointer cursor`);
      }
      assert.equal(found.headline.text, items[0].title);
    });

    test(`${engine}: the accessible mirror: region, slides, headline links, buttons, live region`, { timeout: 60000 }, async () => {
      await openDemo(s, server.url);
      const m = await s.eval(() => {
        const root = document.getElementById('carousel').shadowRoot;
        const region = root.querySelector('[role="region"]');
        const label = (e) => e.getAttribute('aria-label') || e.textContent.trim();
        const live = root.querySelector('.live');
        return {
          region: region && { label: region.getAttribute('aria-label'), role: region.getAttribute('aria-roledescription'),
                              lang: region.getAttribute('lang'), dir: region.getAttribute('dir') },
          articles: [...root.querySelectorAll('article')].map((a) => ({
            label: a.getAttribute('aria-label'), role: a.getAttribute('aria-roledescription'),
            heading: a.querySelector('.headline') && a.querySelector('.headline').textContent,
            link: a.querySelector('.headline a') && a.querySelector('.headline a').href,
          })),
          buttons: [...root.querySelectorAll('button')].map(label),
          group: root.querySelector('[role="group"]') && label(root.querySelector('[role="group"]')),
          live: live && { live: live.getAttribute('aria-live'), atomic: live.getAttribute('aria-atomic') },
        };
      });
      assert.deepEqual(m.region, { label: demo.title, role: 'carousel', lang: 'en', dir: 'ltr' });
      assert.ok(m.articles.length >= 2, `the cards in view are articles: ${JSON.stringify(m.articles)}`);
      for (const [i, a] of m.articles.slice(0, 2).entries()) {
        assert.deepEqual(a, { label: `${i + 1} of 9`, role: 'slide', heading: items[i].title, link: items[i].url });
      }
      assert.ok(m.buttons.includes('Previous card') && m.buttons.includes('Next card'), `buttons: ${m.buttons}`);
      assert.equal(m.group, 'Choose a card');
      // A dot for each place the carousel can stop (two cards in view: 8 for 9 cards).
      const v = await s.eval(view, 'carousel');
      assert.equal(v.dots.length, 9 - v.perView + 1);
      for (let n = 1; n <= v.dots.length; n++) assert.ok(m.buttons.includes(`Go to card ${n}`), `a "Go to card ${n}" button`);
      assert.deepEqual(m.live, { live: 'polite', atomic: 'true' });
    });

    test(`${engine}: idle: no WebGL draw calls and no frames while nothing moves`, { timeout: 60000 }, async () => {
      await openDemo(s, server.url);
      await new Promise((r) => setTimeout(r, 1000));
      const a = await s.eval(() => ({ draws: window.__engines.draws, frames: document.getElementById('carousel').cartaHandle.stats().frames }));
      assert.ok(a.draws > 0 && a.frames > 0, `the counters saw the first frames: ${JSON.stringify(a)}`);
      await new Promise((r) => setTimeout(r, 3000));
      const b = await s.eval(() => ({ draws: window.__engines.draws, frames: document.getElementById('carousel').cartaHandle.stats().frames }));
      assert.deepEqual(b, a, 'nothing drawn during 3 s of idleness');
    });

    test(`${engine}: without WebGL the fallback list is shown`, { timeout: 90000 }, async () => {
      const off = await launchEngine(engine, { display: await display(), webgl: false, ...VIEWPORT });
      try {
        await off.goto(server.url + 'engines-demo.html');
        assert.equal(await off.eval(() => !!document.createElement('canvas').getContext('webgl2')), false, 'WebGL 2 is off');
        const ready = await off.waitFor(readyOf, ['carousel'], 30000, 'carta:ready on #carousel');
        assert.equal(ready.name, 'carta:ready');
        assert.deepEqual(ready.detail, { count: 9, renderer: 'html' });
        const f = await off.eval(() => {
          const root = document.getElementById('carousel').shadowRoot;
          const region = root.querySelector('[role="region"]');
          const link = region.querySelector('article a'), r = link.getBoundingClientRect();
          return {
            canvas: !!root.querySelector('canvas'),
            className: region.className,
            articles: [...region.querySelectorAll('article')].map((a) => ({
              label: a.getAttribute('aria-label'), img: a.querySelector('img') && a.querySelector('img').getAttribute('loading') })),
            first: { text: link.textContent, href: link.href, visible: r.width > 0 && r.height > 0 &&
                     root.elementFromPoint(r.x + Math.min(r.width, 40) / 2, r.y + r.height / 2)?.closest('a') === link },
          };
        });
        assert.equal(f.canvas, false, 'no canvas');
        assert.ok(f.className.split(' ').includes('fallback'), `region class: ${f.className}`);
        assert.deepEqual(f.articles.map((a) => a.label), items.map((_, i) => `${i + 1} of 9`));
        assert.ok(f.articles.every((a) => a.img === 'lazy'), 'each article has a lazy <img>');
        assert.deepEqual(f.first, { text: items[0].title, href: items[0].url, visible: true });
        await off.waitFor(() => {
          const img = document.getElementById('carousel').shadowRoot.querySelector('img');
          return img.complete && img.naturalWidth > 0;
        }, [], 10000, 'the first picture');
        // The first picture painted (not the placeholder's one colour): decoded pictures can
        // reach the screen a few frames after `complete`.
        const imgRect = await off.eval(() => {
          const r = document.getElementById('carousel').shadowRoot.querySelector('img').getBoundingClientRect();
          return { x: r.x, y: r.y, width: r.width, height: r.height };
        });
        let png, picture;
        for (const until = Date.now() + 8000; ;) {
          png = await off.screenshot();
          picture = regionStats(decodePng(png), imgRect.x, imgRect.y, imgRect.width, imgRect.height);
          if (picture.colours > 50 || Date.now() > until) break;
          await new Promise((r) => setTimeout(r, 250));
        }
        save(`${engine}-fallback.png`, png);
        assert.ok(picture.colours > 50, `the first picture is painted: ${JSON.stringify(picture)}`);
        const rect = await off.eval(hostRect, 'carousel');
        const st = regionStats(decodePng(png), rect.x, rect.y, rect.width, Math.min(rect.height, VIEWPORT.height - rect.y));
        assert.ok(st.colours > 200, `the list shows pictures and text: ${JSON.stringify(st)}`);
        assert.deepEqual((await off.eval(pageState)).errors, [], 'no console, load or CSP errors');
      } finally {
        await off.close();
      }
    });
  });
}
