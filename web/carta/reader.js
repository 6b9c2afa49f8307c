// The reader's settings as media queries: theme="auto" follows the colour scheme, live;
// forced colours (Windows High Contrast) and prefers-contrast: more apply whatever the
// theme; reduced motion turns autoplay off and shortens slides.
import { withString } from './wasm.js';

const QUERIES = {
  scheme: '(prefers-color-scheme: dark)', forced: '(forced-colors: active)',
  contrast: '(prefers-contrast: more)', reduced: '(prefers-reduced-motion: reduce)'
};

export function readerQueries(config, root) {
  const lists = {};
  Object.keys(QUERIES).forEach((name) => { lists[name] = window.matchMedia ? window.matchMedia(QUERIES[name]) : null; });
  const matches = (name) => !!(lists[name] && lists[name].matches);
  let warned = '';
  const dark = () => config.theme === 'auto' ? matches('scheme') : config.theme === 'dark';
  // CSS system colours (CanvasText…) as 0xRRGGBB, as this page's forced colours resolve them.
  function systemColors(names) {
    const probe = document.createElement('span');
    root.appendChild(probe);
    const out = names.map((name) => {
      probe.style.color = name;
      const m = /(\d+),\s*(\d+),\s*(\d+)/.exec(getComputedStyle(probe).color);
      return m ? (+m[1] << 16) | (+m[2] << 8) | +m[3] : 0;
    });
    probe.remove();
    return out;
  }
  return {
    get: (name) => lists[name],
    matches,
    dark,
    // The theme the reader's settings ask for now, in the partner's `look` (look.js), to
    // widget `id` of module M. The reader's settings win: forced colours replace the
    // partner's colours, more contrast strengthens them. Warns, once for each look, of what
    // the core could not use and of colour pairs under 4.5:1.
    applyTheme(M, id, look) {
      const forced = matches('forced');
      const c = forced ? systemColors(['Canvas', 'CanvasText', 'LinkText', 'ButtonText']) : [0, 0, 0, 0];
      const warnings = withString(M, look || '', (p) => M['UTF8ToString'](
        M['_carta_set_theme'](id, dark() ? 1 : 0, config.accent, matches('contrast') ? 1 : 0, forced ? 1 : 0,
                              c[0], c[1], c[2], c[3], p)));
      if (warnings && warnings !== warned) warnings.trim().split('\n').forEach((w) => console.warn('Carta: ' + w));
      warned = warnings;
    }
  };
}
