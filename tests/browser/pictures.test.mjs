// Pictures from any host (issue 13): an image server that sends no CORS headers cannot give
// WebGL a texture, so the page shows the picture itself, under a hole in the canvas. The
// same feed is drawn with same-origin pictures (textures) and with pictures from a second
// origin without CORS; the two must look alike, and unlike the placeholder.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { CSP } from '../../scripts/serve.mjs';
import { launch, serveWithFixtures, fixturePage, openAndWaitReady, dist } from './lib.mjs';

const demo = JSON.parse(fs.readFileSync(path.join(dist, 'demo.json'), 'utf8'));
const items = demo.items.slice(0, 4);
const feedWith = (image) => JSON.stringify({ ...demo, feed_url: undefined,
  items: items.map((it) => ({ ...it, image: it.image && image(it.image) })) });

// Fraction of pixels differing by more than 40/255 in a channel, in a browser page.
async function difference(browser, a, b) {
  const page = await browser.newPage();
  try {
    return await page.evaluate(async ([a64, b64]) => {
      const load = async (b) => {
        const img = new Image();
        img.src = 'data:image/png;base64,' + b;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.width;
        c.height = img.height;
        c.getContext('2d').drawImage(img, 0, 0);
        return c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      };
      const A = await load(a64), B = await load(b64);
      let bad = 0;
      for (let i = 0; i < A.length; i += 4)
        if (Math.abs(A[i] - B[i]) > 40 || Math.abs(A[i + 1] - B[i + 1]) > 40 || Math.abs(A[i + 2] - B[i + 2]) > 40) bad++;
      return bad / (A.length / 4);
    }, [a.toString('base64'), b.toString('base64')]);
  } finally {
    await page.close();
  }
}

// A second origin for pictures: a plain HTTP server on another port over the same files,
// sending Access-Control-Allow-Origin only when asked, counting what it was asked for.
async function pictureHost(dir) {
  const host = { cors: false, requests: [] };
  const server = http.createServer((req, res) => {
    host.requests.push(req.url);
    const file = path.join(dir, path.normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)));
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file)) return res.writeHead(404).end('not found');
    res.writeHead(200, { 'Content-Type': file.endsWith('.png') ? 'image/png' : 'image/jpeg', 'Cache-Control': 'no-store',
      ...(host.cors ? { 'Access-Control-Allow-Origin': '*' } : {}) });
    res.end(fs.readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  host.origin = `http://127.0.0.1:${server.address().port}`;
  host.close = () => new Promise((r) => server.close(r));
  return host;
}

test('pictures from a host without CORS headers are shown, like same-origin ones, and move with their card', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carta-picture-host-'));
  fs.cpSync(path.join(dist, 'images'), path.join(dir, 'images'), { recursive: true });
  const host = await pictureHost(dir);
  // Pages named *-connect.html have the image host in connect-src as well.
  const policy = (pathname) => CSP.replace("img-src 'self'", `img-src 'self' ${host.origin}`)
    .replace("default-src 'self';", `default-src 'self';${pathname.endsWith('-connect.html') ? ` connect-src 'self' ${host.origin};` : ''}`);
  const server = await serveWithFixtures('carta-pictures-', {
    'same.json': feedWith((src) => src),
    'other.json': feedWith((src) => `${host.origin}/${src}`),
    'none.json': feedWith(() => `${host.origin}/images/missing.jpg`),
    'same.html': fixturePage('<div id="carousel" class="carta" data-feed="same.json" data-height="450" data-loading="eager"></div>'),
    'other.html': fixturePage('<div id="carousel" class="carta" data-feed="other.json" data-height="450" data-loading="eager"></div>'),
    'none.html': fixturePage('<div id="carousel" class="carta" data-feed="none.json" data-height="450" data-loading="eager"></div>'),
    'other-connect.html': fixturePage('<div id="carousel" class="carta" data-feed="other.json" data-height="450" data-loading="eager"></div>'),
  }, { policy });
  const browser = await launch();
  try {
    // Every page's policy names the image host in img-src, as a partner's would; only
    // *-connect.html pages name it in connect-src too (otherwise the widget's own fetch of a
    // picture is refused by the policy). opts.cors: the image host sends CORS headers.
    const shoot = async (name, after, opts = {}) => {
      const page = await browser.newPage({ viewport: { width: 800, height: 450 } });
      host.cors = !!opts.cors;
      const before = host.requests.length;
      await page.addInitScript(() => {  // every WebGL 2 context the page makes
        const getContext = HTMLCanvasElement.prototype.getContext;
        const made = (window.webglContexts = []);
        HTMLCanvasElement.prototype.getContext = function (kind, attributes) {
          const c = getContext.call(this, kind, attributes);
          if (kind === 'webgl2' && c && !made.includes(c)) made.push(c);
          return c;
        };
      });
      await openAndWaitReady(page, server.url + name);
      await page.waitForTimeout(800);
      if (after) await after(page);
      const png = await page.locator('#carousel').screenshot();
      const layer = await page.evaluate(() => [...document.querySelector('#carousel').shadowRoot.querySelectorAll('img')]
        .filter((i) => i.style.display === 'block').length);
      // The canvas (one) and whether its context has alpha; the contexts not given back.
      const canvas = await page.evaluate(() => {
        const all = document.querySelector('#carousel').shadowRoot.querySelectorAll('canvas');
        return { count: all.length, alpha: all[0].getContext('webgl2').getContextAttributes().alpha,
                 contexts: window.webglContexts.filter((c) => !c.isContextLost()).length };
      });
      await page.close();
      return { png, layer, canvas, seen: host.requests.slice(before) };
    };
    const same = await shoot('same.html');
    const other = await shoot('other.html');
    const none = await shoot('none.html');
    if (process.env.CARTA_SHOTS_DIR)
      for (const [n, s] of Object.entries({ same, other, none })) fs.writeFileSync(path.join(process.env.CARTA_SHOTS_DIR, n + '.png'), s.png);
    assert.equal(same.layer, 0, 'same-origin pictures are textures');
    assert.equal(other.layer, 2, 'the two pictures in view are shown by the page');
    // Opaque while no picture needs a hole (the compositor need not blend it over the page);
    // moved to one canvas with alpha for the page's pictures, the first context given back.
    assert.deepEqual(same.canvas, { count: 1, alpha: false, contexts: 1 });
    assert.deepEqual(other.canvas, { count: 1, alpha: true, contexts: 1 });
    assert.ok(other.seen.length >= 2, 'the pictures came from the second origin: ' + other.seen);
    // A policy that lets the widget fetch from the image host, which sends no CORS headers:
    // the fetch fails, the page shows the pictures. With CORS headers they are textures.
    const noCors = await shoot('other-connect.html');
    if (process.env.CARTA_SHOTS_DIR) fs.writeFileSync(path.join(process.env.CARTA_SHOTS_DIR, 'nocors.png'), noCors.png);
    assert.equal(noCors.layer, 2, 'pictures the fetch could not read (no CORS) are shown by the page');
    const withCors = await shoot('other-connect.html', null, { cors: true });
    assert.equal(withCors.layer, 0, 'pictures from a host that sends CORS headers are textures');
    for (const [what, shot] of Object.entries({ noCors, withCors })) {
      const d = await difference(browser, same.png, shot.png);
      assert.ok(d < 0.01, `${what}: ${(d * 100).toFixed(2)} % of pixels differ from same-origin pictures`);
    }
    const alike = await difference(browser, same.png, other.png);
    const unlike = await difference(browser, none.png, other.png);
    console.log('carta pictures without CORS', JSON.stringify({ differFromSameOrigin: +(alike * 100).toFixed(2), differFromPlaceholder: +(unlike * 100).toFixed(2) }));
    assert.ok(alike < 0.01, `no-CORS pictures differ from same-origin ones in ${(alike * 100).toFixed(2)} % of pixels`);
    assert.ok(unlike > 0.2, `no-CORS pictures look like placeholders (${(unlike * 100).toFixed(2)} % differ)`);
    // After a slide the pictures are still where their cards are.
    const next = async (page) => {
      await page.evaluate(() => document.querySelector('#carousel').cartaHandle.next());
      await page.waitForTimeout(900);
    };
    const sameNext = await shoot('same.html', next);
    const otherNext = await shoot('other.html', next);
    const moved = await difference(browser, sameNext.png, otherNext.png);
    if (process.env.CARTA_SHOTS_DIR) fs.writeFileSync(path.join(process.env.CARTA_SHOTS_DIR, 'other-next.png'), otherNext.png);
    assert.ok(moved < 0.01, `after a slide ${(moved * 100).toFixed(2)} % of pixels differ`);
    // In the middle of a drag (the pointer still down, the strip 180 px along) the page's
    // pictures are under their holes in the same frame: the same pixels as textures.
    const midDrag = async (page) => {
      const box = await page.locator('#carousel').boundingBox();
      const x = box.x + box.width * 0.6, y = box.y + box.height * 0.45;
      await page.mouse.move(x, y);
      await page.mouse.down();
      for (let k = 1; k <= 9; k++) await page.mouse.move(x - 20 * k, y);
      await page.waitForTimeout(300);
    };
    const sameDrag = await shoot('same.html', midDrag);
    const otherDrag = await shoot('other.html', midDrag);
    if (process.env.CARTA_SHOTS_DIR) fs.writeFileSync(path.join(process.env.CARTA_SHOTS_DIR, 'other-drag.png'), otherDrag.png);
    assert.equal(otherDrag.layer >= 2, true, 'the page shows the pictures during the drag');
    const dragged = await difference(browser, sameDrag.png, otherDrag.png);
    const still = await difference(browser, same.png, sameDrag.png);
    assert.ok(still > 0.05, `control: the drag moved the strip (${(still * 100).toFixed(2)} % differ from rest)`);
    assert.ok(dragged < 0.01, `mid-drag ${(dragged * 100).toFixed(2)} % of pixels differ`);
  } finally {
    await browser.close();
    await server.close();
    await host.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// The README's table of what a partner's Content-Security-Policy needs, row by row, each
// without what it names: no 'wasm-unsafe-eval' gives the fallback list; a feed on an origin
// connect-src does not name gives an error card (carta:error, no cards); an image host img-src
// does not name gives placeholders (no picture, by either path), the caption still drawn.
test('each row of the README\'s CSP table: without what it names, the widget does what the table says', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carta-csp-host-'));
  fs.cpSync(path.join(dist, 'images'), path.join(dir, 'images'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'feed.json'), feedWith((src) => src));
  const host = await pictureHost(dir);
  host.cors = true;
  const policies = {
    '/no-wasm.html': CSP.replace(" 'wasm-unsafe-eval'", ''),
    '/no-connect.html': CSP,  // the feed's origin is not named in connect-src (default-src 'self')
    '/no-img.html': CSP.replace("img-src 'self' https: data: blob:", "img-src 'self' data: blob:"),
  };
  const widget = (feed) => fixturePage(`<div id="carousel" class="carta" data-feed="${feed}" data-height="450" data-loading="eager"></div>`);
  const server = await serveWithFixtures('carta-csp-', {
    'other.json': feedWith((src) => `${host.origin}/${src}`),
    'no-wasm.html': widget('other.json'),
    'no-connect.html': widget(`${host.origin}/feed.json`),
    'no-img.html': widget('other.json'),
  }, { policy: (pathname) => policies[pathname] || CSP });
  const browser = await launch();
  const open = async (name) => {
    const page = await browser.newPage({ viewport: { width: 800, height: 450 } });
    await page.addInitScript(() => {
      window.__carta = { ready: null, errors: [] };
      document.addEventListener('carta:ready', (e) => { window.__carta.ready = e.detail; });
      document.addEventListener('carta:error', (e) => window.__carta.errors.push(e.detail));
    });
    await page.goto(server.url + name);
    await page.waitForFunction(() => window.__carta.ready || window.__carta.errors.length, null, { timeout: 30000 });
    await page.waitForTimeout(1200);
    return page;
  };
  try {
    let page = await open('no-wasm.html');
    assert.equal((await page.evaluate(() => window.__carta.ready)).renderer, 'html', "no 'wasm-unsafe-eval': the fallback list");
    assert.ok(await page.evaluate(() => document.querySelector('#carousel').shadowRoot.querySelectorAll('.fallback article').length) >= 4);
    await page.close();

    page = await open('no-connect.html');
    const state = await page.evaluate(() => ({ ready: window.__carta.ready, errors: window.__carta.errors.length,
      status: document.querySelector('#carousel').cartaHandle.view().status }));
    assert.deepEqual(state, { ready: null, errors: 1, status: 'failed' }, 'the feed outside connect-src: an error card');
    await page.close();

    page = await open('no-img.html');
    const pictures = await page.evaluate(() => {
      const el = document.querySelector('#carousel');
      const shown = [...el.shadowRoot.querySelectorAll('img')].filter((i) => i.style.display === 'block' && i.complete && i.naturalWidth);
      return { textures: el.cartaHandle.stats().imageBytes, shown: shown.length, ready: !!window.__carta.ready };
    });
    assert.deepEqual(pictures, { textures: 0, shown: 0, ready: true }, 'the image host outside img-src: placeholders, the cards drawn');
    await page.close();
  } finally {
    await browser.close();
    await server.close();
    await host.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
