// How long the next button and ArrowRight take to show their next frame (Event Timing
// duration, the browser's own entries), at 4x CPU by default, for this build or for several
// builds' dist/ folders in turn — an A/B of two changes in the same conditions, for inputs
// vary by ±16 ms from one press to the next on a busy machine. Each round loads each build
// once (cold cache) and presses next and ArrowRight `--presses` times each.
//   ./build-wasm.sh && node bench/inputs.mjs [--rounds 8] [--presses 4] [--rate 4] [DIST ...]
import { NEXT_BUTTON, distArgs, launchBench, openWidget, option } from './lib.mjs';

const args = process.argv.slice(2);
const rounds = Number(option(args, '--rounds', 8));
const presses = Number(option(args, '--presses', 4));
const rate = Number(option(args, '--rate', 4));
const dists = distArgs(args);

// Before the page's scripts: every Event Timing entry of an interaction.
function observe() {
  window.benchEvents = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.interactionId) window.benchEvents.push(e.duration);
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
}

const results = dists.map(() => ({ next: [], key: [] }));
const browser = await launchBench('gpu');
try {
  for (let round = 0; round < rounds; round++) {
    for (const [n, dist] of dists.entries()) {
      const { tab, close } = await openWidget(browser, { dist, rate, before: observe });
      try {
        // The longest entry of one interaction (pointerdown, pointerup, click; keydown, keyup).
        const press = async (act) => {
          await tab.evaluate(() => { window.benchEvents = []; });
          await act();
          await tab.waitForTimeout(900);
          return Math.max(0, ...(await tab.evaluate(() => window.benchEvents)));
        };
        for (let i = 0; i < presses; i++) results[n].next.push(await press(() => tab.mouse.click(NEXT_BUTTON.x, NEXT_BUTTON.y)));
        await tab.focus('#carousel a[data-kind="0"]');
        for (let i = 0; i < presses; i++) results[n].key.push(await press(() => tab.keyboard.press('ArrowRight')));
      } finally {
        await close();
      }
    }
  }
} finally {
  await browser.close();
}

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => { const s = sorted(xs); return (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2; };
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const share = (xs) => xs.filter((x) => x <= 50).length / xs.length;
console.log(`Event Timing duration, ${rounds} rounds x ${presses} presses, CPU ${rate}x: median · mean · p90 · share <= 50 ms`);
for (const [n, dist] of dists.entries()) {
  const line = (xs) => `${median(xs)} · ${mean(xs).toFixed(0)} · ${sorted(xs)[Math.round((xs.length - 1) * 0.9)]} ms · ${(share(xs) * 100).toFixed(0)} %`;
  console.log(`${dist || 'dist/'}\n  next button  ${line(results[n].next)}\n  ArrowRight   ${line(results[n].key)}`);
}
