/* Carta — an embeddable article card carousel. Adds one global: window.Carta. */
(function () {
