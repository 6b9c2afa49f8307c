/* The partner page's own script: the JS API example and the iframe's parent side. */
(function () {
  'use strict';
  var frame = document.getElementById('by-iframe');
  var embedUrl = new URL('embed.html', location.href);
  embedUrl.searchParams.set('feed', new URL('demo.json', location.href).href);
  embedUrl.searchParams.set('theme', 'dark');
  embedUrl.searchParams.set('parent', location.origin);
  frame.src = embedUrl.href;
  // The analytics log: what a publisher's tools would receive, line by line.
  var log = document.getElementById('analytics-log');
  var started = Date.now();
  function record(where, name, detail) {
    var line = document.createElement('li');
    line.textContent = '+' + ((Date.now() - started) / 1000).toFixed(1) + ' s  ' + where + '  ' + name + '  ' +
      JSON.stringify(detail);
    log.appendChild(line);
  }
  window.dataLayer = window.dataLayer || [];
  ['carta:impression', 'carta:open'].forEach(function (name) {
    document.addEventListener(name, function (e) { record('#' + (e.target.id || '?'), name, e.detail); });
  });
  window.addEventListener('message', function (e) {
    if (e.origin !== embedUrl.origin || e.source !== frame.contentWindow) return;  // only our iframe
    if (e.data && (e.data.type === 'carta:impression' || e.data.type === 'carta:open')) record('iframe', e.data.type, e.data.detail);
    if (e.data && e.data.type === 'carta:height') {
      frame.style.height = e.data.height + 'px';
      document.getElementById('iframe-status').textContent = 'The iframe reported a height of ' + e.data.height + ' px.';
    }
  });

  window.addEventListener('load', function () {
    var carousel = window.Carta.mount(document.getElementById('by-api'), {
      feed: 'demo.json', accent: '#1d7a4f', startIndex: 5, height: 420
    });
    document.getElementById('api-prev').addEventListener('click', function () { carousel.prev(); });
    document.getElementById('api-next').addEventListener('click', function () { carousel.next(); });
    document.getElementById('api-first').addEventListener('click', function () { carousel.go(0); });
  });
})();
