// Links that behave like links over the canvas: what the pointer meets on a card or an
// external related row is a real <a href> (transparent, placed where the canvas draws it),
// so hovering names the URL, a middle-, Ctrl- or Shift-click and the context menu are the
// browser's own; a plain click is still the widget's (carta:open, one popup), and a drag
// that starts on a link moves the carousel and opens nothing. The reference is a DOM link.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveWithFixtures, launch, openAndWaitReady, fixturePage, dist } from './lib.mjs';

// The demo feed with its first article on this server (a relative URL, resolved against the
// feed's), so a tab the browser opens itself loads a real page.
const demo = JSON.parse(fs.readFileSync(path.join(dist, 'demo.json'), 'utf8'));
demo.items[0].url = 'article.html';
const items = demo.items;
const articleUrl = () => server.url + 'article.html';

let server, browser;
before(async () => {
  server = await serveWithFixtures('carta-links-', {
    'links.html': fixturePage('<div id="carousel" class="carta" data-feed="links.json" data-height="420" data-loading="eager"></div>'),
    'links.json': JSON.stringify(demo),
    'article.html': '<!doctype html><title>article</title><p>The article.</p>',
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(viewport = { width: 1000, height: 700 }, { touch = false } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, hasTouch: touch });
  await context.route(/^https:\/\/example\.org\//, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>article</title>' }));
  const page = await context.newPage();
  const pages = [];
  context.on('page', (p) => pages.push(p));
  await page.addInitScript(() => {
    window.__opens = [];
    window.__drags = 0;
    document.addEventListener('carta:open', (e) => window.__opens.push(e.detail));
    document.addEventListener('dragstart', (e) => { if (!e.defaultPrevented) window.__drags++; }, true);
  });
  await openAndWaitReady(page, server.url + 'links.html');
  await page.waitForTimeout(300);  // the mirror follows the first frame
  const box = await page.locator('#carousel').boundingBox();
  return { context, page, pages, box, close: () => context.close() };
}

// What the pointer meets at a point of the page (inside the widget's shadow root).
const under = (page, x, y) => page.evaluate(([x, y]) => {
  const root = document.querySelector('#carousel').shadowRoot;
  const node = root.elementFromPoint(x, y);
  const a = node && node.closest('a');
  return { tag: node && node.tagName, href: a && a.href, cursor: node && getComputedStyle(node).cursor,
           draggable: a && a.getAttribute('draggable') };
}, [x, y]);

// The first card's centre and its headline's middle, from the core's own view.
async function cardPoints(page, box) {
  const view = await page.evaluate(() => document.querySelector('#carousel').cartaHandle.view());
  const card = view.cards[0];
  const [x, y, w, h] = card.rect;
  const [hx, hy, hw, hh] = card.headline.rect;
  return { centre: { x: box.x + x + w / 2, y: box.y + y + h / 2 }, headline: { x: box.x + hx + hw / 2, y: box.y + hy + hh / 2 }, card };
}

test('under the pointer, a card is a link to its article, with a pointer cursor, that cannot be dragged off', async () => {
  const { page, box, close } = await open();
  try {
    const { centre, headline } = await cardPoints(page, box);
    for (const at of [centre, headline]) {
      const found = await under(page, at.x, at.y);
      assert.equal(found.tag, 'A', 'a link, not the canvas');
      assert.equal(found.href, articleUrl());
      assert.equal(found.cursor, 'pointer');
      assert.equal(found.draggable, 'false');
    }
    // Outside the cards (the control bar) the canvas is what the pointer meets.
    const bar = await under(page, box.x + box.width / 2 + 80, box.y + box.height - 8);
    assert.equal(bar.tag, 'CANVAS');
  } finally {
    await close();
  }
});

test('a plain click opens the article once, through carta:open', async () => {
  const { page, pages, box, close } = await open();
  try {
    const { headline } = await cardPoints(page, box);
    const [popup] = await Promise.all([page.waitForEvent('popup', { timeout: 5000 }), page.mouse.click(headline.x, headline.y)]);
    await popup.waitForLoadState('domcontentloaded');
    await page.waitForTimeout(400);
    assert.equal(popup.url(), articleUrl());
    assert.equal(pages.length, 1, 'one new page, not two');
    assert.deepEqual(await page.evaluate(() => window.__opens), [{ url: articleUrl(), id: items[0].id, kind: 'card' }]);
  } finally {
    await close();
  }
});

test('middle-click and Ctrl-click are the browser\'s: the article opens in a new tab, without carta:open', async () => {
  const { page, pages, box, close } = await open();
  try {
    const { centre } = await cardPoints(page, box);
    await page.mouse.click(centre.x, centre.y, { button: 'middle' });
    await page.waitForTimeout(600);
    await page.keyboard.down('Control');
    await page.mouse.click(centre.x, centre.y);
    await page.keyboard.up('Control');
    await page.waitForTimeout(600);
    assert.equal(pages.length, 2, 'two new tabs');
    for (const p of pages) {
      await p.waitForLoadState('domcontentloaded');
      assert.equal(p.url(), articleUrl(), 'each for the article');
    }
    assert.deepEqual(await page.evaluate(() => window.__opens), [], 'the widget opened nothing itself');
    const view = await page.evaluate(() => document.querySelector('#carousel').cartaHandle.view());
    assert.equal(view.index, 0, 'and the carousel did not move');
  } finally {
    await close();
  }
});

test('the context menu opens on the link (so it offers "Open link in new tab" and "Copy link address")', async () => {
  const { page, box, close } = await open();
  try {
    const { centre } = await cardPoints(page, box);
    await page.evaluate(() => {
      window.__menu = null;
      document.addEventListener('contextmenu', (e) => {
        const target = e.composedPath()[0];
        window.__menu = { tag: target.tagName, href: target.closest('a') && target.closest('a').href, prevented: e.defaultPrevented };
        e.preventDefault();  // headless: no menu to dismiss
      });
    });
    await page.mouse.click(centre.x, centre.y, { button: 'right' });
    await page.waitForTimeout(200);
    assert.deepEqual(await page.evaluate(() => window.__menu), { tag: 'A', href: articleUrl(), prevented: false });
  } finally {
    await close();
  }
});

test('a drag that starts on a link moves the carousel and opens nothing', async () => {
  const { page, pages, box, close } = await open();
  try {
    const { centre, card } = await cardPoints(page, box);
    await page.mouse.move(centre.x, centre.y);
    await page.mouse.down();
    const steps = 12, distance = card.rect[2] * 0.7;
    for (let k = 1; k <= steps; k++) await page.mouse.move(centre.x - (distance * k) / steps, centre.y);
    await page.mouse.up();
    await page.waitForTimeout(900);
    const view = await page.evaluate(() => document.querySelector('#carousel').cartaHandle.view());
    assert.equal(view.index, 1, 'one card on');
    assert.equal(pages.length, 0, 'no popup, no tab');
    assert.deepEqual(await page.evaluate(() => window.__opens), []);
    assert.equal(await page.evaluate(() => window.__drags), 0, 'no native link drag');
  } finally {
    await close();
  }
});

test('an external related story is a link under the pointer too; one in this feed is not', async () => {
  // 636 px: one wide card (picture left, text right), where item 7's external related row shows.
  const { page, box, close } = await open({ width: 636, height: 700 });
  try {
    await page.evaluate(() => document.querySelector('#carousel').cartaHandle.go(7));
    await page.waitForTimeout(1200);
    const view = await page.evaluate(() => document.querySelector('#carousel').cartaHandle.view());
    const links = await page.evaluate(() => [...document.querySelector('#carousel').shadowRoot.querySelectorAll('a.hit[data-kind="1"]')]
      .map((a) => { const r = a.getBoundingClientRect(); return { href: a.href, x: r.x + r.width / 2, y: r.y + r.height / 2 }; }));
    const external = items[7]._carta.related[0];
    assert.equal(view.index, 7);
    assert.ok(links.length >= 1, 'the external related row has a link');
    const found = await under(page, links[0].x, links[0].y);
    assert.equal(found.href, external.url);
    // Item 0's related entries are stories of this feed: the canvas brings them into view.
    await page.evaluate(() => document.querySelector('#carousel').cartaHandle.go(0));
    await page.waitForTimeout(1200);
    const inFeed = await page.evaluate(() => document.querySelector('#carousel').shadowRoot.querySelectorAll('a.hit[data-kind="1"]').length);
    assert.equal(inFeed, 0);
  } finally {
    await close();
  }
});

test('a finger swipe that starts on a link moves the carousel (touch-action as the canvas\'s) and opens nothing', async () => {
  const { page, pages, box, close } = await open({ width: 1000, height: 700 }, { touch: true });
  try {
    const { centre, card } = await cardPoints(page, box);
    assert.equal((await under(page, centre.x, centre.y)).tag, 'A', 'the swipe starts on the card link');
    const cdp = await page.context().newCDPSession(page);
    const touch = (type, x) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y: centre.y }] });
    await touch('touchStart', centre.x);
    const steps = 12, distance = card.rect[2] * 0.7;
    for (let k = 1; k <= steps; k++) {
      await touch('touchMove', centre.x - (distance * k) / steps);
      await page.waitForTimeout(16);
    }
    await touch('touchEnd', 0);
    await page.waitForTimeout(900);
    const view = await page.evaluate(() => document.querySelector('#carousel').cartaHandle.view());
    assert.equal(view.index, 1, 'one card on');
    assert.equal(pages.length, 0, 'no popup');
    assert.deepEqual(await page.evaluate(() => window.__opens), []);
  } finally {
    await close();
  }
});
