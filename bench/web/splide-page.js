// The Splide baseline: the demo feed's cards (baseline-cards.js) in a Splide carousel.
window.baselineCards(document.querySelector('.splide__list'), 'li', 'splide__slide').then(function () {
  new Splide('#carousel', { perPage: 1, gap: 16, mediaQuery: 'min', breakpoints: { 700: { perPage: 2 } }, keyboard: 'global' }).mount();
});
