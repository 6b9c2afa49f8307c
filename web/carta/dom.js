// Small DOM helpers of the mirror and the fallback list.
export function el(tag, attrs, text) {
  var node = document.createElement(tag);
  if (attrs) Object.keys(attrs).forEach(function (k) { if (attrs[k] != null) node.setAttribute(k, attrs[k]); });
  if (text != null) node.textContent = text;
  return node;
}

// A link the pointer meets over the canvas (see MIRROR_CSS .hit).
export function hit(link, extra) {
  link.classList.add('hit');
  if (extra) link.classList.add(extra);
  link.setAttribute('draggable', 'false');
  return link;
}

export function place(node, rect) {
  node.classList.add('vh');
  if (!rect) return node;
  node.style.left = rect[0] + 'px';
  node.style.top = rect[1] + 'px';
  node.style.width = rect[2] + 'px';
  node.style.height = rect[3] + 'px';
  return node;
}
