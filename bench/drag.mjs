// Frames during a drag, beside a Swiper carousel of the same feed: headless Chromium
// (SwiftShader, GPU compositing), one widget at 800 × 420, at 1x and 4x CPU throttling. A
// mouse drags the carousel 400 px to the left and back, one step per animation frame (as a
// finger moves), and the page records every animation frame's callbacks: how long the main
// thread spent in them (Carta's frame — layout, painting, WebGL calls, the mirror's update;
// Swiper moves its cards from its pointer handlers and CSS, so it has next to none), the
// interval between the frames that ran them, and the long animation frames (over 50 ms).
//   ./build-wasm.sh && node bench/drag.mjs [--runs 5] [--json]
import { fixturePage } from '../tests/browser/lib.mjs';
import { launchBench, option, report, serveWithBaselines, throttledPage, median, widget } from './lib.mjs';

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

async function once(browser, page, rate) {
  const { context, tab } = await throttledPage(browser, rate, { width: 800, height: 420 });
  await tab.addInitScript(() => {
    // Every animation frame callback timed; the frames are told apart by their timestamp.
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
  });
  await tab.goto(server.url + page);
  const want = page === 'carta.html' ? 'carta:ready' : 'baseline:first-picture';
  await tab.waitForFunction((name) => performance.getEntriesByName(name).length > 0, want, { timeout: 60000 });
  await tab.waitForTimeout(1000);  // start-up's own frames and tasks are over
  const box = await tab.locator('#carousel').boundingBox();
  const y = box.y + box.height * 0.4, x0 = box.x + box.width * 0.75;
  const nextFrame = () => tab.evaluate(() => new Promise((r) => window.__raf(() => r())));
  const from = await tab.evaluate(() => { window.__frames.clear(); window.__loaf.length = 0; return performance.now(); });
  await tab.mouse.move(x0, y);
  await tab.mouse.down();
  for (let i = 1; i <= STEPS; i++) {
    await tab.mouse.move(x0 - (i <= STEPS / 2 ? i : STEPS - i) * STEP_PX * 2, y);
    await nextFrame();
  }
  await tab.mouse.up();
  const result = await tab.evaluate((start) => {
    const frames = [...window.__frames.values()].filter((f) => f.time >= start).sort((a, b) => a.time - b.time);
    return {
      script: frames.map((f) => f.script),
      intervals: frames.slice(1).map((f, i) => f.time - frames[i].time),
      loaf: window.__loaf.filter((e) => e.startTime >= start).map((e) => e.duration),
    };
  }, from);
  await context.close();
  return result;
}

const table = [];
const browser = await launchBench();
try {
  for (const rate of [1, 4]) {
    const all = { carta: [], swiper: [] };
    for (let i = 0; i < runs; i++) {  // paired: one of each per round
      all.carta.push(await once(browser, 'carta.html', rate));
      all.swiper.push(await once(browser, 'swiper.html', rate));
    }
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
      });
    }
  }
} finally {
  await browser.close();
  await server.close();
}

report(args, table, () => {
  const ms = (v) => (Number.isNaN(v) ? '–' : v.toFixed(1) + ' ms');
  console.log(`a ${STEPS}-step drag, one step a frame; medians of ${runs} paired runs (p95: the median of each run's p95)`);
  console.log('| page | CPU | frames | frame callbacks, median | p95 | frame interval, median | p95 | frames over 50 ms | longest |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of table)
    console.log(`| ${r.page} | ${r.rate}x | ${r.frames} | ${ms(r.scriptMedian)} | ${ms(r.scriptP95)} | ${ms(r.intervalMedian)} | ` +
                `${ms(r.intervalP95)} | ${r.longFrames} | ${r.longestFrame ? ms(r.longestFrame) : '–'} |`);
});
