// Pictures as WebGL textures or shown by the page (<img> under a hole in the canvas): the
// figures behind keeping both paths. One widget of the demo feed (nine pictures), 800 x 450,
// headless Chromium (SwiftShader), cold cache; pictures either from the page's own origin
// (textures) or from a second origin that sends no CORS headers (the page layer). For each:
// time to carta:ready, time until the first picture is on screen, the frame interval while
// the carousel slides through six cards, and what the pictures hold (decoded bytes: GPU
// textures for one, the page's decoded <img> bitmaps for the other).
//   ./build-wasm.sh && node bench/pictures.mjs [--runs 5] [--json]
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { CSP } from '../scripts/serve.mjs';
import { launch, serveWithFixtures, fixturePage, dist } from '../tests/browser/lib.mjs';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 5;
const demo = JSON.parse(fs.readFileSync(path.join(dist, 'demo.json'), 'utf8'));

// The second origin: dist/images without CORS headers.
const images = path.join(dist, 'images');
const host = http.createServer((req, res) => {
  const file = path.join(images, path.basename(new URL(req.url, 'http://x').pathname));
  if (!fs.existsSync(file)) return res.writeHead(404).end();
  res.writeHead(200, { 'Content-Type': file.endsWith('.png') ? 'image/png' : 'image/jpeg', 'Cache-Control': 'no-store' });
  res.end(fs.readFileSync(file));
});
await new Promise((r) => host.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${host.address().port}`;

const feed = (image) => JSON.stringify({ ...demo, feed_url: undefined, items: demo.items.map((it) => ({ ...it, image: it.image && image(it.image) })) });
const page = (f) => fixturePage(`<div id="carousel" class="carta" data-feed="${f}" data-height="450" data-loading="eager"></div>`);
const server = await serveWithFixtures('carta-bench-pictures-', {
  'textures.json': feed((src) => src), 'textures.html': page('textures.json'),
  'layer.json': feed((src) => `${origin}/${path.basename(src)}`), 'layer.html': page('layer.json'),
}, { policy: () => CSP.replace("img-src 'self'", `img-src 'self' ${origin}`) });

async function once(browser, name, rate) {
  const context = await browser.newContext({ viewport: { width: 800, height: 450 } });
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await tab.addInitScript(() => {
    window.__t = {};
    document.addEventListener('carta:ready', () => { window.__t.ready = performance.now(); });
    // The first frame on which a picture is on screen, by either path.
    const watch = () => {
      const el = document.querySelector('#carousel');
      const h = el && el.cartaHandle;
      if (h && !window.__t.picture) {
        const shown = [...el.shadowRoot.querySelectorAll('img')].some((i) => i.style.display === 'block' && i.complete && i.naturalWidth);
        if (h.stats().imageBytes > 0 || shown) window.__t.picture = performance.now();
      }
      if (!window.__t.picture) requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
  });
  await tab.goto(server.url + name + '.html');
  await tab.waitForFunction(() => window.__t.ready && window.__t.picture, null, { timeout: 60000 });
  await tab.waitForTimeout(800);
  const result = await tab.evaluate(async () => {
    const h = document.querySelector('#carousel').cartaHandle;
    const gaps = [];
    let last = performance.now(), on = true;
    const tick = (t) => { gaps.push(t - last); last = t; if (on) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    for (let k = 0; k < 6; k++) {
      h.next();
      await new Promise((r) => setTimeout(r, 700));
    }
    on = false;
    gaps.sort((a, b) => a - b);
    const imgs = [...document.querySelector('#carousel').shadowRoot.querySelectorAll('img')].filter((i) => i.complete && i.naturalWidth);
    return {
      ready: window.__t.ready, picture: window.__t.picture,
      frameMedian: gaps[gaps.length >> 1], frameWorst: gaps[gaps.length - 1],
      textureBytes: h.stats().imageBytes,
      // What the page's <img> elements decode to (RGBA at their natural size), visible or kept.
      pageImageBytes: imgs.reduce((n, i) => n + i.naturalWidth * i.naturalHeight * 4, 0),
      pageImages: imgs.length,
      jsHeap: performance.memory ? performance.memory.usedJSHeapSize : 0,
    };
  });
  await context.close();
  return result;
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]; };
const table = [];
const browser = await launch();
try {
  for (const rate of [1, 4]) {
    const all = { textures: [], layer: [] };
    for (let i = 0; i < runs; i++) for (const name of ['textures', 'layer']) all[name].push(await once(browser, name, rate));
    for (const name of ['textures', 'layer']) {
      const row = { path: name, rate };
      for (const k of Object.keys(all[name][0])) row[k] = median(all[name].map((r) => r[k]));
      table.push(row);
    }
  }
} finally {
  await browser.close();
  await server.close();
  host.close();
}
if (args.includes('--json')) console.log(JSON.stringify(table, null, 2));
else {
  console.log(`medians of ${runs} alternating runs`);
  console.log(['path', 'CPU', 'ready ms', '1st picture ms', 'frame median', 'frame worst', 'GPU textures', 'page <img> decoded', 'JS heap'].join(' | '));
  const mb = (b) => (b / 1048576).toFixed(1) + ' MiB';
  for (const r of table)
    console.log([r.path, r.rate + 'x', Math.round(r.ready), Math.round(r.picture), r.frameMedian.toFixed(1), r.frameWorst.toFixed(1),
                 mb(r.textureBytes), `${mb(r.pageImageBytes)} (${r.pageImages})`, mb(r.jsHeap)].join(' | '));
}
