// The release a CDN can serve (docs/deploying.md): every file carta.js loads has a
// content-hashed name; dist/integrity.json holds every file's SRI hash; a page that pins
// carta.js with integrity= crossorigin=anonymous gets the widget, its lazy parts included
// (each fetched with an integrity check of its own); a changed byte in the wasm is refused
// with carta:error and the plain list of cards.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { serveWithFixtures, launch, fixturePage, dist, distFile } from './lib.mjs';

const integrity = JSON.parse(fs.readFileSync(path.join(dist, 'integrity.json'), 'utf8'));
const pinned = (body, lang = 'en') => fixturePage(body, { lang }).replace('<script src="carta.js" async></script>',
  `<script src="carta.js" integrity="${integrity['carta.js']}" crossorigin="anonymous" async></script>`);
const pages = {
  'pinned.html': pinned('<div id="carousel" class="carta" data-feed="demo.json" data-loading="eager"></div>'),
  // Right to left: the lazy parts (carta-text.js by a script element, words/ar.json) too.
  'pinned-ar.html': pinned('<div id="carousel" class="carta" data-feed="demo-ar.json" data-loading="eager"></div>', 'ar'),
  // Latin Extended-A: the lazy fonts.
  'pinned-tr.html': pinned(`<div id="carousel" class="carta" data-loading="eager"><script type="application/feed+json">
    {"version": "https://jsonfeed.org/version/1.1", "title": "Haberler", "language": "tr",
     "items": [{"id": "1", "url": "https://example.org/1", "title": "İstanbul'da şiddetli yağış: ağaçlar devrildi"}]}
  </script></div>`, 'tr'),
};

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

function walk(dir, base = '') {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name), base + e.name + '/') : [base + e.name]);
}

test('every file of dist/ is in integrity.json with its sha384; every file carta.js loads has a content-hashed name', () => {
  const files = walk(dist).filter((f) => f !== 'integrity.json').sort();
  assert.deepEqual(Object.keys(integrity).sort(), files);
  for (const f of files) {
    const data = fs.readFileSync(path.join(dist, f));
    assert.equal(integrity[f], 'sha384-' + crypto.createHash('sha384').update(data).digest('base64'), f);
  }
  const loaded = files.filter((f) => (/^carta(-[^/]*)?\.(js|wasm)$/.test(f) && f !== 'carta.js') || /^(fonts|words)\/.*\.(ttf|json)$/.test(f));
  assert.ok(loaded.length >= 5, loaded.join(' '));
  for (const f of loaded) {
    const m = /\.([0-9a-f]{12})\.[a-z0-9]+$/.exec(f);
    assert.ok(m, 'a content-hashed name: ' + f);
    const digest = crypto.createHash('sha256').update(fs.readFileSync(path.join(dist, f))).digest('hex');
    assert.equal(m[1], digest.slice(0, 12), 'the name is its content: ' + f);
  }
  assert.ok(!fs.existsSync(path.join(dist, 'carta.wasm')), 'no unhashed carta.wasm left beside the hashed one');
});

async function open(server, file) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  const page = await context.newPage();
  const requests = [], failures = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  page.on('requestfailed', (r) => failures.push(new URL(r.url()).pathname));
  await page.addInitScript(() => {
    window.__events = [];
    for (const name of ['carta:ready', 'carta:error'])
      document.addEventListener(name, (e) => window.__events.push({ name, detail: e.detail }));
  });
  await page.goto(server.url + file);
  await page.waitForFunction(() => window.__events.length, null, { timeout: 30000 });
  await page.waitForTimeout(500);
  return { page, requests, failures, events: await page.evaluate(() => window.__events), close: () => context.close() };
}

test('carta.js pinned with integrity= reaches carta:ready, and its lazy parts pass their own checks', async () => {
  const server = await serveWithFixtures('carta-release-', pages);
  try {
    for (const [file, lazy] of [['pinned.html', []],
      ['pinned-ar.html', [distFile('carta-text.js'), distFile('words/ar.json')]],
      ['pinned-tr.html', [distFile('fonts/carta-ext-sans.ttf'), distFile('words/tr.json')]]]) {
      const { page, requests, failures, events, close } = await open(server, file);
      try {
        assert.deepEqual(events.map((e) => e.name), ['carta:ready'], file + ': ' + JSON.stringify(events));
        assert.equal(events[0].detail.renderer, 'webgl2', file);
        assert.deepEqual(failures, [], file + ': nothing refused');
        assert.deepEqual(requests.filter((r) => r.endsWith('.wasm')), ['/' + distFile('carta.wasm')], file + ': the hashed wasm, once');
        for (const f of lazy) assert.ok(requests.includes('/' + f), `${file}: ${f} fetched`);
        if (file === 'pinned-ar.html') {
          const script = await page.evaluate(() => {
            const s = [...document.scripts].find((x) => /carta-text/.test(x.src));
            return s && { integrity: s.integrity, crossOrigin: s.crossOrigin, ran: !!(window.Carta && window.Carta.textStack) };
          });
          assert.deepEqual(script, { integrity: script.integrity, crossOrigin: 'anonymous', ran: true });
          assert.match(script.integrity, /^sha256-[A-Za-z0-9+/]{43}=$/);
        }
        const version = await page.evaluate(() => Carta.version);
        assert.match(version, /^\d+\.\d+\.\d+\+[0-9a-f]{8}$/, 'Carta.version names the release');
      } finally {
        await close();
      }
    }
  } finally {
    await server.close();
  }
});

// One bit of the last byte of `file` (a logical name) flipped in the served copy; the page
// must report it (carta:error naming the file and the integrity check) and show the plain
// list of the nine cards.
async function tamperedShowsList(server, file, message) {
  const served = path.join(server.dir, distFile(file));
  const bytes = fs.readFileSync(served);
  bytes[bytes.length - 1] ^= 1;
  fs.writeFileSync(served, bytes);
  const { page, events, close } = await open(server, 'pinned.html');
  try {
    assert.equal(events[0].name, 'carta:error', JSON.stringify(events));
    assert.match(events[0].detail.message, message);
    await page.waitForFunction(() => window.__events.some((e) => e.name === 'carta:ready'), null, { timeout: 10000 });
    const list = await page.evaluate(() => {
      const region = document.querySelector('#carousel').shadowRoot.querySelector('.fallback');
      const canvas = document.querySelector('#carousel').shadowRoot.querySelector('canvas');
      return region && { cards: region.querySelectorAll('article').length, visible: region.getBoundingClientRect().height > 0, canvas: !!canvas };
    });
    assert.deepEqual(list, { cards: 9, visible: true, canvas: false }, 'the fallback list');
  } finally {
    await close();
  }
}

// The widget is made and its feed read before the base fonts arrive: a font refused after
// that must still end in the plain list, not in a canvas that never draws.
test('a base font with one byte changed is refused: carta:error, then the plain list of cards', async () => {
  const server = await serveWithFixtures('carta-tampered-font-', pages);
  try {
    await tamperedShowsList(server, 'fonts/carta-sans.ttf', /carta-sans\.[0-9a-f]{12}\.ttf.*integrity/);
  } finally {
    await server.close();
  }
});

test('a wasm with one byte changed is refused: carta:error, then the plain list of cards', async () => {
  const server = await serveWithFixtures('carta-tampered-', pages);
  try {
    await tamperedShowsList(server, 'carta.wasm', /carta\.[0-9a-f]{12}\.wasm.*integrity/);
    // carta.js itself changed: the page's integrity= refuses it, nothing of Carta runs.
    const loader = path.join(server.dir, 'carta.js');
    fs.writeFileSync(loader, fs.readFileSync(loader, 'utf8') + '\n');
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(server.url + 'pinned.html');
      await page.waitForTimeout(1500);
      assert.equal(await page.evaluate(() => typeof window.Carta), 'undefined');
    } finally {
      await context.close();
    }
  } finally {
    await server.close();
  }
});
