// carta-fallback.js, the plain list a widget becomes without WebGL 2 (or WebAssembly): its own
// small file, fetched only then (assets.js loadFallbackList), as carta-text.js is for the
// text stack — so the widget's payload, which every reader with WebGL 2 fetches, does not
// carry it. Adds Carta.fallbackList(region, strings, feed, onOpen, settings).
import { showFallback } from './fallback.js';
import { addStyles } from './mirror-style.js';

// The list wears the partner's look too: their --carta-* properties, read by CSS itself,
// before the feed's theme colours.
const FALLBACK_CSS =
  '.fallback{position:absolute;inset:0;display:flex;gap:var(--carta-gap,16px);overflow-x:auto;overflow-y:auto;padding:16px;box-sizing:border-box;' +
  'scrollbar-width:thin;scroll-padding-inline:16px;' +
  'scroll-snap-type:x mandatory;pointer-events:auto;font:15px/1.45 var(--carta-font-text,system-ui,sans-serif);' +
  'background:var(--carta-color-background,var(--page))}' +
  '.fallback article{flex:0 0 min(340px,85%);scroll-snap-align:start;background:var(--carta-color-card,var(--card));' +
  'color:var(--carta-color-text,var(--text));border-radius:var(--carta-radius,12px);overflow:hidden;display:flex;flex-direction:column}' +
  '.fallback img{width:100%;aspect-ratio:var(--carta-image-ratio,16/9);object-fit:cover;background:var(--placeholder);display:block}' +
  '.fallback .body{padding:12px var(--carta-padding,16px) var(--carta-padding,16px)}' +
  '.fallback .category{color:var(--carta-color-category,var(--carta-color-accent,var(--accent)));font-weight:700;font-size:12px;' +
  'text-transform:uppercase;margin:0 0 4px}' +
  '.fallback .headline{font:700 19px/1.3 var(--carta-font-headline,Georgia,serif);margin:0 0 6px}' +
  // Whole lines only, with an ellipsis: the headline and caption at most 3 and 2 lines, the
  // summary as many as the card has room for (clampFallback), never a line cut by its edge.
  '.fallback .headline,.fallback figcaption,.fallback .summary{display:-webkit-box;-webkit-box-orient:vertical;overflow:hidden}' +
  '.fallback .headline{-webkit-line-clamp:3}.fallback figcaption{-webkit-line-clamp:2}' +
  '.fallback .headline a{color:inherit;text-decoration:none}.fallback .headline a:hover{text-decoration:underline}' +
  '.fallback .marks{font-weight:700;font-size:12px;margin:0 0 4px}' +
  '.fallback .avatar{width:20px;height:20px;border-radius:50%;object-fit:cover;vertical-align:middle;margin-inline-end:6px}' +
  '.fallback .meta{color:var(--carta-color-muted,var(--muted));font-size:13px;margin:0 0 6px}.fallback p{margin:0}' +
  '.fallback figcaption{font-size:12px;color:var(--carta-color-muted,var(--muted));padding:6px var(--carta-padding,16px) 0}';

window['Carta']['fallbackList'] = (region, strings, feed, onOpen, settings) => {
  addStyles(region.getRootNode(), FALLBACK_CSS);
  return showFallback(region, strings, feed, onOpen, settings);
};
