// The baselines' cards: fetch the demo feed and build each card in the DOM (picture,
// category, headline link, byline and date, summary) inside `slideTag.slideClass`, as a
// DOM carousel would. Marks "baseline:first-card" when the first card's text is laid out in
// its font and painted, and "baseline:first-picture" when its picture is decoded too.
// Pictures past the first view (two cards) are lazy: loading="lazy" (set before src, or the
// browser has already started the fetch), or with `splideLazy` Splide's own lazy loading
// (the address in data-splide-lazy, no src, for its lazyLoad option).
window.baselineCards = function (list, slideTag, slideClass, splideLazy) {
  return fetch('demo.json').then(function (r) { return r.json(); }).then(function (feed) {
    var first = null;
    feed.items.forEach(function (item, i) {
      var slide = document.createElement(slideTag);
      slide.className = slideClass;
      var card = document.createElement('article');
      card.className = 'card';
      var img = document.createElement('img');
      img.alt = item.image_alt || '';
      if (i >= 2 && splideLazy) {
        img.setAttribute('data-splide-lazy', item.image);
      } else {
        img.loading = i < 2 ? 'eager' : 'lazy';
        img.src = item.image;
      }
      var body = document.createElement('div');
      body.className = 'body';
      var category = document.createElement('div');
      category.className = 'category';
      category.textContent = (item.tags && item.tags[0]) || '';
      var h = document.createElement('h2');
      var a = document.createElement('a');
      a.href = item.url;
      a.textContent = item.title;
      h.appendChild(a);
      var meta = document.createElement('div');
      meta.className = 'meta';
      meta.textContent = ((item.authors && item.authors[0] && item.authors[0].name) || '') + ' · ' +
        new Date(item.date_published).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
      var p = document.createElement('p');
      p.textContent = item.summary || '';
      body.append(category, h, meta, p);
      card.append(img, body);
      slide.appendChild(card);
      list.appendChild(slide);
      if (i === 0) first = img;
    });
    document.fonts.ready.then(function () {
      requestAnimationFrame(function () { setTimeout(function () { performance.mark('baseline:first-card'); }, 0); });
    });
    if (first) first.decode().then(function () { performance.mark('baseline:first-picture'); }, function () {});
  });
};
