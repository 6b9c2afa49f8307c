// What one frame of a slide costs the GPU process: every animation frame's callback is
// followed by a one-pixel readPixels on the page's WebGL contexts, which returns once
// SwiftShader has rasterized what the frame drew (Chromium's gl.finish() is only a flush).
// Prints the medians over the frames of `--presses` slides (next button) of the callback
// itself (the page's work) and of the readPixels (the GPU's). The compositor's own frame
// is not in it: bench/tasks.mjs shows an input's whole way to the screen.
//   ./build-wasm.sh && node bench/gpu.mjs [--presses 8] [--dist other/dist] [--rate 1]
// --dist serves another build's dist/ in place of this one's, to compare two builds in turn.
import { NEXT_BUTTON, launchBench, openWidget, option } from './lib.mjs';

const args = process.argv.slice(2);
const presses = Number(option(args, '--presses', 8));
const rate = Number(option(args, '--rate', 1));
const other = option(args, '--dist', '');

// Before the page's scripts: keep every WebGL 2 context made, and time each frame's callback
// and the readPixels after it.
function instrument() {
  const contexts = [];
  const getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (kind, attributes) {
    const c = getContext.call(this, kind, attributes);
    if (kind === 'webgl2' && c && !contexts.includes(c)) contexts.push(c);
    return c;
  };
  const frames = (window.benchFrames = []);
  const pixel = new Uint8Array(4);
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) => raf((t) => {
    const a = performance.now();
    callback(t);
    const b = performance.now();
    for (const c of contexts) c.readPixels(0, 0, 1, 1, c.RGBA, c.UNSIGNED_BYTE, pixel);
    frames.push({ page: b - a, gpu: performance.now() - b, at: a });
  });
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[(s.length - 1) >> 1] : NaN; };
const p90 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) * 0.9)] : NaN; };

const browser = await launchBench('gpu');
try {
  const { tab, close } = await openWidget(browser, { dist: other, rate, before: instrument });
  const from = await tab.evaluate(() => performance.now());
  for (let i = 0; i < presses; i++) {
    await tab.mouse.click(NEXT_BUTTON.x, NEXT_BUTTON.y);
    await tab.waitForTimeout(900);
  }
  const frames = (await tab.evaluate(() => window.benchFrames)).filter((f) => f.at >= from);
  const gpu = frames.map((f) => f.gpu), page = frames.map((f) => f.page);
  console.log(`${frames.length} frames in ${presses} slides${other ? ` (dist: ${other})` : ''}, CPU ${rate}x`);
  console.log(`  page's callback  median ${median(page).toFixed(1)} ms  p90 ${p90(page).toFixed(1)} ms`);
  console.log(`  GPU (readPixels) median ${median(gpu).toFixed(1)} ms  p90 ${p90(gpu).toFixed(1)} ms`);
  // A press's own frame: the first after a pause (the widget draws nothing at rest).
  const first = frames.filter((f, i) => i === 0 || f.at - frames[i - 1].at > 100);
  console.log(`  the press's frame: page ${median(first.map((f) => f.page)).toFixed(1)} ms, ` +
              `GPU median ${median(first.map((f) => f.gpu)).toFixed(1)} ms (${first.length} presses)`);
  // Frames by their place in the slide: the first shows the view at rest, the card coming in
  // is drawn into its layer by the second.
  const place = []; let k = 0;
  for (const [i, f] of frames.entries()) { k = i === 0 || f.at - frames[i - 1].at > 100 ? 0 : k + 1; (place[k] ||= []).push(f.gpu); }
  console.log(`  GPU median by frame of a slide: ${place.slice(0, 6).map((xs) => median(xs).toFixed(1)).join(' · ')} ms`);
  const starts = frames.map((f, i) => (i === 0 || f.at - frames[i - 1].at > 100 ? i : -1)).filter((i) => i >= 0);
  for (const [n, i] of starts.slice(0, 3).entries())
    console.log(`  slide ${n + 1}, its first frames: GPU ${frames.slice(i, i + 5).map((f) => f.gpu.toFixed(1)).join(' · ')} ms; page ${frames.slice(i, i + 5).map((f) => f.page.toFixed(1)).join(' · ')} ms`);
  await close();
} finally {
  await browser.close();
}
