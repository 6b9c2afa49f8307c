// Carta's own fonts against the page's: the same widget and feed, once in Carta's Noto
// subsets (the default), once with a look that names the page's default serif and sans
// (--carta-font-headline: serif; --carta-font-text: sans-serif), and once with a look in
// web fonts the page serves itself (dist/gallery.css's Noto Serif Display and Noto Serif,
// 0.3–0.5 MB each, uncompressed TTF as a careless page serves them). Paired, cold, headless
// Chromium at 4x CPU throttling: bytes the widget fetched (its own files, gzip as served
// over the wire is not simulated: transfer sizes of the raw files), time to carta:ready
// and to the first frame, main-thread task and script time until ready (CDP metrics), and
// the longest task.
//   ./build-wasm.sh && node bench/page-fonts.mjs [--runs 7] [--rate 4] [--json]
import { fixturePage } from '../tests/browser/lib.mjs';
import { launchBench, median, option, report, serveWithBaselines, throttledPage, waitForMark } from './lib.mjs';

const args = process.argv.slice(2);
const runs = Number(option(args, '--runs', 7));
const rate = Number(option(args, '--rate', 4));
const host = (cls) => `<div class="${cls}"><div id="carousel" class="carta" data-feed="demo.json" data-height="420" data-loading="eager"></div></div>`;
const CSS = `
.system { --carta-font-headline: serif; --carta-font-text: sans-serif; }
.webfonts { --carta-font-headline: "Noto Serif Display", serif; --carta-font-text: "Noto Serif", serif; }
`;
const server = await serveWithBaselines('carta-bench-fonts-', {
  'fonts.css': CSS,
  'own.html': fixturePage(host('own'), { css: 'fonts.css' }),
  'system.html': fixturePage(host('system'), { css: 'fonts.css' }),
  'webfonts.html': fixturePage(host('webfonts'), { css: 'gallery.css"><link rel="stylesheet" href="fonts.css' }),
});
const PAGES = { own: 'own.html', system: 'system.html', webfonts: 'webfonts.html' };

async function once(browser, page) {
  const { context, tab } = await throttledPage(browser, rate, { width: 800, height: 420 });
  const bytes = { carta: 0, fonts: 0, pageFonts: 0 };
  tab.on('requestfinished', async (request) => {
    const sizes = await request.sizes().catch(() => null);
    if (!sizes) return;
    const n = sizes.responseBodySize, url = request.url();
    if (/\/fonts\/carta-/.test(url)) bytes.fonts += n;
    else if (/\/looks\/fonts\//.test(url)) bytes.pageFonts += n;
    else if (/carta[.-]/.test(url)) bytes.carta += n;
  });
  await tab.addInitScript(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => list.getEntries().forEach((e) => { window.__longest = Math.max(window.__longest, e.duration); }))
      .observe({ type: 'longtask', buffered: true });
    document.addEventListener('carta:ready', () => performance.mark('carta:ready'));
  });
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Performance.enable');
  await tab.goto(server.url + page);
  await waitForMark(context, tab, 'carta:ready');
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  await tab.waitForTimeout(300);
  const marks = await tab.evaluate(() => {
    const at = {};
    performance.getEntriesByType('mark').forEach((m) => { if (!(m.name in at)) at[m.name] = m.startTime; });
    return { at, longest: window.__longest };
  });
  await context.close();
  return { ready: marks.at['carta:ready'], atlas: marks.at['carta:atlas'] - marks.at['carta:model'], longest: marks.longest,
           taskMs: metrics.TaskDuration * 1000, scriptMs: metrics.ScriptDuration * 1000, ...bytes };
}

const results = Object.fromEntries(Object.keys(PAGES).map((k) => [k, []]));
const browser = await launchBench();
try {
  for (let i = 0; i < runs; i++)
    for (const [name, page] of Object.entries(PAGES)) results[name].push(await once(browser, page));
} finally {
  await browser.close();
  await server.close();
}
const table = Object.entries(results).map(([name, rs]) => {
  const row = { page: name, runs, rate };
  for (const key of ['ready', 'atlas', 'taskMs', 'scriptMs', 'longest', 'carta', 'fonts', 'pageFonts'])
    row[key] = Math.round(median(rs.map((r) => r[key])));
  return row;
});
report(args, table, () => {
  console.log(`median of ${runs} paired cold runs at ${rate}x CPU throttling`);
  console.log('page       ready ms  atlas ms  main-thread ms  script ms  longest ms  carta B  carta fonts B  page fonts B');
  for (const r of table)
    console.log(`${r.page.padEnd(10)} ${String(r.ready).padStart(8)} ${String(r.atlas).padStart(9)} ${String(r.taskMs).padStart(15)} ` +
                `${String(r.scriptMs).padStart(10)} ${String(r.longest).padStart(11)} ${String(r.carta).padStart(8)} ` +
                `${String(r.fonts).padStart(14)} ${String(r.pageFonts).padStart(13)}`);
});
