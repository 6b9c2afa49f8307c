// What the mirror says of a card in view — an article with its headline link, picture
// description, caption, byline line, text and related links, placed where the canvas draws
// it — and its buttons. data-kind is the protocol's HIT_KIND of what a node stands for.
import { HIT_KIND } from './generated/protocol.js';
import { el, hit, place } from './dom.js';
import { fmt } from './words.js';
import { linkAttributes } from './links.js';

// `c` a card of the core's view (carta_json view), in the language of `strings`. The
// mirror's `settings`: heading, the headline's element (h2 by default: the widget's option
// heading-level); links, the partner's link policy (links.js).
export function article(strings, c, view, settings) {
  var n = c.index + 1;
  var node = place(el('article', {
    'aria-roledescription': strings.slide,
    'aria-label': fmt(strings.slideLabel, { n: n, count: view.count }),
    lang: c.language || null, dir: c.rtl ? 'rtl' : null
  }), c.rect);
  var h = el(settings.heading, { 'class': 'headline' });
  var a = el('a', Object.assign({ href: c.url || null, 'data-kind': HIT_KIND.card, 'data-index': c.index, 'data-id': c.id },
                                linkAttributes(settings.links, c.sponsored)), c.title || c.summary);  // an untitled item: its text
  if (!c.url) a.setAttribute('tabindex', '-1');
  else hit(a, 'card-link');  // the whole card, as the canvas's click opens it
  h.appendChild(a);
  // Its marks, as the canvas draws them: "Live", "Sponsored by …", "Opinion", "Video, 3:24".
  if (c.marks && c.marks.length) node.appendChild(el('p', null, c.marks.join(' · ')));
  if (c.category) node.appendChild(el('p', null, c.category));
  node.appendChild(h);
  if (c.image) {
    var figure = el('figure');
    // A picture is said by its description; without one it is decoration (its caption, if
    // any, is read as text) — never an image with no name.
    if (c.alt) figure.appendChild(el('span', { role: 'img', 'aria-label': fmt(strings.image, { alt: c.alt }) }));
    var caption = [c.caption, c.credit].filter(Boolean).join(' ');
    if (caption) figure.appendChild(el('figcaption', null, caption));
    node.appendChild(figure);
  }
  if (c.meta) node.appendChild(el('p', null, c.meta));
  if (c.summary && c.title) node.appendChild(el('p', null, c.summary));
  if (c.related && c.related.length) {
    var list = el('ul', { 'aria-label': strings.related });
    c.related.forEach(function (r, k) {
      var li = el('li');
      var link = el('a', Object.assign({
        href: r.url || (r.target >= 0 ? '#' : null), 'data-kind': HIT_KIND.related, 'data-index': c.index, 'data-related': k,
        'data-id': c.id, 'data-target': r.target >= 0 ? r.target : null,
        lang: r.language || null, dir: r.language ? (r.rtl ? 'rtl' : 'ltr') : null
      }, linkAttributes(settings.links, c.sponsored)), (r.category ? r.category + ': ' : '') + r.title);
      li.appendChild(link);
      list.appendChild(li);
      if (r.rect) place(link, [r.rect[0] - c.rect[0], r.rect[1] - c.rect[1], r.rect[2], r.rect[3]]);
      // A story of this feed is brought into view, not opened: no link under the pointer.
      if (r.url && !(r.target >= 0)) hit(link);
    });
    node.appendChild(list);
  }
  return node;
}

// A card as the page's events name it: {index, id, url}, and sponsored: true for paid content.
export function storyOf(c) {
  const story = { index: c.index, id: c.id, url: c.url };
  if (c.sponsored) story.sponsored = true;
  return story;
}

export function button(label, kind, index, rect, onClick) {
  var b = place(el('button', { type: 'button', 'aria-label': label, 'data-kind': kind, 'data-index': index }), rect);
  b.addEventListener('click', function () { if (b.getAttribute('aria-disabled') !== 'true') onClick(); });
  return b;
}
