// Cumulative Layout Shift of each embed form alone on a page, at a phone's and a desktop's
// size: a heading, the widget, then paragraphs the widget would push down if it grew. Each
// form is measured as the README tells a partner to embed it (the height in the page's own
// stylesheet, the iframe's in its snippet) and, beside it, without that advice: what the
// advice saves. The browser's own layout-shift entries (not after input), the page scrolled
// to its end and back, CPU slowed `--rate` times (4: the script runs late, as on a phone).
//   ./build-wasm.sh && node bench/shift.mjs [--rate 4] [--json]
import fs from 'node:fs';
import { dist, distFile, layoutShifts, serveWithFixtures, shiftSum } from '../tests/browser/lib.mjs';
import { launchBench, option, report, throttledPage } from './lib.mjs';

const args = process.argv.slice(2);
const rate = Number(option(args, '--rate', 4));
const SIZES = [{ width: 390, height: 844 }, { width: 1280, height: 900 }];

// The inline form's feed: the demo feed's first three items, in the host element.
const demo = JSON.parse(fs.readFileSync(`${dist}/${distFile('demo.json')}`, 'utf8'));
const inlineFeed = JSON.stringify({ ...demo, items: demo.items.slice(0, 3) }).replace(/</g, '\\u003c');

// Each form: its markup, the page's rule that keeps its height (README, "No layout shift"),
// and whether it is mounted by the page's own script after `load` (Carta.mount).
const FORMS = [
  { name: 'div + carta.js', body: '<div class="carta" data-feed="demo.json" data-height="420"></div>',
    rule: '.carta { display: block; height: 420px; }' },
  { name: '<carta-carousel>', body: '<carta-carousel feed="demo.json" theme="light"></carta-carousel>',
    rule: 'carta-carousel { display: block; height: 420px; }' },
  { name: 'inline feed', body: `<div class="carta" data-height="380"><script type="application/feed+json">${inlineFeed}</script></div>`,
    rule: '.carta { display: block; height: 380px; }' },
  { name: 'Carta.mount after load', body: '<div id="by-api"></div>', mount: true,
    rule: '#by-api { display: block; height: 420px; }' },
  { name: 'iframe (embed.html)', iframe: true },
];

const TEXT = '<p>Beirut\'s port reopened to container traffic this week; the paragraphs below the widget are what a reader is reading when it loads. A widget that grows late pushes them down.</p>';
const page = (form, advised) => {
  const widget = form.iframe
    ? `<iframe src="embed.html?feed=demo.json&amp;theme=dark" title="Latest stories" width="100%"${advised ? ' height="420"' : ''}></iframe>`
    : form.body;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Carta layout shift: ${form.name}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="shift.css">
${advised && form.rule ? '<link rel="stylesheet" href="shift-rule.css">' : ''}
</head>
<body>
<h1>The page's own headline</h1>
${TEXT}
${widget}
${TEXT.repeat(12)}
${form.mount ? '<script src="shift-mount.js"></script>' : ''}
${form.iframe ? '' : '<script src="carta.js" async></script>'}
</body>
</html>
`;
};

const fixtures = {
  'shift.css': 'body { font: 17px/1.5 Georgia, serif; max-width: 46rem; margin: 0 auto; padding: 0 1rem; } iframe { border: 0; display: block; }',
  'shift-mount.js': "window.addEventListener('load', function () { window.Carta.mount(document.getElementById('by-api'), { feed: 'demo.json', height: 420 }); });",
};
for (const [n, form] of FORMS.entries())
  for (const advised of [true, false]) fixtures[`shift-${n}-${advised ? 'advised' : 'bare'}.html`] = page(form, advised);

// One page's CLS: every page gets the rule file, empty unless the page links it.
async function measure(browser, server, file, rule, viewport) {
  fs.writeFileSync(`${server.dir}/shift-rule.css`, rule || '');
  const { context, tab } = await throttledPage(browser, rate, viewport);
  try {
    return shiftSum(await layoutShifts(tab, server.url + file, 4000));
  } finally {
    await context.close();
  }
}

const server = await serveWithFixtures('carta-bench-shift-', fixtures);
const browser = await launchBench('gpu');
const table = [];
try {
  for (const [n, form] of FORMS.entries()) {
    const row = { form: form.name };
    for (const viewport of SIZES) {
      const size = `${viewport.width}x${viewport.height}`;
      row[size] = +(await measure(browser, server, `shift-${n}-advised.html`, form.rule, viewport)).toFixed(4);
      row[`${size} without`] = +(await measure(browser, server, `shift-${n}-bare.html`, null, viewport)).toFixed(4);
    }
    table.push(row);
  }
} finally {
  await browser.close();
  await server.close();
}

report(args, table, () => {
  console.log(`Cumulative Layout Shift by embed form, CPU ${rate}x: as the README advises · without the advice`);
  for (const row of table) {
    const cells = SIZES.map(({ width, height }) => `${width}x${height} ${row[`${width}x${height}`].toFixed(4)} · ${row[`${width}x${height} without`].toFixed(4)}`);
    console.log(`  ${row.form.padEnd(24)} ${cells.join('    ')}`);
  }
});
