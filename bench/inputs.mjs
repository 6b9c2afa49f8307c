// How long the next button and ArrowRight take to show their next frame (Event Timing
// duration, the browser's own entries), at 4x CPU by default, for this build or for several
// builds' dist/ folders in turn — an A/B of two changes in the same conditions, for inputs
// vary by ±16 ms from one press to the next on a busy machine. Each round loads each build
// once (cold cache) and presses next and ArrowRight `--presses` times each.
// --baselines adds the Swiper 14 and Splide 4 pages of the same feed (bench/web) to each
// round, pressed the same way: what a DOM carousel gets from the same browser and machine.
//   ./build-wasm.sh && node bench/inputs.mjs [--rounds 8] [--presses 4] [--rate 4] [--baselines] [DIST ...]
import { NEXT_BUTTON, distArgs, launchBench, openWidget, option, serveWithBaselines, throttledPage, waitForMark } from './lib.mjs';

const args = process.argv.slice(2);
const rounds = Number(option(args, '--rounds', 8));
const presses = Number(option(args, '--presses', 4));
const rate = Number(option(args, '--rate', 4));
const dists = distArgs(args.filter((a) => a !== '--baselines'));
const BASELINES = args.includes('--baselines') ? [
  { name: 'Swiper 14', file: 'swiper.html', next: '.swiper-button-next' },
  { name: 'Splide 4', file: 'splide.html', next: '.splide__arrow--next' },
] : [];
const baselineServer = BASELINES.length ? await serveWithBaselines('carta-bench-inputs-', {}) : null;

// Before the page's scripts: every Event Timing entry of an interaction.
function observe() {
  window.benchEvents = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.interactionId) window.benchEvents.push(e.duration);
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
}

// Presses next `presses` times, goes back with ArrowLeft, then presses ArrowRight as many
// times; into `into` the longest entry of each interaction (pointerdown, pointerup, click; keydown, keyup).
async function pressAll(tab, into, clickNext, focusForKeys) {
  const press = async (act) => {
    await tab.evaluate(() => { window.benchEvents = []; });
    await act();
    await tab.waitForTimeout(900);
    return Math.max(0, ...(await tab.evaluate(() => window.benchEvents)));
  };
  for (let i = 0; i < presses; i++) into.next.push(await press(clickNext));
  await focusForKeys();
  // Back where the next button started, so that every ArrowRight moves (a press at the
  // last card does nothing and would be counted as instant).
  for (let i = 0; i < presses; i++) { await tab.keyboard.press('ArrowLeft'); await tab.waitForTimeout(700); }
  for (let i = 0; i < presses; i++) into.key.push(await press(() => tab.keyboard.press('ArrowRight')));
}

const results = dists.map(() => ({ next: [], key: [] }));
const baselineResults = BASELINES.map(() => ({ next: [], key: [] }));
const browser = await launchBench('gpu');
try {
  for (let round = 0; round < rounds; round++) {
    for (const [n, dist] of dists.entries()) {
      const { tab, close } = await openWidget(browser, { dist, rate, before: observe });
      try {
        await pressAll(tab, results[n], () => tab.mouse.click(NEXT_BUTTON.x, NEXT_BUTTON.y),
                       () => tab.focus('#carousel a[data-kind="0"]'));
      } finally {
        await close();
      }
    }
    for (const [n, page] of BASELINES.entries()) {
      const { context, tab } = await throttledPage(browser, rate, { width: 800, height: 1300 });
      try {
        await tab.addInitScript(observe);
        await tab.goto(baselineServer.url + page.file);
        await waitForMark(context, tab, 'baseline:first-picture');
        await tab.waitForTimeout(1500);
        // Their keyboard modules answer keys while the pointer is over the carousel.
        await pressAll(tab, baselineResults[n], () => tab.click(page.next), () => tab.mouse.move(400, 200));
      } finally {
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  await baselineServer?.close();
}

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => { const s = sorted(xs); return (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2; };
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const share = (xs) => xs.filter((x) => x <= 50).length / xs.length;
const line = (xs) => `${median(xs)} · ${mean(xs).toFixed(0)} · ${sorted(xs)[Math.round((xs.length - 1) * 0.9)]} ms · ${(share(xs) * 100).toFixed(0)} %`;
console.log(`Event Timing duration, ${rounds} rounds x ${presses} presses, CPU ${rate}x: median · mean · p90 · share <= 50 ms`);
for (const [n, dist] of dists.entries()) {
  console.log(`${dist || 'dist/'}\n  next button  ${line(results[n].next)}\n  ArrowRight   ${line(results[n].key)}`);
}
for (const [n, page] of BASELINES.entries())
  console.log(`${page.name}\n  next button  ${line(baselineResults[n].next)}\n  ArrowRight   ${line(baselineResults[n].key)}`);
// By the press's place in its page (1st, 2nd, …): a slow first press is start-up's, not the input's.
const byPress = (xs) => Array.from({ length: presses }, (_, k) => median(xs.filter((_, i) => i % presses === k))).join(' · ');
for (const [n, dist] of dists.entries())
  console.log(`${dist || 'dist/'} medians by press: next ${byPress(results[n].next)} ms; ArrowRight ${byPress(results[n].key)} ms`);
for (const [n, page] of BASELINES.entries())
  console.log(`${page.name} medians by press: next ${byPress(baselineResults[n].next)} ms; ArrowRight ${byPress(baselineResults[n].key)} ms`);
