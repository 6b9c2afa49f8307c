// <carta-carousel> in the frameworks web teams use (issue 44): a React 19 page (bundled by
// Debian's esbuild from tests/browser/frameworks/react-page.jsx) and a Vue 3 page (its
// runtime build), both from npm as test tooling only. Each sets the element's settings as
// properties and listens to its events by their dash names; the test checks that the
// widget took them (headlines at the level given, the theme changed by the framework's
// state) and that the framework's handlers hear carta-ready and the reader's carta-change.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serveWithFixtures, launch, fixturePage, picture } from './lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const page = (script) => fixturePage('<div id="app"></div>').replace('<script src="carta.js" async></script>',
  `<script src="carta.js"></script>\n<script type="module" src="${script}"></script>`);

function bundleReact() {
  return execFileSync('esbuild', [path.join(here, 'frameworks/react-page.jsx'), '--bundle', '--format=esm', '--jsx=automatic',
                                  '--minify', '--define:process.env.NODE_ENV="production"', '--log-level=warning'],
                      { cwd: here, encoding: 'utf8', maxBuffer: 1 << 26 });
}

let server, browser;
before(async () => {
  server = await serveWithFixtures('carta-frameworks-', {
    'react.html': page('react-page.js'),
    'react-page.js': bundleReact(),
    'vue.html': page('vue-page.mjs'),
    'vue-page.mjs': fs.readFileSync(path.join(here, 'frameworks/vue-page.mjs'), 'utf8'),
    'vue.js': fs.readFileSync(path.join(here, 'node_modules/vue/dist/vue.runtime.esm-browser.prod.js'), 'utf8'),
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

for (const framework of ['react', 'vue']) {
  test(`${framework}: properties reach the widget and the framework hears carta-ready and carta-change`, async () => {
    const tab = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    const errors = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    try {
      await tab.goto(server.url + framework + '.html');
      await tab.waitForFunction(() => window.log && window.log.some((e) => e[0] === 'ready'), null, { timeout: 30000 });
      const el = tab.locator('carta-carousel');
      assert.deepEqual(await el.evaluate((e) => [e.headingLevel, e.height, e.feed, e.theme]), [3, 420, 'demo.json', 'light']);
      assert.ok(await el.evaluate((e) => e.shadowRoot.querySelectorAll('.mirror article h3').length > 0), 'headlines are h3');
      await el.evaluate((e) => e.shadowRoot.querySelector('.mirror article a').focus());
      await tab.keyboard.press('ArrowRight');
      await tab.waitForFunction(() => window.log.some((e) => e[0] === 'change'), null, { timeout: 10000 });
      assert.deepEqual((await tab.evaluate(() => window.log)).find((e) => e[0] === 'change'), ['change', 1, 'reader']);
      await tab.evaluate(() => window.setTheme('dark'));
      await tab.waitForFunction(() => document.querySelector('carta-carousel').theme === 'dark', null, { timeout: 10000 });
      assert.equal(await el.getAttribute('theme'), 'dark');
      await picture(tab, framework);
      assert.deepEqual(errors, []);
      assert.deepEqual((await tab.evaluate(() => window.log)).filter((e) => e[0] === 'ready'), [['ready', 'webgl2']]);
    } finally {
      await tab.close();
    }
  });
}
