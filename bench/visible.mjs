// How long the next button takes to change what is on the screen: the compositor's own
// frames (DevTools screencast, with their timestamps), from the press to the first frame
// that differs from the one before it — whatever path the canvas takes to the screen.
// Event Timing ends at the main frame's presentation, which a canvas that reaches the
// screen another way (desynchronized) is not part of.
//   ./build-wasm.sh && node bench/visible.mjs [--rounds 6] [--presses 4] [--rate 4] [DIST ...]
import { NEXT_BUTTON, distArgs, launchBench, openWidget, option } from './lib.mjs';

const args = process.argv.slice(2);
const rounds = Number(option(args, '--rounds', 6));
const presses = Number(option(args, '--presses', 4));
const rate = Number(option(args, '--rate', 4));
const dists = distArgs(args);
const { x, y } = NEXT_BUTTON;

const results = dists.map(() => []);
const browser = await launchBench('gpu');
try {
  for (let round = 0; round < rounds; round++) {
    for (const [n, dist] of dists.entries()) {
      const { context, tab, close } = await openWidget(browser, { dist, rate, height: 600 });
      try {
        await tab.mouse.move(x, y);  // hovered first: the press is the only change
        await tab.waitForTimeout(300);
        const cdp = await context.newCDPSession(tab);
        let frames = [];
        cdp.on('Page.screencastFrame', (f) => {
          frames.push({ t: f.metadata.timestamp * 1000, data: f.data });
          cdp.send('Page.screencastFrameAck', { sessionId: f.sessionId }).catch(() => {});
        });
        await cdp.send('Page.startScreencast', { format: 'jpeg', quality: 30 });
        await tab.waitForTimeout(700);
        for (let i = 0; i < presses; i++) {
          const before = frames.length ? frames[frames.length - 1].data : null;
          frames = [];
          const t0 = Date.now();
          await cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', x, y, button: 'left', clickCount: 1 });
          await cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', x, y, button: 'left', clickCount: 1 });
          await tab.waitForTimeout(900);
          const changed = frames.find((f) => f.data !== before);
          results[n].push(changed ? changed.t - t0 : NaN);
        }
        await cdp.send('Page.stopScreencast');
      } finally {
        await close();
      }
    }
  }
} finally {
  await browser.close();
}
const sorted = (xs) => xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
for (const [n, dist] of dists.entries()) {
  const s = sorted(results[n]);
  console.log(`${dist || 'dist/'}: press to first changed screen frame, median ${s[s.length >> 1].toFixed(0)} ms, p90 ${s[Math.round((s.length - 1) * 0.9)].toFixed(0)} ms, n=${s.length}/${results[n].length}: ${s.map((x) => x.toFixed(0)).join(' ')}`);
}
