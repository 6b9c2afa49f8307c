import { openInNewTab } from './links.js';

// What the widget tells its page: bubbling, composed CustomEvents on the host element, and
// (analytics="datalayer") the page's tag manager. Each event is fired under two names:
// carta:change, and carta-change for frameworks whose templates cannot write a colon in an
// event's name (React 19: oncarta-change={…}; Vue: @carta-change). Returns false when a
// listener of either cancelled it.
export function fire(el, name, detail, cancelable = false) {
  let go = true;
  [name, name.replace(':', '-')].forEach((type) => {
    go = el.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, cancelable: cancelable, detail: detail })) && go;
  });
  return go;
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
// tab, with no opener, under the partner's link policy (links.js). Its dataLayer push is a
// count: `counted` sends it when the reader's consent allows (consent.js). A sponsored
// story's open says so (sponsored: true) and its link is rel="sponsored".
export function openLink(el, config, url, id, kind, counted = (send) => send(), sponsored = false) {
  const detail = sponsored ? { url: url, id: id, kind: kind, sponsored: true } : { url: url, id: id, kind: kind };
  const go = fire(el, 'carta:open', detail, true);
  counted(() => toDataLayer(config, 'carta_open', detail));
  if (go && /^https?:\/\//i.test(url)) openInNewTab(url, config.links, sponsored);
}
