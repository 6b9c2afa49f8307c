// A widget's settings: from Carta.mount's object, else the element's data-NAME or NAME
// attribute; the values as the rest of the page layer uses them.
import { linkPolicy } from './links.js';

export const DEFAULT_HEIGHT = 420;

export function parseAccent(text) {
  const m = /^#([0-9a-f]{6})$/i.exec(text || '');
  return m ? parseInt(m[1], 16) : -1;
}

// Campaign parameters: "utm_source=partner&utm_medium=carta", or an object of them.
export function linkParamsOf(value) {
  return value == null ? '' : typeof value === 'object' ? new URLSearchParams(value).toString() : String(value);
}

function option(el, options, name) {
  if (options && options[name] != null) return String(options[name]);
  const attr = el.getAttribute('data-' + name);
  return attr != null ? attr : el.getAttribute(name);
}

export const int = (text, fallback) => parseInt(text || '', 10) || fallback;
// A boolean attribute (<carta-carousel loop>): present and not "false"; an option true or "true".
export const flag = (text) => text != null && text !== 'false';

export function readConfig(el, options) {
  const get = (name) => option(el, options, name);
  // An option mount() spells in camelCase (headingLevel) over the attribute (heading-level).
  const either = (attr, camel) => options && options[camel] != null ? String(options[camel]) : get(attr);
  return {
    feed: get('feed'),
    theme: get('theme') || 'light',  // light, dark, or auto (the reader's scheme)
    accent: parseAccent(get('accent')),
    start: int(either('start', 'startIndex'), 0),
    height: int(get('height'), DEFAULT_HEIGHT),
    autoplay: int(get('autoplay'), 0),
    loop: flag(get('loop')),
    refresh: int(get('refresh'), 0),  // seconds
    locale: get('locale') || '',  // UI language; empty follows the feed
    // The error card shows the feed's diagnostic instead of the readers' sentence.
    debug: flag(get('debug')),
    // Fetch nothing until the widget is within this distance of the viewport.
    lazy: options.lazy !== false && get('loading') !== 'eager',
    lazyMargin: get('lazyMargin') || '100% 0px',
    // Added to every story link by the core (core/url.cpp).
    linkParams: linkParamsOf(options.linkParams != null ? options.linkParams : option(el, null, 'link-params')),
    // "datalayer": impressions and opens are also pushed onto the page's window.dataLayer.
    analytics: get('analytics') || '',
    // The cards' headlines are this level of heading (h2 under a page's h1; 3 under an h2).
    headingLevel: Math.min(6, Math.max(1, int(either('heading-level', 'headingLevel'), 2))),
    // The region's accessible name; the feed's title when empty.
    label: get('label') || '',
    // rel and referrer policy of every story link (links.js): link-rel, referrer-policy.
    links: linkPolicy(either('link-rel', 'linkRel'), either('referrer-policy', 'referrerPolicy')),
    // Whose answer counting waits for: '' none, 'tcf' the page's CMP, 'manual' Carta.consent.
    consent: get('consent') || ''
  };
}
