// Right-to-left feeds in the browser: ArrowLeft advances an Arabic carousel and ArrowRight
// goes back, and so do drags; the mirror has dir="rtl" and lang="ar" on Arabic cards; the canvas draws the
// cards (not blank); the browser's text stack (carta-text.js) is fetched for an Arabic or
// Hebrew feed and never for a Latin one, which fetches exactly the widget's base files; the
// plain-HTML fallback runs right to left too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveWithFixtures, launch, dist, root, fixturePage, logical } from './lib.mjs';

const VIEWPORT = { width: 1000, height: 700 };
const arabic = JSON.parse(fs.readFileSync(path.join(dist, 'demo-ar.json'), 'utf8'));
// The Hebrew sample feed of the golden shots, its pictures taken from dist/images.
const hebrew = fs.readFileSync(path.join(root, 'tests/shots/feeds/hebrew.json'), 'utf8')
  .replaceAll('../../../assets/feeds/images/', 'images/');

const fixture = (feed, lang = 'en') => fixturePage(`<main>
<div id="carousel" class="carta" data-feed="${feed}" data-height="420" data-loading="eager"></div>
</main>`, { lang });

let server, browser;
before(async () => {
  server = await serveWithFixtures('carta-rtl-', {
    'arabic.html': fixture('demo-ar.json', 'ar'),
    'latin.html': fixture('demo.json'),
    'mixed.html': fixture('demo-mixed.json'),
    'hebrew.html': fixture('hebrew.json', 'he'),
    'hebrew.json': hebrew,
    'turkish.html': fixture('turkish.json', 'tr'),
    'turkish.json': JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Örnek', language: 'tr',
      items: [{ id: '1', url: 'https://news.example/1', title: 'İstanbul’da kış: Beşiktaş sahilinde ilk kar',
                content_text: 'Örnek bir haber.' }] }),
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

// Opens a fixture, records the widget's events and the files fetched, waits for ready.
async function open(name, { args } = {}) {
  const b = args ? await launch(args) : browser;
  const context = await b.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(logical(new URL(r.url()).pathname)));  // names without their content hash
  await page.addInitScript(() => {
    window.__events = [];
    for (const n of ['carta:ready', 'carta:error', 'carta:change'])
      document.addEventListener(n, (e) => window.__events.push({ name: n, detail: e.detail }));
  });
  await page.goto(server.url + name);
  await page.waitForFunction(() => window.__events.some((e) => e.name === 'carta:ready' || e.name === 'carta:error'),
    null, { timeout: 30000 });
  const errors = await page.evaluate(() => window.__events.filter((e) => e.name === 'carta:error'));
  assert.deepEqual(errors, [], 'no carta:error');
  return { page, requests, close: async () => { await context.close(); if (args) await b.close(); } };
}

const changes = (page) => page.evaluate(() => window.__events.filter((e) => e.name === 'carta:change').map((e) => e.detail.index));

test('ArrowLeft advances a right-to-left carousel and ArrowRight goes back', async () => {
  const { page, close } = await open('arabic.html');
  try {
    await page.locator('#carousel a[data-kind="0"]').first().focus();
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => window.__events.filter((e) => e.name === 'carta:change').length >= 1, null, { timeout: 3000 });
    assert.deepEqual(await changes(page), [1], 'ArrowLeft: the next card');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => window.__events.filter((e) => e.name === 'carta:change').length >= 3, null, { timeout: 3000 });
    assert.deepEqual(await changes(page), [1, 2, 1], 'ArrowLeft again, then ArrowRight back');
    // The live region names the card in Arabic.
    await page.waitForFunction(() => document.querySelector('#carousel').shadowRoot.querySelector('.live').textContent !== '',
      null, { timeout: 2000 });
    const live = await page.evaluate(() => document.querySelector('#carousel').shadowRoot.querySelector('.live').textContent);
    assert.equal(live, `البطاقة 2 من 9: ${arabic.items[1].title}`);
  } finally {
    await close();
  }
});

test('in a right-to-left carousel a drag to the right moves forward, to the left back', async () => {
  const { page, close } = await open('arabic.html');
  try {
    const box = await page.locator('#carousel').boundingBox();
    const y = box.y + 120;  // on the pictures, away from the buttons
    const drag = async (from, to) => {
      await page.mouse.move(box.x + from, y);
      await page.mouse.down();
      for (let k = 1; k <= 8; k++) await page.mouse.move(box.x + from + ((to - from) * k) / 8, y);
      await page.mouse.up();
    };
    // A quick drag flings at least one card and at most one view (two cards here).
    await drag(300, 700);
    await page.waitForFunction(() => window.__events.some((e) => e.name === 'carta:change'), null, { timeout: 3000 });
    const [forward] = await changes(page);
    assert.ok(forward === 1 || forward === 2, `a drag to the right goes forward (to ${forward})`);
    await page.waitForTimeout(700);
    await drag(700, 300);
    await page.waitForFunction(() => window.__events.filter((e) => e.name === 'carta:change').length >= 2, null, { timeout: 3000 });
    const back = (await changes(page))[1];
    assert.ok(back < forward, `a drag to the left goes back (from ${forward} to ${back})`);
  } finally {
    await close();
  }
});

test('the mirror of an Arabic feed is dir="rtl" lang="ar", and its cards say so too', async () => {
  const { page, close } = await open('arabic.html');
  try {
    const mirror = await page.evaluate(() => {
      const root = document.querySelector('#carousel').shadowRoot;
      const region = root.querySelector('[role="region"]');
      return {
        dir: region.getAttribute('dir'), lang: region.getAttribute('lang'),
        cards: [...root.querySelectorAll('article')].map((a) => [a.getAttribute('lang'), a.getAttribute('dir'), a.getAttribute('aria-label')]),
        next: root.querySelector('button[data-kind="3"]')?.getAttribute('aria-label') ?? root.querySelector('button[data-kind="3"]')?.textContent,
        nextBox: root.querySelector('button[data-kind="3"]')?.getBoundingClientRect().x,
        prevBox: root.querySelector('button[data-kind="2"]')?.getBoundingClientRect().x,
      };
    });
    assert.equal(mirror.dir, 'rtl');
    assert.equal(mirror.lang, 'ar');
    assert.deepEqual(mirror.cards, [['ar', 'rtl', '1 من 9'], ['ar', 'rtl', '2 من 9']]);
    assert.equal(mirror.next, 'البطاقة التالية');
    assert.ok(mirror.nextBox < mirror.prevBox, 'the mirror\'s "next" button sits on the left, where the canvas draws it');
  } finally {
    await close();
  }
});

test('the browser\'s text stack loads for a right-to-left feed, never for a Latin one, which fetches only the base files', async () => {
  const rtlFiles = (list) => list.filter((p) => /carta-bidi\.wasm|carta-arabic|carta-hebrew|carta-ext|carta-text|words\//.test(p)).sort();
  const latin = await open('latin.html');
  try {
    await latin.page.waitForTimeout(500);
    assert.deepEqual(rtlFiles(latin.requests), [], 'a Latin page fetches no right-to-left files');
    // Everything but the feed's own pictures: the page, carta.js, the wasm, three fonts, the feed.
    const widget = [...new Set(latin.requests.filter((p) => !p.startsWith('/images/')))].sort();
    assert.deepEqual(widget, ['/carta.js', '/carta.wasm', '/demo.css', '/demo.json', '/fonts/carta-sans-bold.ttf',
      '/fonts/carta-sans.ttf', '/fonts/carta-serif-bold.ttf', '/latin.html'], 'what a Latin page fetches');
  } finally {
    await latin.close();
  }
  for (const name of ['arabic.html', 'mixed.html']) {
    const { requests, close } = await open(name);
    try {
      assert.deepEqual(rtlFiles(requests), ['/carta-text.js', '/words/ar.json'], name);
    } finally {
      await close();
    }
  }
  // Latin Extended-A (Turkish) needs its fonts and nothing right to left.
  const turkish = await open('turkish.html');
  try {
    assert.deepEqual(rtlFiles(turkish.requests), ['/fonts/carta-ext-sans-bold.ttf', '/fonts/carta-ext-sans.ttf',
      '/fonts/carta-ext-serif-bold.ttf', '/words/tr.json'], 'turkish.html');
  } finally {
    await turkish.close();
  }
  const { page, requests, close } = await open('hebrew.html');
  try {
    assert.deepEqual(rtlFiles(requests), ['/carta-text.js', '/words/he.json'], 'hebrew.html');
    const region = await page.evaluate(() => {
      const r = document.querySelector('#carousel').shadowRoot.querySelector('[role="region"]');
      return [r.getAttribute('dir'), r.getAttribute('lang')];
    });
    assert.deepEqual(region, ['rtl', 'he'], 'a Hebrew feed runs right to left');
  } finally {
    await close();
  }
});

test('in a mixed feed a related link to a story in the other language carries its lang and dir', async () => {
  const { page, close } = await open('mixed.html');
  try {
    const links = await page.evaluate(() => [...document.querySelector('#carousel').shadowRoot.querySelectorAll('a[data-kind="1"]')]
      .map((a) => [a.closest('article').getAttribute('lang'), a.getAttribute('lang'), a.getAttribute('dir')]));
    // The first card (English) lists an English story, then an Arabic one.
    assert.deepEqual(links.slice(0, 2), [['en', null, null], ['en', 'ar', 'rtl']]);
  } finally {
    await close();
  }
});

test('without WebGL 2 the fallback list of an Arabic feed runs right to left', async () => {
  const { page, close } = await open('arabic.html', { args: ['--disable-webgl'] });
  try {
    const list = await page.evaluate(() => {
      const region = document.querySelector('#carousel').shadowRoot.querySelector('.fallback');
      const first = region.querySelector('article');
      return { dir: region.getAttribute('dir'), lang: first.getAttribute('lang'), firstRight: first.getBoundingClientRect().right,
               secondRight: region.querySelectorAll('article')[1].getBoundingClientRect().right };
    });
    assert.equal(list.dir, 'rtl');
    assert.equal(list.lang, 'ar');
    assert.ok(list.firstRight > list.secondRight, 'the first card is on the right');
  } finally {
    await close();
  }
});
