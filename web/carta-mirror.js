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
 *   [X] real prev / next / pagination buttons, a polite live region for user navigation
 *   [X] a plain, visible list of cards when WebGL 2 or WebAssembly is missing
 *   [X] UI words in every language of assets/words/ (English built in, others on demand)
 *   [X] printed, the cards in view as plain content (the canvas does not print)
 *   [X] found by the browser's find in page (Ctrl+F, window.find): the words of the cards
 *       not in view wait, aria-hidden, in a clipped strip beside the region; a match
 *       scrolls that strip, and the widget brings the card into view
 * Updates are by key: the articles, links and buttons that stay keep their nodes (and so the
 * keyboard focus); only what changed is made, moved or removed.
 * This file is concatenated before carta-host.js inside one function scope. */

// The words of the mirror and the fallback, by language, from assets/words/LANG.json — the
// files the canvas reads too. English is built in (WORDS_EN and WORD_LANGUAGES are written
// before this file by the build, from those files); the others are fetched when a feed or
// the page needs them (loadWords in carta-host.js).
var STRINGS = { en: WORDS_EN };

// A count's words: the language's CLDR plural category (the browser knows the rules), else
// the `other` form.
function pluralWords(strings, n) {
  var category = window.Intl && Intl.PluralRules ? new Intl.PluralRules(strings.language).select(n) : 'other';
  return strings.minRead[category] || strings.minRead.other;
}

function uiStrings(locale) {
  var code = String(locale || 'en').split(/[-_]/)[0].toLowerCase();
  return STRINGS[code === 'iw' ? 'he' : code] || STRINGS.en;
}

// A card's date as the canvas writes it (core/datetime.cpp): the writer's own calendar day
// (the date as the feed states it, in its offset), in the language's order and month names.
function cardDate(strings, text) {
  var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(typeof text === 'string' ? text : '');
  if (!m) return '';
  var y = +m[1], mo = +m[2], d = +m[3];
  if (mo < 1 || mo > 12) return '';
  return fmt(strings.date, { d: d, m: mo, y: y, month: strings.months[mo - 1] });
}

// Languages written right to left, as carta::is_right_to_left_language decides.
function isRightToLeft(language) {
  return /^(ar|he|fa|ur|iw|ps|sd|yi|ckb)([-_]|$)/i.test(String(language || ''));
}

function fmt(template, vars) {
  return template.replace(/\{(\w+)\}/g, function (m, key) { return vars[key] != null ? String(vars[key]) : m; });
}

var MIRROR_CSS =
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
  '.fallback{position:absolute;inset:0;display:flex;gap:16px;overflow-x:auto;overflow-y:auto;padding:16px;box-sizing:border-box;' +
  'scrollbar-width:thin;scroll-padding-inline:16px;' +
  'scroll-snap-type:x mandatory;pointer-events:auto;font:15px/1.45 system-ui,sans-serif;background:var(--page)}' +
  '.fallback article{flex:0 0 min(340px,85%);scroll-snap-align:start;background:var(--card);color:var(--text);' +
  'border-radius:12px;overflow:hidden;display:flex;flex-direction:column}' +
  '.fallback img{width:100%;aspect-ratio:16/9;object-fit:cover;background:var(--placeholder);display:block}' +
  '.fallback .body{padding:12px 16px 16px}' +
  '.fallback .category{color:var(--accent);font-weight:700;font-size:12px;text-transform:uppercase;margin:0 0 4px}' +
  '.fallback h3{font:700 19px/1.3 Georgia,serif;margin:0 0 6px}' +
  // Whole lines only, with an ellipsis: the headline and caption at most 3 and 2 lines, the
  // summary as many as the card has room for (clampFallback), never a line cut by its edge.
  '.fallback h3,.fallback figcaption,.fallback .summary{display:-webkit-box;-webkit-box-orient:vertical;overflow:hidden}' +
  '.fallback h3{-webkit-line-clamp:3}.fallback figcaption{-webkit-line-clamp:2}' +
  '.fallback h3 a{color:inherit;text-decoration:none}.fallback h3 a:hover{text-decoration:underline}' +
  '.fallback .meta{color:var(--muted);font-size:13px;margin:0 0 6px}.fallback p{margin:0}' +
  '.fallback figcaption{font-size:12px;color:var(--muted);padding:6px 16px 0}' +
  // Printed, the cards in view are the mirror as plain content: no canvas, no controls.
  '@media print{:host{height:auto!important}canvas,button,.live,.toggle,.offstage,[role="group"]{display:none!important}' +
  '.mirror{position:static;overflow:visible;display:flex;gap:12px;align-items:flex-start;font:11pt/1.4 Georgia,serif;color:#000}' +
  '.mirror .vh{position:static!important;opacity:1;overflow:visible;width:auto!important;height:auto!important}' +
  '.mirror article{flex:1;border:1px solid #999;border-radius:6px;padding:8px 10px;break-inside:avoid}' +
  '.mirror article p,.mirror figure,.mirror ul{margin:0 0 4px}.mirror h3{font-size:13pt;margin:0 0 4px}' +
  '.mirror a{color:#000;position:static!important}.mirror ul{padding-left:16px}.mirror figcaption{font-size:9pt;color:#333}}';

// Colours of the plain-HTML fallback: the same as the canvas themes (src/core/theme.cpp).
var FALLBACK_THEMES = {
  light: { page: '#f3f1ec', card: '#ffffff', text: '#18181b', muted: '#5c5c64', accent: '#b02026', placeholder: '#e2ded6' },
  dark: { page: '#111215', card: '#1e2025', text: '#eeeef0', muted: '#aaacb4', accent: '#ff7066', placeholder: '#2e3138' }
};

// Returns a function that takes the styles away again.
function addStyles(root) {
  if (root.adoptedStyleSheets !== undefined && window.CSSStyleSheet) {
    try {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(MIRROR_CSS);
      root.adoptedStyleSheets = root.adoptedStyleSheets.concat([sheet]);
      return function () { root.adoptedStyleSheets = root.adoptedStyleSheets.filter(function (s) { return s !== sheet; }); };
    } catch (e) { /* fall through */ }
  }
  var style = document.createElement('style');  // older browsers; needs style-src to allow it
  style.textContent = MIRROR_CSS;
  root.appendChild(style);
  return function () { style.remove(); };
}

function el(tag, attrs, text) {
  var node = document.createElement(tag);
  if (attrs) Object.keys(attrs).forEach(function (k) { if (attrs[k] != null) node.setAttribute(k, attrs[k]); });
  if (text != null) node.textContent = text;
  return node;
}

// A link the pointer meets over the canvas (see MIRROR_CSS .hit).
function hit(link, extra) {
  link.classList.add('hit');
  if (extra) link.classList.add(extra);
  link.setAttribute('draggable', 'false');
  return link;
}

function place(node, rect) {
  node.classList.add('vh');
  if (!rect) return node;
  node.style.left = rect[0] + 'px';
  node.style.top = rect[1] + 'px';
  node.style.width = rect[2] + 'px';
  node.style.height = rect[3] + 'px';
  return node;
}

// Builds and keeps the mirror inside a widget's shadow root. `actions` are the widget's:
// open(url, id, kind), go(index), prev(), next(), focus(kind, index, related), toggle(),
// reveal(index) (find in page met card `index`).
function createMirror(root, actions) {
  var removeStyles = addStyles(root);
  var region = el('div', { 'class': 'mirror', role: 'region', 'aria-roledescription': 'carousel' });
  var live = el('div', { 'class': 'live', 'aria-live': 'polite', 'aria-atomic': 'true' });
  var toggle = null;
  root.appendChild(region);
  var lastKey = '';
  var strings = STRINGS.en;

  function focusInfo(node) {
    for (; node && node !== region; node = node.parentNode) {
      if (node.dataset && node.dataset.kind != null)
        return { kind: +node.dataset.kind, index: +node.dataset.index, related: +(node.dataset.related || -1) };
    }
    return null;
  }
  region.addEventListener('dragstart', function (e) { e.preventDefault(); });  // a drag moves the carousel
  region.addEventListener('focusin', function (e) {
    var f = focusInfo(e.target);
    actions.focus(f ? f.kind : -1, f ? f.index : -1, f ? f.related : -1);
  });
  region.addEventListener('focusout', function (e) {
    if (!region.contains(e.relatedTarget)) actions.focus(-1, -1, -1);
  });
  region.addEventListener('click', function (e) {
    var link = e.target.closest && e.target.closest('a[data-kind]');
    if (!link) return;
    // A modified click is the browser's, as on any link: a background tab, a window…
    if (e.ctrlKey || e.metaKey || e.shiftKey || e.altKey || e.button !== 0) return;
    e.preventDefault();  // opened by the widget: new tab, no opener, carta:open first
    // A pointer's plain click on a link over the canvas was the canvas's click: the widget
    // has opened it already (or it was the end of a drag). Enter on a focused link is not.
    if (e.detail > 0 && link.classList.contains('hit')) return;
    var target = +(link.dataset.target || -1);
    if (target >= 0) actions.go(target);
    else actions.open(link.href, link.dataset.id, link.dataset.kind === '1' ? 'related' : 'card');
  });

  function card(c, view) {
    var n = c.index + 1;
    var article = place(el('article', {
      'aria-roledescription': strings.slide,
      'aria-label': fmt(strings.slideLabel, { n: n, count: view.count }),
      lang: c.language || null, dir: c.rtl ? 'rtl' : null
    }), c.rect);
    var h = el('h3');
    var a = el('a', { href: c.url || null, 'data-kind': '0', 'data-index': c.index, 'data-id': c.id,
                      target: '_blank', rel: 'noopener noreferrer' }, c.title || c.summary);  // an untitled item: its text
    if (!c.url) a.setAttribute('tabindex', '-1');
    else hit(a, 'card-link');  // the whole card, as the canvas's click opens it
    h.appendChild(a);
    if (c.category) article.appendChild(el('p', null, c.category));
    article.appendChild(h);
    if (c.image) {
      var figure = el('figure');
      figure.appendChild(el('span', { role: 'img', 'aria-label': c.alt ? fmt(strings.image, { alt: c.alt }) : null }));
      var caption = [c.caption, c.credit].filter(Boolean).join(' ');
      if (caption) figure.appendChild(el('figcaption', null, caption));
      article.appendChild(figure);
    }
    if (c.meta) article.appendChild(el('p', null, c.meta));
    if (c.summary && c.title) article.appendChild(el('p', null, c.summary));
    if (c.related && c.related.length) {
      var list = el('ul', { 'aria-label': strings.related });
      c.related.forEach(function (r, k) {
        var li = el('li');
        var link = el('a', {
          href: r.url || (r.target >= 0 ? '#' : null), 'data-kind': '1', 'data-index': c.index, 'data-related': k,
          'data-id': c.id, 'data-target': r.target >= 0 ? r.target : null, target: '_blank', rel: 'noopener noreferrer',
          lang: r.language || null, dir: r.language ? (r.rtl ? 'rtl' : 'ltr') : null
        }, (r.category ? r.category + ': ' : '') + r.title);
        li.appendChild(link);
        list.appendChild(li);
        if (r.rect) place(link, [r.rect[0] - c.rect[0], r.rect[1] - c.rect[1], r.rect[2], r.rect[3]]);
        // A story of this feed is brought into view, not opened: no link under the pointer.
        if (r.url && !(r.target >= 0)) hit(link);
      });
      article.appendChild(list);
    }
    return article;
  }

  function button(label, kind, index, rect, onClick) {
    var b = place(el('button', { type: 'button', 'aria-label': label, 'data-kind': kind, 'data-index': index }), rect);
    b.addEventListener('click', function () { if (b.getAttribute('aria-disabled') !== 'true') onClick(); });
    return b;
  }

  // Keeps `node` (made by make() when missing or when its key changed) and places it.
  function kept(slot, key, make, rect) {
    if (!slot.node || slot.key !== key) { slot.node = make(); slot.key = key; }
    place(slot.node, rect);
    return slot.node;
  }

  // Makes the region's children `nodes`, in order, touching only what differs: nodes that
  // stay are not moved, so a focused one keeps its focus.
  function sync(nodes) {
    for (var child = region.firstChild, next; child; child = next) {
      next = child.nextSibling;
      if (nodes.indexOf(child) < 0) region.removeChild(child);
    }
    nodes.forEach(function (node, i) {
      if (region.childNodes[i] !== node) region.insertBefore(node, region.childNodes[i] || null);
    });
  }

  // Where focus is, as something that survives a rebuild ("the headline of the current
  // card", "the next button").
  function focusMemo() {
    var active = root.activeElement;
    if (!active || !region.contains(active)) return null;
    var f = focusInfo(active);
    return f && { kind: f.kind, related: f.related, index: f.index };
  }

  function restoreFocus(memo, view) {
    if (!memo) return;
    var selector = memo.kind === 2 || memo.kind === 3 ? '[data-kind="' + memo.kind + '"]'
      : memo.kind === 4 ? '[data-kind="4"][data-index="' + view.index + '"]'
      : '[data-kind="0"][data-index="' + view.index + '"]';
    var node = region.querySelector(selector) || region.querySelector('[data-kind="0"]');
    if (node && node !== root.activeElement) node.focus({ preventScroll: true });
  }

  // The words of every card, for find in page (see MIRROR_CSS .offstage); the widget is
  // asked to show the card a match is in. The find bar scrolls the match into view: card
  // i's words are at 2(i+1) widths along the strip, so the scroll says i whatever the
  // browser's alignment, and the strip goes back. window.find (and the find bar, as it
  // closes) selects the match instead.
  var offstage = el('div', { 'class': 'offstage', 'aria-hidden': 'true' });
  var words = [], wordsHidden = [], lastMatch = null;
  function reveal(index) { if (index >= 0 && index < words.length) actions.reveal(index); }
  offstage.addEventListener('scroll', function () {
    var width = offstage.clientWidth;
    var index = width ? Math.round(offstage.scrollLeft / (2 * width)) - 1 : -1;
    offstage.scrollLeft = 0;
    reveal(index);
  });
  function selected() {
    var selection = document.getSelection(), range = null;
    try {
      if (selection && selection.getComposedRanges) range = selection.getComposedRanges({ shadowRoots: [root] })[0];
      else if (root.getSelection) range = root.getSelection().getRangeAt(0);
    } catch (e) { return; }
    // Once per match: the selection stays where it was while the reader moves on.
    var match = range && [range.startContainer, range.startOffset, range.endContainer, range.endOffset];
    if (!match || (lastMatch && match.every(function (m, i) { return m === lastMatch[i]; }))) return;
    lastMatch = match;
    for (var node = match[0]; node && node !== offstage; node = node.parentNode)
      if (node.parentNode === offstage) return reveal(+node.dataset.index);
  }
  document.addEventListener('selectionchange', selected);

  function cardWords(c) {
    var box = el('div', { 'data-index': c.index, lang: c.language || null, dir: c.rtl ? 'rtl' : null });
    box.style.left = 200 * (c.index + 1) + '%';
    [c.category, c.title, [c.caption, c.credit].filter(Boolean).join(' '), c.meta, c.summary]
      .concat((c.related || []).map(function (r) { return r.title; }))
      .forEach(function (text) { if (text) box.appendChild(el('p', null, text)); });
    return box;
  }

  var cards = {}, prevSlot = {}, nextSlot = {}, dotsSlot = {}, toggleSlot = {}, notice = {};

  return {
    destroy: function () {
      document.removeEventListener('selectionchange', selected);
      region.remove();
      removeStyles();
    },

    // Rebuilds from the core's view (carta_view_json) when something a reader could notice
    // has changed. `options`: {loop, autoplay: {on, paused}, announce}.
    update: function (view, options) {
      strings = uiStrings(view.language);
      var key = JSON.stringify([view.status, view.message, view.index, view.count, view.perView,
                                view.cards.map(function (c) { return c.rect; }),
                                options.autoplay && options.autoplay.paused, view.title, view.language]);
      if (key === lastKey) return;
      lastKey = key;
      var memo = focusMemo();
      region.setAttribute('aria-label', view.title || strings.articles);
      region.setAttribute('lang', view.language || 'en');
      region.setAttribute('dir', view.rtl ? 'rtl' : 'ltr');
      var nodes = [];
      // The error and empty cards are drawn on the (hidden) canvas; say the same here.
      // Visually hidden like the rest of the mirror: the canvas draws the same card.
      var said = view.status === 'failed' ? [strings.failed, view.message || strings.failedDetail]
        : view.status === 'ready' && !view.count ? [strings.empty] : [];
      nodes = nodes.concat(kept(notice, JSON.stringify(said), function () {
        var box = el('div');
        said.forEach(function (text, i) { box.appendChild(el(i ? 'p' : 'h3', null, text)); });
        return box;
      }, null));
      // The cards in view: an article that says the same keeps its node and is moved.
      var before = cards;
      cards = {};
      view.cards.forEach(function (c) {
        var slot = before[c.index] || {};
        var says = JSON.stringify(c, function (k, v) { return k === 'rect' || k === 'headline' ? undefined : v; });
        nodes.push(kept(slot, says + view.count + strings.slide, function () { return card(c, view); }, c.rect));
        (c.related || []).forEach(function (r, k) {
          var link = r.rect && slot.node.querySelector('[data-related="' + k + '"]');
          if (link) place(link, [r.rect[0] - c.rect[0], r.rect[1] - c.rect[1], r.rect[2], r.rect[3]]);
        });
        cards[c.index] = slot;
      });
      var last = Math.max(0, view.count - view.perView);
      [[view.prev, prevSlot, strings.previous, 2, actions.prev, view.index <= 0],
       [view.next, nextSlot, strings.next, 3, actions.next, view.index >= last]].forEach(function (b) {
        if (!b[0]) return;
        var node = kept(b[1], b[2], function () { return button(b[2], b[3], -1, null, b[4]); }, b[0]);
        if (!options.loop && b[5]) node.setAttribute('aria-disabled', 'true');
        else node.removeAttribute('aria-disabled');
        nodes.push(node);
      });
      if (view.dots.length) {
        var group = kept(dotsSlot, JSON.stringify(view.dots) + strings.choose, function () {
          var box = el('div', { role: 'group', 'aria-label': strings.choose });
          view.dots.forEach(function (d) {
            box.appendChild(button(fmt(strings.goTo, { n: d.index + 1 }), 4, d.index, d.rect, function () { actions.go(d.index); }));
          });
          return box;
        }, null);
        group.classList.remove('vh');
        Array.prototype.forEach.call(group.children, function (b) {
          if (+b.dataset.index === view.index) b.setAttribute('aria-current', 'true');
          else b.removeAttribute('aria-current');
        });
        nodes.push(group);
      }
      if (options.autoplay && options.autoplay.on) {
        var paused = options.autoplay.paused;
        toggle = kept(toggleSlot, paused + strings.play, function () {
          var b = el('button', { type: 'button', 'class': 'toggle', 'aria-pressed': paused ? 'true' : 'false' },
                     paused ? strings.play : strings.pause);
          b.addEventListener('click', actions.toggle);
          return b;
        }, null);
        toggle.classList.remove('vh');
        nodes.push(toggle);
      }
      nodes.push(live, offstage);
      sync(nodes);
      // A card in view is found in its article, not twice.
      wordsHidden.forEach(function (box) { box.hidden = false; });
      wordsHidden = view.cards.map(function (c) { return words[c.index]; }).filter(Boolean);
      wordsHidden.forEach(function (box) { box.hidden = true; });
      // What the reader may see now, for impressions.
      actions.cards(view.cards.map(function (c) {
        return { element: cards[c.index].node, card: { index: c.index, id: c.id, url: c.url } };
      }));
      restoreFocus(memo, view);
      if (options.announce && view.cards.length) {
        var current = view.cards.filter(function (c) { return c.index === view.index; })[0] || view.cards[0];
        live.textContent = fmt(strings.announce, { n: view.index + 1, count: view.count, title: current.title });
      }
    },

    // Every card's words, a slice at a time (`items` from carta_items_json), for find in
    // page; `from` 0 starts again (a new feed).
    addWords: function (items, from) {
      if (!from) { offstage.textContent = ''; words = []; wordsHidden = []; }
      items.forEach(function (c) {
        var box = cardWords(c);
        words[c.index] = box;
        if (cards[c.index]) { box.hidden = true; wordsHidden.push(box); }
        offstage.appendChild(box);
      });
    },

    // Without WebGL 2 or WebAssembly: the same articles as a plain, visible, scrollable
    // list with real images and links.
    fallback: function (feed, theme, onOpen) {
      strings = uiStrings(feed.language);
      var colours = FALLBACK_THEMES[theme] || FALLBACK_THEMES.light;
      region.textContent = '';
      region.className = 'mirror fallback';
      region.setAttribute('aria-label', feed.title || strings.articles);
      region.setAttribute('lang', feed.language || 'en');
      region.setAttribute('dir', feed.rtl || isRightToLeft(feed.language) ? 'rtl' : 'ltr');
      Object.keys(colours).forEach(function (k) { region.style.setProperty('--' + k, colours[k]); });
      if (feed.status === 'failed') {
        region.appendChild(el('p', null, strings.failed));
        region.appendChild(el('p', null, strings.failedDetail));
      } else if (!feed.items.length) region.appendChild(el('p', null, strings.empty));
      var shown = [];
      feed.items.forEach(function (item, i) {
        var article = el('article', { 'aria-roledescription': strings.slide, lang: item.language || null,
                                      dir: item.rtl || isRightToLeft(item.language) ? 'rtl' : null,
                                      'aria-label': fmt(strings.slideLabel, { n: i + 1, count: feed.items.length }) });
        if (item.image) {
          var figure = el('figure', { style: null });
          figure.style.margin = '0';
          figure.appendChild(el('img', { src: item.image, alt: item.alt || '', loading: 'lazy', decoding: 'async' }));
          var caption = [item.caption, item.credit].filter(Boolean).join(' ');
          if (caption) figure.appendChild(el('figcaption', null, caption));
          article.appendChild(figure);
        }
        var body = el('div', { 'class': 'body' });
        if (item.category) body.appendChild(el('p', { 'class': 'category' }, item.category));
        var h = el('h3');
        var a = el('a', { href: item.url || null, target: '_blank', rel: 'noopener noreferrer' }, item.title || item.summary);
        a.addEventListener('click', function (e) {
          if (!item.url) return;
          e.preventDefault();
          onOpen(item.url, item.id, 'card');
        });
        h.appendChild(a);
        body.appendChild(h);
        if (item.meta) body.appendChild(el('p', { 'class': 'meta' }, item.meta));
        if (item.summary && item.title) body.appendChild(el('p', { 'class': 'summary' }, item.summary));
        article.appendChild(body);
        shown.push({ element: region.appendChild(article), card: { index: i, id: item.id, url: item.url } });
      });
      actions.cards(shown);
      clampFallback(region);
      if (window.ResizeObserver) new ResizeObserver(function () { clampFallback(region); }).observe(region);
      region.addEventListener('keydown', fallbackKey);
    }
  };
}

// Each fallback card's text fits its card in whole lines. When it does not (a short
// widget, a reader's large minimum font size), the blocks give way in this order: the
// summary keeps the lines there is room for, then the caption, the category and the byline
// line go, and last the headline is cut to the lines that fit (one at least); never a
// line cut through by the card's edge. Again on every resize.
var GIVE_WAY = ['.summary', 'figcaption', '.category', '.meta', 'h3'];
function clampFallback(region) {
  Array.prototype.forEach.call(region.querySelectorAll('article'), function (article) {
    var body = article.querySelector('.body');
    if (!body) return;
    var nodes = GIVE_WAY.map(function (selector) { return article.querySelector(selector); });
    nodes.forEach(function (node) { if (node) { node.style.display = ''; node.style.webkitLineClamp = ''; } });
    nodes.some(function (node, i) {
      var over = body.getBoundingClientRect().bottom - article.getBoundingClientRect().bottom;
      if (over <= 0.5) return true;
      if (!node) return false;
      var line = parseFloat(getComputedStyle(node).lineHeight) || 20;
      var lines = Math.floor((node.getBoundingClientRect().height - over) / line + 0.01);
      var clamps = node.tagName !== 'P' || i === 0;  // h3, figcaption, the summary: -webkit-box
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
var FALLBACK_KEYS = { ArrowRight: 1, ArrowLeft: -1, Home: -1e9, End: 1e9 };
function fallbackKey(e) {
  var step = FALLBACK_KEYS[e.key], list = e.currentTarget;
  if (!step || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
  var articles = Array.prototype.slice.call(list.querySelectorAll('article'));
  var from = articles.indexOf(e.target.closest && e.target.closest('article'));
  if (!articles.length || from < 0) return;
  if (Math.abs(step) === 1 && getComputedStyle(list).direction === 'rtl') step = -step;
  var to = Math.max(0, Math.min(articles.length - 1, from + step));
  e.preventDefault();
  var link = articles[to].querySelector('h3 a');
  if (link) link.focus({ preventScroll: true });
  var still = window.matchMedia && matchMedia('(prefers-reduced-motion: reduce)').matches;
  articles[to].scrollIntoView({ block: 'nearest', inline: 'start', behavior: still ? 'auto' : 'smooth' });
}

// Text from HTML without an HTML parser (DOMParser is a Trusted Types sink): scripts and
// styles dropped, tags removed, the common entities decoded.
var ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
function plainText(html) {
  return html.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ').replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, function (m, e) {
      if (e[0] !== '#') return ENTITIES[e.toLowerCase()] || m;
      var c = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return c > 0 && c <= 0x10FFFF && (c < 0xD800 || c > 0xDFFF) ? String.fromCodePoint(c) : '\uFFFD';
    }).replace(/\s+/g, ' ').trim();
}

// The core's add_query_params (core/url.cpp) for this reader: `params` added before the
// fragment, keeping the URL's query, skipping a key it (or `params`) already has.
function withParams(url, params) {
  if (!url || !params) return url;
  var hash = url.indexOf('#'), fragment = hash < 0 ? '' : url.slice(hash), before = hash < 0 ? url : url.slice(0, hash);
  var q = before.indexOf('?'), keys = {}, added = [];
  var key = function (piece) { return piece.split('=')[0]; };
  (q < 0 ? '' : before.slice(q + 1)).split('&').forEach(function (p) { keys[key(p)] = 1; });
  params.replace(/^\?/, '').split('&').forEach(function (p) {
    p = p.replace(/[\x00-\x20"#<>\x7f]|[^\x00-\x7f]+/g, encodeURIComponent);
    if (key(p) && !keys[key(p)]) { keys[key(p)] = 1; added.push(p); }
  });
  if (!added.length) return url;
  return before + (q < 0 ? '?' : /[?&]$/.test(before) ? '' : '&') + added.join('&') + fragment;
}

// A small, cautious reader for the fallback of browsers without WebAssembly (otherwise the
// C++ core reads the feed, carta_read_feed): plain text from HTML, http(s) links resolved
// against the feed, nothing executed or injected, the core's item and summary limits.
function readFeedForFallback(bytes, feedUrl, locale, linkParams) {
  var data = JSON.parse(new TextDecoder().decode(bytes));
  if (!data || typeof data !== 'object' || !Array.isArray(data.items)) throw new Error('not a JSON Feed');
  var text = function (v) { return typeof v === 'string' ? plainText(v) : ''; };
  var link = function (v) {
    if (typeof v !== 'string') return '';
    try {
      var u = new URL(v.replace(/[\t\n\r]/g, '').trim(), feedUrl);
      return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : '';
    } catch (e) { return ''; }
  };
  var language = locale || (typeof data.language === 'string' ? data.language : 'en');
  var s = uiStrings(language);
  var items = data.items.slice(0, 5000).filter(function (it) { return it && typeof it === 'object'; }).map(function (it) {
    var ext = it._carta && typeof it._carta === 'object' ? it._carta : {};
    var authors = (Array.isArray(it.authors) ? it.authors : it.author ? [it.author] : [])
      .map(function (a) { return a && text(a.name); }).filter(Boolean);
    var minutes = typeof ext.read_time_minutes === 'number' && ext.read_time_minutes >= 1 ? Math.round(ext.read_time_minutes)
      : Math.max(1, Math.ceil(text(it.content_text || it.content_html || it.summary).split(' ').length / 200));
    var meta = [authors.join(', '),
                cardDate(s, it.date_published), fmt(pluralWords(s, minutes), { n: minutes })].filter(Boolean).join(' · ');
    return {
      id: String(it.id != null ? it.id : it.url || ''), url: withParams(link(it.url) || link(it.external_url), linkParams),
      title: text(it.title), summary: text(it.summary) || text(it.content_text || it.content_html).slice(0, 300),
      image: link(it.image) || link(it.banner_image), alt: text(ext.image_alt), caption: text(ext.image_caption),
      credit: text(ext.image_credit), category: text(ext.category), meta: meta,
      language: text(it.language) || text(data.language)
    };
  });
  return { title: text(data.title), language: language, items: items };
}
