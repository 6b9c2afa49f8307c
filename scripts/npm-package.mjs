// Writes the npm package carta-carousel to dist/npm/ from a built dist/ (build-wasm.sh runs
// it): the ES module (web/npm/index.mjs) over carta.js, its types (web/npm/index.d.ts),
// custom-elements.json made from the element's own table of properties, package.json, and
// the widget's files under their release names. `npm pack` works there; nothing is published.
//   node scripts/npm-package.mjs [DIST]
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROPERTIES } from '../web/carta/element.js';
import { VERSION } from '../web/carta/assets.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(process.argv[2] || path.join(root, 'dist'));
const out = path.join(dist, 'npm');

// The widget's own files: the script, the modules, the lazy parts, fonts and words.
const WIDGET = /^(carta\.js|carta(-text|-xml|-fallback)?\.[0-9a-f]+\.(js|wasm)|fonts\/(carta-.*\.ttf|NOTICE-noto-fonts\.txt)|words\/.*\.json)$/;

function files(dir, prefix = '') {
  return fs.readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((e) => {
    const name = prefix ? prefix + '/' + e.name : e.name;
    return e.isDirectory() ? (name === 'npm' ? [] : files(dir, name)) : [name];
  });
}

// The events the element fires, with their detail types (index.d.ts).
export const EVENTS = [
  ['carta:ready', 'CartaReadyDetail', 'The first card is drawn (or the plain list shown): {count, renderer}.'],
  ['carta:change', 'CartaChangeDetail', 'Another card is current: {index, id, cause}.'],
  ['carta:open', 'CartaOpenDetail', 'A story is being opened (cancelable): {url, id, kind}.'],
  ['carta:impression', 'CartaImpressionDetail', 'A card was at least half in view for one second: {index, id, url}.'],
  ['carta:error', 'CartaErrorDetail', 'The feed could not be read: {message, path}.'],
];

const TYPES = { s: 'string', n: 'number', b: 'boolean' };

export function customElements() {
  const attributes = PROPERTIES.map(([attribute, field, type, value]) => ({
    name: attribute, fieldName: field, type: { text: TYPES[type] }, default: JSON.stringify(value)
  }));
  return {
    schemaVersion: '1.0.0',
    readme: 'README.md',
    modules: [{
      kind: 'javascript-module',
      path: 'index.mjs',
      declarations: [{
        kind: 'class',
        name: 'CartaCarousel',
        tagName: 'carta-carousel',
        customElement: true,
        description: 'An article card carousel of a JSON Feed, RSS or Atom feed, drawn with WebGL 2, read by a DOM mirror.',
        superclass: { name: 'HTMLElement' },
        attributes,
        members: attributes.map((a) => ({ kind: 'field', name: a.fieldName, attribute: a.name, type: a.type, default: a.default }))
          .concat([{ kind: 'field', name: 'cartaHandle', type: { text: 'CartaHandle | undefined' }, readonly: true }]),
        events: EVENTS.map(([name, detail, description]) => ({ name, type: { text: `CustomEvent<${detail}>` }, description })),
      }],
      exports: [
        { kind: 'custom-element-definition', name: 'carta-carousel', declaration: { name: 'CartaCarousel', module: 'index.mjs' } },
        { kind: 'js', name: 'mount', declaration: { name: 'mount', module: 'index.mjs' } },
      ],
    }],
  };
}

export function packageJson() {
  return {
    name: 'carta-carousel',
    version: VERSION,
    description: 'An embeddable article card carousel for news feeds (JSON Feed, RSS, Atom): WebAssembly and WebGL 2, with an accessible DOM mirror.',
    type: 'module',
    main: './carta.js',
    module: './index.mjs',
    types: './index.d.ts',
    exports: {
      '.': { types: './index.d.ts', import: './index.mjs', default: './index.mjs' },
      // renderHtml under Node (carta html as WebAssembly): never in a browser's bundle.
      './html': { types: './html.d.ts', node: './html.mjs' },
      './carta.js': './carta.js',
      './custom-elements.json': './custom-elements.json',
      './package.json': './package.json',
      './*': './*',
    },
    customElements: 'custom-elements.json',
    sideEffects: true,
    files: ['*.js', '*.mjs', '*.cjs', '*.wasm', '*.d.ts', '*.json', '*.css', 'fonts/', 'words/', 'README.md'],
    keywords: ['carousel', 'news', 'json-feed', 'rss', 'atom', 'webassembly', 'webgl', 'custom-element'],
    license: 'UNLICENSED',  // the project names no licence yet; the fonts are Noto's (fonts/NOTICE-noto-fonts.txt)
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  fs.rmSync(out, { recursive: true, force: true });
  const copied = files(dist).filter((f) => WIDGET.test(f));
  if (!copied.some((f) => /^carta\.[0-9a-f]+\.wasm$/.test(f))) throw new Error('npm-package: no carta.<hash>.wasm in ' + dist + ' (run ./build-wasm.sh)');
  for (const f of copied) {
    fs.mkdirSync(path.dirname(path.join(out, f)), { recursive: true });
    fs.copyFileSync(path.join(dist, f), path.join(out, f));
  }
  for (const f of ['index.mjs', 'index.d.ts', 'html.mjs', 'html.d.ts', 'README.md']) fs.copyFileSync(path.join(root, 'web/npm', f), path.join(out, f));
  // carta html for Node (renderHtml) and the stylesheet of the cards it prints.
  const build = path.join(root, 'build/wasm');
  if (!fs.existsSync(path.join(build, 'carta-html.wasm'))) throw new Error('npm-package: no build/wasm/carta-html.wasm (run ./build-wasm.sh)');
  fs.copyFileSync(path.join(build, 'carta-html.js'), path.join(out, 'carta-html.cjs'));
  fs.copyFileSync(path.join(build, 'carta-html.wasm'), path.join(out, 'carta-html.wasm'));
  fs.copyFileSync(path.join(root, 'web/carta-cards.css'), path.join(out, 'carta-cards.css'));
  fs.writeFileSync(path.join(out, 'custom-elements.json'), JSON.stringify(customElements(), null, 2) + '\n');
  fs.writeFileSync(path.join(out, 'package.json'), JSON.stringify(packageJson(), null, 2) + '\n');
  // dist/integrity.json (scripts/release.mjs) names every file of dist/: the package's too.
  const integrityFile = path.join(dist, 'integrity.json');
  const integrity = JSON.parse(fs.readFileSync(integrityFile, 'utf8'));
  for (const f of files(out)) {
    integrity['npm/' + f] = 'sha384-' + crypto.createHash('sha384').update(fs.readFileSync(path.join(out, f))).digest('base64');
  }
  const sorted = Object.fromEntries(Object.keys(integrity).sort().map((k) => [k, integrity[k]]));
  fs.writeFileSync(integrityFile, JSON.stringify(sorted, null, 2) + '\n');
  console.log(`dist/npm/: carta-carousel ${VERSION}, ${files(out).length} files`);
}
