// carta.js's page side: every .carta[data-feed] element and <carta-carousel> mounted, and
// the one global the page sees, Carta: {mount, stats, consent, version}. Emscripten's factory,
// createCartaModule, sits just above this code inside the same function scope.
import { RELEASE, VERSION, loadedModule } from './assets.js';
import './element.js';  // <carta-carousel>, its attributes and properties
import { budget } from './gl-context.js';
import { json } from './wasm.js';
import { setConsent } from './consent.js';
import { mount, widgets } from './widget.js';

function mountAll() {
  const nodes = document.querySelectorAll('.carta[data-feed], .carta:not([data-feed]) > script[type="application/feed+json"]');
  for (let i = 0; i < nodes.length; i++) mount(nodes[i].tagName === 'SCRIPT' ? nodes[i].parentElement : nodes[i]);
}

// What all the page's widgets cost together: how many there are, how many hold a WebGL
// context now, the WebAssembly heap they share (its high-water mark) and their font atlases.
function pageStats() {
  const M = loadedModule, shared = M ? json(M, 0, 'stats') : { heapBytes: 0, heapInUse: 0, atlases: 0 };
  return { 'widgets': widgets.mounted, 'liveContexts': budget.live, 'wasmHeapBytes': shared.heapBytes,
           'wasmHeapInUseBytes': shared.heapInUse, 'atlases': shared.atlases };
}

// The release: "0.3.0+<id of its files>" (docs/deploying.md), "0.3.0+dev" for a plain build.
window['Carta'] = { 'mount': mount, 'stats': pageStats, 'consent': setConsent, 'version': VERSION + '+' + RELEASE.release };
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mountAll);
else mountAll();
