// Many widgets on one page, measured in headless Chromium (SwiftShader): for pages of 1, 10
// and 30 carousels, scrolled top to bottom so every widget has started, what the page holds
// (WebAssembly heap high-water mark, live WebGL contexts, font atlases, decoded pictures on
// the GPU), how long a widget far off screen takes to draw again when the reader jumps back
// to it, and the frame interval while one widget of the page slides.
//   ./build-wasm.sh && node bench/widgets.mjs [--json]
import { launch, serveWithFixtures, fixturePage } from '../tests/browser/lib.mjs';

const sizes = [1, 10, 30];
const results = [];
const server = await serveWithFixtures('carta-bench-widgets-', Object.fromEntries(sizes.map((n) => [`w${n}.html`,
  fixturePage(Array.from({ length: n }, (_, i) =>
    `<h2>Section ${i + 1}</h2><div id="w${i}" class="carta" data-feed="demo.json" data-height="360"></div>`).join('\n'))])));
const browser = await launch();
try {
  for (const n of sizes) {
    const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
    const dropped = [];
    page.on('console', (m) => { if (/Too many active WebGL contexts/.test(m.text())) dropped.push(m.text()); });
    await page.goto(server.url + `w${n}.html`);
    const drawn = (i) => page.waitForFunction((id) => {
      const h = document.getElementById(id).cartaHandle;
      return h && h.stats().context === 'live' && h.stats().frames > 0;
    }, 'w' + i, { timeout: 30000 });
    for (let i = 0; i < n; i++) {
      await page.locator('#w' + i).scrollIntoViewIfNeeded();
      await drawn(i);
    }
    await page.waitForTimeout(500);
    const held = await page.evaluate((count) => {
      let imageBytes = 0, canvasBytes = 0;
      for (let i = 0; i < count; i++) {
        const el = document.getElementById('w' + i);
        const s = el.cartaHandle.stats();
        imageBytes += s.imageBytes;
        const c = el.shadowRoot.querySelector('canvas');
        if (s.context === 'live') canvasBytes += c.width * c.height * 4 * 2;  // front and back buffers
      }
      return { ...Carta.stats(), imageBytes, canvasBytes };
    }, n);
    // Jump back to the first widget (its context was lent away on long pages): time until
    // it has drawn again.
    const back = await page.evaluate(async () => {
      const h = document.getElementById('w0').cartaHandle;
      const was = h.stats().context, frames = h.stats().frames;
      const t0 = performance.now();
      document.getElementById('w0').scrollIntoView({ block: 'center' });
      if (was === 'live') return { was, ms: 0 };  // nothing to draw again
      while (!(h.stats().context === 'live' && h.stats().frames > frames) && performance.now() - t0 < 10000)
        await new Promise((r) => requestAnimationFrame(r));
      return { was, ms: performance.now() - t0 };
    });
    // One widget slides to its next card while the others rest: rAF intervals meanwhile.
    const slide = await page.evaluate(async () => {
      const h = document.getElementById('w0').cartaHandle;
      const times = [];
      h.next();
      const t0 = performance.now();
      while (performance.now() - t0 < 700) times.push(await new Promise((r) => requestAnimationFrame(r)));
      const gaps = times.slice(1).map((t, i) => t - times[i]).sort((a, b) => a - b);
      return { median: gaps[gaps.length >> 1], worst: gaps[gaps.length - 1] };
    });
    results.push({ widgets: n, ...held, backWas: back.was, backMs: Math.round(back.ms), slideMedianMs: +slide.median.toFixed(1),
      slideWorstMs: +slide.worst.toFixed(1), dropped: dropped.length });
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(results, null, 2));
} else {
  const mib = (b) => (b / 1048576).toFixed(1);
  console.log('widgets  live  atlases  wasm heap MiB  canvases MiB  pictures MiB  back to w0       slide frame median/worst ms  dropped');
  for (const r of results)
    console.log(`${String(r.widgets).padStart(7)}  ${String(r.liveContexts).padStart(4)}  ${String(r.atlases).padStart(7)}  ` +
      `${mib(r.wasmHeapBytes).padStart(13)}  ${mib(r.canvasBytes).padStart(12)}  ${mib(r.imageBytes).padStart(12)}  ` +
      `${(r.backMs + ' ms (' + r.backWas + ')').padEnd(15)}  ${(r.slideMedianMs + ' / ' + r.slideWorstMs).padStart(27)}  ${r.dropped}`);
}
