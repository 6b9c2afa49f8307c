// <carta-carousel> as a web developer uses it (issue 41): every attribute observed and
// reflected by a typed property; before the widget mounts a change is the setting it mounts
// with; on a running widget `feed` loads the new feed (its first card, carta:change and
// carta:ready; a feed that fails is the error card), `theme` redraws without fetching the
// feed again, `height` moves the host, and the rest re-mount it behind the same handle.
// handle.update() does the same for Carta.mount's widgets.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveWithFixtures, launch, openAndWaitReady, fixturePage, regionPixels } from './lib.mjs';

// A second feed whose third item has the id of the demo's second: a new feed is not a
// refresh, and shows its first card whatever the reader was on.
const item = (id, title) => ({ id, url: 'https://example.org/' + id, title, summary: 'A story of the other feed.',
                               date_published: '2025-08-01T09:00:00Z', _carta: { category: 'Other' } });
const OTHER = {
  version: 'https://jsonfeed.org/version/1.1', title: 'The other feed', language: 'en',
  items: [item('other-1', 'Harbour ferries return'), item('other-2', 'Library opens late'),
          item('unifil-final-mandate', 'A story both feeds carry')],
};

let server, browser;
before(async () => {
  server = await serveWithFixtures('carta-element-', {
    'other.json': JSON.stringify(OTHER),
    'element.html': fixturePage('<carta-carousel id="carousel" feed="demo.json" loading="eager" height="420"></carta-carousel>'),
    'empty.html': fixturePage('<div id="place"></div>'),
    'lazy.html': fixturePage('<div class="fold"></div><carta-carousel id="carousel" feed="demo.json" height="420"></carta-carousel>',
                             { css: 'lazy.css' }),
    'lazy.css': '.fold { height: 3000px; }\n',
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

// A page that records Carta's events on #carousel and every request for a feed.
async function open(file, ready = true) {
  const page = await browser.newPage({ viewport: { width: 1000, height: 600 } });
  const feeds = [], errors = [];
  page.on('request', (r) => { if (/\.json$/.test(new URL(r.url()).pathname)) feeds.push(new URL(r.url()).pathname.slice(1)); });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    window.__events = [];
    for (const name of ['carta:ready', 'carta:change', 'carta:error'])
      document.addEventListener(name, (e) => window.__events.push({ name, detail: e.detail }));
  });
  if (ready) await openAndWaitReady(page, server.url + file);
  else await page.goto(server.url + file);
  return { page, feeds: () => feeds.filter((f) => !f.startsWith('words/')), errors };
}

const events = (page) => page.evaluate(() => window.__events.splice(0));
// The first card in view's headline, as the canvas draws it (the core's view).
const headline = (page) => page.evaluate(() => {
  const view = document.querySelector('#carousel').cartaHandle.view();
  const card = view && view.cards[0];
  return card && card.headline ? card.headline.lines.join(' ') : '';
});
const waitHeadline = (page, text) => page.waitForFunction((t) => {
  const view = document.querySelector('#carousel').cartaHandle.view();
  return view && view.cards[0] && view.cards[0].headline && view.cards[0].headline.lines.join(' ') === t;
}, text, { timeout: 15000 });
const pixel = async (page, x, y) => (await regionPixels(browser, await page.locator('#carousel').screenshot(), x, y))[0];

test('every attribute is observed and reflected by a typed property', async () => {
  const { page, errors } = await open('empty.html', false);
  try {
    await page.waitForFunction(() => window.Carta);
    const seen = await page.evaluate(() => {
      const el = document.createElement('carta-carousel');
      const out = { observed: customElements.get('carta-carousel').observedAttributes };
      out.absent = ['feed', 'theme', 'start', 'autoplay', 'loop', 'height', 'refresh', 'debug', 'linkParams', 'loading']
        .map((p) => el[p]);
      el.start = 3;
      el.autoplay = '6000';
      el.loop = true;
      el.debug = true;
      el.linkParams = 'utm_source=partner';
      el.theme = 'dark';
      out.attrs = ['start', 'autoplay', 'loop', 'debug', 'link-params', 'theme'].map((a) => el.getAttribute(a));
      out.typed = [el.start, el.autoplay, el.loop, el.debug, el.linkParams, el.theme];
      el.loop = false;
      el.debug = null;
      el.theme = undefined;
      out.removed = ['loop', 'debug', 'theme'].map((a) => el.hasAttribute(a));
      el.setAttribute('refresh', '90');
      el.setAttribute('loop', 'false');
      el.setAttribute('data-height', '480');
      out.fromAttrs = [el.refresh, el.loop, el.height];
      el.height = 300;
      out.height = [el.getAttribute('height'), el.hasAttribute('data-height'), el.height];
      return out;
    });
    for (const a of ['feed', 'theme', 'accent', 'start', 'autoplay', 'loop', 'locale', 'height', 'refresh', 'debug',
                     'link-params', 'analytics', 'loading'])
      assert.ok(seen.observed.includes(a) && seen.observed.includes('data-' + a), a);
    assert.deepEqual(seen.absent, ['', 'light', 0, 0, false, 420, 0, false, '', 'lazy']);
    assert.deepEqual(seen.attrs, ['3', '6000', '', '', 'utm_source=partner', 'dark']);
    assert.deepEqual(seen.typed, [3, 6000, true, true, 'utm_source=partner', 'dark']);
    assert.deepEqual(seen.removed, [false, false, false]);
    assert.deepEqual(seen.fromAttrs, [90, false, 480]);
    assert.deepEqual(seen.height, ['300', false, 300], 'the property writes the plain attribute and drops data-');
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('properties set before the element is connected are what it mounts with', async () => {
  const { page, feeds, errors } = await open('empty.html', false);
  try {
    await page.waitForFunction(() => window.Carta);
    await page.evaluate(() => {
      const el = document.createElement('carta-carousel');
      el.id = 'carousel';
      el.feed = 'demo.json';
      el.loading = 'eager';
      el.feed = 'other.json';  // changed before it mounts: demo.json is never fetched
      el.height = 360;
      document.getElementById('place').appendChild(el);
    });
    await page.waitForFunction(() => window.__events.some((e) => e.name === 'carta:ready'), null, { timeout: 30000 });
    await waitHeadline(page, 'Harbour ferries return');
    assert.equal((await page.locator('#carousel').boundingBox()).height, 360);
    assert.deepEqual(feeds(), ['other.json']);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('feed on a running element: the new feed\'s first card, carta:change and carta:ready, one request', async () => {
  const { page, feeds, errors } = await open('element.html');
  try {
    await waitHeadline(page, await page.evaluate(() => document.querySelector('#carousel').cartaHandle.view().cards[0].title));
    await page.evaluate(() => document.querySelector('#carousel').cartaHandle.go(1));  // the demo's "unifil-final-mandate"
    await page.waitForFunction(() => document.querySelector('#carousel').cartaHandle.view().index === 1);
    await page.waitForTimeout(500);
    await events(page);
    await page.evaluate(() => { window.__handle = document.querySelector('#carousel').cartaHandle; });
    await page.evaluate(() => { document.querySelector('#carousel').feed = 'other.json'; });
    assert.equal(await page.evaluate(() => document.querySelector('#carousel').getAttribute('feed')), 'other.json');
    await waitHeadline(page, 'Harbour ferries return');
    await page.waitForFunction(() => window.__events.some((e) => e.name === 'carta:ready'), null, { timeout: 10000 });
    const seen = await events(page);
    assert.deepEqual(seen.filter((e) => e.name === 'carta:change').map((e) => e.detail),
                     [{ index: 0, id: 'other-1', cause: 'feed' }], 'the first card, not the one both feeds carry');
    assert.deepEqual(seen.filter((e) => e.name === 'carta:ready').map((e) => e.detail), [{ count: 3, renderer: 'webgl2' }]);
    assert.deepEqual(seen.filter((e) => e.name === 'carta:error'), []);
    assert.ok(await page.evaluate(() => document.querySelector('#carousel').cartaHandle === window.__handle),
              'the same widget, not a new one');
    // The mirror follows: its first article is the new feed's first story.
    await page.waitForFunction(() => {
      const a = document.querySelector('#carousel').shadowRoot.querySelector('[role="region"] article');
      return a && a.textContent.includes('Harbour ferries return');
    }, null, { timeout: 5000 });
    // The attribute, too; then a feed that is not there: the error card, as for a first feed.
    await page.evaluate(() => document.querySelector('#carousel').setAttribute('feed', 'no-such-feed.json'));
    await page.waitForFunction(() => document.querySelector('#carousel').cartaHandle.view().status === 'failed', null, { timeout: 10000 });
    const failed = await events(page);
    assert.equal(failed.filter((e) => e.name === 'carta:error').length, 1);
    assert.match(failed.find((e) => e.name === 'carta:error').detail.message, /HTTP 404/);
    assert.deepEqual(feeds(), ['demo.json', 'other.json', 'no-such-feed.json']);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('theme and accent redraw live without fetching the feed again; height moves the host', async () => {
  const { page, feeds, errors } = await open('element.html');
  try {
    await page.waitForTimeout(300);
    assert.deepEqual(await pixel(page, 4, 4), [243, 241, 236], 'light (core/theme.cpp)');
    await events(page);
    await page.evaluate(() => { document.querySelector('#carousel').theme = 'dark'; });
    await page.waitForTimeout(400);
    assert.deepEqual(await pixel(page, 4, 4), [17, 18, 21], 'dark, redrawn');
    const before = await page.locator('#carousel').screenshot();
    await page.evaluate(() => document.querySelector('#carousel').setAttribute('accent', '#d0021b'));
    await page.waitForTimeout(400);
    const after = await page.locator('#carousel').screenshot();
    assert.ok(!before.equals(after), 'the accent colour redrawn');
    await page.evaluate(() => { document.querySelector('#carousel').height = 300; });
    await page.waitForFunction(() => document.querySelector('#carousel').getBoundingClientRect().height === 300);
    await page.waitForTimeout(400);
    const view = await page.evaluate(() => document.querySelector('#carousel').cartaHandle.view());
    assert.ok(view.cards[0].rect[3] <= 300, 'the cards laid out in the new height: ' + view.cards[0].rect);
    assert.deepEqual(await events(page), [], 'no new carta:ready, no change');
    assert.deepEqual(feeds(), ['demo.json'], 'the feed was fetched once');
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('a setting the core takes at creation re-mounts the widget behind the same handle', async () => {
  const { page, feeds, errors } = await open('element.html');
  try {
    await page.evaluate(() => { window.__handle = document.querySelector('#carousel').cartaHandle; });
    await events(page);
    await page.evaluate(() => { document.querySelector('#carousel').locale = 'ar'; });
    await page.waitForFunction(() => window.__events.some((e) => e.name === 'carta:ready'), null, { timeout: 30000 });
    const state = await page.evaluate(() => {
      const el = document.querySelector('#carousel');
      return { same: el.cartaHandle === window.__handle, language: el.cartaHandle.view().language,
               canvases: el.shadowRoot.querySelectorAll('canvas').length, regions: el.shadowRoot.querySelectorAll('[role="region"]').length };
    });
    assert.deepEqual(state, { same: true, language: 'ar', canvases: 1, regions: 1 });
    assert.equal(await page.evaluate(() => window.Carta.stats().widgets), 1);
    assert.deepEqual(feeds(), ['demo.json', 'demo.json']);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('a lazy element still waiting takes the new feed when it starts', async () => {
  const { page, feeds, errors } = await open('lazy.html', false);
  try {
    await page.waitForFunction(() => document.querySelector('#carousel').cartaHandle);
    await page.evaluate(() => { document.querySelector('#carousel').feed = 'other.json'; });
    await page.waitForTimeout(300);
    assert.deepEqual(feeds(), [], 'nothing fetched while far from the viewport');
    await page.evaluate(() => document.querySelector('#carousel').scrollIntoView());
    await page.waitForFunction(() => window.__events.some((e) => e.name === 'carta:ready'), null, { timeout: 30000 });
    await waitHeadline(page, 'Harbour ferries return');
    assert.deepEqual(feeds(), ['other.json']);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('handle.update() from Carta.mount: a new feed and theme in the running widget', async () => {
  const { page, feeds, errors } = await open('empty.html', false);
  try {
    await page.waitForFunction(() => window.Carta);
    await page.evaluate(() => {
      const el = document.getElementById('place');
      el.id = 'carousel';
      window.Carta.mount(el, { feed: 'demo.json', lazy: false, height: 420 });
    });
    await page.waitForFunction(() => window.__events.some((e) => e.name === 'carta:ready'), null, { timeout: 30000 });
    await page.waitForTimeout(300);
    assert.deepEqual(await pixel(page, 4, 4), [243, 241, 236]);
    await page.evaluate(() => document.querySelector('#carousel').cartaHandle.update({ feed: 'other.json', theme: 'dark' }));
    await waitHeadline(page, 'Harbour ferries return');
    await page.waitForTimeout(300);
    assert.deepEqual(await pixel(page, 4, 4), [17, 18, 21]);
    assert.equal(await headline(page), 'Harbour ferries return');
    assert.deepEqual(feeds(), ['demo.json', 'other.json']);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});
