// Accessibility of the widget: the DOM mirror's tree (region, articles, headline links,
// controls), the polite live region (reader navigation announced, autoplay not), tab order,
// the plain-HTML fallback without WebGL 2 or WebAssembly, reduced motion, no focusable
// element in a hidden card, and keyboard-only use. Fixture pages are written at test time
// into a temporary copy of dist/ (the strict CSP forbids inline scripts and styles).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serveWithFixtures, launch, dist, fixturePage, pixelStats, pixelDiff } from './lib.mjs';

const VIEWPORT = { width: 1000, height: 700 };
const feed = JSON.parse(fs.readFileSync(path.join(dist, 'demo.json'), 'utf8'));
const items = feed.items;
const KEY = 'carta.test';

const fixture = (attrs) => fixturePage(`<main>
<h1>Fixture</h1>
<div id="carousel" class="carta" data-feed="demo.json" data-height="420" data-loading="eager" ${attrs}></div>
</main>`);

const FIXTURES = {
  'autoplay-1500.html': fixture('data-autoplay="1500"'),
  'autoplay-1000.html': fixture('data-autoplay="1000"'),
  'missing.html': fixture('').replace('data-feed="demo.json"', 'data-feed="no-such-feed.json"'),
  'arabic.html': fixturePage(`<main><h1>Fixture</h1>
<div id="carousel" class="carta" data-feed="demo-ar.json" data-height="420" data-loading="eager"></div></main>`, { lang: 'ar' }),
};

let server, browser;
before(async () => {
  server = await serveWithFixtures('carta-a11y-', FIXTURES);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

// ---- helpers -------------------------------------------------------------------------

// Runs before the page's scripts: records Carta's events under a symbol (no global).
function instrument(key) {
  const log = { events: [] };
  window[Symbol.for(key)] = log;
  for (const name of ['carta:ready', 'carta:error', 'carta:change', 'carta:open']) {
    document.addEventListener(name, (e) => {
      const live = e.target && e.target.shadowRoot && e.target.shadowRoot.querySelector('.live');
      log.events.push({ name, target: e.target && e.target.id, detail: e.detail, at: performance.now(),
                        live: live ? live.textContent : null });
    });
  }
}

async function open(url, { b = browser, viewport = VIEWPORT, init = [], reducedMotion } = {}) {
  const context = await b.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.addInitScript(instrument, KEY);
  for (const script of init) await page.addInitScript(script);
  if (reducedMotion) await page.emulateMedia({ reducedMotion });
  await page.goto(url);
  return { context, page, pageErrors, close: () => context.close() };
}

const events = async (page, name) =>
  (await page.evaluate((key) => window[Symbol.for(key)].events, KEY)).filter((e) => !name || e.name === name);

async function waitEvent(page, name, timeout = 20000, count = 1) {
  await page.waitForFunction(([key, n, c]) => window[Symbol.for(key)].events.filter((e) => e.name === n).length >= c,
    [KEY, name, count], { timeout });
  return (await events(page, name))[count - 1];
}

async function waitReady(page, timeout = 20000) {
  await page.waitForFunction((key) => window[Symbol.for(key)].events.some((e) => e.name === 'carta:ready' || e.name === 'carta:error'),
    KEY, { timeout });
  assert.deepEqual(await events(page, 'carta:error'), [], 'no carta:error');
  return (await events(page, 'carta:ready'))[0];
}

const liveText = (page) => page.evaluate(() => document.querySelector('#carousel').shadowRoot.querySelector('.live')?.textContent ?? null);

// What has keyboard focus: the light-DOM element and, inside the widget, the shadow root's.
const focused = (page) => page.evaluate(() => {
  const a = document.activeElement;
  const inner = a && a.shadowRoot ? a.shadowRoot.activeElement : null;
  const e = inner || a;
  return {
    host: a ? a.id || a.tagName : null,
    inWidget: !!inner,
    tag: e ? e.tagName : null,
    kind: e && e.dataset ? e.dataset.kind ?? null : null,
    index: e && e.dataset ? e.dataset.index ?? null : null,
    label: e ? e.getAttribute('aria-label') || (e.textContent || '').trim().slice(0, 80) : null,
  };
});

const articleLabels = (page) => page.evaluate(() =>
  [...document.querySelector('#carousel').shadowRoot.querySelectorAll('article')].map((a) => a.getAttribute('aria-label')));

// ---- tests ---------------------------------------------------------------------------

test('accessibility tree: region named after the feed, the first article, its headline link and the controls', async () => {
  const { page, close } = await open(server.url);
  try {
    await waitReady(page);
    await page.waitForTimeout(300);
    const snap = await page.locator('#carousel').ariaSnapshot();
    const lines = snap.split('\n').map((l) => l.trim());
    const at = (re) => lines.findIndex((l) => re.test(l));
    const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    assert.equal(feed.title, 'Mena Today — Levant');
    assert.match(lines[0], new RegExp(`^- region "${esc(feed.title)}"`), snap);
    const article = at(/^- article "1 of 9"/);
    assert.ok(article > 0, `an article "1 of 9":\n${snap}`);
    const title = items[0].title;
    const heading = at(new RegExp(`^- heading "${esc(title)}" \\[level=2\\]`));  // heading-level: 2 by default
    assert.ok(heading > article, 'the first article has the first headline as a heading');
    assert.match(lines[heading + 1], new RegExp(`^- link "${esc(title)}"`), 'the heading is a link');
    assert.match(lines[heading + 2], new RegExp(`^- /url: ${esc(items[0].url)}$`), 'to the article');
    assert.ok(at(/^- article "2 of 9"/) > heading);
    assert.ok(at(/^- button "Previous card"/) > 0, 'a "Previous card" button');
    assert.ok(at(/^- button "Next card"/) > 0, 'a "Next card" button');
    const group = at(/^- group "Choose a card"/);
    assert.ok(group > 0, 'a group "Choose a card"');
    assert.match(lines[group + 1], /^- button "Go to card 1"/);
    // Nothing from the canvas itself: it is aria-hidden.
    assert.equal(await page.evaluate(() => document.querySelector('#carousel').shadowRoot.querySelector('canvas').getAttribute('aria-hidden')), 'true');
  } finally {
    await close();
  }
});

test('live region: reader navigation is announced, autoplay is not', async () => {
  let { page, close } = await open(server.url);
  try {
    await waitReady(page);
    assert.equal(await liveText(page), '', 'nothing announced at first');
    await page.locator('#carousel a[data-kind="0"]').first().focus();
    await page.keyboard.press('ArrowRight');
    await waitEvent(page, 'carta:change', 3000);
    await page.waitForFunction(() => document.querySelector('#carousel').shadowRoot.querySelector('.live').textContent !== '',
      null, { timeout: 2000 });
    assert.equal(await liveText(page), 'Card 2 of 9: Security Council sets an end date for UNIFIL in Lebanon');
    const live = await page.evaluate(() => {
      const l = document.querySelector('#carousel').shadowRoot.querySelector('.live');
      return { live: l.getAttribute('aria-live'), atomic: l.getAttribute('aria-atomic') };
    });
    assert.deepEqual(live, { live: 'polite', atomic: 'true' });
  } finally {
    await close();
  }

  ({ page, close } = await open(server.url + 'autoplay-1500.html'));
  try {
    await waitReady(page);
    const first = await waitEvent(page, 'carta:change', 4000);
    assert.equal(first.detail.index, 1, 'autoplay moved the carousel');
    await page.waitForTimeout(500);
    assert.equal(await liveText(page), '', 'an autoplay change is not announced');
    await waitEvent(page, 'carta:change', 4000, 2);
    await page.waitForTimeout(500);
    assert.equal(await liveText(page), '', 'nor the next one');
    assert.deepEqual((await events(page, 'carta:change')).map((e) => e.live), ['', ''], 'the live region was empty at each change');
  } finally {
    await close();
  }
});

test('tab order: first headline link, a related link, then Previous and Next', async () => {
  const { page, close } = await open(server.url);
  try {
    await waitReady(page);
    await page.waitForTimeout(300);
    const stops = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      stops.push(await focused(page));
    }
    const first = stops.findIndex((s) => s.inWidget);
    assert.ok(first >= 0, `Tab reaches the widget: ${JSON.stringify(stops)}`);
    assert.ok(stops.slice(0, first).every((s) => s.host !== 'carousel'), 'the host itself is not a tab stop');
    assert.deepEqual({ kind: stops[first].kind, index: stops[first].index, label: stops[first].label },
      { kind: '0', index: '0', label: items[0].title }, 'the first stop in the widget is the first card\'s headline');
    const related = stops.findIndex((s) => s.inWidget && s.kind === '1');
    const prev = stops.findIndex((s) => s.inWidget && s.label === 'Previous card');
    const next = stops.findIndex((s) => s.inWidget && s.label === 'Next card');
    assert.equal(related, first + 1, 'then a related link of the first card');
    assert.ok(prev > related, `later Previous card (stops: ${stops.map((s) => s.label).join(' | ')})`);
    assert.equal(next, prev + 1, 'then Next card');
    assert.ok(stops.slice(first, next + 1).every((s) => s.inWidget), 'all inside the widget, in order');
  } finally {
    await close();
  }
});

// `linksOnly`: without WebAssembly the list is each item's title as a link, nothing more
// (README, "Without WebAssembly"): no second reader of the feed in JavaScript.
async function assertFallback(page, pageErrors, linksOnly = false) {
  const ready = await waitReady(page);
  assert.equal(ready.detail.renderer, 'html');
  assert.equal(ready.detail.count, 9);
  const state = await page.evaluate(() => {
    const root = document.querySelector('#carousel').shadowRoot;
    const region = root.querySelector('[role="region"]');
    const r = region.getBoundingClientRect();
    return {
      canvas: !!root.querySelector('canvas'),
      className: region.className,
      visible: region.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && r.width > 0 && r.height > 0,
      articles: [...region.querySelectorAll('article')].map((a) => {
        const img = a.querySelector('img');
        return {
          label: a.getAttribute('aria-label'),
          img: img && { loading: img.getAttribute('loading'), src: img.getAttribute('src'), alt: img.getAttribute('alt') },
          links: [...a.querySelectorAll('a')].map((l) => l.getAttribute('href')),
        };
      }),
    };
  });
  assert.equal(state.canvas, false, 'no canvas left');
  assert.ok(state.className.split(' ').includes('fallback'), `region class: ${state.className}`);
  assert.ok(state.visible, 'the fallback list is visible');
  assert.equal(state.articles.length, 9);
  assert.deepEqual(state.articles.map((a) => a.label), items.map((_, i) => `${i + 1} of 9`));
  for (const [i, a] of state.articles.entries()) {
    assert.ok(a.links.length >= 1 && a.links.every((h) => /^https?:\/\//.test(h)), `article ${i + 1} links: ${a.links}`);
    if (linksOnly) {
      assert.equal(a.img, null, `article ${i + 1}: no picture without the core`);
      continue;
    }
    assert.equal(a.img?.loading, 'lazy', `article ${i + 1} has a real <img loading="lazy">`);
    assert.equal(a.img.src, new URL(items[i].image, server.url).href, `article ${i + 1}'s picture`);
  }
  assert.equal(state.articles[0].links[0], items[0].url);
  // Really visible to the reader: the first headline link is on screen and the picture loaded.
  await assertVisibleHeadline(page);
  if (linksOnly) return assert.deepEqual(pageErrors, []);
  await page.waitForFunction(() => {
    const img = document.querySelector('#carousel').shadowRoot.querySelector('img');
    return img.complete && img.naturalWidth > 0;
  }, null, { timeout: 5000 });
  assert.deepEqual(pageErrors, []);
}

async function assertVisibleHeadline(page) {
  const link = page.locator('#carousel article a').first();
  assert.equal(await link.isVisible(), true);
  assert.equal(await link.textContent(), items[0].title);
}

test('fallback without WebGL (--disable-webgl): a visible list with real images and links', async () => {
  const b = await launch(['--disable-webgl']);
  try {
    const { page, pageErrors, close } = await open(server.url, { b });
    try {
      assert.equal(await page.evaluate(() => !!document.createElement('canvas').getContext('webgl2')), false, 'WebGL 2 is off');
      await assertFallback(page, pageErrors);
    } finally {
      await close();
    }
  } finally {
    await b.close();
  }
});

// Every text block of a fallback card ends inside the card, in whole lines: the summary gets
// the lines the card has room for (an ellipsis after the last), none cut by the card's edge.
// Each visible text block of each fallback card: how far it ends past its card's bottom
// edge and how many lines it holds.
const fallbackBlocks = (page) => page.evaluate(() => [...document.querySelector('#carousel').shadowRoot.querySelectorAll('.fallback article')].map((a) => {
  const box = a.getBoundingClientRect();
  return [...a.querySelectorAll('.headline, figcaption, .meta, .category, .body > p:not(.category):not(.meta)')].filter((n) => n.getClientRects().length).map((n) => {
    const r = n.getBoundingClientRect(), cs = getComputedStyle(n), line = parseFloat(cs.lineHeight);
    const text = r.height - parseFloat(cs.paddingTop) - parseFloat(cs.paddingBottom);
    return { what: n.className || (n.tagName === 'P' ? 'summary' : n.tagName), overBy: r.bottom - box.bottom, lines: text / line };
  });
}));

function assertWholeLines(cards, where) {
  let summaries = 0;
  for (const [i, blocks] of cards.entries())
    for (const b of blocks) {
      assert.ok(b.overBy <= 0.5, `card ${i} ${where}: its ${b.what} ends ${b.overBy.toFixed(1)} px past the card`);
      assert.ok(Math.abs(b.lines - Math.round(b.lines)) < 0.05, `card ${i} ${where}: its ${b.what} is ${b.lines.toFixed(2)} lines`);
      if (b.what === 'summary') summaries++;
    }
  return summaries;
}

test('fallback without WebGL: no line of a card is cut by its edge, at two widget heights', async () => {
  const b = await launch(['--disable-webgl']);
  try {
    const { page, close } = await open(server.url, { b });
    try {
      await page.waitForFunction(() => document.querySelector('#carousel').shadowRoot.querySelectorAll('.fallback article').length > 0);
      for (const height of [420, 520]) {
        await page.evaluate((h) => { document.querySelector('#carousel').style.height = h + 'px'; }, height);
        await page.waitForTimeout(300);  // the ResizeObserver clamps again
        const cards = await fallbackBlocks(page);
        const summaries = assertWholeLines(cards, `at ${height} px`);
        assert.ok(summaries >= cards.length / 2, `most cards keep some summary at ${height} px (${summaries} of ${cards.length})`);
      }
    } finally {
      await close();
    }
  } finally {
    await b.close();
  }
});

// A reader's minimum font size (Chromium's settings, here 20 px) enlarges the page's small
// text. The canvas draws its own, so the cards are the same; the fallback's text grows and
// is still clamped to whole lines inside each card.
async function withMinimumFontSize(px, args, use) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carta-min-font-'));
  fs.mkdirSync(path.join(dir, 'Default'));
  fs.writeFileSync(path.join(dir, 'Default', 'Preferences'),
    JSON.stringify({ webkit: { webprefs: { minimum_font_size: px, minimum_logical_font_size: px } } }));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, viewport: VIEWPORT, deviceScaleFactor: 1,
    args: ['--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--use-angle=swiftshader', ...args],
  });
  try {
    const page = await context.newPage();
    await page.addInitScript(instrument, KEY);
    return await use(page);
  } finally {
    await context.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('a reader\'s minimum font size: the canvas cards are unchanged, the fallback keeps whole lines inside its cards', async () => {
  const cardShot = async (page) => {
    await page.goto(server.url);
    await waitReady(page);
    await page.waitForTimeout(800);
    return page.locator('#carousel').screenshot();
  };
  const plain = await open(server.url);
  let reference;
  try { reference = await cardShot(plain.page); } finally { await plain.close(); }
  await withMinimumFontSize(20, [], async (page) => {
    const shot = await cardShot(page);
    assert.ok(await page.evaluate(() => { const p = document.createElement('p'); p.style.fontSize = '9px'; document.body.append(p);
      const size = parseFloat(getComputedStyle(p).fontSize); p.remove(); return size; }) >= 20, 'the setting is on');
    const differ = await pixelDiff(browser, reference, shot);
    assert.ok(differ < 0.002, `${(differ * 100).toFixed(2)} % of the canvas's pixels changed`);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'nothing sticks out of the page');
  });
  await withMinimumFontSize(20, ['--disable-webgl'], async (page) => {
    await page.goto(server.url);
    await page.waitForFunction(() => document.querySelector('#carousel')?.shadowRoot?.querySelectorAll('.fallback article').length > 0);
    await page.waitForTimeout(500);
    const cards = await fallbackBlocks(page);
    assert.ok(await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('#carousel').shadowRoot.querySelector('.fallback .meta')).fontSize)) >= 20,
      'the fallback\'s 13 px text is 20 px');
    assertWholeLines(cards, 'at a 20 px minimum');
  });
});

// The fallback list answers the canvas's keys: card by card, Home and End, mirrored for a
// right-to-left feed (ArrowLeft goes forward).
test('fallback without WebGL: ArrowRight, End and Home go card by card, and ArrowLeft forward right to left', async () => {
  const b = await launch(['--disable-webgl']);
  try {
    for (const [file, forward, back] of [['', 'ArrowRight', 'ArrowLeft'], ['arabic.html', 'ArrowLeft', 'ArrowRight']]) {
      const { page, close } = await open(server.url + file, { b });
      try {
        await page.waitForFunction(() => document.querySelector('#carousel').shadowRoot.querySelectorAll('.fallback article').length > 0);
        const state = () => page.evaluate(() => {
          const r = document.querySelector('#carousel').shadowRoot, list = r.querySelector('.fallback');
          const articles = [...list.querySelectorAll('article')];
          const start = list.getBoundingClientRect(), pad = parseFloat(getComputedStyle(list).paddingInlineStart);
          const rtl = getComputedStyle(list).direction === 'rtl';
          // The article whose inline start is at the list's start (after its padding).
          const first = articles.findIndex((a) => Math.abs(rtl ? start.right - pad - a.getBoundingClientRect().right
                                                               : a.getBoundingClientRect().left - start.left - pad) < 2);
          return { focus: articles.indexOf(r.activeElement && r.activeElement.closest('article')), first, count: articles.length };
        });
        for (let i = 0; i < 6 && (await state()).focus < 0; i++) await page.keyboard.press('Tab');
        assert.deepEqual(await state().then((s) => [s.focus, s.first]), [0, 0], `${file || 'English'}: the first headline has the focus`);
        const count = (await state()).count;
        for (const [key, want] of [[forward, 1], [forward, 2], [back, 1], ['End', count - 1], ['Home', 0]]) {
          await page.keyboard.press(key);
          // A smooth scroll: until it settles (three seconds at most).
          let s = await state();
          for (let t = 0; t < 30 && s.first !== want && want < count - 2; t++) {
            await page.waitForTimeout(100);
            s = await state();
          }
          assert.equal(s.focus, want, `${file || 'English'}: after ${key} the focus is on card ${want + 1}`);
          // The last cards cannot all reach the start of the list: at the end it stops.
          if (want < count - 2) assert.equal(s.first, want, `${file || 'English'}: after ${key} card ${want + 1} starts the list`);
        }
      } finally {
        await close();
      }
    }
  } finally {
    await b.close();
  }
});

// Golden pictures of the fallback, English and Arabic, in Chromium with WebGL off. On a
// mismatch the actual picture is kept in tests/browser/actual/; CARTA_UPDATE_GOLDEN=1
// writes new references (look at them before committing).
test('fallback without WebGL: the list looks as its golden pictures, English and Arabic', async () => {
  const b = await launch(['--disable-webgl']);
  const golden = path.join(path.dirname(new URL(import.meta.url).pathname), 'golden');
  try {
    for (const [file, name] of [['', 'fallback-en.png'], ['arabic.html', 'fallback-ar.png']]) {
      const { page, close } = await open(server.url + file, { b });
      try {
        await page.waitForFunction(() => {
          const list = document.querySelector('#carousel').shadowRoot.querySelector('.fallback');
          const box = list && list.getBoundingClientRect();
          const seen = list ? [...list.querySelectorAll('img')].filter((i) => i.getBoundingClientRect().left < box.right && i.getBoundingClientRect().right > box.left) : [];
          return seen.length > 0 && seen.every((i) => i.complete && i.naturalWidth > 0);
        }, null, { timeout: 15000 });
        await page.waitForTimeout(300);
        const shot = await page.locator('#carousel').screenshot();
        const reference = path.join(golden, name);
        if (process.env.CARTA_UPDATE_GOLDEN) {
          fs.mkdirSync(golden, { recursive: true });
          fs.writeFileSync(reference, shot);
          continue;
        }
        assert.ok(fs.existsSync(reference), `${reference} is missing: run with CARTA_UPDATE_GOLDEN=1`);
        const differ = await pixelDiff(b, fs.readFileSync(reference), shot);
        if (differ >= 0.01) {
          const actual = path.join(path.dirname(golden), 'actual');
          fs.mkdirSync(actual, { recursive: true });
          fs.writeFileSync(path.join(actual, name), shot);
        }
        assert.ok(differ < 0.01, `${name}: ${(differ * 100).toFixed(2)} % of the pixels differ (actual in tests/browser/actual/)`);
      } finally {
        await close();
      }
    }
  } finally {
    await b.close();
  }
});

test('fallback without WebAssembly: a visible list of the stories\' links', async () => {
  const b = await launch(['--js-flags=--noexpose_wasm']);
  try {
    let ctx = await open(server.url, { b });
    const exposed = await ctx.page.evaluate(() => typeof WebAssembly);
    if (exposed !== 'undefined') {
      // This Chromium still exposes WebAssembly despite the flag: hide it before carta.js runs.
      console.log(`--noexpose_wasm left typeof WebAssembly === '${exposed}'; deleting window.WebAssembly in an init script`);
      await ctx.close();
      ctx = await open(server.url, { b, init: [() => { delete window.WebAssembly; }] });
      assert.equal(await ctx.page.evaluate(() => typeof WebAssembly), 'undefined');
    }
    try {
      await assertFallback(ctx.page, ctx.pageErrors, true);
    } finally {
      await ctx.close();
    }
  } finally {
    await b.close();
  }
});

test('reduced motion: autoplay does not run; without it the same page rotates', async () => {
  const reduced = await open(server.url + 'autoplay-1000.html', { reducedMotion: 'reduce' });
  try {
    assert.equal(await reduced.page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches), true);
    await waitReady(reduced.page);
    await reduced.page.waitForTimeout(3500);
    assert.deepEqual(await events(reduced.page, 'carta:change'), [], 'no carta:change in 3.5 s with reduced motion');
    // No "Pause automatic rotation" control either: there is no rotation to pause.
    assert.equal(await reduced.page.evaluate(() => document.querySelector('#carousel').shadowRoot.querySelector('.toggle')), null);
  } finally {
    await reduced.close();
  }
  const normal = await open(server.url + 'autoplay-1000.html', { reducedMotion: 'no-preference' });
  try {
    await waitReady(normal.page);
    const change = await waitEvent(normal.page, 'carta:change', 3500);
    assert.equal(change.detail.index, 1, 'without reduced motion the same fixture rotates within 3.5 s');
  } finally {
    await normal.close();
  }
});

// Every a[href] and button in the shadow root: not inside anything hidden from assistive
// technology or inert, and every link inside an article of a card in view.
function focusables() {
  const host = document.querySelector('#carousel');
  const root = host.shadowRoot;
  const hb = host.getBoundingClientRect();
  const hiddenAncestor = (node) => {
    for (let n = node; n && n !== root; n = n.parentNode) {
      if (n.nodeType !== 1) continue;
      const cs = getComputedStyle(n);
      if (n.hasAttribute('hidden') || n.inert || n.getAttribute('aria-hidden') === 'true' ||
          cs.display === 'none' || cs.visibility === 'hidden') return n.tagName + (n.className ? '.' + n.className : '');
    }
    return null;
  };
  const out = [];
  for (const e of root.querySelectorAll('a[href], button, [tabindex]')) {
    const tabindex = e.getAttribute('tabindex');
    if (tabindex !== null && +tabindex < 0) continue;
    const article = e.closest('article');
    const ab = article && article.getBoundingClientRect();
    out.push({
      tag: e.tagName, label: e.getAttribute('aria-label') || e.textContent.trim().slice(0, 40),
      article: article && article.getAttribute('aria-label'),
      articleInView: !article || (ab.left >= hb.left - 1 && ab.right <= hb.right + 1 && ab.width > 0),
      hidden: hiddenAncestor(e),
    });
  }
  return out;
}

test('no focusable element sits inside a hidden card', async () => {
  const { page, close } = await open(server.url);
  try {
    await waitReady(page);
    await page.waitForTimeout(300);
    for (const [index, expected] of [[0, ['1 of 9', '2 of 9']], [3, ['4 of 9', '5 of 9']]]) {
      if (index) {
        await page.locator('#carousel a[data-kind="0"]').first().focus();
        for (let k = 0; k < index; k++) await page.keyboard.press('ArrowRight');
        await page.waitForFunction((want) => {
          const labels = [...document.querySelector('#carousel').shadowRoot.querySelectorAll('article')].map((a) => a.getAttribute('aria-label'));
          return JSON.stringify(labels) === JSON.stringify(want);
        }, expected, { timeout: 3000 });
        await page.waitForTimeout(800);  // the slide is over
      }
      assert.deepEqual(await articleLabels(page), expected, 'the mirror holds only the cards in view (1000 px: two)');
      const list = await page.evaluate(focusables);
      assert.ok(list.length > 10, 'links and buttons were found');
      const links = list.filter((f) => f.tag === 'A');
      assert.ok(links.length >= 2);
      for (const f of list) {
        assert.equal(f.hidden, null, `${f.tag} "${f.label}" is inside a hidden or inert element (${f.hidden})`);
        assert.ok(f.articleInView, `${f.tag} "${f.label}" belongs to a card out of view (${f.article})`);
        if (f.tag === 'A') assert.ok(expected.includes(f.article), `link "${f.label}" belongs to a card in view, not ${f.article}`);
      }
    }
  } finally {
    await close();
  }
});

test('keyboard only: ArrowRight, End and Home move the carousel and focus stays inside the widget', async () => {
  const { page, pageErrors, close } = await open(server.url);
  try {
    await waitReady(page);
    await page.waitForTimeout(300);
    // From the page's start, Tab to the first headline link.
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      if (f.inWidget && f.kind === '0') break;
    }
    assert.deepEqual(await focused(page).then((f) => [f.inWidget, f.kind, f.index]), [true, '0', '0']);
    const steps = [['ArrowRight', 1], ['End', 7], ['Home', 0]];
    for (const [n, [key, index]] of steps.entries()) {
      await page.keyboard.press(key);
      const change = await waitEvent(page, 'carta:change', 3000, n + 1);
      assert.deepEqual(change.detail, { index, id: items[index].id, cause: 'reader' }, `${key} goes to ${index}`);
      await page.waitForTimeout(900);  // the slide settles and the mirror rebuilds
      const f = await focused(page);
      assert.equal(f.host, 'carousel', `after ${key} focus is still in the widget's host`);
      assert.ok(f.inWidget, `after ${key} shadowRoot.activeElement is not null`);
      assert.deepEqual([f.kind, f.index], ['0', String(index)], `after ${key} focus is on the current card's headline`);
    }
    assert.equal((await events(page, 'carta:change')).length, 3, 'one change per key');
    assert.deepEqual(await events(page, 'carta:open'), [], 'nothing opened');
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
  }
});

// The mirror is updated by key: what stays keeps its node (a screen reader's place, the
// keyboard focus), and only what changed is made again.
test('a change keeps the nodes of the cards and buttons that stay in view', async () => {
  const { page, close } = await open(server.url);
  try {
    await waitReady(page);
    await page.waitForTimeout(500);
    const mark = () => page.evaluate(() => {
      const r = document.getElementById('carousel').shadowRoot;
      const out = { cards: [], next: r.querySelector('button[data-kind="3"]').__mark };
      r.querySelectorAll('article').forEach((a) => { out.cards.push([a.getAttribute('aria-label'), a.__mark || null]); a.__mark = a.getAttribute('aria-label'); });
      r.querySelector('button[data-kind="3"]').__mark = 'next';
      return out;
    });
    const first = await mark();
    assert.ok(first.cards.length >= 2, 'two cards or more in view');
    for (let i = 0; i < 5 && !(await focused(page)).inWidget; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowRight');
    await waitEvent(page, 'carta:change', 3000);
    await page.waitForTimeout(900);
    const after = await mark();
    // The second card is now the first: the same article node, moved, not a copy.
    assert.deepEqual(after.cards[0], [first.cards[1][0], first.cards[1][0]]);
    assert.equal(after.cards[after.cards.length - 1][1], null, 'the card that came into view is new');
    assert.equal(after.next, 'next', 'the next button is the same node');
  } finally {
    await close();
  }
});

// The canvas is aria-hidden, so what the error card says must be in the mirror too
// ("This feed could not be shown" and the reason).
test('a feed that cannot be shown says so in the accessibility tree', async () => {
  const { page, close } = await open(server.url + 'missing.html');
  try {
    await waitEvent(page, 'carta:error', 20000);
    await page.waitForTimeout(1000);
    const snap = await page.locator('#carousel').ariaSnapshot();
    // Readers (and their screen readers) get the calm sentence, not the fetch's diagnostic,
    // which goes to carta:error and the console.
    assert.match(snap, /Stories are unavailable right now/, `accessibility tree of the failed widget:\n${snap}`);
    assert.match(snap, /Please check back in a little while/);
    assert.doesNotMatch(snap, /HTTP|404|missing/, 'no diagnostic for readers');
    // The mirror stays visually hidden in the error state: with the canvas hidden, the
    // widget's box shows nothing at all.
    await page.evaluate(() => { document.querySelector('#carousel').shadowRoot.querySelector('canvas').style.visibility = 'hidden'; });
    const box = await page.locator('#carousel').screenshot();
    const stats = await pixelStats(browser, box);
    assert.ok(stats.colours <= 2, `the hidden mirror drew something (${stats.colours} colours)`);
  } finally {
    await close();
  }
});
