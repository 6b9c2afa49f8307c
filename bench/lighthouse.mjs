// Lighthouse 12.2.3 (pinned in bench/web; 13 needs Node 22), mobile preset (simulated slow 4G,
// 4x CPU), on the same page shape for Carta and both peers: an h1, then one carousel of the
// demo feed — Carta's widget, Swiper 14, Splide 4 (bench/web), each with the same fonts.
// Served compressed (gzip or brotli, each file compressed once, as a CDN serves them).
// Every run is printed, then each page's median and range; never a best-of. The accessibility category lists every audit
// that failed, by id (issue 42: heading-order under an h1).
//   ./build-wasm.sh && node bench/lighthouse.mjs [--runs 3] [--plain]
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { baselineFiles, dist, option, widget } from './lib.mjs';
import { serveCdn } from './cdn.mjs';
import { fixturePage } from '../tests/browser/lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const runs = Number(option(args, '--runs', 3));
const compress = !args.includes('--plain');

const H1 = "<h1>Today's stories</h1>";
const peerPage = (file) => fs.readFileSync(path.join(here, 'web', file), 'utf8').replace('<body>', '<body>\n' + H1);
const PAGES = [
  { name: 'Carta', file: 'lh-carta.html', html: fixturePage(H1 + '\n' + widget()) },
  { name: 'Swiper 14', file: 'lh-swiper.html', html: peerPage('swiper.html') },
  { name: 'Splide 4', file: 'lh-splide.html', html: peerPage('splide.html') },
];

// Compressed once, as a CDN's cache serves (bench/cdn.mjs): scripts/serve.mjs's `compress`
// runs brotli 11 on every request, about 0.9 s for carta.wasm on the 2-core machine.
const server = await serveCdn('carta-bench-lh-', dist, { ...baselineFiles(), ...Object.fromEntries(PAGES.map((p) => [p.file, p.html])) }, { compress });
const require = createRequire(path.join(here, 'web', 'package.json'));
const { default: lighthouse } = await import(require.resolve('lighthouse'));
const chromeLauncher = await import(require.resolve('chrome-launcher'));

const FIGURES = [
  ['performance', (l) => Math.round(l.categories.performance.score * 100)],
  ['a11y', (l) => Math.round(l.categories.accessibility.score * 100)],
  ['FCP ms', (l) => Math.round(l.audits['first-contentful-paint'].numericValue)],
  ['LCP ms', (l) => Math.round(l.audits['largest-contentful-paint'].numericValue)],
  ['TBT ms', (l) => Math.round(l.audits['total-blocking-time'].numericValue)],
  ['boot-up ms', (l) => Math.round(l.audits['bootup-time'].numericValue)],
  ['main thread ms', (l) => Math.round(l.audits['mainthread-work-breakdown'].numericValue)],
  ['CLS', (l) => +l.audits['cumulative-layout-shift'].numericValue.toFixed(3)],
];
const failedA11y = (l) => l.categories.accessibility.auditRefs.map((r) => l.audits[r.id])
  .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'notApplicable' && a.scoreDisplayMode !== 'manual')
  .map((a) => a.id);

const results = Object.fromEntries(PAGES.map((p) => [p.name, []]));
try {
  for (let round = 0; round < runs; round++) {
    for (const page of PAGES) {
      const chrome = await chromeLauncher.launch({
        chromePath: process.env.CHROMIUM || '/usr/bin/chromium',
        chromeFlags: ['--headless=new', '--no-sandbox', '--enable-unsafe-swiftshader', '--use-angle=swiftshader',
                      '--ignore-gpu-blocklist', '--disable-background-networking', '--disable-component-update'],
      });
      try {
        const { lhr } = await lighthouse(server.url + page.file, {
          port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'],
        });
        const row = Object.fromEntries(FIGURES.map(([k, f]) => [k, f(lhr)]));
        row.failed = failedA11y(lhr);
        results[page.name].push(row);
        console.log(`run ${round + 1} ${page.name}: ` + FIGURES.map(([k]) => `${k} ${row[k]}`).join(', ') +
                    `; accessibility audits failed: ${row.failed.join(' ') || 'none'}`);
      } finally {
        await chrome.kill();
      }
    }
  }
} finally {
  await server.close();
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2; };
console.log(`\nLighthouse 12.2.3, mobile preset, ${runs} runs each, ${compress ? 'compressed' : 'uncompressed'}: median (min–max)`);
console.log('| page | ' + FIGURES.map(([k]) => k).join(' | ') + ' | a11y audits failed |');
console.log('|---|' + FIGURES.map(() => '---|').join('') + '---|');
for (const page of PAGES) {
  const rows = results[page.name];
  const cells = FIGURES.map(([k]) => { const xs = rows.map((r) => r[k]); return `${median(xs)} (${Math.min(...xs)}–${Math.max(...xs)})`; });
  const failed = [...new Set(rows.flatMap((r) => r.failed))];
  console.log(`| ${page.name} | ${cells.join(' | ')} | ${failed.join(' ') || 'none'} |`);
}
