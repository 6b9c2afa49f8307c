// What the widget tells its page: bubbling, composed CustomEvents on the host element, and
// (analytics="datalayer") the page's tag manager.
export function fire(el, name, detail) {
  el.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, detail: detail }));
}

// analytics="datalayer": the page's tag manager gets {event, carta: detail}, when there is one.
export function toDataLayer(config, event, detail) {
  const layer = window['dataLayer'];
  if (config.analytics === 'datalayer' && layer && typeof layer.push === 'function')
    layer.push({ 'event': event, 'carta': detail });
}

// The publisher's diagnostic (where, and what): to carta:error and the console, never to
// the reader, who sees the calm sentence of the error card.
export function reportError(el, message, path) {
  console.warn('Carta: ' + message + (path ? ' (at ' + path + ')' : ''));
  fire(el, 'carta:error', { message: message, path: path });
}

// A story link: carta:open first (the page may take over), then only http(s), in a new
// tab, with no opener and no referrer.
export function openLink(el, config, url, id, kind) {
  const ev = new CustomEvent('carta:open', {
    bubbles: true, composed: true, cancelable: true, detail: { url: url, id: id, kind: kind }
  });
  el.dispatchEvent(ev);
  toDataLayer(config, 'carta_open', { url: url, id: id, kind: kind });
  if (!ev.defaultPrevented && /^https?:\/\//i.test(url)) window.open(url, '_blank', 'noopener,noreferrer');
}
