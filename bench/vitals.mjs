// Carta as a citizen of the partner's page, by the browser's own Core Web Vitals entries:
// total blocking time (the part of each main-thread task over 50 ms, from navigation until
// a second after the first card), the longest task and the number of long tasks, for a page
// with one Carta widget, one with three, and the Swiper and Splide baselines of the same
// feed; then the Event Timing duration (input to the next frame presented) of the next
// button and of ArrowRight. Headless Chromium (SwiftShader), cold cache, 1x and 4x CPU.
//   ./build-wasm.sh && node bench/vitals.mjs [--runs 5] [--compositing gpu|software] [--json]
import { fixturePage } from '../tests/browser/lib.mjs';
import { NEXT_BUTTON, launchBench, option, report, serveWithBaselines, throttledPage, median, waitForMark, widget } from './lib.mjs';

const args = process.argv.slice(2);
const runs = Number(option(args, '--runs', 5));
const compositing = option(args, '--compositing', 'gpu');
const server = await serveWithBaselines('carta-bench-vitals-', {
  'carta.html': fixturePage(widget('carousel')),
  'carta-3.html': fixturePage(widget('carousel') + widget('second') + widget('third')),
});

// What each page is, when its first card is there, and how to press next / ArrowRight.
const PAGES = {
  'Carta, one widget': { file: 'carta.html', ready: 'carta:ready', next: NEXT_BUTTON,
                         focus: '#carousel a[data-kind="0"]' },
  'Carta, three widgets': { file: 'carta-3.html', ready: 'carta:ready-all', next: NEXT_BUTTON,
                            focus: '#carousel a[data-kind="0"]' },
  'Swiper 14': { file: 'swiper.html', ready: 'baseline:first-picture', nextSelector: '.swiper-button-next' },
  'Splide 4': { file: 'splide.html', ready: 'baseline:first-picture', nextSelector: '.splide__arrow--next' },
};

async function once(browser, page, rate) {
  const { context, tab } = await throttledPage(browser, rate, { width: 800, height: 1300 });
  await tab.addInitScript(() => {
    window.__tasks = [];
    window.__events = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__tasks.push([e.startTime, e.duration])))
      .observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__events.push([e.name, e.duration, e.interactionId])))
      .observe({ type: 'event', durationThreshold: 16, buffered: true });
    let ready = 0;
    document.addEventListener('carta:ready', () => {
      if (++ready === 1) performance.mark('carta:ready');
      if (ready === document.querySelectorAll('.carta').length) performance.mark('carta:ready-all');
    });
  });
  await tab.goto(server.url + page.file);
  await waitForMark(context, tab, page.ready);
  await tab.waitForTimeout(1000);
  const load = await tab.evaluate((name) => {
    const end = performance.getEntriesByName(name)[0].startTime + 1000;
    const tasks = window.__tasks.filter(([start]) => start < end);
    return {
      firstCard: performance.getEntriesByName(name)[0].startTime,
      tbt: tasks.reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0),
      longest: tasks.reduce((m, [, d]) => Math.max(m, d), 0),
      count: tasks.length,
    };
  }, page.ready);
  // Interactions: three presses of next, three of ArrowRight, each given time to settle.
  await tab.evaluate(() => { window.__events = []; });
  const clickNext = async () => {
    if (page.next) await tab.mouse.click(page.next.x, page.next.y);
    else await tab.click(page.nextSelector);
  };
  for (let i = 0; i < 3; i++) { await clickNext(); await tab.waitForTimeout(700); }
  const clicks = await tab.evaluate(() => window.__events.splice(0));
  if (page.focus) await tab.focus(page.focus);
  else await tab.mouse.move(400, 200);
  for (let i = 0; i < 3; i++) { await tab.keyboard.press('ArrowRight'); await tab.waitForTimeout(700); }
  const keys = await tab.evaluate(() => window.__events.splice(0));
  await context.close();
  // An interaction's duration is its longest event; none at all means under 16 ms.
  const worst = (events, names) => events.filter(([n]) => names.includes(n)).reduce((m, [, d]) => Math.max(m, d), 0);
  return { ...load, next: worst(clicks, ['pointerdown', 'pointerup', 'click']), key: worst(keys, ['keydown', 'keyup']) };
}

const table = [];
const browser = await launchBench(compositing);
try {
  for (const rate of [1, 4]) {
    const results = Object.fromEntries(Object.keys(PAGES).map((name) => [name, []]));
    for (let i = 0; i < runs; i++)  // alternating: one of each page per round
      for (const [name, page] of Object.entries(PAGES)) results[name].push(await once(browser, page, rate));
    for (const [name, list] of Object.entries(results)) {
      const row = { page: name, rate, runs };
      for (const key of ['firstCard', 'tbt', 'longest', 'count', 'next', 'key']) row[key] = median(list.map((r) => r[key]));
      table.push(row);
    }
  }
} finally {
  await browser.close();
  await server.close();
}

report(args, table, () => {
  const ms = (v) => (Number.isNaN(v) ? '–' : v === 0 ? '< 16 ms' : Math.round(v) + ' ms');
  console.log(`medians of ${runs} alternating runs, ${compositing} compositing; TBT and long tasks until 1 s after the first card`);
  console.log('| page | CPU | first card | total blocking time | longest task | long tasks | next button | ArrowRight |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of table)
    console.log(`| ${r.page} | ${r.rate}x | ${ms(r.firstCard)} | ${Math.round(r.tbt)} ms | ${ms(r.longest)} | ${r.count} | ${ms(r.next)} | ${ms(r.key)} |`);
});
