/* The iframe embed: embed.html?feed=…&theme=…&parent=<origin>. Configures the one widget
 * from the query string, reports the page's height to the parent — posted to that exact
 * origin, never "*" — and forwards Carta's events to it. Messages from any other origin
 * are ignored. In an AMP page's <amp-iframe> (embed.html?amp=1&feed=…) it also asks AMP
 * for its height, as amp-iframe's resize protocol has it. Defines no globals. */
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var host = document.getElementById('carta');
  ['feed', 'theme', 'accent', 'autoplay', 'start', 'height', 'locale', 'loop', 'refresh', 'link-params',
   'link-rel', 'referrer-policy'].forEach(function (key) {
    var value = params.get(key);
    if (value != null) host.setAttribute('data-' + key, value);
  });
  // Reserve the widget's height now, before carta.js arrives, so the first height the
  // parent hears is the final one and its page never jumps.
  host.style.display = 'block';
  host.style.height = (parseInt(params.get('height') || '', 10) || 420) + 'px';

  var parentOrigin = null;
  try {
    var parent = new URL(params.get('parent') || '');
    if (parent.protocol === 'https:' || parent.protocol === 'http:') parentOrigin = parent.origin;
  } catch (e) { /* no parent given: nothing is posted */ }

  function post(message) {
    if (parentOrigin && window.parent !== window) window.parent.postMessage(message, parentOrigin);
  }

  // AMP serves its pages from a cache whose origin the embed cannot know in advance, so this
  // one message goes to "*": it carries a height and nothing else. Events are never sent so.
  var amp = params.get('amp') != null && window.parent !== window;

  var lastHeight = -1;
  function reportHeight() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === lastHeight || height === 0) return;
    lastHeight = height;
    post({ type: 'carta:height', height: height });
    if (amp) window.parent.postMessage({ sentinel: 'amp', type: 'embed-size', height: height }, '*');
  }
  if (window.ResizeObserver) new ResizeObserver(reportHeight).observe(document.documentElement);
  reportHeight();

  ['carta:ready', 'carta:change', 'carta:open', 'carta:impression', 'carta:error'].forEach(function (name) {
    host.addEventListener(name, function (e) { post({ type: name, detail: e.detail }); });
  });

  // The parent may drive the carousel: {type: "carta:next" | "carta:prev" | "carta:go", index}.
  window.addEventListener('message', function (e) {
    if (!parentOrigin || e.origin !== parentOrigin || e.source !== window.parent) return;
    var data = e.data, handle = host['cartaHandle'];
    if (!data || typeof data !== 'object' || !handle) return;
    if (data.type === 'carta:next') handle['next']();
    else if (data.type === 'carta:prev') handle['prev']();
    else if (data.type === 'carta:go' && typeof data.index === 'number') handle['go'](data.index);
  });
})();
