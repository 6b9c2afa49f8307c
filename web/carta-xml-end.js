/* Carta.xml(instantiateWasm) resolves with convert(bytes, charset):
 *
 *   bytes    a Uint8Array, the XML feed as fetched (any encoding, any byte order mark)
 *   charset  the charset parameter of the response's Content-Type as sent ("windows-1256"),
 *            or '' / undefined when there was none
 *
 * The encoding is chosen by the XML reader's own rules (src/xml, xml_encoding): the byte
 * order mark's, else `charset` (a charset that names no encoding is passed over), else the
 * XML declaration's encoding="…", else UTF-8 — labels as the WHATWG Encoding Standard reads
 * them. Any encoding but UTF-8 is decoded here with the browser's TextDecoder (the wasm
 * carries no tables) and handed to the reader as UTF-8, marked so that the declaration is
 * not applied again.
 *
 * It returns {bytes, path}: `bytes` the feed as JSON Feed 1.1 + _carta (UTF-8), and
 * path(pointer) the element a JSON pointer of it came from. It throws an Error with `where`
 * (line:column, or an element path) when the XML cannot be read; for an encoding label that
 * names no encoding, or one this browser cannot decode, the message quotes the label and
 * `where` is ''. The wasm is fetched by carta.js, with its integrity check. */
function create(instantiateWasm) {
  return createCartaXml({ 'instantiateWasm': instantiateWasm }).then(function (M) {
    var latest = 0;  // the conversion the module holds (each widget may convert a feed)
    function text(ptr) { return M['UTF8ToString'](ptr); }
    function failure(message) {
      var error = new Error(message || text(M['_carta_xml_error']()));
      error.where = message ? '' : text(M['_carta_xml_error_where']());
      return error;
    }
    // Calls `f` with the bytes and the charset in the module's memory.
    function withInput(bytes, charset, f) {
      var size = M['lengthBytesUTF8'](charset) + 1;
      var ptr = M['_malloc'](Math.max(1, bytes.length)), label = M['_malloc'](size);
      M['HEAPU8'].set(bytes, ptr);
      M['stringToUTF8'](charset, label, size);
      var result = f(ptr, label);
      M['_free'](ptr);
      M['_free'](label);
      return result;
    }
    function run(bytes, charset, utf8) {
      return withInput(bytes, charset, function (ptr, label) { return M['_carta_xml_convert'](ptr, bytes.length, label, utf8); });
    }
    return function convert(bytes, charset) {
      charset = charset ? String(charset) : '';
      var id = ++latest;
      var encoding = withInput(bytes, charset, function (ptr, label) {
        return text(M['_carta_xml_encoding'](ptr, bytes.length, label));
      });
      if (!encoding) throw failure();
      var utf8 = 0;
      if (encoding !== 'UTF-8') {
        var decoder;
        try {
          decoder = new TextDecoder(encoding);
        } catch (e) {  // a RangeError: a label this browser does not know
          throw failure('the feed is in "' + encoding + '", which this browser cannot decode');
        }
        bytes = new TextEncoder().encode(decoder.decode(bytes));
        utf8 = 1;
      }
      if (!run(bytes, charset, utf8)) throw failure();
      var at = M['_carta_xml_json']();
      var json = M['HEAPU8'].slice(at, at + M['_carta_xml_json_length']());
      M['_carta_xml_drop_json']();
      return {
        bytes: json,
        // Diagnostics are rare: another feed converted since is converted again to answer.
        path: function (pointer) {
          if (!pointer || pointer.indexOf('/') !== 0) return pointer;
          if (id !== latest) { id = ++latest; run(bytes, charset, utf8); M['_carta_xml_drop_json'](); }
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
