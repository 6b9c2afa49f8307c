// Makes dist/ a release a CDN can serve (docs/deploying.md):
//   - every file carta.js loads (the other carta*.js and .wasm files beside it — wasm, lazy
//     scripts and modules — and everything under fonts/ and words/ but notices) gets a content-hashed
//     name, carta.<hash>.wasm, fonts/carta-sans.<hash>.ttf…, to be cached for a year;
//   - carta.js, the one name that stays, learns each file's SHA-256 (it fetches each with
//     that integrity check, and its name's hash is the digest's first 6 bytes, in hex) and
//     the release's id, Carta.version = VERSION+<id>: about 33 bytes gzip a file;
//   - dist/integrity.json maps every file of dist/ to its SRI hash (sha384).
//   node scripts/release.mjs DIST
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dist = path.resolve(process.argv[2] || 'dist');
const PLACEHOLDER = `'{"release":"dev"}'`;  // in web/carta/assets.js, after esbuild and terser

function walk(dir, base = '') {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name), base + e.name + '/') : [base + e.name]);
}
const bytes = (name) => fs.readFileSync(path.join(dist, name));
const sri = (data) => 'sha384-' + crypto.createHash('sha384').update(data).digest('base64');
const sha256 = (data) => crypto.createHash('sha256').update(data).digest();

// What carta.js loads by name: decided by where a file is, not by a list, so a module a
// later build adds beside carta.js (carta-<name>.js / .wasm) is covered as it is. A
// stylesheet for the partner's page (carta-cards.css) is not one.
const loaded = (name) => (/^carta(-[^/]*)?\.(js|wasm)$/.test(name) && name !== 'carta.js') ||
  (/^(fonts|words)\//.test(name) && !/\.txt$/.test(name));

const files = {};
const all = walk(dist).filter(loaded).sort();
for (const name of all) {
  const data = bytes(name);
  const dot = name.lastIndexOf('.');
  const digest = sha256(data);
  const hashed = `${name.slice(0, dot)}.${digest.subarray(0, 6).toString('hex')}${name.slice(dot)}`;
  fs.renameSync(path.join(dist, name), path.join(dist, hashed));
  files[name] = digest.toString('base64');  // carta.js: 'sha256-' + this
}
const loader = path.join(dist, 'carta.js');
const source = fs.readFileSync(loader, 'utf8');
const release = crypto.createHash('sha256').update(JSON.stringify(files)).digest('hex').slice(0, 8);
const manifest = JSON.stringify({ release, files });
if (/['\\]/.test(manifest)) throw new Error('release.mjs: a file name the manifest cannot quote: ' + manifest);
const at = source.indexOf(PLACEHOLDER);
if (at < 0 || source.indexOf(PLACEHOLDER, at + 1) >= 0)
  throw new Error(`release.mjs: carta.js must hold ${PLACEHOLDER} exactly once`);
fs.writeFileSync(loader, source.slice(0, at) + `'${manifest}'` + source.slice(at + PLACEHOLDER.length));

const integrity = {};
for (const name of walk(dist).sort()) if (name !== 'integrity.json') integrity[name] = sri(bytes(name));
fs.writeFileSync(path.join(dist, 'integrity.json'), JSON.stringify(integrity, null, 2) + '\n');
console.log(`release ${release}: ${all.length} files content-hashed, ` +
            `${Object.keys(integrity).length} in integrity.json`);
