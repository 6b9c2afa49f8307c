/* Carta.xml(instantiateWasm) resolves with convert(bytes): the XML feed's bytes as JSON
 * Feed 1.1 + _carta (UTF-8), and path(pointer), the element a JSON pointer of it came from.
 * convert throws an Error with `where` (line:column, or an element path) when the XML
 * cannot be read. The wasm is fetched by carta.js, with its integrity check. */
function create(instantiateWasm) {
  return createCartaXml({ 'instantiateWasm': instantiateWasm }).then(function (M) {
    var latest = 0;  // the conversion the module holds (each widget may convert a feed)
    function text(ptr) { return M['UTF8ToString'](ptr); }
    function run(bytes) {
      var ptr = M['_malloc'](Math.max(1, bytes.length));
      M['HEAPU8'].set(bytes, ptr);
      var ok = M['_carta_xml_convert'](ptr, bytes.length);
      M['_free'](ptr);
      return ok;
    }
    return function convert(bytes) {
      var id = ++latest;
      if (!run(bytes)) {
        var error = new Error(text(M['_carta_xml_error']()));
        error.where = text(M['_carta_xml_error_where']());
        throw error;
      }
      var at = M['_carta_xml_json']();
      var json = M['HEAPU8'].slice(at, at + M['_carta_xml_json_length']());
      M['_carta_xml_drop_json']();
      return {
        bytes: json,
        // Diagnostics are rare: another feed converted since is converted again to answer.
        path: function (pointer) {
          if (!pointer || pointer.indexOf('/') !== 0) return pointer;
          if (id !== latest) { id = ++latest; run(bytes); M['_carta_xml_drop_json'](); }
          var size = M['lengthBytesUTF8'](pointer) + 1, p = M['_malloc'](size);
          M['stringToUTF8'](pointer, p, size);
          var path = text(M['_carta_xml_path'](p));
          M['_free'](p);
          return path;
        }
      };
    };
  });
}
if (window.Carta) window.Carta['xml'] = create;
})();
