// The mirror's and the fallback list's styles, in the widget's shadow root.
export const MIRROR_CSS =
  // Clipped to the widget, as the canvas is: what is measured for impressions is what shows.
  '.mirror{position:absolute;inset:0;pointer-events:none;overflow:hidden}' +
  '.vh{position:absolute;opacity:0;overflow:hidden;margin:0;padding:0;border:0;background:none;color:#000}' +
  '.hit{pointer-events:auto;cursor:pointer;touch-action:pan-y;user-select:none;-webkit-user-select:none;-webkit-user-drag:none}' +
  '.card-link{position:absolute;left:0;top:0;width:100%;height:100%}' +
  // Find in page: card i's words at 2(i+1) widget widths along a clipped strip (see reveal).
  '.offstage{position:absolute;left:0;top:0;width:100%;height:100%;overflow:hidden;opacity:0;pointer-events:none;contain:strict}' +
  '.offstage>div{position:absolute;top:0;width:100%;height:100%;overflow:hidden}' +
  '.live{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}' +
  '.toggle{position:absolute;top:24px;right:24px;pointer-events:auto;font:600 13px/1 system-ui,sans-serif;' +
  'padding:7px 12px;border-radius:16px;border:0;background:rgba(0,0,0,.72);color:#fff;cursor:pointer}' +
  '.toggle:focus-visible{outline:3px solid #fff;outline-offset:2px}' +
  // The fallback list wears the partner's look too: their --carta-* properties, read by CSS
  // itself, before the feed's theme colours.
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
  '.fallback .meta{color:var(--carta-color-muted,var(--muted));font-size:13px;margin:0 0 6px}.fallback p{margin:0}' +
  '.fallback figcaption{font-size:12px;color:var(--carta-color-muted,var(--muted));padding:6px var(--carta-padding,16px) 0}' +
  // Printed, the cards in view are the mirror as plain content: no canvas, no controls.
  '@media print{:host{height:auto!important}canvas,button,.live,.toggle,.offstage,[role="group"]{display:none!important}' +
  '.mirror{position:static;overflow:visible;display:flex;gap:12px;align-items:flex-start;' +
  'font:11pt/1.4 var(--carta-font-text,Georgia,serif);color:#000}.mirror .headline{font-family:var(--carta-font-headline,inherit)}' +
  '.mirror .vh{position:static!important;opacity:1;overflow:visible;width:auto!important;height:auto!important}' +
  '.mirror article{flex:1;border:1px solid #999;border-radius:6px;padding:8px 10px;break-inside:avoid}' +
  '.mirror article p,.mirror figure,.mirror ul{margin:0 0 4px}.mirror .headline{font-size:13pt;margin:0 0 4px}' +
  '.mirror a{color:#000;position:static!important}.mirror ul{padding-left:16px}.mirror figcaption{font-size:9pt;color:#333}}';

// Returns a function that takes the styles away again.
export function addStyles(root) {
  if (root.adoptedStyleSheets !== undefined && window.CSSStyleSheet) {
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(MIRROR_CSS);
      root.adoptedStyleSheets = root.adoptedStyleSheets.concat([sheet]);
      return function () { root.adoptedStyleSheets = root.adoptedStyleSheets.filter(function (s) { return s !== sheet; }); };
    } catch (e) { /* fall through */ }
  }
  const style = document.createElement('style');  // older browsers; needs style-src to allow it
  style.textContent = MIRROR_CSS;
  root.appendChild(style);
  return function () { style.remove(); };
}
