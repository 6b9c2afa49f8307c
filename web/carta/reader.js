// The reader's settings as media queries: theme="auto" follows the colour scheme, live;
// forced colours (Windows High Contrast) and prefers-contrast: more apply whatever the
// theme; reduced motion turns autoplay off and shortens slides.
const QUERIES = {
  scheme: '(prefers-color-scheme: dark)', forced: '(forced-colors: active)',
  contrast: '(prefers-contrast: more)', reduced: '(prefers-reduced-motion: reduce)'
};

export function readerQueries(config, root) {
  const lists = {};
  Object.keys(QUERIES).forEach((name) => { lists[name] = window.matchMedia ? window.matchMedia(QUERIES[name]) : null; });
  const matches = (name) => !!(lists[name] && lists[name].matches);
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
    // The theme the reader's settings ask for now, to widget `id` of module M.
    applyTheme(M, id) {
      const forced = matches('forced');
      const c = forced ? systemColors(['Canvas', 'CanvasText', 'LinkText', 'ButtonText']) : [0, 0, 0, 0];
      M['_carta_set_theme'](id, dark() ? 1 : 0, config.accent, matches('contrast') ? 1 : 0, forced ? 1 : 0,
                            c[0], c[1], c[2], c[3]);
    }
  };
}
