// Carta's own files, beside carta.js: each fetched with its integrity check (the release's
// manifest, which scripts/release.mjs writes into carta.js), the WebAssembly module made
// once per page, the fonts, and the optional parts loaded only for a feed that needs them.

export const VERSION = '0.3.0';
// The release (scripts/release.mjs writes it here): every file carta.js loads, by its own
// name, with its SHA-256 (base64), whose first 6 bytes in hex are in the file's name
// (carta.<hash>.wasm). A build without that step loads the plain names, unchecked.
export const RELEASE = JSON.parse('{"release":"dev"}');

const scriptUrl = (typeof document !== 'undefined' && document.currentScript && document.currentScript.src) ||
  (typeof location !== 'undefined' ? location.href : '');
const scriptBase = scriptUrl ? new URL('.', scriptUrl).href : '';
// Where Carta's files are: beside carta.js, or where the page says — window.CartaAssets, a
// folder URL, read when a file is fetched (the npm package's module sets it to its own
// folder unless the page has; a bundler that moves the files sets it to where they went).
function assetBase() {
  const base = typeof window !== 'undefined' && window['CartaAssets'];
  return base ? new URL(String(base).replace(/\/?$/, '/'), scriptBase || undefined).href : scriptBase;
}

export function assetFile(name) {
  const digest = RELEASE.files && RELEASE.files[name], dot = name.lastIndexOf('.');
  if (!digest) return [name, ''];
  let hex = '';
  atob(digest.slice(0, 8)).split('').forEach((c) => { hex += (c.charCodeAt(0) | 256).toString(16).slice(1); });
  return [name.slice(0, dot) + '.' + hex + name.slice(dot), 'sha256-' + digest];
}
export function assetUrl(name) { return assetBase() + assetFile(name)[0]; }

// Each file is fetched with its integrity check: a changed byte is refused, as a page's
// integrity= refuses a changed carta.js, which holds these hashes.
export function fetchAsset(name) {
  return fetch(assetUrl(name), { credentials: 'omit', integrity: assetFile(name)[1] }).then((r) => {
    if (!r.ok) throw new Error(name + ': HTTP ' + r.status);
    return r;
  }, (e) => {
    throw new Error(assetFile(name)[0] + ' could not be fetched, or failed its integrity check (' + (e && e.message) + ')');
  });
}

// Emscripten's instantiateWasm for the named wasm, fetched with its integrity check; a
// refusal calls `fail`.
export function instantiateAsset(name, fail) {
  return (imports, receive) => {
    fetchAsset(name).then((r) => window.WebAssembly.instantiateStreaming && /wasm/.test(r.headers.get('Content-Type'))
      ? WebAssembly.instantiateStreaming(r, imports)
      : r.arrayBuffer().then((b) => WebAssembly.instantiate(b, imports))
    ).then((out) => receive(out.instance, out.module), fail);
    return {};
  };
}

// One WebAssembly module serves every widget on the page; each has its own WebGL context
// and its own carousel inside it. Emscripten's factory, createCartaModule, sits beside this
// code inside carta.js's one function scope.
let modulePromise = null;
export let loadedModule = null;
export function loadModule() {
  if (!modulePromise) {
    const moduleArg = { 'cartaHosts': {}, 'locateFile': assetUrl };
    const wasmFailed = new Promise((resolve, reject) => { moduleArg['instantiateWasm'] = instantiateAsset('carta.wasm', reject); });
    // eslint-disable-next-line no-undef
    modulePromise = Promise.race([createCartaModule(moduleArg), wasmFailed]).then((M) => (loadedModule = M));
  }
  return modulePromise;
}

// The font parts (protocol FONT_PART), each a file per face (protocol FACE: sans, sans
// bold, serif bold): the base, always; Latin Extended-A (ş ğ İ ł č...), fetched only for a
// feed that uses it. Right-to-left scripts and every other script the atlas lacks are set
// by the browser's own text stack (carta-text.js) in the page's fonts.
export function fontFiles(part) {
  return ['sans', 'sans-bold', 'serif-bold'].map((face) => 'fonts/carta-' + (part === 'base' ? '' : part + '-') + face + '.ttf');
}
const fontPartPromises = {};
export function loadFontPart(part) {
  if (!fontPartPromises[part]) {
    fontPartPromises[part] = Promise.all(fontFiles(part).map((file) => fetchAsset(file).then((r) => r.arrayBuffer())));
  }
  return fontPartPromises[part];
}

// The optional parts, each a script that adds one function to Carta, fetched once per page
// and only for a feed that needs it: carta-text.js (Carta.textStack), the browser's text
// stack for what the atlas cannot draw, carta-xml.js (Carta.xml), the RSS and Atom reader,
// and carta-fallback.js (Carta.fallbackList), the plain list without WebGL 2.
const PARTS = ['carta-text.js', 'carta-xml.js', 'carta-fallback.js'];
const partPromises = {};
let scriptPolicy = null;
// A part's address for a script element: under Trusted Types (require-trusted-types-for
// 'script') through a policy named "carta" that allows these files and nothing else.
function partUrl(file) {
  const url = assetUrl(file);
  const tt = window['trustedTypes'];
  if (!tt || !tt['createPolicy']) return url;
  try {
    scriptPolicy = scriptPolicy || tt['createPolicy']('carta', { 'createScriptURL': (u) => {
      if (!PARTS.some((part) => u === assetUrl(part))) throw new TypeError('Carta loads no script but its own parts');
      return u;
    } });
    return scriptPolicy['createScriptURL'](url);
  } catch (e) {
    return url;  // a page whose trusted-types directive does not name "carta": the sink decides
  }
}
function loadPart(file, name) {
  if (!partPromises[file]) {
    partPromises[file] = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = partUrl(file);
      script.async = true;
      const integrity = assetFile(file)[1];
      if (integrity) { script.integrity = integrity; script.crossOrigin = 'anonymous'; }
      script.onload = () => {
        const factory = window['Carta'] && window['Carta'][name];
        factory ? resolve(factory) : reject(new Error(file + ' did not define Carta.' + name));
      };
      script.onerror = () => reject(new Error(file + ' could not be loaded'));
      document.head.appendChild(script);
    });
  }
  return partPromises[file];
}
export function loadTextStack() { return loadPart('carta-text.js', 'textStack'); }
export function loadFallbackList() { return loadPart('carta-fallback.js', 'fallbackList'); }

// The RSS and Atom reader: one per page, made once; a wasm that fails its check rejects it.
let xmlPromise = null;
export function loadXml() {
  return xmlPromise || (xmlPromise = loadPart('carta-xml.js', 'xml').then((create) =>
    new Promise((resolve, reject) => { create(instantiateAsset('carta-xml.wasm', reject)).then(resolve, reject); })));
}
