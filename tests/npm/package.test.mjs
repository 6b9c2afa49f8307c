// The npm package build-wasm.sh writes to dist/npm/ (scripts/npm-package.mjs), checked
// under Node without a browser: it imports without a window (server-side rendering), its
// exports map names files that exist, `npm pack` takes the widget's files, custom-elements.json
// and index.d.ts say every attribute of the element's own table, and TypeScript (Debian's
// tsc, strict) accepts a page's use of the types and refuses a wrong one.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { PROPERTIES } from '../../web/carta/element.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const pkgDir = path.resolve(here, '../../dist/npm');
const read = (f) => fs.readFileSync(path.join(pkgDir, f), 'utf8');

test('dist/npm holds the package (./build-wasm.sh writes it)', () => {
  assert.ok(fs.existsSync(path.join(pkgDir, 'package.json')), 'no dist/npm/package.json: run ./build-wasm.sh');
});

test('importing the module under Node (no window) does not throw; mount says why it cannot run', async () => {
  assert.equal(typeof globalThis.window, 'undefined');
  const m = await import(path.join(pkgDir, 'index.mjs'));
  assert.deepEqual(Object.keys(m).sort(), ['EVENTS', 'configure', 'consent', 'mount', 'stats', 'version']);
  assert.equal(m.version, '');
  assert.throws(() => m.mount({}, {}), /needs a browser page/);
  assert.equal(m.EVENTS.change, 'carta:change');
});

test('every path of the exports map is a file of the package, and npm pack takes the widget', () => {
  const pkg = JSON.parse(read('package.json'));
  assert.equal(pkg.name, 'carta-carousel');
  assert.equal(pkg.type, 'module');
  const targets = [pkg.main, pkg.module, pkg.types, pkg.customElements];
  for (const [key, value] of Object.entries(pkg.exports)) {
    if (key.includes('*')) continue;
    targets.push(...(typeof value === 'string' ? [value] : Object.values(value)));
  }
  for (const t of targets) assert.ok(fs.existsSync(path.join(pkgDir, t)), t);
  assert.deepEqual(pkg.dependencies, undefined, 'no runtime dependency');
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: pkgDir, encoding: 'utf8' }));
  const names = packed.files.map((f) => f.path);
  for (const want of [/^carta\.js$/, /^carta\.[0-9a-f]{12}\.wasm$/, /^carta-text\.[0-9a-f]{12}\.js$/, /^carta-xml\.[0-9a-f]{12}\.wasm$/,
                      /^fonts\/carta-sans\.[0-9a-f]{12}\.ttf$/, /^words\/ar\.[0-9a-f]{12}\.json$/, /^index\.mjs$/, /^index\.d\.ts$/,
                      /^custom-elements\.json$/, /^package\.json$/, /^html\.mjs$/, /^html\.d\.ts$/, /^carta-html\.cjs$/,
                      /^carta-html\.wasm$/, /^carta-cards\.css$/])
    assert.ok(names.some((n) => want.test(n)), `npm pack lacks ${want}: ${names.join(' ')}`);
  assert.ok(!names.some((n) => /\.(html|png|jpg)$|^demo/.test(n) || (/\.css$/.test(n) && n !== 'carta-cards.css')), 'the demo site stays out: ' + names.join(' '));
});

test('custom-elements.json and index.d.ts name every attribute and property of <carta-carousel>', () => {
  const manifest = JSON.parse(read('custom-elements.json'));
  const element = manifest.modules[0].declarations.find((d) => d.tagName === 'carta-carousel');
  assert.deepEqual(element.attributes.map((a) => a.name), PROPERTIES.map((p) => p[0]));
  assert.deepEqual(element.events.map((e) => e.name), ['carta:ready', 'carta:change', 'carta:open', 'carta:impression', 'carta:error']);
  const types = read('index.d.ts');
  const element_ = types.slice(types.indexOf('interface CartaCarouselElement'));
  const options = types.slice(types.indexOf('interface CartaOptions'), types.indexOf('interface CartaCard'));
  for (const [, field, type] of PROPERTIES) {
    const ts = { s: 'string', n: 'number', b: 'boolean' }[type];
    assert.match(element_, new RegExp(`\\n  ${field}: ${ts};`), `CartaCarouselElement.${field}: ${ts}`);
    assert.match(options, new RegExp(`\\n  ${field}\\?: `), `CartaOptions.${field}`);
  }
});

// tsc over a copy of the package in node_modules/, as a page's project has it.
function typeCheck(file) {
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'carta-ts-'));
  try {
    fs.mkdirSync(path.join(project, 'node_modules/carta-carousel'), { recursive: true });
    for (const f of ['package.json', 'index.d.ts', 'html.d.ts']) fs.copyFileSync(path.join(pkgDir, f), path.join(project, 'node_modules/carta-carousel', f));
    fs.copyFileSync(path.join(here, file), path.join(project, file));
    return spawnSync('tsc', ['--noEmit', '--strict', '--target', 'es2020', '--module', 'es2020', '--moduleResolution', 'node',
                             '--lib', 'es2020,dom', path.join(project, file)], { encoding: 'utf8' });
  } finally {
    fs.rmSync(project, { recursive: true, force: true });
  }
}

test('TypeScript (strict) accepts a page that uses the types as documented', () => {
  const r = typeCheck('usage.ts');
  assert.equal(r.error, undefined, 'tsc could not run (Debian package node-typescript)');
  assert.equal(r.status, 0, r.stdout + r.stderr);
});

test('TypeScript refuses a wrong theme, a string for a boolean property, a detail of the wrong type, an unknown policy, a heading level of 7', () => {
  const r = typeCheck('bad-usage.ts');
  assert.equal(r.status, 2, r.stdout);
  const errors = r.stdout.split('\n').filter((l) => /error TS/.test(l));
  assert.equal(errors.length, 5, r.stdout);
  assert.match(errors[0], /"purple"/);
  assert.match(errors[1], /'string' is not assignable to type 'boolean'/);
  assert.match(errors[2], /'number' is not assignable to type 'string'/);
  assert.match(errors[3], /"the-whole-url"/);
  assert.match(errors[4], /'7' is not assignable/);
});
