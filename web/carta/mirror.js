/* The accessible side of Carta. The canvas is aria-hidden; this DOM mirror, built from the
 * same model, is what screen readers, keyboards and search engines meet:
 *   [X] a region (aria-roledescription "carousel") named after the feed
 *   [X] each card in view an article (aria-roledescription "slide", "2 of 8") with its
 *       headline as a real link, image description, caption, byline, date, summary and
 *       related links — placed exactly where the canvas draws it, visually hidden
 *   [X] those links are the links under the pointer: transparent, over the card and the
 *       related rows the canvas draws, so hovering shows the URL and middle-, Ctrl-, Cmd- and
 *       Shift-clicks and the context menu behave as on any link (plain clicks and drags
 *       are the canvas's: carta:open, no native link drag)
 *   [X] real prev / next / pagination buttons, a polite live region for what the reader did
 *   [X] UI words in every language of assets/words/ (English built in, others on demand)
 *   [X] printed, the cards in view as plain content (the canvas does not print)
 *   [X] found by the browser's find in page (Ctrl+F, window.find): the words of the cards
 *       not in view wait, aria-hidden, in a clipped strip beside the region; a match
 *       scrolls that strip, and the widget brings the card into view
 * Updates are by key: the articles, links and buttons that stay keep their nodes (and so the
 * keyboard focus); only what changed is made, moved or removed. data-kind is the protocol's
 * HIT_KIND of what a node stands for. */
import { HIT_KIND } from './generated/protocol.js';
import { MIRROR_CSS, addStyles } from './mirror-style.js';
import { findStrip } from './find.js';
import { el, place } from './dom.js';
import { article, button, storyOf } from './mirror-cards.js';
import { fmt, STRINGS, uiStrings } from './words.js';

// The region labels the page's widgets use, each with the regions that took it in order:
// a second widget of one feed is "Mena Today — Levant (2)" (landmarks must differ).
var regionsByLabel = {};
function releaseLabel(region) {
  Object.keys(regionsByLabel).forEach(function (k) {
    regionsByLabel[k] = regionsByLabel[k].filter(function (r) { return r !== region; });
  });
}
function uniqueLabel(region, base) {
  if ((regionsByLabel[base] || []).indexOf(region) < 0) {
    releaseLabel(region);
    (regionsByLabel[base] = regionsByLabel[base] || []).push(region);
  }
  var n = regionsByLabel[base].indexOf(region);
  return n ? base + ' (' + (n + 1) + ')' : base;
}

// Where a node of the region stands, from its data-kind: {kind, index, related}, or null.
function focusInfo(region, node) {
  for (; node && node !== region; node = node.parentNode) {
    if (node.dataset && node.dataset.kind != null)
      return { kind: +node.dataset.kind, index: +node.dataset.index, related: +(node.dataset.related || -1) };
  }
  return null;
}

// Keeps `slot.node` (made by make() when missing or when its key changed) and places it.
function kept(slot, key, make, rect) {
  if (!slot.node || slot.key !== key) { slot.node = make(); slot.key = key; }
  place(slot.node, rect);
  return slot.node;
}

// Makes the region's children `nodes`, in order, touching only what differs: nodes that
// stay are not moved, so a focused one keeps its focus.
function sync(region, nodes) {
  for (let child = region.firstChild, next; child; child = next) {
    next = child.nextSibling;
    if (nodes.indexOf(child) < 0) region.removeChild(child);
  }
  nodes.forEach((node, i) => {
    if (region.childNodes[i] !== node) region.insertBefore(node, region.childNodes[i] || null);
  });
}

// What the reader's focus and clicks in the region tell the widget.
function listenToRegion(region, actions) {
  region.addEventListener('dragstart', (e) => { e.preventDefault(); });  // a drag moves the carousel
  region.addEventListener('focusin', (e) => {
    const f = focusInfo(region, e.target);
    actions.focus(f ? f.kind : -1, f ? f.index : -1, f ? f.related : -1);
  });
  region.addEventListener('focusout', (e) => {
    if (!region.contains(e.relatedTarget)) actions.focus(-1, -1, -1);
  });
  region.addEventListener('click', (e) => {
    const link = e.target.closest && e.target.closest('a[data-kind]');
    if (!link) return;
    // A modified click is the browser's, as on any link: a background tab, a window…
    if (e.ctrlKey || e.metaKey || e.shiftKey || e.altKey || e.button !== 0) return;
    e.preventDefault();  // opened by the widget: new tab, no opener, carta:open first
    // A pointer's plain click on a link over the canvas was the canvas's click: the widget
    // has opened it already (or it was the end of a drag). Enter on a focused link is not.
    if (e.detail > 0 && link.classList.contains('hit')) return;
    const target = +(link.dataset.target || -1);
    if (target >= 0) actions.go(target);
    else actions.open(link.href, link.dataset.id, +link.dataset.kind === HIT_KIND.related ? 'related' : 'card');
  });
}

// Where focus is, as something that survives a rebuild ("the headline of the current
// card", "the next button"); focus put back on it after.
function focusMemo(m) {
  const active = m.root.activeElement;
  return active && m.region.contains(active) ? focusInfo(m.region, active) : null;
}

function restoreFocus(m, memo, view) {
  if (!memo) return;
  const kind = (k) => '[data-kind="' + k + '"]';
  const selector = memo.kind === HIT_KIND.prev || memo.kind === HIT_KIND.next ? kind(memo.kind)
    : memo.kind === HIT_KIND.dot ? kind(HIT_KIND.dot) + '[data-index="' + view.index + '"]'
    : kind(HIT_KIND.card) + '[data-index="' + view.index + '"]';
  const node = m.region.querySelector(selector) || m.region.querySelector(kind(HIT_KIND.card));
  if (node && node !== m.root.activeElement) node.focus({ preventScroll: true });
}

// The error and empty cards are drawn on the (hidden) canvas; the mirror says the same,
// visually hidden like the rest of it.
function noticeNode(m, view) {
  const strings = m.strings;
  const said = view.status === 'failed' ? [strings.failed, view.message || strings.failedDetail]
    : view.status === 'ready' && !view.count ? [strings.empty] : [];
  return kept(m.notice, JSON.stringify(said), () => {
    const box = el('div');
    said.forEach((text, i) => { box.appendChild(el(i ? 'p' : m.settings.heading, null, text)); });
    return box;
  }, null);
}

// The cards in view: an article that says the same keeps its node and is moved.
function cardNodes(m, view) {
  const before = m.cards;
  m.cards = {};
  return view.cards.map((c) => {
    const slot = before[c.index] || {};
    const says = JSON.stringify(c, (k, v) => k === 'rect' || k === 'headline' || k === 'summaryText' ? undefined : v);
    const node = kept(slot, says + view.count + m.strings.slide, () => article(m.strings, c, view, m.settings), c.rect);
    (c.related || []).forEach((r, k) => {
      const link = r.rect && node.querySelector('[data-related="' + k + '"]');
      if (link) place(link, [r.rect[0] - c.rect[0], r.rect[1] - c.rect[1], r.rect[2], r.rect[3]]);
    });
    m.cards[c.index] = slot;
    return node;
  });
}

// Previous and next (disabled at the ends unless the carousel loops), the pagination dots,
// the rotation control.
function controlNodes(m, view, options) {
  const strings = m.strings, actions = m.actions, nodes = [];
  const last = Math.max(0, view.count - view.perView);
  [[view.prev, m.prevSlot, strings.previous, HIT_KIND.prev, actions.prev, view.index <= 0],
   [view.next, m.nextSlot, strings.next, HIT_KIND.next, actions.next, view.index >= last]].forEach((b) => {
    if (!b[0]) return;
    const node = kept(b[1], b[2], () => button(b[2], b[3], -1, null, b[4]), b[0]);
    if (!options.loop && b[5]) node.setAttribute('aria-disabled', 'true');
    else node.removeAttribute('aria-disabled');
    nodes.push(node);
  });
  if (view.dots.length) {
    const group = kept(m.dotsSlot, JSON.stringify(view.dots) + strings.choose, () => {
      const box = el('div', { role: 'group', 'aria-label': strings.choose });
      view.dots.forEach((d) => {
        box.appendChild(button(fmt(strings.goTo, { n: d.index + 1 }), HIT_KIND.dot, d.index, d.rect, () => actions.go(d.index)));
      });
      return box;
    }, null);
    group.classList.remove('vh');
    Array.prototype.forEach.call(group.children, (b) => {
      if (+b.dataset.index === view.index) b.setAttribute('aria-current', 'true');
      else b.removeAttribute('aria-current');
    });
    nodes.push(group);
  }
  if (options.autoplay && options.autoplay.on) {
    const paused = options.autoplay.paused;
    const toggle = kept(m.toggleSlot, paused + strings.play, () => {
      const b = el('button', { type: 'button', 'class': 'toggle', 'aria-pressed': paused ? 'true' : 'false' },
                   paused ? strings.play : strings.pause);
      b.addEventListener('click', actions.toggle);
      return b;
    }, null);
    toggle.classList.remove('vh');
    nodes.push(toggle);
  }
  return nodes;
}

// Rebuilds the mirror from the core's view (carta_json view) when something a reader could
// notice has changed. `options`: {loop, autoplay: {on, paused}, announce}.
function update(m, view, options) {
  m.strings = uiStrings(view.language);
  const key = JSON.stringify([view.status, view.message, view.index, view.count, view.perView,
                              view.cards.map((c) => c.rect), options.autoplay && options.autoplay.paused,
                              view.title, view.language]);
  if (key === m.lastKey) return;
  m.lastKey = key;
  const memo = focusMemo(m);
  m.name(view.title);
  m.region.setAttribute('lang', view.language || 'en');
  m.region.setAttribute('dir', view.rtl ? 'rtl' : 'ltr');
  const nodes = [noticeNode(m, view)].concat(cardNodes(m, view), controlNodes(m, view, options));
  nodes.push(m.live, m.find.node);
  sync(m.region, nodes);
  m.find.inView(view.cards.map((c) => c.index));
  // What the reader may see now, for impressions.
  m.actions.cards(view.cards.map((c) => ({ element: m.cards[c.index].node, card: storyOf(c) })));
  restoreFocus(m, memo, view);
  if (options.announce && view.cards.length) {
    const current = view.cards.filter((c) => c.index === view.index)[0] || view.cards[0];
    m.live.textContent = fmt(m.strings.announce, { n: view.index + 1, count: view.count, title: current.title });
  }
}

// Builds and keeps the mirror inside a widget's shadow root. `actions` are the widget's:
// open(url, id, kind), go(index), prev(), next(), focus(kind, index, related), toggle(),
// reveal(index) (find in page met card `index`), cards(shown) (for impressions).
// `settings`: {heading: the headlines' element ('h2'…), label: the region's name, '' for
// the feed's title, links: the link policy (links.js)}.
export function createMirror(root, actions, settings) {
  const removeStyles = addStyles(root, MIRROR_CSS);
  const region = el('div', { 'class': 'mirror', role: 'region', 'aria-roledescription': 'carousel' });
  root.appendChild(region);
  const m = {
    root: root, region: region, actions: actions, settings: settings, strings: STRINGS.en, lastKey: '',
    live: el('div', { 'class': 'live', 'aria-live': 'polite', 'aria-atomic': 'true' }),
    find: findStrip(root, actions.reveal),  // every card's words, for find in page (find.js)
    cards: {}, prevSlot: {}, nextSlot: {}, dotsSlot: {}, toggleSlot: {}, notice: {},
    name: (title) => region.setAttribute('aria-label', uniqueLabel(region, settings.label || title || m.strings.articles))
  };
  m.name('');
  listenToRegion(region, actions);
  return {
    destroy() {
      m.find.destroy();
      releaseLabel(region);
      region.remove();
      removeStyles();
    },
    update: (view, options) => update(m, view, options),
    // Every card's words, a slice at a time (`items` from carta_json items), for find in
    // page; `from` 0 starts again (a new feed).
    addWords(items, from) { m.find.add(items, from, (i) => !!m.cards[i]); },
    // Without WebGL 2 or WebAssembly: the same articles as a plain, visible, scrollable
    // list with real images and links, drawn by `show` (carta-fallback.js: fallback.js).
    fallback(show, feed, onOpen) {
      m.strings = uiStrings(feed.language);
      m.name(feed.title);
      actions.cards(show(region, m.strings, feed, onOpen, settings));
    }
  };
}
