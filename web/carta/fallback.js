// The plain list a widget becomes without WebGL 2 (or WebAssembly): the same articles as
// visible, scrollable cards with real images and links, in the canvas's colours (the core
// gives them with the feed, carta_read_feed) or the system's.
import { SHOW_PARTS } from './generated/protocol.js';
import { el } from './dom.js';
import { fmt } from './words.js';
import { linkAttributes } from './links.js';
import { storyOf } from './mirror-cards.js';

// The parts a look shows (--carta-show, README) as the canvas reads them: ShowPart bits by
// the core's words (SHOW_PARTS); none said, all of them.
export function shownParts(value) {
  const words = String(value || '').trim().toLowerCase().split(/[\s,]+/).filter(Boolean);
  return words.length ? words.reduce((bits, w) => bits | (SHOW_PARTS[w] || 0), 0) : SHOW_PARTS.all;
}

// Fills `region` with `feed`'s cards; returns them ({element, card}) for impressions.
// `settings` are the mirror's: heading (the headlines' element), links (links.js).
export function showFallback(region, strings, feed, onOpen, settings) {
  // Without the core (no WebAssembly): the system's colours, in the page's scheme.
  let colours = feed.theme || { page: 'Canvas', card: 'Canvas', text: 'CanvasText', muted: 'GrayText',
                                accent: 'LinkText', placeholder: 'Canvas' };
  region.textContent = '';
  region.className = 'mirror fallback';
  if (feed.language) region.setAttribute('lang', feed.language);
  region.setAttribute('dir', feed.rtl ? 'rtl' : feed.language ? 'ltr' : 'auto');
  Object.keys(colours).forEach(function (k) { region.style.setProperty('--' + k, colours[k]); });
  if (feed.status === 'failed') {
    region.appendChild(el('p', null, strings.failed));
    region.appendChild(el('p', null, strings.failedDetail));
  } else if (!feed.items.length) region.appendChild(el('p', null, strings.empty));
  const show = shownParts(getComputedStyle(region).getPropertyValue('--carta-show'));
  const has = (...parts) => parts.some((p) => show & SHOW_PARTS[p]);
  let shown = [];
  feed.items.forEach(function (item, i) {
    let article = el('article', { 'aria-roledescription': strings.slide, lang: item.language || null,
                                  dir: item.rtl ? 'rtl' : feed.language ? null : 'auto',
                                  'aria-label': fmt(strings.slideLabel, { n: i + 1, count: feed.items.length }) });
    if (item.image) {
      let figure = el('figure', { style: null });
      figure.style.margin = '0';
      figure.appendChild(el('img', { src: item.image, alt: item.alt || '', loading: 'lazy', decoding: 'async' }));
      let caption = [has('caption') && item.caption, has('credit') && item.credit].filter(Boolean).join(' ');
      if (caption) figure.appendChild(el('figcaption', null, caption));
      article.appendChild(figure);
    }
    let body = el('div', { 'class': 'body' });
    // The marks the canvas draws ("Live", "Sponsored by …", "Opinion", "Video, 3:24"): never hidden.
    if (item.marks && item.marks.length) body.appendChild(el('p', { 'class': 'marks' }, item.marks.join(' · ')));
    if (item.category && has('category')) body.appendChild(el('p', { 'class': 'category' }, item.category));
    let h = el(settings.heading, { 'class': has('headline') ? 'headline' : 'headline vh' });  // a hidden one is still the card's link
    let a = el('a', Object.assign({ href: item.url || null }, linkAttributes(settings.links, item.sponsored)), item.title || item.summary);
    a.addEventListener('click', function (e) {
      if (!item.url) return;
      e.preventDefault();
      onOpen(item.url, item.id, 'card');
    });
    h.appendChild(a);
    body.appendChild(h);
    if (item.meta && has('byline', 'date', 'read-time')) body.appendChild(meta(item, has('byline')));
    if (item.summary && item.title && has('summary')) body.appendChild(el('p', { 'class': 'summary' }, item.summary));
    article.appendChild(body);
    shown.push({ element: region.appendChild(article), card: storyOf(Object.assign({ index: i }, item)) });
  });
  clampFallback(region);
  if (window.ResizeObserver) new ResizeObserver(function () { clampFallback(region); }).observe(region);
  region.addEventListener('keydown', fallbackKey);
  return shown;
}


// The byline line, after the author's face when the feed gives one: decoration (the byline
// names the author), and gone if it does not load — never a hole.
function meta(item, byline) {
  const p = el('p', { 'class': 'meta' }, item.meta);
  if (item.avatar && byline) {
    const face = el('img', { 'class': 'avatar', src: item.avatar, alt: '', width: 20, height: 20, decoding: 'async' });
    face.addEventListener('error', () => face.remove());
    p.insertBefore(face, p.firstChild);
  }
  return p;
}

// Each fallback card's text fits its card in whole lines. When it does not (a short
// widget, a reader's large minimum font size), the blocks give way in this order: the
// summary keeps the lines there is room for, then the caption, the category and the byline
// line go, and last the headline is cut to the lines that fit (one at least); never a
// line cut through by the card's edge. Again on every resize.
let GIVE_WAY = ['.summary', 'figcaption', '.category', '.meta', '.headline'];
function clampFallback(region) {
  Array.prototype.forEach.call(region.querySelectorAll('article'), function (article) {
    let body = article.querySelector('.body');
    if (!body) return;
    let nodes = GIVE_WAY.map(function (selector) { return article.querySelector(selector); });
    nodes.forEach(function (node) { if (node) { node.style.display = ''; node.style.webkitLineClamp = ''; } });
    nodes.some(function (node, i) {
      let over = body.getBoundingClientRect().bottom - article.getBoundingClientRect().bottom;
      if (over <= 0.5) return true;
      if (!node) return false;
      let line = parseFloat(getComputedStyle(node).lineHeight) || 20;
      let lines = Math.floor((node.getBoundingClientRect().height - over) / line + 0.01);
      let clamps = node.tagName !== 'P' || i === 0;  // the headline, figcaption, the summary: -webkit-box
      if (clamps && lines >= 1) node.style.webkitLineClamp = String(lines);
      else if (node.tagName === 'H3') node.style.webkitLineClamp = '1';
      else node.style.display = 'none';
      return false;
    });
  });
}

// The keys of the canvas in the fallback list: ArrowRight and ArrowLeft (mirrored right to
// left) go to the next and previous card, Home and End to the first and last; the card is
// scrolled to the list's start and its headline link takes the focus.
let FALLBACK_KEYS = { ArrowRight: 1, ArrowLeft: -1, Home: -1e9, End: 1e9 };
function fallbackKey(e) {
  let step = FALLBACK_KEYS[e.key], list = e.currentTarget;
  if (!step || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
  let articles = Array.prototype.slice.call(list.querySelectorAll('article'));
  let from = articles.indexOf(e.target.closest && e.target.closest('article'));
  if (!articles.length || from < 0) return;
  if (Math.abs(step) === 1 && getComputedStyle(list).direction === 'rtl') step = -step;
  let to = Math.max(0, Math.min(articles.length - 1, from + step));
  e.preventDefault();
  let link = articles[to].querySelector('.headline a');
  if (link) link.focus({ preventScroll: true });
  let still = window.matchMedia && matchMedia('(prefers-reduced-motion: reduce)').matches;
  articles[to].scrollIntoView({ block: 'nearest', inline: 'start', behavior: still ? 'auto' : 'smooth' });
}

