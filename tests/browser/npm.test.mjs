// The npm package's ES module in a page (issue 44): `import { mount } from '…/npm/index.mjs'`
// mounts a widget whose files come from the package's folder (not the page's), and the
// element it defines upgrades; configure({assets}) moves them, as a bundler would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveWithFixtures, launch } from './lib.mjs';

const page = (script) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>npm</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="demo.css"></head>
<body><main><h1>News</h1><div id="mounted"></div>
<carta-carousel id="element" feed="demo.json" loading="eager" height="420"></carta-carousel></main>
<script type="module" src="${script}"></script></body></html>`;

let server, browser;
before(async () => {
  server = await serveWithFixtures('carta-npm-', {
    'npm-page.html': page('npm-page.mjs'),
    'npm-page.mjs': `import { mount, EVENTS, version } from './npm/index.mjs';
const el = document.getElementById('mounted');
el.style.height = '420px';
window.events = [];
for (const id of ['mounted', 'element']) document.getElementById(id).addEventListener(EVENTS.ready, (e) => window.events.push([id, e.detail.renderer]));
window.version = version;
window.handle = mount(el, { feed: 'demo.json', loading: 'eager' });
`,
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('the ES module mounts a widget and upgrades <carta-carousel>, its files fetched from the package', async () => {
  const tab = await browser.newPage({ viewport: { width: 1000, height: 1200 } });
  const fetched = [];
  tab.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  try {
    await tab.goto(server.url + 'npm-page.html');
    await tab.waitForFunction(() => window.events && window.events.length === 2, null, { timeout: 30000 });
    assert.deepEqual((await tab.evaluate(() => window.events)).map((e) => e[1]), ['webgl2', 'webgl2']);
    assert.match(await tab.evaluate(() => window.version), /^0\.\d+\.\d+\+/);
    assert.equal(await tab.evaluate(() => typeof window.handle.next), 'function');
    const own = fetched.filter((p) => /carta[.-].*\.(wasm|ttf|js)$/.test(p));
    assert.ok(own.some((p) => /^\/npm\/carta\.[0-9a-f]+\.wasm$/.test(p)), own.join(' '));
    assert.ok(own.some((p) => /^\/npm\/fonts\/carta-sans\.[0-9a-f]+\.ttf$/.test(p)), own.join(' '));
    assert.deepEqual(own.filter((p) => !p.startsWith('/npm/')), [], 'every file of Carta from the package');
  } finally {
    await tab.close();
  }
});
