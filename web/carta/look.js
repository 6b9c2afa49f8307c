// The partner's look: the --carta-* custom properties on the host element (README, "The
// partner's look"), read with getComputedStyle — so a rule in the page's style sheet, a
// media query or a class change is enough — and handed to the core as declarations, which
// core/style.h reads (one reader for the web and `carta shot --style`). Colours pass through
// the browser's own colour parser first: any colour the page can write, Carta can use.
import { STYLE_PROPERTIES } from './generated/protocol.js';

let colorContext = null;

// A CSS colour as the browser serialises it ("#rrggbb" or "rgba(r, g, b, a)"); '' when the
// value is not a colour.
export function cssColor(value) {
  if (!colorContext) colorContext = document.createElement('canvas').getContext('2d');
  if (!colorContext) return value;
  let seen = '';
  for (const sentinel of ['#000000', '#ffffff']) {  // an invalid value leaves the sentinel
    colorContext.fillStyle = sentinel;
    colorContext.fillStyle = value;
    if (seen && colorContext.fillStyle !== seen) return '';
    seen = colorContext.fillStyle;
  }
  return seen;
}

// The look as declarations ("--carta-gap: 8px;\n…"), from `get(name)` (the host's
// computed value of each property); '' when the page sets none.
export function declarations(get, color = cssColor) {
  let text = '';
  STYLE_PROPERTIES.forEach((name) => {
    let value = String(get(name) || '').trim();
    if (!value) return;
    if (name.indexOf('--carta-color-') === 0) value = color(value) || value;  // the core names what it cannot read
    text += name + ': ' + value + ';\n';
  });
  return text;
}

export function lookOf(el) {
  const style = getComputedStyle(el);
  return declarations((name) => style.getPropertyValue(name));
}

// The font-family lists a look names: [headline, text] ('' for Carta's own faces).
export function fontsOf(look) {
  const find = (name) => {
    const m = new RegExp('^' + name + ': (.*);$', 'm').exec(look);
    return m ? m[1] : '';
  };
  return [find('--carta-font-headline'), find('--carta-font-text')];
}

// Resolves once the page's fonts the look names are loaded — each weight Carta draws them
// in — or have failed (then Canvas 2D falls back along the list, as CSS does), or after
// `ms`: the cards are drawn then, and again when a late font arrives (watchLook).
export function loadFonts(look, ms = 3000) {
  const [headline, text] = fontsOf(look);
  if ((!headline && !text) || !document.fonts || !document.fonts.load) return Promise.resolve();
  const faces = [];
  if (headline) faces.push('700 20px ' + headline);
  if (text) faces.push('400 15px ' + text, '700 12px ' + text);
  const loads = faces.map((font) => document.fonts.load(font).catch(() => null));
  return Promise.race([Promise.all(loads), new Promise((resolve) => setTimeout(resolve, ms))]);
}

// Calls `changed(look)` when the host's look may have changed: a class or style attribute
// anywhere in the document, a style sheet added, removed or loaded, the window's size
// (media queries), or a web font that finished loading. At most once a frame; only when the
// declarations differ — or, for a font, when the look names one. Returns the undo.
export function watchLook(el, last, changed) {
  let soon = 0;
  const check = (fontLoaded) => () => {
    soon = 0;
    const look = lookOf(el);
    if (look === last && !(fontLoaded && (fontsOf(look)[0] || fontsOf(look)[1]))) return;
    last = look;
    changed(look);
  };
  const schedule = (fontLoaded) => {
    if (soon && !fontLoaded) return;
    cancelAnimationFrame(soon);
    soon = requestAnimationFrame(check(fontLoaded));
  };
  const onMutation = () => schedule(false);
  const onFont = () => schedule(true);
  const observer = window.MutationObserver ? new MutationObserver(onMutation) : null;
  if (observer) {
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class', 'style'], subtree: true });
    observer.observe(document.head || document.documentElement, { childList: true, subtree: true });
  }
  window.addEventListener('resize', onMutation);
  // A style sheet that arrives after the widget started (an async carta.js does not wait for
  // the page's CSS, nor for its @imports): its <link>'s load, and the page's.
  document.addEventListener('load', onMutation, true);
  window.addEventListener('load', onMutation);
  if (document.fonts && document.fonts.addEventListener) document.fonts.addEventListener('loadingdone', onFont);
  return () => {
    if (observer) observer.disconnect();
    cancelAnimationFrame(soon);
    window.removeEventListener('resize', onMutation);
    document.removeEventListener('load', onMutation, true);
    window.removeEventListener('load', onMutation);
    if (document.fonts && document.fonts.removeEventListener) document.fonts.removeEventListener('loadingdone', onFont);
  };
}
