// What a publisher's team measures: tracked links (link-params on every story link, in the
// mirror's hrefs, in carta:open and in what opens), the link policy (link-rel and
// referrer-policy on the same links and on what opens) and viewable impressions by the MRC rule
// (carta:impression once a card has been at least half in the viewport, the tab visible, for
// one continuous second; once per card per widget; none for a widget never scrolled to),
// with analytics="datalayer" pushing both onto the page's window.dataLayer. Real scrolling,
// real clicks; times are measured inside the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveWithFixtures, launch, openAndWaitReady, fixturePage, dist } from './lib.mjs';

const PARAMS = 'utm_source=partner&utm_medium=carta';
// The demo feed with its first article on this server, carrying a query and a fragment of
// its own, and one item whose URL already names utm_source.
const demo = JSON.parse(fs.readFileSync(path.join(dist, 'demo.json'), 'utf8'));
demo.items[0].url = 'article.html?ref=home#top';
demo.items[1].url = 'https://example.org/b?utm_source=own';
const ids = demo.items.map((it) => it.id);

let server, browser;
before(async () => {
  server = await serveWithFixtures('carta-publisher-', {
    'feed.json': JSON.stringify(demo),
    'tracked.html': fixturePage(`<div id="carousel" class="carta" data-feed="feed.json" data-loading="eager"
      data-link-params="${PARAMS}" data-analytics="datalayer" data-link-rel="sponsored nofollow" data-referrer-policy="origin"></div>`),
    'element.html': fixturePage(`<carta-carousel id="carousel" feed="feed.json" loading="eager" link-params="${PARAMS}"></carta-carousel>`),
    'plain.html': fixturePage('<div id="carousel" class="carta" data-feed="feed.json" data-loading="eager"></div>'),
    // Each kind of news card: the demo's samples (demo-kinds.json).
    'kinds.html': fixturePage('<div id="carousel" class="carta" data-feed="demo-kinds.json" data-loading="eager"></div>'),
    'consent.html': fixturePage('<div id="carousel" class="carta" data-feed="feed.json" data-loading="eager" data-analytics="datalayer" data-consent="tcf"></div>'),
    // A widget 2 600 px below the fold (eager: it is the viewport, not lazy loading, that keeps it unseen).
    'below.html': fixturePage(`<div class="fold"></div>
      <div id="carousel" class="carta" data-feed="feed.json" data-loading="eager" data-loop="true"></div>
      <div class="tail"></div>`, { css: 'publisher.css' }),
    // In view at first, with room to scroll it out.
    'scroll.html': fixturePage(`<div id="carousel" class="carta" data-feed="feed.json" data-loading="eager" data-loop="true"></div>
      <div class="tail"></div>`, { css: 'publisher.css' }),
    // The strict CSP allows no style attribute: the spacers' heights come from a file.
    'publisher.css': fs.readFileSync(path.join(dist, 'demo.css'), 'utf8') + '\n.fold { height: 2600px; } .tail { height: 3000px; }\n',
    'article.html': '<!doctype html><title>article</title><p>The article.</p>',
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(file, { viewport = { width: 1000, height: 700 }, init = [], ready = true } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  await context.route(/^https:\/\/example\.org\//, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>article</title>' }));
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__opens = [];
    window.__impressions = [];
    window.dataLayer = [];
    window.__readyAt = 0;
    document.addEventListener('carta:ready', () => { window.__readyAt = window.__readyAt || performance.now(); });
    document.addEventListener('carta:open', (e) => window.__opens.push(e.detail));
    document.addEventListener('carta:impression', (e) => window.__impressions.push({ ...e.detail, at: performance.now() }));
  });
  for (const fn of init) await page.addInitScript(fn);
  if (ready) await openAndWaitReady(page, server.url + file);
  else await page.goto(server.url + file);
  return { page, close: () => context.close() };
}

const tracked = (url) => {
  const u = new URL(url);
  return u.searchParams.get('utm_source') !== null && u.searchParams.getAll('utm_medium').length === 1;
};
// Every story link of the mirror (cards and related rows), or of the fallback list.
const hrefs = (page) => page.evaluate(() => [...document.querySelector('#carousel').shadowRoot.querySelectorAll('a[href]')]
  .map((a) => a.href).filter((h) => !h.endsWith('#')));
// rel and referrerpolicy of the same links.
const policies = (page) => page.evaluate(() => [...document.querySelector('#carousel').shadowRoot.querySelectorAll('a[href]')]
  .map((a) => a.rel + '|' + a.getAttribute('referrerpolicy')));
const SPONSORED = 'noopener sponsored nofollow|origin';
const impressions = (page) => page.evaluate(() => window.__impressions);
const cardsInView = (page) => page.evaluate(() => document.querySelector('#carousel').cartaHandle.view().cards.map((c) => c.index));

test('link-params and link policy: every story href of the mirror carries them, keeping the query and fragment, no key twice', async () => {
  const { page, close } = await open('tracked.html');
  try {
    await page.waitForTimeout(300);  // the mirror follows the first frame
    const all = await hrefs(page);
    assert.ok(all.length >= 3, 'cards and related links: ' + all.length);
    for (const h of all) assert.ok(tracked(h), 'tracked: ' + h);
    assert.deepEqual([...new Set(await policies(page))], [SPONSORED], 'link-rel and referrer-policy on every link');
    assert.ok(all.includes(server.url + 'article.html?ref=home&utm_source=partner&utm_medium=carta#top'), all.join('\n'));
    // An item that names utm_source itself keeps its own value, once.
    await page.evaluate(() => document.querySelector('#carousel').cartaHandle.go(1));
    await page.waitForTimeout(800);
    const second = await hrefs(page);
    assert.ok(second.includes('https://example.org/b?utm_source=own&utm_medium=carta'), second.join('\n'));
  } finally {
    await close();
  }
});

test('link-params and link policy: carta:open, what opens and the dataLayer get the tracked URL; what opens has no opener and the origin as referrer', async () => {
  const { page, close } = await open('tracked.html');
  try {
    await page.waitForTimeout(300);
    const box = await page.locator('#carousel').boundingBox();
    const view = await page.evaluate(() => document.querySelector('#carousel').cartaHandle.view());
    const [hx, hy, hw, hh] = view.cards[0].headline.rect;
    const [popup] = await Promise.all([page.waitForEvent('popup', { timeout: 5000 }),
      page.mouse.click(box.x + hx + hw / 2, box.y + hy + hh / 2)]);
    await popup.waitForLoadState('domcontentloaded');
    const url = server.url + 'article.html?ref=home&utm_source=partner&utm_medium=carta#top';
    assert.equal(popup.url(), url);
    assert.deepEqual(await popup.evaluate(() => [document.referrer, window.opener]), [server.url, null],
                     'referrer-policy="origin": the page\'s origin only; never an opener');
    assert.deepEqual(await page.evaluate(() => window.__opens), [{ url, id: ids[0], kind: 'card' }]);
    const layer = await page.evaluate(() => window.dataLayer.filter((e) => e.event === 'carta_open'));
    assert.deepEqual(layer, [{ event: 'carta_open', carta: { url, id: ids[0], kind: 'card' } }]);
  } finally {
    await close();
  }
});

test('link-params: the link-params attribute of <carta-carousel> and the linkParams option of Carta.mount', async () => {
  const element = await open('element.html');
  try {
    await element.page.waitForTimeout(300);
    const all = await hrefs(element.page);
    assert.ok(all.length && all.every(tracked), 'carta-carousel: ' + all.join('\n'));
  } finally {
    await element.close();
  }
  const mounted = await open('plain.html');
  try {
    await mounted.page.waitForTimeout(300);
    assert.ok((await hrefs(mounted.page)).every((h) => !h.includes('utm_medium')), 'no parameters unless asked');
    assert.deepEqual([...new Set(await policies(mounted.page))], ['noopener noreferrer|null'], 'no referrer unless asked');
    await mounted.page.evaluate(() => new Promise((resolve) => {
      const old = document.querySelector('#carousel');
      old.cartaHandle.destroy();
      const el = document.createElement('div');
      el.id = 'carousel';
      old.replaceWith(el);
      el.addEventListener('carta:ready', () => setTimeout(resolve, 300));
      Carta.mount(el, { feed: 'feed.json', lazy: false, linkParams: { utm_source: 'partner', utm_medium: 'carta' } });
    }));
    const all = await hrefs(mounted.page);
    assert.ok(all.length && all.every(tracked), 'Carta.mount: ' + all.join('\n'));
  } finally {
    await mounted.close();
  }
});

test('link-params and link policy: the plain-HTML list (no WebGL 2; no WebAssembly) links carry them too', async () => {
  for (const init of [() => { delete window.WebGL2RenderingContext; }, () => { delete window.WebAssembly; }]) {
    const { page, close } = await open('tracked.html', { init: [init] });
    try {
      const all = await hrefs(page);
      assert.equal(all.length, demo.items.length, 'the fallback list: ' + all.length);
      for (const h of all) assert.ok(tracked(h), 'tracked: ' + h);
      assert.ok(all.includes(server.url + 'article.html?ref=home&utm_source=partner&utm_medium=carta#top'));
      assert.deepEqual([...new Set(await policies(page))], [SPONSORED]);
    } finally {
      await close();
    }
  }
});

test('news marks: the mirror and the plain list say each card\'s marks; a sponsored story\'s links are rel=sponsored and its impression says so', async () => {
  const marks = (page) => page.evaluate(() => [...document.querySelector('#carousel').shadowRoot.querySelectorAll('article')]
    .map((a) => ({ text: a.textContent, rels: [...a.querySelectorAll('a[href]')].map((l) => l.rel) })));
  const { page, close } = await open('kinds.html');
  try {
    const said = {};
    for (const i of [0, 2, 3]) {
      await page.evaluate((n) => document.querySelector('#carousel').cartaHandle.go(n), i);
      await page.waitForTimeout(1300);  // the slide, then a second in view
      for (const a of await marks(page)) said[a.text.slice(0, 60)] = a;
    }
    const all = Object.values(said);
    const card = (words) => all.find((a) => a.text.includes(words));
    for (const words of ['Live', 'Video, 3:24', 'Sponsored by Levant Solar Cooperative', 'Opinion · Subscribers only', 'Analysis'])
      assert.ok(card(words), `a card says "${words}": ${all.map((a) => a.text.slice(0, 80)).join(' | ')}`);
    assert.match(card('Live').text, /Updated 28 Aug 2025/, 'updated well after it ran: the update\'s date');
    assert.deepEqual([...new Set(card('Sponsored by').rels)], ['noopener noreferrer sponsored']);
    assert.deepEqual([...new Set(card('Opinion').rels)], ['noopener noreferrer']);
    const seen = await impressions(page);
    assert.deepEqual(seen.filter((e) => e.sponsored).map((e) => e.id), ['sample-sponsored'], JSON.stringify(seen));
  } finally {
    await close();
  }
  const plain = await open('kinds.html', { init: [() => { delete window.WebGL2RenderingContext; }] });
  try {
    const texts = await plain.page.evaluate(() =>
      [...document.querySelector('#carousel').shadowRoot.querySelectorAll('.fallback .marks')].map((p) => p.textContent));
    assert.deepEqual(texts, ['Live', 'Video, 3:24', 'Sponsored by Levant Solar Cooperative', 'Opinion · Subscribers only', 'Analysis']);
    // The author's face where it loads (Rania Haddad's), none where it does not (a broken address).
    await plain.page.waitForTimeout(500);
    const faces = await plain.page.evaluate(() => [...document.querySelector('#carousel').shadowRoot.querySelectorAll('.fallback article')]
      .map((a) => { const img = a.querySelector('img.avatar'); return img ? img.naturalWidth : null; }));
    assert.deepEqual(faces, [null, null, null, 240, null], 'faces: ' + JSON.stringify(faces));
    const rels = await marks(plain.page);
    assert.deepEqual(rels.map((a) => a.rels[0]), ['noopener noreferrer', 'noopener noreferrer', 'noopener noreferrer sponsored',
                                                  'noopener noreferrer', 'noopener noreferrer']);
  } finally {
    await plain.close();
  }
});

test('impressions: the cards in view count after one second, not before, each once, with the dataLayer told', async () => {
  const { page, close } = await open('tracked.html');
  try {
    const readyAt = await page.evaluate(() => window.__carta.ready.at);
    await page.waitForTimeout(700);
    assert.deepEqual(await impressions(page), [], 'nothing within the first second');
    await page.waitForTimeout(1300);
    const seen = await impressions(page);
    const inView = await cardsInView(page);
    assert.deepEqual(seen.map((e) => e.index).sort(), [...inView].sort(), 'the cards in view');
    for (const e of seen) {
      assert.ok(e.at - readyAt >= 1000, 'after one second in view: ' + (e.at - readyAt));
      assert.equal(e.id, ids[e.index]);
      assert.ok(tracked(e.url), 'the tracked URL: ' + e.url);
    }
    const layer = await page.evaluate(() => window.dataLayer.filter((e) => e.event === 'carta_impression'));
    assert.deepEqual(layer.map((e) => e.carta.id).sort(), seen.map((e) => e.id).sort());
  } finally {
    await close();
  }
});

test('impressions: none for a widget 2 600 px below the fold until it is scrolled into view', async () => {
  const { page, close } = await open('below.html', { ready: false });
  try {
    await page.waitForTimeout(3000);
    assert.deepEqual(await impressions(page), [], 'never seen, never counted');
    await page.mouse.wheel(0, 2600);
    await page.waitForFunction(() => window.__readyAt, null, { timeout: 30000 });
    const scrolledAt = await page.evaluate(() => performance.now());
    await page.waitForFunction(() => window.__impressions.length > 0, null, { timeout: 10000 });
    await page.waitForTimeout(300);
    const seen = await impressions(page);
    assert.ok(seen[0].at - scrolledAt >= 900, 'not before a second in view: ' + (seen[0].at - scrolledAt));
    assert.deepEqual(seen.map((e) => e.index).sort(), (await cardsInView(page)).sort());
  } finally {
    await close();
  }
});

test('impressions: 0.9 s in view does not count; moving away and back, or looping, never counts a card twice', async () => {
  const { page, close } = await open('scroll.html');
  try {
    await page.waitForTimeout(1500);
    const first = await impressions(page);
    const perView = first.length;
    assert.ok(perView >= 1, 'the first cards counted');
    // The next cards come into view for 0.9 s, then the page scrolls the widget away.
    await page.evaluate(async (n) => {
      document.querySelector('#carousel').cartaHandle.go(n);
      await new Promise((r) => setTimeout(r, 900));
      window.scrollTo(0, 2000);
    }, perView);
    await page.waitForTimeout(1500);
    assert.equal((await impressions(page)).length, perView, '0.9 s in view is not an impression');
    // Back in view for good: now they count.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(1600);
    const second = await impressions(page);
    assert.ok(second.length > perView, 'the next cards counted once in view for a second');
    // Round and round the looped carousel, away and back: no card twice.
    for (const steps of [demo.items.length, 4]) {
      for (let i = 0; i < steps; i++) {
        await page.evaluate(() => document.querySelector('#carousel').cartaHandle.next());
        await page.waitForTimeout(1200);
      }
      await page.evaluate(() => window.scrollTo(0, 2000));
      await page.waitForTimeout(300);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForTimeout(1300);
    }
    const all = await impressions(page);
    const counted = all.map((e) => e.id);
    assert.equal(new Set(counted).size, counted.length, 'each card once: ' + counted.join(', '));
    assert.deepEqual([...counted].sort(), [...ids].sort(), 'every card of the loop counted');
  } finally {
    await close();
  }
});

// A TCF v2.2 CMP stub, before the page's scripts: it answers when the test calls
// window.__answer(consents), as a CMP does once the reader has chosen.
function cmpStub() {
  const listeners = [];
  window.__tcfapi = (command, version, callback) => {
    if (command === 'addEventListener') { listeners.push(callback); callback({ eventStatus: 'cmpuishown', gdprApplies: true, listenerId: 1 }, true); }
  };
  window.__answer = (yes) => listeners.forEach((cb) => cb({ eventStatus: 'useractioncomplete', gdprApplies: true, listenerId: 1,
                                                         purpose: { consents: { 1: true, 8: yes } } }, true));
}

test('consent="tcf": impressions and their dataLayer pushes wait for the CMP; a yes sends them, a no counts nothing', async () => {
  for (const yes of [true, false]) {
    const { page, close } = await open('consent.html', { init: [cmpStub] });
    try {
      await page.waitForTimeout(2000);  // the cards in view for over a second: counted, but held
      assert.deepEqual(await impressions(page), [], 'nothing before the reader answers');
      assert.deepEqual(await page.evaluate(() => window.dataLayer.filter((e) => e.event === 'carta_impression')), []);
      await page.evaluate((answer) => window.__answer(answer), yes);
      await page.waitForTimeout(300);
      const seen = (await impressions(page)).map((i) => i.id);
      const pushed = await page.evaluate(() => window.dataLayer.filter((e) => e.event === 'carta_impression').map((e) => e.carta.id));
      const inView = (await cardsInView(page)).map((i) => ids[i]);
      if (yes) {
        assert.deepEqual(seen.slice().sort(), inView.slice().sort(), 'the held impressions of the cards in view, sent');
        assert.deepEqual(pushed.slice().sort(), inView.slice().sort());
      } else {
        assert.deepEqual([seen, pushed], [[], []], 'a refusal counts nothing');
      }
    } finally {
      await close();
    }
  }
});
