// Find in page for a canvas: the words of every card wait, aria-hidden, in a clipped strip
// beside the mirror (see MIRROR_CSS .offstage), where the browser's find bar and
// window.find meet them; the widget is asked to show the card a match is in. The find bar
// scrolls the match into view: card i's words are at 2(i+1) widths along the strip, so the
// scroll says i whatever the browser's alignment, and the strip goes back. window.find (and
// the find bar, as it closes) selects the match instead.
import { el } from './dom.js';

export function findStrip(root, reveal) {
  const offstage = el('div', { 'class': 'offstage', 'aria-hidden': 'true' });
  let words = [], hidden = [], lastMatch = null;
  const show = (index) => { if (index >= 0 && index < words.length) reveal(index); };
  offstage.addEventListener('scroll', () => {
    const width = offstage.clientWidth;
    const index = width ? Math.round(offstage.scrollLeft / (2 * width)) - 1 : -1;
    offstage.scrollLeft = 0;
    show(index);
  });
  function selected() {
    const selection = document.getSelection();
    let range = null;
    try {
      if (selection && selection.getComposedRanges) range = selection.getComposedRanges({ shadowRoots: [root] })[0];
      else if (root.getSelection) range = root.getSelection().getRangeAt(0);
    } catch (e) { return; }
    // Once per match: the selection stays where it was while the reader moves on.
    const match = range && [range.startContainer, range.startOffset, range.endContainer, range.endOffset];
    if (!match || (lastMatch && match.every((m, i) => m === lastMatch[i]))) return;
    lastMatch = match;
    for (let node = match[0]; node && node !== offstage; node = node.parentNode)
      if (node.parentNode === offstage) return show(+node.dataset.index);
  }
  document.addEventListener('selectionchange', selected);

  function cardWords(c) {
    const box = el('div', { 'data-index': c.index, lang: c.language || null, dir: c.rtl ? 'rtl' : null });
    box.style.left = 200 * (c.index + 1) + '%';
    [c.category, c.title, [c.caption, c.credit].filter(Boolean).join(' '), c.meta, c.summary]
      .concat((c.related || []).map((r) => r.title))
      .forEach((text) => { if (text) box.appendChild(el('p', null, text)); });
    return box;
  }

  return {
    node: offstage,
    // The cards in view (their indexes) are found in their articles, not twice.
    inView(indexes) {
      hidden.forEach((box) => { box.hidden = false; });
      hidden = indexes.map((i) => words[i]).filter(Boolean);
      hidden.forEach((box) => { box.hidden = true; });
    },
    // A slice of the cards (carta_json items) from `from`; 0 starts again (a new feed).
    add(items, from, isInView) {
      if (!from) { offstage.textContent = ''; words = []; hidden = []; }
      items.forEach((c) => {
        const box = cardWords(c);
        words[c.index] = box;
        if (isInView(c.index)) { box.hidden = true; hidden.push(box); }
        offstage.appendChild(box);
      });
    },
    destroy() { document.removeEventListener('selectionchange', selected); }
  };
}
