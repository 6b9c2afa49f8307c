// carta-carousel as an ES module: `import { mount } from 'carta-carousel'`. Importing it
// runs carta.js (the same file a <script> tag loads), which defines <carta-carousel> and
// mounts every .carta[data-feed] element; this module adds named exports over its
// window.Carta. Carta's other files (the wasm, fonts, words, lazy parts) are fetched from
// this module's own folder unless the page set window.CartaAssets first, or calls
// configure({ assets }) — for a bundler that copies them elsewhere. Under Node (a server-side
// render) importing does nothing and mount() throws: there is no page to draw in.
import './carta.js';

const inBrowser = typeof window !== 'undefined' && typeof document !== 'undefined';
if (inBrowser && !window.CartaAssets) window.CartaAssets = new URL('.', import.meta.url).href;

function carta() {
  if (!inBrowser || !window.Carta) throw new Error('carta-carousel: mount() needs a browser page');
  return window.Carta;
}

/** Where Carta's files are (a folder URL), for a bundler that moved them. */
export function configure(settings) {
  if (inBrowser && settings && settings.assets) window.CartaAssets = String(settings.assets);
}

/** Mounts a carousel in `element` (its children are left alone; it draws in a shadow root). */
export function mount(element, options) { return carta().mount(element, options || {}); }

/** What all the page's widgets cost together. */
export function stats() { return carta().stats(); }

/** The reader's answer from a consent platform other than TCF, for every widget of the page. */
export function consent(yes) { carta().consent(yes); }

/** The release, as Carta.version ("0.3.0+<release id>"); '' outside a browser. */
export const version = inBrowser && window.Carta ? window.Carta.version : '';

/** The names of the events the host element fires, by what a framework calls them. */
export const EVENTS = Object.freeze({
  ready: 'carta:ready', change: 'carta:change', open: 'carta:open', impression: 'carta:impression', error: 'carta:error'
});
