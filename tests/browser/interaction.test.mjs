// Reader interaction with the served demo, through real (CDP-dispatched, trusted) input in
// headless Chromium: keys, the prev/next buttons, the dots, mouse drags, the wheel, opening
// articles (carta:open, popups, preventDefault), related stories that live in the same
// feed, and frames on demand (no WebGL draw calls while nothing moves).
//
// Geometry comes from src/core/layout.cpp, in CSS px relative to the host's top-left
// corner (the canvas fills the host): cards start at (16, 16), 16 px apart, and are
// (width - 32 - (perView - 1) * 16) / perView wide and height - 16 - 48 tall; the control bar
// is the bottom 48 px, with the 32 px round prev/next buttons at x = 16 and width - 48 and
// their centres (and the dots') at y = height - 28; dots are 8 px wide, the active one 20,
// with 8 px gaps, centred horizontally.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, openAndWaitReady, dist } from './lib.mjs';

// Keyboard focus lives in the widget's DOM mirror (the host itself takes no tabindex):
// focus the current card's headline link, as Tab would.
async function focusWidget(page) {
  await page.locator('#carousel a[data-kind="0"]').first().focus();
}

const VIEWPORT = { width: 1000, height: 700 };
const items = JSON.parse(fs.readFileSync(path.join(dist, 'demo.json'), 'utf8')).items;

let server, browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

// ---- helpers -------------------------------------------------------------------------

// Runs in the page before any of its scripts: records Carta's events on document and counts
// WebGL draw calls.
function instrument() {
  window.__log = { change: [], open: [], wheel: [], draws: 0 };
  document.addEventListener('carta:change', (e) => window.__log.change.push(e.detail));
  // Registered first, so it sees the event before any preventDefault a test adds later;
  // openLink in web/carta/events.js reads defaultPrevented after dispatch, as does `prevented`
  // below (a getter, so it reads the final state).
  document.addEventListener('carta:open', (e) => window.__log.open.push({ detail: e.detail, get prevented() { return e.defaultPrevented; } }));
  document.addEventListener('wheel', (e) => window.__log.wheel.push({ dx: e.deltaX, dy: e.deltaY, prevented: e.defaultPrevented }));
  for (const name of ['drawElements', 'drawArrays', 'drawElementsInstanced', 'drawArraysInstanced', 'drawRangeElements']) {
    const original = WebGL2RenderingContext.prototype[name];
    if (typeof original !== 'function') continue;
    WebGL2RenderingContext.prototype[name] = function (...args) {
      window.__log.draws++;
      return original.apply(this, args);
    };
  }
}

// A fresh context and page on the demo, ready (carta:ready: the first headline is drawn),
// then `settle` ms more (for the pictures, when a test needs them).
async function openDemo(viewport = VIEWPORT, { settle = 0 } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  // Article links point at example.org: answer them locally so popups load at once.
  await context.route(/^https:\/\/example\.org\//, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>article</title>' }));
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  const popups = [];  // pages opened after the demo page
  context.on('page', (p) => popups.push(p));
  await page.addInitScript(instrument);
  await openAndWaitReady(page, server.url);
  if (settle) await page.waitForTimeout(settle);
  const box = await page.locator('#carousel').boundingBox();
  const g = geometry(box);
  return { context, page, box, g, popups, pageErrors, close: () => context.close() };
}

// Where things are for a host box, following layout.cpp.
function geometry(box) {
  const w = box.width, h = box.height;
  const perView = w < 600 ? 1 : w <= 1000 ? 2 : 3;
  const cardW = (w - 32 - (perView - 1) * 16) / perView;
  const abs = (x, y) => ({ x: box.x + x, y: box.y + y });
  const barY = h - 28;
  // Dot centres for the resting index `current` (window of at most 9 dots, as in controls()).
  const dots = (current) => {
    const positions = Math.max(1, items.length - perView + 1);
    const shown = Math.min(positions, 9);
    const first = Math.min(Math.max(current - Math.floor(shown / 2), 0), Math.max(0, positions - shown));
    const total = (shown - 1) * 16 + (current >= first && current < first + shown ? 12 : 0);
    let x = Math.round(w / 2 - total / 2 - 4);
    const out = [];
    for (let k = 0; k < shown; k++) {
      const rw = first + k === current ? 20 : 8;
      out.push({ index: first + k, ...abs(x + rw / 2, barY) });
      x += rw + 8;
    }
    return out;
  };
  return {
    w, h, perView, cardW, stride: cardW + 16, lastIndex: Math.max(0, items.length - perView),
    abs, prev: abs(32, barY), next: abs(w - 32, barY), dots,
    // Left edge of card slot k of the view (0 = the leading card).
    cardX: (k) => 16 + k * (cardW + 16),
  };
}

const changes = (page) => page.evaluate(() => window.__log.change.slice());
const opens = (page) => page.evaluate(() => window.__log.open.map((o) => ({ detail: o.detail, prevented: o.prevented })));
const draws = (page) => page.evaluate(() => window.__log.draws);

// Waits for the (n+1)-th carta:change (n = how many were seen before) and returns its detail.
async function waitChange(page, n, timeout = 3000) {
  await page.waitForFunction((k) => window.__log.change.length > k, n, { timeout });
  return (await changes(page))[n];
}

async function waitOpen(page, n, timeout = 3000) {
  await page.waitForFunction((k) => window.__log.open.length > k, n, { timeout });
  return (await opens(page))[n];
}

// A change as carta:change reports it; the cause is the reader's unless said otherwise.
const item = (i, cause = 'reader') => ({ index: i, id: items[i].id, cause });

// True when the widget shows a pointer cursor at (x, y) (page coordinates). Cards show no
// hover state (App::pointer_move); related rows, buttons and dots do, and web/carta/input.js turns
// that into canvas.style.cursor = 'pointer'.
async function pointerCursorAt(page, x, y) {
  await page.mouse.move(x, y);
  return page.evaluate(() => document.querySelector('#carousel').shadowRoot.querySelector('canvas').style.cursor === 'pointer');
}

async function drag(page, from, dx, steps, pauseMs) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let s = 1; s <= steps; s++) {
    await page.mouse.move(from.x + (dx * s) / steps, from.y);
    await page.waitForTimeout(pauseMs);
  }
  await page.mouse.up();
}

// ---- tests ---------------------------------------------------------------------------

test('keyboard: ArrowRight, End and Home move the carousel and fire carta:change', async () => {
  const { page, g, pageErrors, close } = await openDemo();
  try {
    assert.equal(g.perView, 2, 'the demo at 1000 px shows two cards per view');
    assert.deepEqual(await changes(page), [], 'where the reader starts is not a change');
    await focusWidget(page);
    await page.keyboard.press('ArrowRight');
    assert.deepEqual(await waitChange(page, 0), item(1));
    assert.deepEqual(item(1), { index: 1, id: 'unifil-final-mandate', cause: 'reader' });
    await page.keyboard.press('End');
    assert.deepEqual(await waitChange(page, 1), item(g.lastIndex), `End goes to the last resting index (${g.lastIndex})`);
    assert.equal(g.lastIndex, 7);
    await page.keyboard.press('Home');
    assert.deepEqual(await waitChange(page, 2), item(0));
    await page.waitForTimeout(200);
    assert.equal((await changes(page)).length, 3, 'one event per move, no extras');
    assert.deepEqual(pageErrors, []);
  } finally {
    await close();
  }
});

test('buttons: next then prev', async () => {
  const { page, g, close } = await openDemo();
  try {
    await page.mouse.click(g.next.x, g.next.y);
    assert.deepEqual(await waitChange(page, 0), item(1));
    await page.waitForTimeout(600);  // let the slide finish
    await page.mouse.click(g.prev.x, g.prev.y);
    assert.deepEqual(await waitChange(page, 1), item(0));
    await page.waitForTimeout(200);
    assert.equal((await changes(page)).length, 2);
    assert.deepEqual(await opens(page), [], 'buttons open nothing');
  } finally {
    await close();
  }
});

// Two quick clicks on next should move two cards, as two quick ArrowRight presses do. The
// second click lands while the first slide is still near its start.
test('buttons: two quick clicks on next move two cards', async () => {
    const { page, g, close } = await openDemo();
    try {
      await page.mouse.move(g.next.x, g.next.y);
      // Sent back to back without awaiting each other: the second press follows the first
      // release by well under 0.1 s (a fast double click), while the slide is near 0.
      await Promise.all([page.mouse.down(), page.mouse.up(), page.mouse.down(), page.mouse.up()]);
      await page.waitForTimeout(900);
      const seen = await changes(page);
      assert.deepEqual(seen.at(-1), item(2), `after two clicks the carousel rests on index 2; events: ${JSON.stringify(seen)}`);
    } finally {
      await close();
    }
  });

test('dots: clicking the third dot goes to index 2', async () => {
  const { page, g, close } = await openDemo();
  try {
    const dots = g.dots(0);
    assert.equal(dots.length, items.length - g.perView + 1, 'one dot per resting position');
    await page.mouse.click(dots[2].x, dots[2].y);
    assert.deepEqual(await waitChange(page, 0), item(2));
    await page.waitForTimeout(200);
    assert.equal((await changes(page)).length, 1);
  } finally {
    await close();
  }
});

test('mouse drag: 70% of a card moves one card; a short slow drag moves none', async () => {
  const { page, g, popups, close } = await openDemo();
  try {
    // Start on the second card's picture, drag left by 70% of a card in 10 steps, 30 ms
    // apart (a moderate speed: the momentum carries it past half a card but not to 1.5).
    const start = g.abs(g.cardX(1) + g.cardW / 2, 100);
    await drag(page, start, -0.7 * g.cardW, 10, 30);
    assert.deepEqual(await waitChange(page, 0), item(1));
    await page.waitForTimeout(600);
    assert.equal((await changes(page)).length, 1, 'exactly one change');

    // 10% of a card, slowly: snaps back, no change, and it is no click either.
    await drag(page, start, -0.1 * g.cardW, 5, 60);
    await page.waitForTimeout(600);
    assert.equal((await changes(page)).length, 1, 'a short slow drag snaps back without a change');
    assert.deepEqual(await opens(page), [], 'a drag is not a click: nothing opens');
    assert.equal(popups.length, 0, 'no popup');
  } finally {
    await close();
  }
});

test('wheel: horizontal scrolls the carousel, vertical is left to the page', async () => {
  const { page, g, close } = await openDemo();
  try {
    const centre = g.abs(g.w / 2, (g.h - 48) / 2);
    await page.mouse.move(centre.x, centre.y);
    await page.mouse.wheel(300, 0);
    await page.waitForTimeout(400);
    assert.deepEqual(await waitChange(page, 0, 1500), item(1), '300 px right settles on the next card');
    let wheels = await page.evaluate(() => window.__log.wheel);
    assert.ok(wheels.length >= 1 && wheels.every((w) => w.prevented), 'the carousel takes horizontal wheel events');

    await page.waitForTimeout(400);
    const before = await page.evaluate(() => { window.__log.wheel.length = 0; return window.__log.change.length; });
    await page.mouse.wheel(0, 300);
    await page.waitForTimeout(400);
    assert.equal(await page.evaluate(() => window.__log.change.length), before, 'a vertical wheel does not change the card');
    wheels = await page.evaluate(() => window.__log.wheel);
    assert.ok(wheels.length >= 1, 'the vertical wheel event arrived');
    assert.ok(wheels.every((w) => !w.prevented), 'a vertical wheel is not cancelled: the page may scroll');
    // And the index really stayed: ArrowRight from here goes to 2, not elsewhere.
    await focusWidget(page);
    await page.keyboard.press('ArrowRight');
    assert.deepEqual(await waitChange(page, before), item(2));
  } finally {
    await close();
  }
});

// The first card's headline: body at y = 16 + image (min(cardW·9/16, stripH·0.46) = 164) +
// 14 = 194, the category line (16 + 4) above the headline, so the headline spans 214–270.
const headline = (g) => g.abs(g.cardX(0) + 18 + 80, 228);

test('open: clicking a card opens its article in a popup and fires carta:open', async () => {
  const { page, g, close } = await openDemo();
  try {
    const [popup] = await Promise.all([page.waitForEvent('popup', { timeout: 5000 }), page.mouse.click(headline(g).x, headline(g).y)]);
    await popup.waitForLoadState('domcontentloaded');
    assert.equal(popup.url(), items[0].url);
    const open = await waitOpen(page, 0);
    assert.deepEqual(open.detail, { url: items[0].url, id: 'syria-russia-moscow-visit', kind: 'card' });
    assert.equal(open.prevented, false);
    assert.deepEqual(await changes(page), [], 'opening does not move the carousel');
  } finally {
    await close();
  }
});

test('open: preventDefault on carta:open keeps the popup from opening', async () => {
  const { page, g, popups, close } = await openDemo();
  try {
    await page.evaluate(() => document.addEventListener('carta:open', (e) => e.preventDefault()));
    let popped = 0;
    page.on('popup', () => popped++);
    await page.mouse.click(headline(g).x, headline(g).y);
    const open = await waitOpen(page, 0);
    assert.deepEqual(open.detail, { url: items[0].url, id: items[0].id, kind: 'card' });
    assert.equal(open.prevented, true);
    await page.waitForTimeout(500);
    assert.equal(popped, 0, 'no popup');
    assert.equal(popups.length, 0, 'no new page in the context either');
  } finally {
    await close();
  }
});

test('open: Enter on the focused headline link opens the card at the current index', async () => {
  const { page, close } = await openDemo();
  try {
    await focusWidget(page);
    await page.keyboard.press('ArrowRight');
    assert.deepEqual(await waitChange(page, 0), item(1));
    const [popup] = await Promise.all([page.waitForEvent('popup', { timeout: 5000 }), page.keyboard.press('Enter')]);
    await popup.waitForLoadState('domcontentloaded');
    assert.equal(popup.url(), items[1].url);
    assert.deepEqual((await waitOpen(page, 0)).detail, { url: items[1].url, id: items[1].id, kind: 'card' });
  } finally {
    await close();
  }
});

// The reader sees the new card (and the focus ring on its headline) on the frame after the
// arrow key, and the mirror's focus has moved to its headline link with the key itself, before
// any frame: Enter pressed at once opens the card the arrow brought, by the link's own click
// (no path of its own in input.js).
test('open: Enter pressed right after an arrow key opens the card the arrow brought', async () => {
  const { page, close } = await openDemo();
  try {
    for (let round = 0; round < 3; round++) {
      await focusWidget(page);
      await page.keyboard.press('Home');
      await page.waitForTimeout(600);
      const seen = (await changes(page)).length;
      const [popup] = await Promise.all([
        page.waitForEvent('popup', { timeout: 5000 }),
        (async () => { await page.keyboard.press('ArrowRight'); await page.keyboard.press('Enter'); })()
      ]);
      await popup.waitForLoadState('domcontentloaded');
      assert.equal(popup.url(), items[1].url, `round ${round}`);
      assert.deepEqual((await changes(page)).slice(seen), [item(1)]);
      await popup.close();
    }
  } finally {
    await close();
  }
});

// Related rows sit at the bottom of a card's text column (layout.cpp, SceneBuilder::card):
// each row is 45 px (category line 15 + title line 20 + gap 10); with n rows shown (n ≤ 3)
// the first row's text starts at ry = body.bottom - n·45 + 4 and its hit region spans
// ry - 4 … ry + 39, i.e. from body.bottom - n·45, across the text column. How many rows fit
// depends on measured text (the summary keeps two lines first), so the test hovers 20 px
// below each candidate top (n = 3, 2, 1) and takes the first where the widget shows the
// pointer cursor (only links and buttons do; text and summary do not), then clicks there.
async function clickFirstRelated(page, g, { bodyX, bodyBottom }) {
  const x = g.abs(bodyX + 40, 0).x;
  let at = null;
  for (const n of [3, 2, 1]) {
    const y = g.abs(0, bodyBottom - n * 45 + 20).y;
    if (await pointerCursorAt(page, x, y)) { at = y; break; }
  }
  assert.ok(at !== null, 'the card shows at least one related row (a pointer cursor at one of the row positions)');
  await page.mouse.click(x, at);
}

async function relatedInFeed(viewport, body) {
  const { page, g, close } = await openDemo(viewport);
  try {
    const target = items.findIndex((it) => it.id === items[0]._carta.related[0]);
    assert.equal(target, 1, 'item 0\'s first related entry is item 1 of the same feed');
    let popped = 0;
    page.on('popup', () => popped++);
    await clickFirstRelated(page, g, body(g));
    assert.deepEqual(await waitChange(page, 0), item(target), 'the carousel brings the related item into view');
    await page.waitForTimeout(500);
    assert.equal(popped, 0, 'a related item in the same feed opens no popup');
    assert.deepEqual(await opens(page), [], 'and fires no carta:open');
  } finally {
    await close();
  }
}

// At the demo's size (960 × 420 host, two narrow cards) the text column of card 0 runs from
// x = 34 (card 16 + inset 18), y = 194 to 354 (card bottom 372 - inset 18).
test('related (demo size): clicking card 0\'s first related row brings item 1 into view', () => relatedInFeed(VIEWPORT, () => ({ bodyX: 34, bodyBottom: 354 })));

// At a 636 px viewport the host is 596 px wide: one card, 564 × 356, wide enough (≥ 560 and
// > 1.25 × its height) to put the picture on the left (round(564 · 0.48) = 271 px) and the
// text on the right: x = 16 + 271 + 18 = 305, y = 16 + 18 = 34 to 372 - 18 = 354. There the
// related rows are drawn (two for item 0: the first spans y = 264–307).
const WIDE = { width: 636, height: 700 };
const WIDE_BODY = { bodyX: 305, bodyBottom: 354 };
test('related (wide card): clicking card 0\'s first related row brings item 1 into view', () =>
  relatedInFeed(WIDE, () => WIDE_BODY));

// Item 7's related entry is an external story (an object with its own URL): clicking it
// opens that URL with kind "related" and the id of the card it sits on.
test('related (wide card): an external related story opens in a popup with kind "related"', async () => {
  const { page, g, close } = await openDemo(WIDE);
  try {
    const external = items[7]._carta.related[0];
    assert.equal(typeof external, 'object');
    await page.evaluate(() => window.Carta.mount(document.querySelector('#carousel')).go(7));
    assert.deepEqual(await waitChange(page, 0), item(7, 'api'), 'the page\'s own go() is the API\'s change');
    await page.waitForTimeout(900);  // a seven-card slide lasts 0.72 s
    const [popup] = await Promise.all([page.waitForEvent('popup', { timeout: 5000 }), clickFirstRelated(page, g, WIDE_BODY)]);
    await popup.waitForLoadState('domcontentloaded');
    assert.equal(popup.url(), external.url);
    assert.deepEqual((await waitOpen(page, 0)).detail, { url: external.url, id: 'sample-fish-market', kind: 'related' });
    assert.equal((await changes(page)).length, 1, 'the carousel stays on item 7');
  } finally {
    await close();
  }
});

test('idle: no WebGL draw calls while nothing moves', async () => {
  const { page, close } = await openDemo(VIEWPORT, { settle: 1500 });
  try {
    await focusWidget(page);  // focus before measuring: it must not draw either
    await page.waitForTimeout(200);
    const a = await draws(page);
    assert.ok(a > 0, 'the counter saw the first frames');
    await page.waitForTimeout(3000);
    const b = await draws(page);
    assert.equal(b - a, 0, `draw calls during 3 s of idleness: ${b - a}`);

    await page.keyboard.press('ArrowRight');
    await waitChange(page, 0);
    await page.waitForTimeout(150);
    const c = await draws(page);
    assert.ok(c > b, 'the slide draws frames');
    await page.waitForTimeout(1000);  // slide (0.45 s) and the newly visible card's picture
    const d = await draws(page);
    await page.waitForTimeout(600);
    const e = await draws(page);
    assert.equal(e - d, 0, `draw calls in the 0.6 s after the slide finished: ${e - d}`);
  } finally {
    await close();
  }
});
