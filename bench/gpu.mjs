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
  const pressedAt = [];
  for (let i = 0; i < presses; i++) {
    pressedAt.push(await tab.evaluate(() => performance.now()));
    await tab.mouse.click(NEXT_BUTTON.x, NEXT_BUTTON.y);
    await tab.waitForTimeout(900);
  }
  const frames = (await tab.evaluate(() => window.benchFrames)).filter((f) => f.at >= from);
  const gpu = frames.map((f) => f.gpu), page = frames.map((f) => f.page);
  console.log(`${frames.length} frames in ${presses} slides${other ? ` (dist: ${other})` : ''}, CPU ${rate}x`);
  console.log(`  page's callback  median ${median(page).toFixed(1)} ms  p90 ${p90(page).toFixed(1)} ms`);
  console.log(`  GPU (readPixels) median ${median(gpu).toFixed(1)} ms  p90 ${p90(gpu).toFixed(1)} ms`);
  // A slide's frames, by their place in it: from the first frame after its press (nothing is
  // drawn at rest, and a press on the button draws nothing: that frame is the release's).
  const starts = pressedAt.map((t) => frames.findIndex((f) => f.at >= t)).filter((i) => i >= 0);
  const place = [];
  for (const [n, i] of starts.entries())
    for (let k = 0; i + k < (starts[n + 1] ?? frames.length); k++) (place[k] ||= []).push(frames[i + k]);
  console.log(`  a slide's first frame: page ${median(place[0].map((f) => f.page)).toFixed(1)} ms, ` +
              `GPU median ${median(place[0].map((f) => f.gpu)).toFixed(1)} ms (${starts.length} slides)`);
  console.log(`  GPU median by frame of a slide: ${place.slice(0, 6).map((fs) => median(fs.map((f) => f.gpu)).toFixed(1)).join(' · ')} ms`);
  // The page's first slide against the next two: what is made or compiled on first use.
  for (const [n, i] of starts.slice(0, 3).entries()) {
    const fs = frames.slice(i, Math.min(i + 5, starts[n + 1] ?? frames.length));
    console.log(`  slide ${n + 1}, its first frames: GPU ${fs.map((f) => f.gpu.toFixed(1)).join(' · ')} ms; ` +
                `page ${fs.map((f) => f.page.toFixed(1)).join(' · ')} ms`);
  }
  await close();
} finally {
  await browser.close();
}
