/* Carta's text for every script: the browser's own text stack, for the paragraphs the
 * widget's font atlas cannot draw (Cyrillic, Greek, CJK, Indic, Thai, emoji…). carta.js
 * fetches this file only for a feed that has such text; it adds Carta.textStack.
 *   [X] Line breaks from the browser's layout (a hidden element of the same width, font and
 *       language): dictionary breaks in Thai, breaks between ideographs, none inside a
 *       grapheme cluster. An ellipsis ends a paragraph cut at its last line.
 *   [X] Lines drawn with Canvas 2D in the same fonts, at the device pixel ratio, with the
 *       base Noto faces registered from the bytes carta.js already has (no font-src).
 *   [X] Nothing in the page's flow: the measuring element is clipped inside the widget's
 *       shadow root and hidden from assistive technology. */
(function () {
  'use strict';
  // carta::Face: sans, sans bold, serif bold; the families the base font files get here.
  var FACES = [['carta-sans', '400', 'sans-serif'], ['carta-sans', '700', 'sans-serif'], ['carta-serif', '700', 'serif']];
  var ELLIPSIS = '\u2026';
  var registered = null;

  // The widget's base faces under Carta's own family names, from their bytes (so the page's
  // CSP needs no font-src); resolves when the browser can draw with them. A widget whose
  // look names both its fonts has none: the page's fonts draw every line.
  function registerFonts(buffers) {
    if (!buffers) return Promise.resolve();
    if (!registered) {
      registered = Promise.all(FACES.map(function (face, k) {
        var f = new FontFace(face[0], buffers[k].slice(0), { weight: face[1] });
        document.fonts.add(f);
        return f.load();
      }));
    }
    return registered;
  }

  // `face` is [a carta::Face (its weight), the partner's font-family list or '']: the
  // partner's fonts fall back along their own list, as CSS does.
  function font(face, size) {
    var f = FACES[face[0]] || FACES[0];
    return f[1] + ' ' + size + 'px ' + (face[1] || f[0] + ', ' + f[2]);
  }

  // Offsets (UTF-16) where grapheme clusters start, and the text's length at the end.
  function graphemeStarts(text, lang) {
    var out = [];
    if (window.Intl && Intl.Segmenter) {
      var it = new Intl.Segmenter(lang || undefined, { granularity: 'grapheme' }).segment(text);
      for (var s of it) out.push(s.index);
    } else {
      for (var i = 0; i < text.length; i++) {
        var c = text.charCodeAt(i);
        if (c < 0xDC00 || c > 0xDFFF) out.push(i);  // at least never inside a surrogate pair
      }
    }
    out.push(text.length);
    return out;
  }

  // A zero-sized, clipped box with the paragraph probe in it: the paragraph is laid out
  // inside it but never painted and never makes the page scroll.
  function makeProbe(root) {
    var clip = document.createElement('div');
    clip.setAttribute('aria-hidden', 'true');
    var cs = clip.style;
    cs.position = 'absolute';
    cs.left = cs.top = '0';
    cs.width = cs.height = '0';
    cs.overflow = 'hidden';
    cs.visibility = 'hidden';
    cs.pointerEvents = 'none';
    var probe = document.createElement('div');
    var ps = probe.style;
    ps.position = 'absolute';
    ps.whiteSpace = 'normal';
    ps.overflowWrap = 'break-word';
    ps.textAlign = 'start';
    clip.appendChild(probe);
    root.appendChild(clip);
    return probe;
  }

  function setCtx(ctx, face, size, rtl, lang) {
    ctx.font = font(face, size);
    ctx.direction = rtl ? 'rtl' : 'ltr';
    if ('lang' in ctx) ctx.lang = lang || 'en';
    ctx.textAlign = 'left';
    ctx.textBaseline = 'alphabetic';
  }

  function width(ctx, text, face, size, rtl, lang) {
    setCtx(ctx, face, size, rtl, lang);
    return ctx.measureText(text).width;
  }

  // The longest start of `text` (whole grapheme clusters) that fits with an ellipsis.
  function withEllipsis(ctx, text, face, size, maxWidth, rtl, lang) {
    var stops = graphemeStarts(text, lang);
    var lo = 1, hi = stops.length - 1, best = '';
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      var candidate = text.slice(0, stops[mid]).replace(/[\s,;:.\-]+$/, '') + ELLIPSIS;
      if (width(ctx, candidate, face, size, rtl, lang) <= maxWidth) { best = candidate; lo = mid + 1; } else hi = mid - 1;
    }
    return best;
  }

  // Where the lines of the probe's text `node` start (UTF-16 offsets), at most maxLines + 1
  // (0: all). A new line starts where a cluster's box sits lower than the one before it.
  // Boxes only go down through the text, so each line's start is found by binary search over
  // the clusters: a few dozen range measurements a paragraph, not one per cluster.
  function lineStarts(node, text, lang, lineHeight, maxLines) {
    var range = document.createRange();
    var stops = graphemeStarts(text, lang), n = stops.length - 1;
    // The first cluster from `k` on that has a box (a collapsed space has none), and its top.
    var visible = function (k) {
      for (; k < n; k++) {
        range.setStart(node, stops[k]);
        range.setEnd(node, stops[k + 1]);
        var rects = range.getClientRects();
        if (rects.length && rects[0].height) return { k: k, top: rects[0].top };
      }
      return null;
    };
    var starts = [0];
    for (var line = visible(0); line;) {
      var lo = line.k + 1, hi = n - 1, next = null;
      while (lo <= hi) {
        var mid = (lo + hi) >> 1, v = visible(mid);
        if (v && v.top > line.top + lineHeight / 2) { next = v; hi = mid - 1; } else lo = mid + 1;
      }
      if (!next) break;
      starts.push(stops[next.k]);
      line = next;
      if (maxLines > 0 && starts.length > maxLines) break;
    }
    return starts;
  }

  // `text` broken into lines by the browser's layout at `maxWidth`; the last of maxLines
  // (0: all) ends with an ellipsis when the text goes on.
  function lines(probe, ctx, text, face, size, lineHeight, maxWidth, maxLines, rtl, lang) {
    var ps = probe.style;
    ps.font = font(face, size);
    ps.lineHeight = lineHeight + 'px';
    ps.width = maxWidth + 'px';
    probe.dir = rtl ? 'rtl' : 'ltr';
    probe.lang = lang || '';
    probe.textContent = text;
    if (!probe.firstChild) return [];
    var starts = lineStarts(probe.firstChild, text, lang, lineHeight, maxLines);
    probe.textContent = '';
    var out = [];
    for (var j = 0; j < starts.length; j++) {
      if (maxLines > 0 && j === maxLines - 1 && starts.length > maxLines) {
        out.push(withEllipsis(ctx, text.slice(starts[j]).trim(), face, size, maxWidth, rtl, lang));
        break;
      }
      out.push(text.slice(starts[j], j + 1 < starts.length ? starts[j + 1] : text.length).trim());
    }
    return out;
  }

  // One line in its line box on `canvas`, text centred in it as CSS centres the first font's
  // ascent and descent, `pad` device px in from the left edge — from the right one for a
  // right-to-left line, which the widget right-aligns (so its left edge keeps the fraction
  // of a pixel the browser's layout gives it).
  function image(canvas, ctx, text, face, size, lineHeight, rgba, rtl, lang, dpr, pad) {
    var w = width(ctx, text, face, size, rtl, lang);
    canvas.width = Math.max(1, Math.ceil(w * dpr) + 2 * pad);
    canvas.height = Math.max(1, Math.round(lineHeight * dpr));
    setCtx(ctx, face, size, rtl, lang);  // resizing the canvas reset its state
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    var m = ctx.measureText(text);
    var ascent = m.fontBoundingBoxAscent, descent = m.fontBoundingBoxDescent;
    if (!(ascent > 0)) { ascent = size * 1.069; descent = size * 0.293; }  // Noto Sans
    ctx.fillStyle = 'rgba(' + (rgba >>> 24) + ',' + ((rgba >>> 16) & 255) + ',' + ((rgba >>> 8) & 255) + ',' +
                    ((rgba & 255) / 255) + ')';
    if (rtl) ctx.textAlign = 'right';
    ctx.fillText(text, (rtl ? canvas.width - pad : pad) / dpr, (lineHeight - (ascent + descent)) / 2 + ascent);
    return canvas;
  }

  // A widget's text stack: its probe in the widget's shadow root, one canvas for its lines.
  function create(root, fontBuffers) {
    var probe = makeProbe(root);
    var canvas = document.createElement('canvas');
    var ctx = canvas.getContext('2d');
    return {
      ready: registerFonts(fontBuffers),
      lines: function (text, face, size, lineHeight, maxWidth, maxLines, rtl, lang) {
        return lines(probe, ctx, text, face, size, lineHeight, maxWidth, maxLines, rtl, lang);
      },
      width: function (text, face, size, rtl, lang) { return width(ctx, text, face, size, rtl, lang); },
      image: function (text, face, size, lineHeight, rgba, rtl, lang, dpr, pad) {
        return image(canvas, ctx, text, face, size, lineHeight, rgba, rtl, lang, dpr, pad);
      },
      destroy: function () { probe.parentNode.remove(); }
    };
  }

  if (window.Carta) window.Carta['textStack'] = create;
})();
