// Browser metrics for the demo (issue: performance): time from navigation to carta:ready,
// WebGL draw calls during 3 s of idleness, and memory after 1 000 card changes compared
// with after 10. Figures are printed for bench/README.md; the bounds are asserted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openAndWaitReady } from './lib.mjs';

// Memory may not grow by more than this between 10 and 1 000 changes.
const WASM_GROWTH_BOUND = 0;              // bytes: the wasm memory must not grow at all
const JS_HEAP_GROWTH_BOUND = 2 * 1024 * 1024;  // bytes, after a forced garbage collection
const IN_USE_GROWTH_BOUND = 512 * 1024;  // bytes the allocator holds, after the caches have filled

let server, browser;
before(async () => {
  server = await serve();
  browser = await launch(['--enable-precise-memory-info']);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('demo metrics: ms to ready, idle draw calls, memory over 1 000 card changes', async () => {
  const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  await page.emulateMedia({ reducedMotion: 'reduce' });  // instant changes: 1 000 of them stay quick
  await page.addInitScript(() => {
    window.__draws = 0;
    const proto = WebGL2RenderingContext.prototype;
    for (const name of ['drawElements', 'drawArrays', 'drawElementsInstanced', 'drawArraysInstanced', 'drawRangeElements']) {
      const original = proto[name];
      proto[name] = function (...args) { window.__draws++; return original.apply(this, args); };
    }
  });
  const ready = await openAndWaitReady(page, server.url);
  const msToReady = Math.round(ready.at);

  await page.waitForTimeout(1500);  // pictures arrive and are drawn
  const drawsBefore = await page.evaluate(() => window.__draws);
  await page.waitForTimeout(3000);
  const idleDraws = (await page.evaluate(() => window.__draws)) - drawsBefore;

  const cdp = await page.context().newCDPSession(page);
  const measure = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const stats = await page.evaluate(() => window.Carta.mount(document.querySelector('#carousel')).stats());
    const page_ = await page.evaluate(() => window.Carta.stats());
    return { jsHeap: heap.usedSize, wasm: stats.wasmMemoryBytes, wasmInUse: page_.wasmHeapInUseBytes,
             images: stats.imageBytes, frames: stats.frames };
  };
  const changes = (n) => page.evaluate(async (count) => {
    const carousel = window.Carta.mount(document.querySelector('#carousel'));
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
    for (let i = 0; i < count; i++) {
      carousel.next();
      if (i % 8 === 7) carousel.go(0);  // 9 items, 2 in view: come round again
      await frame();
    }
    await frame();
  }, n);

  await changes(10);
  const after10 = await measure();
  await changes(990);
  const after1000 = await measure();

  const report = {
    ms_to_ready: msToReady,
    idle_draw_calls_3s: idleDraws,
    after_10_changes: after10,
    after_1000_changes: after1000,
    wasm_growth_bytes: after1000.wasm - after10.wasm,
    wasm_in_use_growth_bytes: after1000.wasmInUse - after10.wasmInUse,
    js_heap_growth_bytes: after1000.jsHeap - after10.jsHeap,
  };
  console.log('carta metrics ' + JSON.stringify(report));
  assert.equal(idleDraws, 0, 'no frame is drawn while nothing changes');
  assert.ok(after1000.frames > after10.frames + 900, 'the 1 000 changes were drawn');
  assert.ok(report.wasm_growth_bytes <= WASM_GROWTH_BOUND, `wasm memory grew by ${report.wasm_growth_bytes} bytes`);
  // The memory the widgets hold now (emmalloc's count), not the heap's size, which starts at
  // 32 MiB and would hide 20 MiB of leak: a 1 MiB leak over the 990 changes fails this.
  assert.ok(after10.wasmInUse > 0, 'the allocator\'s figure is read');
  assert.ok(report.wasm_in_use_growth_bytes < IN_USE_GROWTH_BOUND,
            `memory in use grew by ${report.wasm_in_use_growth_bytes} bytes over 990 changes`);
  assert.ok(report.js_heap_growth_bytes <= JS_HEAP_GROWTH_BOUND, `JS heap grew by ${report.js_heap_growth_bytes} bytes`);
  await page.close();
});
