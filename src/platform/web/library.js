// The JavaScript the C++ side calls (Emscripten's --js-library): each reaches the widget's
// host object (web/carta/widget.js), which the page registered as Module.cartaHosts[id].
// Declared in web_main.cpp and web_text.cpp.
mergeInto(LibraryManager.library, {
  // A texture in the current context from an ImageBitmap or a canvas; its GL name.
  $cartaTexture__deps: ['$GL'],
  $cartaTexture: function (source) {
    var gl = GLctx;
    var texture = gl.createTexture();
    gl.bindTexture(gl.TEXTURE_2D, texture);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
    gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, false);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, source);
    var id = GL.getNewId(GL.textures);
    texture.name = id;
    GL.textures[id] = texture;
    return id;
  },

  // A WebGL 2 context on the host's canvas, with the page's attributes; 0 when the browser
  // cannot. The page may have made it already, in a task of its own: then it is that one.
  carta_js_create_context__deps: ['$GL'],
  carta_js_create_context: function (hostId) {
    var host = Module['cartaHosts'][hostId];
    return GL.createContext(host.canvas, host.contextAttributes) | 0;
  },

  // Asks the page to fetch and decode a picture at (about) the size it is drawn; it answers
  // with carta_image_decoded, carta_image_in_page or carta_image_failed.
  carta_js_request_image: function (hostId, url, width, height, maxSide) {
    Module['cartaHosts'][hostId].requestImage(UTF8ToString(url), width, height, maxSide);
  },

  // The card in view changed, and why (protocol CHANGE_CAUSE); `announce` 1: the mirror says so.
  carta_js_changed: function (hostId, index, id, cause, announce) {
    Module['cartaHosts'][hostId].changed(index, UTF8ToString(id), cause, announce);
  },

  // The reader asked to open a link: the page fires carta:open and, unless the host page
  // prevents it, opens the URL in a new tab — still inside the reader's own input event.
  carta_js_open: function (hostId, url, id, kind) {
    Module['cartaHosts'][hostId].open(UTF8ToString(url), UTF8ToString(id), UTF8ToString(kind));
  },

  // Uploads a decoded ImageBitmap the page holds as a texture of the current context.
  carta_js_upload_bitmap__deps: ['$cartaTexture'],
  carta_js_upload_bitmap: function (hostId, bitmapId) {
    var bitmap = Module['cartaHosts'][hostId].takeBitmap(bitmapId);
    if (!bitmap) return 0;
    var id = cartaTexture(bitmap);
    bitmap.close();
    return id;
  },

  // The browser's text stack (web/carta-text.js), for what the atlas cannot draw: the lines
  // of a paragraph, joined by '\n', in memory from malloc (the caller frees it).
  carta_js_text_lines__deps: ['malloc'],
  carta_js_text_lines: function (hostId, text, face, family, size, lineHeight, maxWidth, maxLines, rtl, lang) {
    var stack = Module['cartaHosts'][hostId].text;
    var font = [face, UTF8ToString(family)];
    var lines = stack.lines(UTF8ToString(text), font, size, lineHeight, maxWidth, maxLines, rtl, UTF8ToString(lang));
    var joined = lines.map(function (l) { return l.split('\n').join(' '); }).join('\n');
    var n = lengthBytesUTF8(joined) + 1;
    var at = _malloc(n);
    stringToUTF8(joined, at, n);
    return at;
  },

  carta_js_text_width: function (hostId, text, face, family, size, rtl, lang) {
    return Module['cartaHosts'][hostId].text.width(UTF8ToString(text), [face, UTF8ToString(family)], size, rtl,
                                                   UTF8ToString(lang));
  },

  // Draws a line and uploads it as a texture of the current context; writes its size to
  // `sizeOut` and returns the texture's name (0 on failure).
  carta_js_text_image__deps: ['$cartaTexture'],
  carta_js_text_image: function (hostId, text, face, family, size, lineHeight, rgba, rtl, lang, dpr, pad, sizeOut) {
    var canvas = Module['cartaHosts'][hostId].text.image(UTF8ToString(text), [face, UTF8ToString(family)], size,
                                                         lineHeight, rgba >>> 0, rtl, UTF8ToString(lang), dpr, pad);
    if (!canvas) return 0;
    HEAP32[sizeOut >> 2] = canvas.width;
    HEAP32[(sizeOut >> 2) + 1] = canvas.height;
    return cartaTexture(canvas);
  }
});
