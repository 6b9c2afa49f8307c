/* Carta's RSS and Atom reader (carta-xml.wasm), fetched by carta.js only for a feed whose
 * bytes are XML. Adds Carta.xml; nothing else reaches the page's global scope. */
(function () {
