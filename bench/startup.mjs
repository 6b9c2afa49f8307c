// Time to first card, part by part, beside a Swiper carousel of the same feed: headless
// Chromium (SwiftShader), a page with one widget, cold cache each run, at 1x and 4x CPU
// throttling (4x stands in for a mid-range phone). Carta's parts come from the marks
// carta.js leaves in the performance timeline; the longest main-thread task is reported.
//   ./build-wasm.sh && node bench/startup.mjs [--runs 7] [--compositing gpu|software] [--json]
import { fixturePage } from '../tests/browser/lib.mjs';
import { cdpEvaluate, launchBench, option, report, serveWithBaselines, sleep, throttledPage, median, waitForMarkFromNode, widget } from './lib.mjs';

const args = process.argv.slice(2);
const runs = Number(option(args, '--runs', 7));
const compositing = option(args, '--compositing', 'gpu');
const server = await serveWithBaselines('carta-bench-startup-', {
  'carta.html': fixturePage(widget()),
});

const CARTA_PARTS = ['start', 'module', 'fonts', 'feed', 'create', 'model', 'atlas', 'first-frame'];

// The page is opened and read over CDP only (nothing of Playwright runs in it): the
// observer and the carta:ready mark are added before its scripts, and Node waits, looking
// for the mark every half second once a first stretch (1 s a unit of throttling) is over.
const OBSERVE = `(() => {
  window.__longest = 0;
  new PerformanceObserver((list) => list.getEntries().forEach((e) => { window.__longest = Math.max(window.__longest, e.duration); }))
    .observe({ type: 'longtask', buffered: true });
  document.addEventListener('carta:ready', () => performance.mark('carta:ready'));
})()`;

async function once(browser, page, rate) {
  const { context, tab } = await throttledPage(browser, rate, { width: 800, height: 420 });
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Page.enable');
  await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: OBSERVE });
  await cdp.send('Page.navigate', { url: server.url + page });
  const want = page === 'carta.html' ? 'carta:ready' : 'baseline:first-picture';
  await waitForMarkFromNode(cdp, want, { after: 1000 * rate, every: 500 });
  await sleep(300);
  const result = await cdpEvaluate(cdp, `(() => {
    const at = {};
    performance.getEntriesByType('mark').forEach((m) => { if (!(m.name in at)) at[m.name] = m.startTime; });
    return { at, longest: window.__longest };
  })()`);
  await context.close();
  return result;
}

const table = [];
const browser = await launchBench(compositing);
try {
  for (const rate of [1, 4]) {
    const carta = [], base = [];
    for (let i = 0; i < runs; i++) {  // paired: one of each per round
      carta.push(await once(browser, 'carta.html', rate));
      base.push(await once(browser, 'swiper.html', rate));
    }
    const row = { rate, runs };
    for (const part of CARTA_PARTS) row[part] = median(carta.map((r) => r.at['carta:' + part]));
    row.cartaFirstCard = median(carta.map((r) => r.at['carta:ready']));
    row.cartaLongestTask = median(carta.map((r) => r.longest));
    row.swiperFirstCard = median(base.map((r) => r.at['baseline:first-card']));
    row.swiperFirstPicture = median(base.map((r) => r.at['baseline:first-picture']));
    row.swiperLongestTask = median(base.map((r) => r.longest));
    row.ratio = row.cartaFirstCard / row.swiperFirstCard;
    table.push(row);
  }
} finally {
  await browser.close();
  await server.close();
}

report(args, table, () => {
  const ms = (v) => (v === undefined || Number.isNaN(v) ? '–' : Math.round(v) + ' ms');
  console.log(`medians of ${runs} paired runs, ms after navigation start, ${compositing} compositing`);
  console.log('figure'.padEnd(44) + table.map((r) => `${r.rate}x CPU`.padStart(12)).join(''));
  const line = (name, f) => console.log(name.padEnd(44) + table.map((r) => f(r).padStart(12)).join(''));
  line('carta.js runs, fetches start (carta:start)', (r) => ms(r.start));
  line('wasm compiled and instantiated (module)', (r) => ms(r.module));
  line('base fonts fetched (fonts)', (r) => ms(r.fonts));
  line('feed fetched (feed)', (r) => ms(r.feed));
  line('WebGL context and App made (create)', (r) => ms(r.create));
  line('feed read into the model (model)', (r) => ms(r.model));
  line('first cards laid out, their glyphs rasterized (atlas)', (r) => ms(r.atlas));
  line('first frame drawn (first-frame)', (r) => ms(r['first-frame']));
  line('Carta: first card (carta:ready)', (r) => ms(r.cartaFirstCard));
  line('Swiper: first card, text in its font', (r) => ms(r.swiperFirstCard));
  line('Swiper: first picture decoded', (r) => ms(r.swiperFirstPicture));
  line('ratio Carta / Swiper (first card)', (r) => r.ratio.toFixed(2));
  line('longest main-thread task, Carta', (r) => ms(r.cartaLongestTask));
  line('longest main-thread task, Swiper', (r) => ms(r.swiperLongestTask));
});
