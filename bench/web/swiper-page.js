// The Swiper baseline: the demo feed's cards (baseline-cards.js) in a Swiper carousel.
window.baselineCards(document.querySelector('.swiper-wrapper'), 'div', 'swiper-slide').then(function () {
  new Swiper('#carousel', {
    slidesPerView: 1, spaceBetween: 16, breakpoints: { 700: { slidesPerView: 2 } },
    navigation: { nextEl: '.swiper-button-next', prevEl: '.swiper-button-prev' },
    pagination: { el: '.swiper-pagination', clickable: true }, keyboard: true
  });
});
