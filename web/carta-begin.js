/* Carta — an embeddable article card carousel. Adds one global: window.Carta. Outside a
 * browser (a server-side render importing the npm package) it does nothing. */
(function () {
if (typeof window === 'undefined' || typeof document === 'undefined') return;
