# WebAssembly build: carta.js + carta.wasm, the widget a partner page includes.
# The Emscripten factory and our page layer (web/carta/, bundled) end up in one file,
# wrapped in a function so that nothing but `Carta` reaches the page's global scope.
add_executable(carta_web src/platform/web/web_main.cpp src/platform/web/web_bidi.cpp src/platform/web/web_text.cpp)
set_target_properties(carta_web PROPERTIES OUTPUT_NAME carta SUFFIX ".js")
# strtod by the browser's number parser, not musl's long-double one, sinf and cosf by the
# browser's Math, snprintf by a small formatter of our own (src/platform/web/web_numbers.cpp):
# for the widget and for the unit tests under Node, so that they test what the widget runs.
add_library(carta_web_numbers OBJECT src/platform/web/web_numbers.cpp)
target_compile_options(carta_web_numbers PRIVATE ${CARTA_WARNINGS})
target_link_options(carta_web_numbers INTERFACE "-Wl,--wrap=strtod" "-Wl,--wrap=sinf" "-Wl,--wrap=cosf"
                    "-Wl,--wrap=snprintf" "-Wl,--wrap=vsnprintf")
target_link_libraries(carta_tests PRIVATE carta_web_numbers)
target_link_libraries(carta_web PRIVATE carta_app carta_words_en carta_web_numbers)
target_compile_options(carta_web PRIVATE ${CARTA_WARNINGS})

# The functions the page calls (web/carta/, by the protocol of src/app/protocol.h).
set(CARTA_WEB_EXPORTS
  _malloc _free _carta_create _carta_destroy _carta_set_theme _carta_asset _carta_feed _carta_read_feed
  _carta_frame _carta_next_wake _carta_input _carta_image _carta_json)
list(JOIN CARTA_WEB_EXPORTS "," CARTA_WEB_EXPORTS_CSV)

target_link_options(carta_web PRIVATE
  -sMODULARIZE=1
  -sEXPORT_NAME=createCartaModule
  -sENVIRONMENT=web
  -sFILESYSTEM=0
  -sALLOW_MEMORY_GROWTH=1
  -sINITIAL_MEMORY=33554432
  -sMIN_WEBGL_VERSION=2
  -sMAX_WEBGL_VERSION=2
  -sMALLOC=emmalloc
  # The WebGL glue without what ImGui's renderer never asks for: GLES-style version strings,
  # GL_-prefixed extension names, extensions enabled behind its back, GLES-only error codes.
  -sGL_EMULATE_GLES_VERSION_STRING_FORMAT=0 -sGL_EXTENSIONS_IN_PREFIXED_FORMAT=0
  -sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0 -sGL_SUPPORT_SIMPLE_ENABLE_EXTENSIONS=0 -sGL_TRACK_ERRORS=0
  # The page hands the factory only locateFile and instantiateWasm (it fetches the wasm with
  # its integrity check); no setjmp in C or C++ here.
  -sINCOMING_MODULE_JS_API=locateFile,instantiateWasm -sSUPPORT_LONGJMP=0
  # TextDecoder always (every browser with WebGL 2 has it); no errno strings in the glue.
  -sTEXTDECODER=2 -sSUPPORT_ERRNO=0
  -sEXPORTED_FUNCTIONS=${CARTA_WEB_EXPORTS_CSV}
  -sEXPORTED_RUNTIME_METHODS=UTF8ToString,stringToUTF8,lengthBytesUTF8
  "SHELL:--js-library ${CMAKE_SOURCE_DIR}/src/platform/web/library.js"
  "SHELL:--extern-pre-js ${CMAKE_SOURCE_DIR}/web/carta-begin.js"
  "SHELL:--extern-post-js ${CMAKE_BINARY_DIR}/carta-page.js")

# The page layer: ES modules in web/carta/ (main.js imports the rest), bundled by Debian's
# esbuild into one script, minified with Debian's terser and joined after Emscripten's
# factory, inside the function that carta-begin.js opens and carta-end.js closes. The
# English words and the list of languages come first, written from assets/words/.
set(CARTA_WORDS_EN_JSON "${CMAKE_SOURCE_DIR}/assets/words/en.json")
add_custom_command(OUTPUT "${CMAKE_BINARY_DIR}/carta-words.js"
  COMMAND "${CMAKE_SOURCE_DIR}/scripts/embed-words.sh" --js "${CMAKE_BINARY_DIR}/carta-words.js"
          "${CARTA_WORDS_EN_JSON}" ${CARTA_WORD_FILES}
  DEPENDS ${CARTA_WORD_FILES} "${CMAKE_SOURCE_DIR}/scripts/embed-words.sh" VERBATIM)
file(GLOB CARTA_PAGE_MODULES CONFIGURE_DEPENDS web/carta/*.js web/carta/generated/*.js)
find_program(CARTA_TERSER terser REQUIRED)
find_program(CARTA_ESBUILD esbuild REQUIRED)
add_custom_command(OUTPUT "${CMAKE_BINARY_DIR}/carta-page.js"
  COMMAND "${CARTA_ESBUILD}" "${CMAKE_SOURCE_DIR}/web/carta/main.js" --bundle --format=iife --target=es2017
          --log-level=warning "--outfile=${CMAKE_BINARY_DIR}/carta-bundle.js"
  COMMAND cat "${CMAKE_BINARY_DIR}/carta-words.js" "${CMAKE_BINARY_DIR}/carta-bundle.js" > "${CMAKE_BINARY_DIR}/carta-page.src.js"
  COMMAND ${CMAKE_COMMAND} -E env NODE_PATH=/usr/share/nodejs
          "${CARTA_TERSER}" "${CMAKE_BINARY_DIR}/carta-page.src.js" --compress passes=2 --mangle --ecma 2017 --comments false
          --output "${CMAKE_BINARY_DIR}/carta-page.min.js"
  COMMAND cat "${CMAKE_BINARY_DIR}/carta-page.min.js" "${CMAKE_SOURCE_DIR}/web/carta-end.js" > "${CMAKE_BINARY_DIR}/carta-page.js"
  DEPENDS ${CARTA_PAGE_MODULES} "${CMAKE_BINARY_DIR}/carta-words.js" "${CMAKE_SOURCE_DIR}/web/carta-end.js" VERBATIM)
add_custom_target(carta_page_js DEPENDS "${CMAKE_BINARY_DIR}/carta-page.js")

# web/carta/generated/protocol.js, the page's copy of src/app/protocol.h, is written by a
# program of its own run under Node (the enums' values and WidgetDesc's layout as this
# compiler makes them). The test protocol-js fails when the committed file differs;
# `cmake --build --preset wasm --target protocol_js_update` writes it.
add_executable(carta_protocol_js src/platform/web/protocol_js.cpp)
target_link_libraries(carta_protocol_js PRIVATE carta_app carta_bidi carta_words_en)
target_link_options(carta_protocol_js PRIVATE -sENVIRONMENT=node -sALLOW_MEMORY_GROWTH=1)
add_custom_command(OUTPUT "${CMAKE_BINARY_DIR}/protocol.js"
  COMMAND sh -c "node --no-experimental-fetch \"$<TARGET_FILE:carta_protocol_js>\" > \"${CMAKE_BINARY_DIR}/protocol.js\""
  DEPENDS carta_protocol_js VERBATIM)
add_custom_target(protocol_js ALL DEPENDS "${CMAKE_BINARY_DIR}/protocol.js")
add_custom_target(protocol_js_update
  COMMAND ${CMAKE_COMMAND} -E copy "${CMAKE_BINARY_DIR}/protocol.js" "${CMAKE_SOURCE_DIR}/web/carta/generated/protocol.js"
  DEPENDS "${CMAKE_BINARY_DIR}/protocol.js")
add_test(NAME protocol-js COMMAND sh -c "cmp \"$0\" \"$1\" || { echo 'web/carta/generated/protocol.js differs from src/app/protocol.h: cmake --build --preset wasm --target protocol_js_update'; exit 1; }"
         "${CMAKE_BINARY_DIR}/protocol.js" "${CMAKE_SOURCE_DIR}/web/carta/generated/protocol.js")

# carta-text.js, the browser's text stack for scripts the atlas lacks: its own small file,
# fetched only for feeds that need it (web/carta-text.js).
add_custom_command(OUTPUT "${CMAKE_BINARY_DIR}/carta-text.js"
  COMMAND ${CMAKE_COMMAND} -E env NODE_PATH=/usr/share/nodejs
          "${CARTA_TERSER}" "${CMAKE_SOURCE_DIR}/web/carta-text.js" --compress passes=2 --mangle --ecma 2017 --comments false
          --output "${CMAKE_BINARY_DIR}/carta-text.js"
  DEPENDS "${CMAKE_SOURCE_DIR}/web/carta-text.js" VERBATIM)
add_custom_target(carta_text_js ALL DEPENDS "${CMAKE_BINARY_DIR}/carta-text.js")
add_dependencies(carta_web carta_text_js)

# carta-fallback.js, the plain list without WebGL 2: its own small file, fetched only then
# (web/carta/fallback-part.js and the modules it imports, bundled like carta.js's page code).
add_custom_command(OUTPUT "${CMAKE_BINARY_DIR}/carta-fallback.js"
  COMMAND "${CARTA_ESBUILD}" "${CMAKE_SOURCE_DIR}/web/carta/fallback-part.js" --bundle --format=iife --target=es2017
          --log-level=warning "--outfile=${CMAKE_BINARY_DIR}/carta-fallback.src.js"
  COMMAND ${CMAKE_COMMAND} -E env NODE_PATH=/usr/share/nodejs
          "${CARTA_TERSER}" "${CMAKE_BINARY_DIR}/carta-fallback.src.js" --compress passes=2 --mangle --ecma 2017 --comments false
          --output "${CMAKE_BINARY_DIR}/carta-fallback.js"
  DEPENDS ${CARTA_PAGE_MODULES} VERBATIM)
add_custom_target(carta_fallback_js ALL DEPENDS "${CMAKE_BINARY_DIR}/carta-fallback.js")
add_dependencies(carta_web carta_fallback_js)
add_dependencies(carta_web carta_page_js)
set_property(TARGET carta_web APPEND PROPERTY LINK_DEPENDS
  "${CMAKE_SOURCE_DIR}/src/platform/web/library.js" "${CMAKE_SOURCE_DIR}/web/carta-begin.js" "${CMAKE_BINARY_DIR}/carta-page.js")
# Emscripten's glue is whitespace-minified but keeps its long local names (closure is not
# in Debian's emscripten): terser over the whole linked file (19.6 -> 15.8 KB gzip). Only
# locals of the wrapping function are renamed; every property name stays as it is.
function(carta_terse_after_link target file)
  add_custom_command(TARGET ${target} POST_BUILD
    COMMAND ${CMAKE_COMMAND} -E env NODE_PATH=/usr/share/nodejs
            "${CARTA_TERSER}" "${CMAKE_BINARY_DIR}/${file}" --compress passes=2 --mangle --ecma 2017 --comments false
            --output "${CMAKE_BINARY_DIR}/${file}"
    VERBATIM)
endfunction()
carta_terse_after_link(carta_web carta.js)

# The feed reader's parse benchmark under Node (bench/README.md): the wasm/native ratio.
add_executable(carta_bench_parse bench/wasm_parse_main.cpp bench/feed_bench.cpp)
target_include_directories(carta_bench_parse PRIVATE "${CMAKE_SOURCE_DIR}")
target_link_libraries(carta_bench_parse PRIVATE carta_core carta_bidi carta_words_en carta_web_numbers)
target_compile_options(carta_bench_parse PRIVATE -O2)
target_link_options(carta_bench_parse PRIVATE -O2 -sALLOW_MEMORY_GROWTH=1 -sENVIRONMENT=node)


# carta-xml.js + carta-xml.wasm, the RSS and Atom reader (src/xml over pugixml): a module of
# its own, fetched by carta.js only for a feed whose bytes are XML, so a JSON page's payload
# does not change. It converts to JSON Feed; carta.wasm reads that as any other feed.
add_executable(carta_xml_web src/platform/web/web_xml.cpp)
set_target_properties(carta_xml_web PROPERTIES OUTPUT_NAME carta-xml SUFFIX ".js")
target_link_libraries(carta_xml_web PRIVATE carta_xml)
target_compile_options(carta_xml_web PRIVATE ${CARTA_WARNINGS})
target_link_options(carta_xml_web PRIVATE
  -sMODULARIZE=1 -sEXPORT_NAME=createCartaXml -sENVIRONMENT=web -sFILESYSTEM=0
  -sALLOW_MEMORY_GROWTH=1 -sMALLOC=emmalloc -sINCOMING_MODULE_JS_API=instantiateWasm
  -sSUPPORT_LONGJMP=0 -sTEXTDECODER=2 -sSUPPORT_ERRNO=0
  -sEXPORTED_FUNCTIONS=_malloc,_free,_carta_xml_encoding,_carta_xml_convert,_carta_xml_json,_carta_xml_json_length,_carta_xml_drop_json,_carta_xml_error,_carta_xml_error_where,_carta_xml_path
  -sEXPORTED_RUNTIME_METHODS=UTF8ToString,stringToUTF8,lengthBytesUTF8
  "SHELL:--extern-pre-js ${CMAKE_SOURCE_DIR}/web/carta-xml-begin.js"
  "SHELL:--extern-post-js ${CMAKE_SOURCE_DIR}/web/carta-xml-end.js")
set_property(TARGET carta_xml_web APPEND PROPERTY LINK_DEPENDS
  "${CMAKE_SOURCE_DIR}/web/carta-xml-begin.js" "${CMAKE_SOURCE_DIR}/web/carta-xml-end.js")
carta_terse_after_link(carta_xml_web carta-xml.js)
add_dependencies(carta_web carta_xml_web)

# carta-html.js + carta-html.wasm: `carta html` for Node (src/platform/node/render_html.cpp),
# the npm package's carta-carousel/html (web/npm/html.mjs, renderHtml) for servers and
# builds. Every language's words are in it; the page layer never loads it.
add_executable(carta_html_node src/platform/node/render_html.cpp)
set_target_properties(carta_html_node PROPERTIES OUTPUT_NAME carta-html SUFFIX ".js")
target_link_libraries(carta_html_node PRIVATE carta_xml carta_bidi carta_words_all carta_web_numbers)
target_compile_options(carta_html_node PRIVATE ${CARTA_WARNINGS})
target_link_options(carta_html_node PRIVATE
  -sMODULARIZE=1 -sEXPORT_NAME=createCartaHtml -sENVIRONMENT=node -sFILESYSTEM=0
  -sALLOW_MEMORY_GROWTH=1 -sMALLOC=emmalloc -sSUPPORT_LONGJMP=0 -sSUPPORT_ERRNO=0
  -sEXPORTED_FUNCTIONS=_malloc,_free,_carta_html_encoding,_carta_html_render,_carta_html_output,_carta_html_messages
  -sEXPORTED_RUNTIME_METHODS=UTF8ToString,stringToUTF8,lengthBytesUTF8)
add_dependencies(carta_web carta_html_node)
