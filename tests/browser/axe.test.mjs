// The accessibility engine publishers' audits run, axe-core 4 (npm, test tooling only), on
// every served page once its widgets are ready — the demo (English, Arabic right to left,
// mixed, fourteen scripts), the partner page (every embed form, the dark theme, two widgets
// of one feed), the gallery of looks, a widget under an h1 and one under an h2, the error and
// empty states, and the fallback list without WebGL: no violation of any impact.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import test, { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serveWithFixtures, fixturePage } from './lib.mjs';

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(path.join(path.dirname(require.resolve('axe-core')), 'axe.min.js'), 'utf8');

const widget = (attrs) => `<div class="carta" data-height="420" data-loading="eager" ${attrs}></div>`;
const FIXTURES = {
  'broken.json': '{"version": "https://jsonfeed.org/version/1.1", "items": [',
  'empty.json': JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Nothing yet', items: [] }),
  'under-h1.html': fixturePage(`<main><h1>News</h1>${widget('data-feed="demo.json"')}</main>`),
  'under-h2.html': fixturePage(`<main><h1>News</h1><h2>From the Levant</h2>${widget('data-feed="demo.json" data-heading-level="3"')}</main>`),
  'dark.html': fixturePage(`<main><h1>Dark</h1>${widget('data-feed="demo-ar.json" data-theme="dark"')}</main>`),
  'states.html': fixturePage(`<main><h1>States</h1>${widget('data-feed="broken.json"')}${widget('data-feed="empty.json"')}</main>`),
};

let server, browser;
before(async () => {
  server = await serveWithFixtures('carta-axe-', FIXTURES);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

// axe-core's violations on `page` once every widget on it is ready (or failed), each as
// "rule (impact): target — summary".
async function violations(file, { viewport = { width: 1280, height: 900 }, launchArgs = null } = {}) {
  const b = launchArgs ? await launch(launchArgs) : browser;
  const page = await b.newPage({ viewport });
  try {
    await page.goto(server.url + file);
    // Lazy widgets start near the viewport, and draw (and say) their first card once in
    // view: each is brought into view in turn until its mirror speaks.
    const count = await page.evaluate(() => document.querySelectorAll('.carta, carta-carousel').length);
    for (let i = 0; i < count; i++) {
      await page.evaluate((k) => document.querySelectorAll('.carta, carta-carousel')[k].scrollIntoView({ block: 'center' }), i);
      await page.waitForFunction((k) => {
        const el = document.querySelectorAll('.carta, carta-carousel')[k];
        return el.cartaHandle && (el.shadowRoot.querySelector('.mirror article, .mirror h2, .mirror h3, .mirror p') ||
                                  el.shadowRoot.querySelector('.fallback'));
      }, i, { timeout: 30000 });
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(500);
    await page.evaluate(AXE);  // by the DevTools protocol: the page's CSP does not apply
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary.split('\n')[1] || ''}`));
  } finally {
    await page.close();
    if (launchArgs) await b.close();
  }
}

for (const file of ['index.html', 'server.html', 'partner.html', 'gallery.html', 'under-h1.html', 'under-h2.html', 'dark.html', 'states.html']) {
  test(`axe-core finds nothing on ${file}`, async () => {
    const found = await violations(file);
    assert.deepEqual(found, [], found.join('\n'));
  });
}

test('axe-core finds nothing on the fallback list (no WebGL)', async () => {
  const found = await violations('under-h1.html', { launchArgs: ['--disable-webgl'] });
  assert.deepEqual(found, [], found.join('\n'));
});
