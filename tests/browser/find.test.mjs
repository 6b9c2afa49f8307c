// Find in page, which a DOM carousel gets for free: text found in a card that is not in
// view brings that card into view. The cards in view are found in the mirror; the others'
// words wait, aria-hidden, in a clipped strip of the widget (web/carta/mirror.js).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveWithFixtures, launch, openAndWaitReady, fixturePage } from './lib.mjs';

let server, browser;
before(async () => {
  server = await serveWithFixtures('carta-find-', {
    'find.html': fixturePage('<div id="carousel" class="carta" data-feed="demo.json" data-height="420" data-loading="eager"></div>'),
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const inView = (page) => page.evaluate(() => document.querySelector('#carousel').cartaHandle.view().cards.map((c) => c.index));

async function opened() {
  const page = await browser.newPage({ viewport: { width: 1000, height: 600 } });
  await openAndWaitReady(page, server.url + 'find.html');
  // Every card's words are in the page once the first mirror is (a task after it).
  await page.waitForFunction(() => document.querySelector('#carousel').shadowRoot.querySelectorAll('.offstage > div').length === 9);
  return page;
}

// window.find from the top of the page, as a reader's first search.
const find = (page, text) => page.evaluate((t) => { getSelection().removeAllRanges(); return window.find(t); }, text);

test('window.find of a headline of a card not in view brings that card into view', async () => {
  const page = await opened();
  try {
    assert.deepEqual(await inView(page), [0, 1]);
    // Card 6's headline is nobody's related story: its only match is in card 6.
    assert.equal(await find(page, 'Damascus walks a line between Western backing'), true);
    await page.waitForFunction(() => document.querySelector('#carousel').cartaHandle.view().cards.some((c) => c.index === 5), null, { timeout: 5000 });
    // And the mirror (what a screen reader and the next search meet) follows.
    await page.waitForFunction(() => [...document.querySelector('#carousel').shadowRoot.querySelectorAll('article')]
      .some((a) => a.getAttribute('aria-label') === '6 of 9'), null, { timeout: 5000 });
  } finally {
    await page.close();
  }
});

test('find next walks the matches in card order: a related row, then the story itself', async () => {
  const page = await opened();
  try {
    // Card 5's headline is also card 3's related story: card 3 first, then card 5.
    assert.equal(await find(page, "how Russia's 2015 intervention"), true);
    await page.waitForFunction(() => document.querySelector('#carousel').cartaHandle.view().cards.some((c) => c.index === 2), null, { timeout: 5000 });
    await page.waitForTimeout(800);  // at rest, the mirror moved
    assert.equal(await page.evaluate(() => window.find("how Russia's 2015 intervention")), true);
    await page.waitForFunction(() => document.querySelector('#carousel').cartaHandle.view().cards.some((c) => c.index === 4), null, { timeout: 5000 });
  } finally {
    await page.close();
  }
});

test('the cards in view are found in their articles only, not twice, and text no card has is not found', async () => {
  const page = await opened();
  try {
    const count = await page.evaluate(() => {
      let n = 0;
      getSelection().removeAllRanges();
      while (n < 5 && window.find('Security Council sets an end date')) n++;
      return n;
    });
    // Card 2's headline and card 1's related row (both in view), not their words kept aside.
    assert.equal(count, 2);
    assert.deepEqual(await inView(page), [0, 1], 'nothing moved');
    assert.equal(await find(page, 'a sentence no card of this feed has'), false);
  } finally {
    await page.close();
  }
});

test('the words kept for find in page are hidden from assistive technology and hold nothing focusable', async () => {
  const page = await opened();
  try {
    const strip = await page.evaluate(() => {
      const o = document.querySelector('#carousel').shadowRoot.querySelector('.offstage');
      return { hidden: o.getAttribute('aria-hidden'), focusable: o.querySelectorAll('a, button, [tabindex]').length, text: o.textContent };
    });
    assert.equal(strip.hidden, 'true');
    assert.equal(strip.focusable, 0);
    assert.match(strip.text, /Damascus walks a line/);
    const tree = await page.locator('#carousel').ariaSnapshot();
    assert.doesNotMatch(tree, /Damascus walks a line/, 'card 6 is not in the accessibility tree while it is not in view');
  } finally {
    await page.close();
  }
});
