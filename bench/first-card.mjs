// Time to first card (carta:ready after navigation) of the demo feeds in their scripts —
// English, Arabic, Hebrew and the fourteen-script corpus — one widget of 1280 x 450,
// headless Chromium (SwiftShader), cold cache, runs alternating between feeds, at 1x and 4x
// CPU throttling; also the bytes each page fetched beyond the Latin page's.
//   ./build-wasm.sh && node bench/first-card.mjs [--runs 7] [--json]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, serveWithFixtures, fixturePage } from '../tests/browser/lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 7;
const FEEDS = {
  Latin: 'demo.json',
  Arabic: 'demo-ar.json',
  Hebrew: 'hebrew.json',
  'fourteen scripts': 'demo-world.json',
};
const fixtures = { 'hebrew.json': fs.readFileSync(path.join(root, 'tests/shots/feeds/hebrew.json'), 'utf8') };
for (const [name, file] of Object.entries(FEEDS))
  fixtures[`first-${file}.html`] = fixturePage(
    `<div id="carousel" class="carta" data-feed="${file}" data-height="450" data-loading="eager"></div>`);
const server = await serveWithFixtures('carta-bench-first-card-', fixtures);

async function once(browser, file, rate) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 450 } });
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await tab.addInitScript(() => document.addEventListener('carta:ready', () => performance.mark('carta:ready')));
  await tab.goto(server.url + `first-${file}.html`);
  await tab.waitForFunction(() => performance.getEntriesByName('carta:ready').length > 0, null, { timeout: 60000 });
  await tab.waitForTimeout(200);
  const result = await tab.evaluate(() => ({
    ready: performance.getEntriesByName('carta:ready')[0].startTime,
    // Widget files only: the feed, its pictures and the page are the same for every engine.
    files: performance.getEntriesByType('resource')
      .filter((e) => !/\.(json|html|jpe?g|png|css)$/.test(new URL(e.name).pathname) || /\/words\//.test(e.name))
      .map((e) => [new URL(e.name).pathname, e.encodedBodySize]),
  }));
  await context.close();
  return result;
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]; };
const rows = {};
const browser = await launch();
try {
  for (const rate of [1, 4]) {
    const times = {};
    for (let i = 0; i < runs; i++)
      for (const [name, file] of Object.entries(FEEDS)) {
        const r = await once(browser, file, rate);
        (times[name] ??= []).push(r.ready);
        rows[name] ??= { files: r.files };
      }
    for (const name of Object.keys(FEEDS)) rows[name][`${rate}x`] = median(times[name]);
  }
} finally {
  await browser.close();
  await server.close();
}

const latin = new Set(rows.Latin.files.map(([p]) => p));
for (const row of Object.values(rows)) {
  row.extraFiles = row.files.filter(([p]) => !latin.has(p)).map(([p]) => p);
  row.extraBytes = row.files.filter(([p]) => !latin.has(p)).reduce((n, [, b]) => n + b, 0);
}
if (args.includes('--json')) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  console.log(`time to first card, medians of ${runs} alternating runs (ms after navigation start)`);
  console.log('feed'.padEnd(20) + '1x CPU'.padStart(10) + '4x CPU'.padStart(10) + '  beyond the Latin page (bytes as sent)');
  for (const [name, row] of Object.entries(rows))
    console.log(name.padEnd(20) + String(Math.round(row['1x'])).padStart(10) + String(Math.round(row['4x'])).padStart(10) +
                `  ${row.extraBytes} B: ${row.extraFiles.join(' ') || '–'}`);
}
