// The Splide baseline: the demo feed's cards (baseline-cards.js) in a Splide carousel, its
// pictures past the first view lazy by Splide's own lazyLoad, as its docs advise.
window.baselineCards(document.querySelector('.splide__list'), 'li', 'splide__slide', true).then(function () {
  new Splide('#carousel', { lazyLoad: 'nearby', perPage: 1, gap: 16, mediaQuery: 'min', breakpoints: { 700: { perPage: 2 } }, keyboard: 'global' }).mount();
});
