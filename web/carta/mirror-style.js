// The mirror's styles, in the widget's shadow root (the plain list's are carta-fallback.js's).
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
  // Printed, the cards in view are the mirror as plain content: no canvas, no controls.
  '@media print{:host{height:auto!important}canvas,button,.live,.toggle,.offstage,[role="group"]{display:none!important}' +
  '.mirror{position:static;overflow:visible;display:flex;gap:12px;align-items:flex-start;' +
  'font:11pt/1.4 var(--carta-font-text,Georgia,serif);color:#000}.mirror .headline{font-family:var(--carta-font-headline,inherit)}' +
  '.mirror .vh{position:static!important;opacity:1;overflow:visible;width:auto!important;height:auto!important}' +
  '.mirror article{flex:1;border:1px solid #999;border-radius:6px;padding:8px 10px;break-inside:avoid}' +
  '.mirror article p,.mirror figure,.mirror ul{margin:0 0 4px}.mirror .headline{font-size:13pt;margin:0 0 4px}' +
  '.mirror a{color:#000;position:static!important}.mirror ul{padding-left:16px}.mirror figcaption{font-size:9pt;color:#333}}';

// Adds `css` to the shadow root; returns a function that takes it away again.
export function addStyles(root, css) {
  if (root.adoptedStyleSheets !== undefined && window.CSSStyleSheet) {
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = root.adoptedStyleSheets.concat([sheet]);
      return function () { root.adoptedStyleSheets = root.adoptedStyleSheets.filter(function (s) { return s !== sheet; }); };
    } catch (e) { /* fall through */ }
  }
  const style = document.createElement('style');  // older browsers; needs style-src to allow it
  style.textContent = css;
  root.appendChild(style);
  return function () { style.remove(); };
}
