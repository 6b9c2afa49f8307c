// handle.update(changes), and <carta-carousel>'s attributes after it mounted: new settings
// for a widget. The feed, theme, accent, height and start card change in the running
// widget; what the core only takes at creation (autoplay, loop, locale, debug, link
// parameters, refresh) and the link policy re-mount it — destroy and mount, the simplest
// correct way.
import { CHANGE_CAUSE } from './generated/protocol.js';
import { failFeed, handFeed, scheduleRefresh, useFeed } from './feeding.js';
import { feedSource } from './feed-source.js';
import { readConfig } from './options.js';

// Nothing more to do once the widget has started (lazy and lazyMargin only decide when).
const SET = ['height', 'analytics', 'lazy', 'lazyMargin'];
// The config field an option's name sets, where they differ.
const FIELD = { startIndex: 'start', loading: 'lazy', linkRel: 'links', referrerPolicy: 'links' };
// Changed in a running widget without a re-mount.
const LIVE = ['feed', 'theme', 'accent', 'start'];

// Returns the options the widget now stands for: its own, with `changes` over them.
export function updateWidget(w, options, changes, go, mount) {
  const merged = Object.assign({}, options);
  Object.keys(changes).forEach((k) => { merged[k === 'startIndex' ? 'start' : k] = changes[k]; });
  if (w.life.destroyed) return merged;
  const next = readConfig(w.el, merged), c = w.config, state = w.life.state;
  // The config's fields the changes name; a feed is fetched again even at the same address.
  const fields = Object.keys(changes).map((k) => FIELD[k] || k)
    .filter((f) => f in next && (f === 'feed' || next[f] !== c[f]));
  fields.forEach((f) => { c[f] = next[f]; });  // in place: the reader's queries and links read it
  const has = (f) => fields.indexOf(f) >= 0;
  if (has('height')) w.el.style.height = c.height + 'px';  // the ResizeObserver resizes the canvas
  // A waiting widget's mirror already has its headings' level and its name.
  const remount = fields.some((f) => state === 'waiting' ? ['lazy', 'lazyMargin', 'headingLevel', 'label'].indexOf(f) >= 0
    : SET.indexOf(f) < 0 && (state !== 'running' || LIVE.indexOf(f) < 0));
  if (remount) {
    const handle = w.el['cartaHandle'];
    handle['destroy']();
    Object.assign(handle, mount(w.el, merged));  // the page's handle stays the one it holds
    w.el['cartaHandle'] = handle;
  } else if (state === 'running') {  // waiting: start() and create() read the new config
    if (has('theme') || has('accent')) w.applyTheme();
    if (has('feed')) loadFeed(w, go);
    if (has('start')) {
      if (w.feedLoading) w.startAfterFeed = true;
      else go(c.start, CHANGE_CAUSE.api);
    }
  }
  return merged;
}

// Another feed in the running widget, by the path a refresh takes (useFeed), read as a first
// feed: the core is told the shown feed failed first, so it keeps no card by id (the new
// feed's first card is shown; `start`, when changed meanwhile, after it) and a feed that
// fails is the error card, not the last good feed. carta:ready fires again once its first
// card is drawn; carta:change (cause "feed") when the card shown is another.
function loadFeed(w, go) {
  const serial = w.feeds = (w.feeds || 0) + 1;  // a refresh in flight, or an older change, is dropped
  w.feedLoading = true;
  clearTimeout(w.refreshTimer);
  feedSource(w.el, w.config.feed).then((f) => f, (e) => ({ error: e })).then((feed) => {
    if (!w.life.made || w.feeds !== serial) return;
    w.feedLoading = false;
    w.readyFired = false;
    handFeed(w, null, '', '');
    const ok = feed.error ? (failFeed(w, feed.error), false) : useFeed(w, feed);
    if (ok && w.startAfterFeed) go(w.config.start, CHANGE_CAUSE.api);
    w.startAfterFeed = false;
    scheduleRefresh(w, ok);
  });
}
