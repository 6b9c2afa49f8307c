// What the browser benchmarks share: the browser, and a site with the baselines' pages.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from '../tests/browser/node_modules/playwright-core/index.mjs';
import { dist, fixturePage, launch, serveWithFixtures } from '../tests/browser/lib.mjs';

export { dist };

const here = path.dirname(fileURLToPath(import.meta.url));
const web = path.join(here, 'web');
// dist: the release measured, this build's dist/ or CARTA_DIST's (tests/browser/lib.mjs).

// Headless Chromium with WebGL on SwiftShader. `gpu` compositing (the default) composites
// on SwiftShader too, as a phone's browser composites on its GPU; `software` is the tests'
// set-up (--disable-gpu), in which every frame of a WebGL canvas is read back to the CPU on
// the page's main thread (GLES2::ReadPixels inside the compositor's Commit), a cost no
// phone browser has: it made the first frame's task 400–800 ms at 4x.
export function launchBench(compositing = 'gpu') {
  if (compositing === 'software') return launch();
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--ignore-gpu-blocklist',
           '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
           '--disable-quic'],
  });
}

export function option(args, name, fallback) {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
}

// dist/ (tests/browser/lib.mjs) plus `fixtures` and the baselines: swiper.html and
// splide.html, the same feed's cards in a Swiper 14 and a Splide 4 carousel (dev
// dependencies of bench/web only, not of the widget).
export async function serveWithBaselines(prefix, fixtures, options = {}) {
  return serveWithFixtures(prefix, { ...baselineFiles(), ...fixtures }, options);
}

// The baselines' files (name → text or bytes), to serve beside dist/.
export function baselineFiles() {
  if (['swiper', '@splidejs/splide', 'lighthouse'].some((m) => !fs.existsSync(path.join(web, 'node_modules', m))))
    execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: web, stdio: 'inherit' });
  const read = (...parts) => fs.readFileSync(path.join(web, ...parts), 'utf8');
  const files = {};
  for (const name of ['swiper.html', 'splide.html', 'swiper-page.js', 'splide-page.js', 'swiper-page.css', 'baseline-cards.js'])
    files[name] = read(name);
  files['swiper-bundle.min.js'] = read('node_modules/swiper/swiper-bundle.min.js');
  files['swiper-bundle.min.css'] = read('node_modules/swiper/swiper-bundle.min.css');
  files['splide.min.js'] = read('node_modules/@splidejs/splide/dist/js/splide.min.js');
  files['splide.min.css'] = read('node_modules/@splidejs/splide/dist/css/splide.min.css');
  // The same faces as Carta's: the baselines' CSS names fonts/carta-sans.ttf…, which the
  // release serves under hashed names (carta-sans.c568bed44687.ttf) — without this they got
  // 404 and ran on fallback fonts.
  for (const face of ['carta-sans', 'carta-sans-bold', 'carta-serif-bold']) {
    const hashed = fs.readdirSync(path.join(dist, 'fonts')).find((f) => new RegExp('^' + face + '\\.[0-9a-f]+\\.ttf$').test(f));
    if (!hashed) throw new Error('bench: no ' + face + ' font in ' + dist + '/fonts (run ./build-wasm.sh)');
    files['fonts/' + face + '.ttf'] = fs.readFileSync(path.join(dist, 'fonts', hashed));
  }
  return files;
}

// A fresh context's page with the cache off and the CPU slowed `rate` times (4x stands in
// for a mid-range phone).
export async function throttledPage(browser, rate, viewport) {
  const context = await browser.newContext({ viewport });
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return { context, tab };
}

export const median = (xs) => {
  const s = xs.filter((x) => x !== undefined && !Number.isNaN(x)).sort((a, b) => a - b);
  return s.length ? s[s.length >> 1] : NaN;
};

// A benchmark's figures: the table as JSON with --json, else `printText()` for people.
export function report(args, table, printText) {
  if (args.includes('--json')) console.log(JSON.stringify(table, null, 2));
  else printText();
}

// Waits until the page has a performance mark `name`, without Playwright's waitForFunction:
// that injects Playwright's own script into the page, a long task (90–200 ms at 4x) that
// would be counted against the page measured.
export async function waitForMark(context, tab, name, timeout = 60000) {
  const cdp = await context.newCDPSession(tab);
  const expression = `new Promise((resolve, reject) => {
    const check = () => performance.getEntriesByName(${JSON.stringify(name)}).length ? resolve(true) : setTimeout(check, 50);
    check();
    setTimeout(() => reject(new Error('no mark ${name} within ${timeout} ms')), ${timeout});
  })`;
  const out = await cdp.send('Runtime.evaluate', { expression, awaitPromise: true });
  await cdp.detach();
  if (out.exceptionDetails) throw new Error(out.exceptionDetails.exception ? out.exceptionDetails.exception.description : out.exceptionDetails.text);
}

// A measured page is driven over CDP only: Playwright's waitForFunction, evaluate and
// locators run Playwright's own script in the page (a task of 90–200 ms at 4x), its
// click(selector) more. cdpEvaluate runs `expression` (awaited if a promise) and returns
// its value.
export async function cdpEvaluate(cdp, expression) {
  const out = await cdp.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
  if (out.exceptionDetails) throw new Error(out.exceptionDetails.exception ? out.exceptionDetails.exception.description : out.exceptionDetails.text);
  return out.result.value;
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Waits from Node for the page's performance mark `name`: nothing for `after` ms, then one
// look every `every` ms (a Runtime.evaluate each, sparse: nothing of it polls in the page).
export async function waitForMarkFromNode(cdp, name, { after = 0, every = 500, timeout = 60000 } = {}) {
  const until = Date.now() + timeout;
  await sleep(after);
  for (;;) {
    if (await cdpEvaluate(cdp, `performance.getEntriesByName(${JSON.stringify(name)}).length > 0`)) return;
    if (Date.now() > until) throw new Error(`no mark ${name} within ${timeout} ms`);
    await sleep(every);
  }
}

// The builds a benchmark compares: its arguments that are not options (and not an option's
// value), each a dist/ folder; none means this build's dist/ ('').
export function distArgs(args) {
  const dists = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
  return dists.length ? dists : [''];
}

// The benchmarks' widget: the demo feed, 420 px tall, started at once; and where its next
// button is when it is the page's first, in an 800 px wide viewport.
export const widget = (id = 'carousel') =>
  `<div id="${id}" class="carta" data-feed="demo.json" data-height="420" data-loading="eager"></div>`;
export const NEXT_BUTTON = { x: 800 - 32, y: 420 - 28 };

// A cold, throttled page with one widget of the demo feed, served from this build's dist/
// or from `dist`, ready and at rest (pictures in, start-up's frames over); `before` runs
// before the page's scripts. close() ends the page and its server.
export async function openWidget(browser, { dist = '', rate = 4, height = 1300, before = null } = {}) {
  const server = await serveWithFixtures('carta-bench-', { 'carta.html': fixturePage(widget()) });
  if (dist) fs.cpSync(dist, server.dir, { recursive: true });
  const { context, tab } = await throttledPage(browser, rate, { width: 800, height });
  const close = async () => { await context.close(); await server.close(); };
  try {
    if (before) await tab.addInitScript(before);
    await tab.addInitScript(() => document.addEventListener('carta:ready', () => performance.mark('carta:ready')));
    await tab.goto(server.url + 'carta.html');
    await waitForMark(context, tab, 'carta:ready');
    await tab.waitForTimeout(1500);
  } catch (e) {
    await close();
    throw e;
  }
  return { context, tab, close };
}
