// Frames during a drag, beside Swiper and Splide carousels of the same feed: headless Chromium
// (SwiftShader, GPU compositing), one widget at 800 × 420, at 1x and 4x CPU throttling. A
// mouse drags the carousel 400 px to the left and back, one step per animation frame (as a
// finger moves), and the page records every animation frame's callbacks: how long the main
// thread spent in them (Carta's frame — layout, painting, WebGL calls, the mirror's update;
// Swiper and Splide move their cards from pointer handlers and CSS, so have next to none), the
// interval between the frames that ran them, and the long animation frames (over 50 ms).
//   ./build-wasm.sh && node bench/drag.mjs [--runs 5] [--json]
import { fixturePage } from '../tests/browser/lib.mjs';
import { cdpEvaluate, launchBench, option, report, serveWithBaselines, sleep, throttledPage, median, waitForMarkFromNode, widget } from './lib.mjs';

const args = process.argv.slice(2);
const runs = Number(option(args, '--runs', 5));
const server = await serveWithBaselines('carta-bench-drag-', {
  'carta.html': fixturePage(widget()),
});
const STEPS = 40, STEP_PX = 10;

const p95 = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] : NaN;
};

// Every animation frame callback timed (the frames told apart by their timestamp), and
// the long animation frames kept; added before the page's scripts.
const RECORD = `(() => {
  window.__frames = new Map();
  const raf = window.__raf = window.requestAnimationFrame.bind(window);  // the driver's own, untimed
  window.requestAnimationFrame = (callback) => raf((time) => {
    const t0 = performance.now();
    try { callback(time); } finally {
      const f = window.__frames.get(time) || { time, script: 0 };
      f.script += performance.now() - t0;
      window.__frames.set(time, f);
    }
  });
  window.__loaf = [];
  try {
    new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__loaf.push(e)))
      .observe({ type: 'long-animation-frame' });
  } catch (e) { /* no Long Animation Frames API */ }
  document.addEventListener('carta:ready', () => performance.mark('carta:ready'));
})()`;

// The page is driven over CDP only, the same way for all three: opened with Page.navigate,
// waited for from Node, dragged with Input.dispatchMouseEvent (no Playwright script in it).
async function once(browser, page, rate) {
  const { context, tab } = await throttledPage(browser, rate, { width: 800, height: 420 });
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Page.enable');
  await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: RECORD });
  await cdp.send('Page.navigate', { url: server.url + page });
  const want = page === 'carta.html' ? 'carta:ready' : 'baseline:first-picture';
  await waitForMarkFromNode(cdp, want, { after: 1000 * rate, every: 500 });
  await sleep(1000);  // start-up's own frames and tasks are over
  const box = await cdpEvaluate(cdp, `(() => { const r = document.querySelector('#carousel').getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; })()`);
  const y = box.y + box.height * 0.4, x0 = box.x + box.width * 0.75;
  const mouse = (type, x, extra = {}) => cdp.send('Input.dispatchMouseEvent', { type, x, y, button: 'left', ...extra });
  const from = await cdpEvaluate(cdp, 'window.__frames.clear(), window.__loaf.length = 0, performance.now()');
  await mouse('mouseMoved', x0, { button: 'none' });
  await mouse('mousePressed', x0, { buttons: 1, clickCount: 1 });
  // How far a DOM carousel's first slide moved at the drag's turn (Carta's cards are drawn:
  // its frames say that it moved).
  const SLIDE_X = `(() => { const s = document.querySelector('#carousel .swiper-slide, #carousel .splide__slide'); return s ? s.getBoundingClientRect().x : null; })()`;
  const slideFrom = await cdpEvaluate(cdp, SLIDE_X);
  let moved = null;
  for (let i = 1; i <= STEPS; i++) {
    await mouse('mouseMoved', x0 - (i <= STEPS / 2 ? i : STEPS - i) * STEP_PX * 2, { buttons: 1 });
    await cdpEvaluate(cdp, 'new Promise((r) => window.__raf(() => r()))');  // one step a frame
    if (i === STEPS / 2 && slideFrom !== null) moved = slideFrom - await cdpEvaluate(cdp, SLIDE_X);
  }
  await mouse('mouseReleased', x0, { buttons: 0, clickCount: 1 });
  const result = await cdpEvaluate(cdp, `(() => {
    const start = ${from};
    const frames = [...window.__frames.values()].filter((f) => f.time >= start).sort((a, b) => a.time - b.time);
    return {
      script: frames.map((f) => f.script),
      intervals: frames.slice(1).map((f, i) => f.time - frames[i].time),
      loaf: window.__loaf.filter((e) => e.startTime >= start).map((e) => e.duration),
    };
  })()`);
  await context.close();
  return { ...result, moved };
}

const table = [];
const browser = await launchBench();
try {
  for (const rate of [1, 4]) {
    const all = { carta: [], swiper: [], splide: [] };
    for (let i = 0; i < runs; i++)  // interleaved: one of each per round
      for (const name of Object.keys(all)) all[name].push(await once(browser, name + '.html', rate));
    for (const [name, results] of Object.entries(all)) {
      table.push({
        page: name, rate, runs,
        frames: median(results.map((r) => r.script.length)),
        scriptMedian: median(results.map((r) => median(r.script))),
        scriptP95: median(results.map((r) => p95(r.script))),
        intervalMedian: median(results.map((r) => median(r.intervals))),
        intervalP95: median(results.map((r) => p95(r.intervals))),
        longFrames: median(results.map((r) => r.loaf.length)),
        longestFrame: median(results.map((r) => Math.max(0, ...r.loaf))),
        moved: median(results.map((r) => (r.moved === null ? NaN : r.moved))),
      });
    }
  }
} finally {
  await browser.close();
  await server.close();
}

report(args, table, () => {
  const ms = (v) => (Number.isNaN(v) ? '–' : v.toFixed(1) + ' ms');
  console.log(`a ${STEPS}-step drag (CDP mouse events), one step a frame; medians of ${runs} interleaved runs (p95: the median of each run's p95)`);
  console.log('| page | CPU | frames | frame callbacks, median | p95 | frame interval, median | p95 | frames over 50 ms | longest | first slide moved at the turn |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const r of table)
    console.log(`| ${r.page} | ${r.rate}x | ${r.frames} | ${ms(r.scriptMedian)} | ${ms(r.scriptP95)} | ${ms(r.intervalMedian)} | ` +
                `${ms(r.intervalP95)} | ${r.longFrames} | ${r.longestFrame ? ms(r.longestFrame) : '–'} | ${Number.isNaN(r.moved) ? '–' : Math.round(r.moved) + ' px'} |`);
});
