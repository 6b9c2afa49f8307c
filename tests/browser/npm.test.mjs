// The npm package's ES module in a page (issue 44): `import { mount } from '…/npm/index.mjs'`
// mounts a widget whose files come from the package's folder (not the page's), and the
// element it defines upgrades. And as a web team uses it: the packed tarball installed into
// a scratch project, its app bundled by esbuild, the package's files copied where the app
// serves them and configure({assets}) pointing there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveWithFixtures, launch, picture, dist } from './lib.mjs';

// `npm pack` of dist/npm, `npm install` of the tarball into a new project, and its app
// bundled; returns the bundle and the installed package's folder.
function bundledApp(project) {
  const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', project],
                               { cwd: path.join(dist, 'npm'), encoding: 'utf8' }).trim().split('\n').pop();
  fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'news-app', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--silent', '--offline', '--no-audit', '--no-fund', './' + tarball], { cwd: project });
  fs.writeFileSync(path.join(project, 'app.mjs'), `import { configure, mount, EVENTS } from 'carta-carousel';
configure({ assets: '/static/carta/' });
const el = document.getElementById('mounted');
el.style.height = '420px';
window.events = [];
el.addEventListener(EVENTS.ready, (e) => window.events.push(e.detail.renderer));
mount(el, { feed: 'demo.json', loading: 'eager' });
`);
  const js = execFileSync('esbuild', ['app.mjs', '--bundle', '--format=esm', '--minify', '--log-level=warning'],
                          { cwd: project, encoding: 'utf8' });
  return { js, pkg: path.join(project, 'node_modules', 'carta-carousel') };
}

const page = (script) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>npm</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="demo.css"></head>
<body><main><h1>News</h1><div id="mounted"></div>
<carta-carousel id="element" feed="demo.json" loading="eager" height="420"></carta-carousel></main>
<script type="module" src="${script}"></script></body></html>`;

let server, browser, project;
before(async () => {
  project = fs.mkdtempSync(path.join(os.tmpdir(), 'carta-app-'));
  const app = bundledApp(project);
  server = await serveWithFixtures('carta-npm-', {
    'bundled.html': page('app/app.js').replace(/<carta-carousel[^]*?<\/carta-carousel>/, ''),
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
  fs.mkdirSync(path.join(server.dir, 'app'));
  fs.writeFileSync(path.join(server.dir, 'app', 'app.js'), app.js);
  fs.cpSync(app.pkg, path.join(server.dir, 'static', 'carta'), { recursive: true });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (project) fs.rmSync(project, { recursive: true, force: true });
});

// Opens `file` until `ready` widgets said carta:ready; returns the tab and Carta's own files
// it fetched (paths).
async function open(file, ready, height) {
  const tab = await browser.newPage({ viewport: { width: 1000, height } });
  const fetched = [];
  tab.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await tab.goto(server.url + file);
  await tab.waitForFunction((n) => window.events && window.events.length === n, ready, { timeout: 30000 });
  return { tab, own: fetched.filter((p) => /carta[.-].*\.(wasm|ttf|js)$/.test(p)) };
}

test('the ES module mounts a widget and upgrades <carta-carousel>, its files fetched from the package', async () => {
  const { tab, own } = await open('npm-page.html', 2, 1200);
  try {
    assert.deepEqual((await tab.evaluate(() => window.events)).map((e) => e[1]), ['webgl2', 'webgl2']);
    assert.match(await tab.evaluate(() => window.version), /^0\.\d+\.\d+\+/);
    assert.equal(await tab.evaluate(() => typeof window.handle.next), 'function');
    assert.ok(own.some((p) => /^\/npm\/carta\.[0-9a-f]+\.wasm$/.test(p)), own.join(' '));
    assert.ok(own.some((p) => /^\/npm\/fonts\/carta-sans\.[0-9a-f]+\.ttf$/.test(p)), own.join(' '));
    assert.deepEqual(own.filter((p) => !p.startsWith('/npm/')), [], 'every file of Carta from the package');
    await picture(tab, 'npm-module');
  } finally {
    await tab.close();
  }
});

test('installed from the packed tarball and bundled by esbuild, configure({assets}) finds its files where the app put them', async () => {
  const { tab, own } = await open('bundled.html', 1, 700);
  try {
    assert.deepEqual(await tab.evaluate(() => window.events), ['webgl2']);
    assert.ok(own.some((p) => /^\/static\/carta\/carta\.[0-9a-f]+\.wasm$/.test(p)), own.join(' '));
    assert.deepEqual(own.filter((p) => !p.startsWith('/static/carta/')), [], 'every file of Carta from where the app put it');
    await picture(tab, 'npm-bundled');
  } finally {
    await tab.close();
  }
});
