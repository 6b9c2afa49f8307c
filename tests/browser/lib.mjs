// Shared helpers for the browser tests: serve dist/ with the strict CSP, start Debian's
// headless Chromium through playwright-core, and read a screenshot's pixels.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer } from '../../scripts/serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../..');
export const dist = process.env.CARTA_DIST || path.join(root, 'dist');

// The release gives every file carta.js loads a content-hashed name (scripts/release.mjs):
// logical('/fonts/carta-sans.0123456789ab.ttf') is '/fonts/carta-sans.ttf', and
// distFile('fonts/carta-sans.ttf') the name that file has in dist/.
// CARTA_PICTURES=DIR: tests that show a page working save a picture of it there, to look at.
export async function picture(page, name) {
  if (!process.env.CARTA_PICTURES) return;
  fs.mkdirSync(process.env.CARTA_PICTURES, { recursive: true });
  await page.screenshot({ path: path.join(process.env.CARTA_PICTURES, name + '.png') });
}
export const logical = (p) => p.replace(/\.[0-9a-f]{12}(\.[A-Za-z0-9]+)$/, '$1');
export function distFile(name, dir = dist) {
  const folder = path.dirname(name);
  const found = fs.readdirSync(path.join(dir, folder)).find((f) => logical(f) === path.basename(name));
  if (!found) throw new Error(`no ${name} in ${dir}`);
  return folder === '.' ? found : `${folder}/${found}`;
}

export async function serve(dir = dist, options = {}) {
  const server = createServer(dir, options);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) };
}

// Serves a temporary copy of dist/ with extra files (name → text or bytes) beside it;
// close() stops the server and removes the copy. options go to createServer (policy, type).
export async function serveWithFixtures(prefix, fixtures, options = {}) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.cpSync(dist, tmp, { recursive: true });
  for (const [name, text] of Object.entries(fixtures)) fs.writeFileSync(path.join(tmp, name), text);
  const server = await serve(tmp, options);
  return {
    url: server.url,
    dir: tmp,
    close: async () => {
      await server.close();
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

// A test page for the served site (the strict CSP allows no inline script or style): the
// given body, then carta.js.
export const fixturePage = (body, { lang = 'en', css = 'demo.css' } = {}) => `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Carta fixture</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${css}">
</head>
<body>
${body}
<script src="carta.js" async></script>
</body>
</html>
`;

export async function launch(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--use-angle=swiftshader',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run', '--disable-quic', ...extraArgs,
    ],
  });
}

// Opens `url` and resolves with the detail of the first carta:ready event, failing on
// carta:error or after `timeout` ms.
export async function openAndWaitReady(page, url, timeout = 30000) {
  await page.addInitScript(() => {
    window.__carta = { ready: null, errors: [] };
    document.addEventListener('carta:ready', (e) => {
      if (!window.__carta.ready) window.__carta.ready = { detail: e.detail, at: performance.now(), target: e.target.id };
    });
    document.addEventListener('carta:error', (e) => window.__carta.errors.push(e.detail));
  });
  await page.goto(url);
  await page.waitForFunction(() => window.__carta.ready || window.__carta.errors.length, null, { timeout });
  const state = await page.evaluate(() => window.__carta);
  if (!state.ready) throw new Error('carta:error before ready: ' + JSON.stringify(state.errors));
  return state.ready;
}

// The layout shifts of opening `url` in `page` (the browser's own layout-shift entries, not
// after input, each with its sources' ids or tag names): the page is left `settle` ms, scrolled
// to its end in half-screen steps (lazy widgets start as they come near) and back to the top,
// then left 1.5 s more. Their sum is an upper bound of the CLS the browser reports.
export async function layoutShifts(page, url, settle = 1500) {
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (!e.hadRecentInput) window.__shifts.push({ value: e.value, sources: (e.sources || []).map((s) => s.node && (s.node.id || s.node.nodeName)) });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(url);
  await page.waitForTimeout(settle);
  const { height } = page.viewportSize();
  const end = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y <= end; y += height / 2) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(250);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(1500);
  return page.evaluate(() => window.__shifts);
}

export const shiftSum = (shifts) => shifts.reduce((sum, s) => sum + s.value, 0);

// Runs `measure(images, ...args)` in a blank page (no CSP), where `images` are the given
// PNGs' pixels as ImageData: the one PNG decoder of the browser tests.
async function inBlankPage(browser, pngs, measure, ...args) {
  const page = await browser.newPage();
  try {
    return await page.evaluate(async ([list, source, rest]) => {
      const images = [];
      for (const b64 of list) {
        const img = new Image();
        img.src = 'data:image/png;base64,' + b64;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.width;
        c.height = img.height;
        const g = c.getContext('2d');
        g.drawImage(img, 0, 0);
        images.push(g.getImageData(0, 0, c.width, c.height));
      }
      return (0, eval)('(' + source + ')')(images, ...rest);
    }, [pngs.map((png) => png.toString('base64')), measure.toString(), args]);
  } finally {
    await page.close();
  }
}

// The share of `a`'s pixels with no pixel of `b` within `radius` px that matches it to
// `tolerance`/255 in every channel (1 when the sizes differ): text compared with text that
// may sit a pixel over. Compare both ways: a line missing from `a` shows only as `b`'s.
export function mismatch(browser, a, b, { radius = 2, tolerance = 16 } = {}) {
  return inBlankPage(browser, [a, b], ([A, B], radius, tolerance) => {
    if (A.width !== B.width || A.height !== B.height) return 1;
    let bad = 0;
    for (let y = 0; y < A.height; y++)
      for (let x = 0; x < A.width; x++) {
        const i = (y * A.width + x) * 4;
        let ok = false;
        for (let dy = -radius; dy <= radius && !ok; dy++)
          for (let dx = -radius; dx <= radius && !ok; dx++) {
            const X = x + dx, Y = y + dy;
            if (X < 0 || Y < 0 || X >= B.width || Y >= B.height) continue;
            const j = (Y * B.width + X) * 4;
            ok = Math.abs(A.data[i] - B.data[j]) <= tolerance && Math.abs(A.data[i + 1] - B.data[j + 1]) <= tolerance &&
                 Math.abs(A.data[i + 2] - B.data[j + 2]) <= tolerance;
          }
        if (!ok) bad++;
      }
    return bad / (A.width * A.height);
  }, radius, tolerance);
}

// The RGB values of a region of a PNG ([[r, g, b], …], row by row).
export function regionPixels(browser, png, x, y, w = 1, h = 1) {
  return inBlankPage(browser, [png], ([image], x, y, w, h) => {
    const out = [];
    for (let row = y; row < y + h; row++)
      for (let col = x; col < x + w; col++) {
        const i = (row * image.width + col) * 4;
        out.push([image.data[i], image.data[i + 1], image.data[i + 2]]);
      }
    return out;
  }, x, y, w, h);
}

// Colour statistics of a PNG: its size, distinct colours (5 bits a channel) and the share
// of dark pixels.
export function pixelStats(browser, png) {
  return inBlankPage(browser, [png], ([image]) => {
    const d = image.data, colours = new Set();
    let dark = 0;
    for (let i = 0; i < d.length; i += 4) {
      colours.add((d[i] >> 3) << 10 | (d[i + 1] >> 3) << 5 | (d[i + 2] >> 3));
      if (d[i] + d[i + 1] + d[i + 2] < 200) dark++;
    }
    return { width: image.width, height: image.height, colours: colours.size, darkFraction: dark / (d.length / 4) };
  });
}

// The share of pixels of two PNGs of one size that differ by more than `tolerance` in a
// channel (1 when the sizes differ).
export function pixelDiff(browser, a, b, tolerance = 24) {
  return inBlankPage(browser, [a, b], ([x, y], tolerance) => {
    if (x.width !== y.width || x.height !== y.height) return 1;
    let differ = 0;
    for (let i = 0; i < x.data.length; i += 4)
      if (Math.abs(x.data[i] - y.data[i]) > tolerance || Math.abs(x.data[i + 1] - y.data[i + 1]) > tolerance ||
          Math.abs(x.data[i + 2] - y.data[i + 2]) > tolerance) differ++;
    return differ / (x.data.length / 4);
  }, tolerance);
}

// A picture of Chromium's DOM text on the left and Carta's canvas on the right, one row a
// pair: `pairs` is [[label, dom PNG, Carta PNG], …].
export async function sideBySide(browser, pairs, labelWidth = 90) {
  const page = await browser.newPage({ viewport: { width: 1600, height: 200 } });
  try {
    const url = await page.evaluate(async ([rows, labelWidth]) => {
      const images = await Promise.all(rows.flatMap(([, a, b]) => [a, b]).map(async (b64) => {
        const img = new Image();
        img.src = 'data:image/png;base64,' + b64;
        await img.decode();
        return img;
      }));
      const label = labelWidth, w = Math.max(...images.map((i) => i.width)), gap = 24;
      const height = rows.reduce((h, _, k) => h + images[2 * k].height + gap, 60);
      const c = document.createElement('canvas');
      c.width = label + 2 * w + gap;
      c.height = height;
      const g = c.getContext('2d');
      g.fillStyle = '#fff';
      g.fillRect(0, 0, c.width, c.height);
      g.fillStyle = '#555';
      g.font = '24px sans-serif';
      g.fillText('Chromium (DOM text)', label, 36);
      g.fillText('Carta (canvas)', label + w + gap, 36);
      let y = 60;
      rows.forEach(([name], k) => {
        g.fillText(name, 8, y + 40);
        g.drawImage(images[2 * k], label, y);
        g.drawImage(images[2 * k + 1], label + w + gap, y);
        y += images[2 * k].height + gap;
      });
      return c.toDataURL('image/png');
    }, [pairs.map(([label, a, b]) => [label, a.toString('base64'), b.toString('base64')]), labelWidth]);
    return Buffer.from(url.split(',')[1], 'base64');
  } finally {
    await page.close();
  }
}
