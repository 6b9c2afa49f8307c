# WebAssembly build: carta.js + carta.wasm, the widget a partner page includes.
# The Emscripten factory and our page script (web/carta-host.js) end up in one file,
# wrapped in a function so that nothing but `Carta` reaches the page's global scope.
add_executable(carta_web src/platform/web/web_main.cpp src/platform/web/web_bidi.cpp src/platform/web/web_text.cpp)
set_target_properties(carta_web PROPERTIES OUTPUT_NAME carta SUFFIX ".js")
# strtod by the browser's number parser, not musl's long-double one (src/platform/web/web_numbers.cpp):
# for the widget and for the unit tests under Node, so that they test what the widget runs.
add_library(carta_web_numbers OBJECT src/platform/web/web_numbers.cpp)
target_compile_options(carta_web_numbers PRIVATE ${CARTA_WARNINGS})
target_link_options(carta_web_numbers INTERFACE "-Wl,--wrap=strtod")
target_link_libraries(carta_tests PRIVATE carta_web_numbers)
target_link_libraries(carta_web PRIVATE carta_app carta_words_en carta_web_numbers)
target_compile_options(carta_web PRIVATE ${CARTA_WARNINGS})

set(CARTA_WEB_EXPORTS
  _malloc _free _carta_create _carta_destroy _carta_set_font _carta_set_feed _carta_set_feed_failure
  _carta_set_now _carta_resize _carta_image_decoded _carta_image_failed _carta_frame _carta_item_count
  _carta_error_message _carta_error_pointer
  _carta_next_wake _carta_pointer _carta_wheel _carta_key _carta_go _carta_current _carta_set_paused
  _carta_context_lost _carta_context_restored _carta_replace_context _carta_set_reduced_motion
  _carta_view_json _carta_focus _carta_set_locale _carta_image_bytes _carta_use_browser_text _carta_add_words _carta_read_feed _carta_image_in_page _carta_page_pictures
  _carta_heap_bytes _carta_atlas_count _carta_prepare _carta_set_theme _carta_items_json _carta_set_link_params)
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
  "SHELL:--extern-pre-js ${CMAKE_SOURCE_DIR}/web/carta-begin.js"
  "SHELL:--extern-post-js ${CMAKE_BINARY_DIR}/carta-page.js")

# The page script is two files (the accessible mirror, then mounting and frames), minified
# with Debian's terser and joined after Emscripten's factory, inside the function that
# carta-begin.js opens and carta-end.js closes.
# The English words and the list of languages come first, written from assets/words/.
set(CARTA_WORDS_EN_JSON "${CMAKE_SOURCE_DIR}/assets/words/en.json")
add_custom_command(OUTPUT "${CMAKE_BINARY_DIR}/carta-words.js"
  COMMAND "${CMAKE_SOURCE_DIR}/scripts/embed-words.sh" --js "${CMAKE_BINARY_DIR}/carta-words.js"
          "${CARTA_WORDS_EN_JSON}" ${CARTA_WORD_FILES}
  DEPENDS ${CARTA_WORD_FILES} "${CMAKE_SOURCE_DIR}/scripts/embed-words.sh" VERBATIM)
set(CARTA_PAGE_SOURCES "${CMAKE_BINARY_DIR}/carta-words.js" "${CMAKE_SOURCE_DIR}/web/carta-mirror.js"
    "${CMAKE_SOURCE_DIR}/web/carta-host.js")
find_program(CARTA_TERSER terser REQUIRED)
add_custom_command(OUTPUT "${CMAKE_BINARY_DIR}/carta-page.js"
  COMMAND cat ${CARTA_PAGE_SOURCES} > "${CMAKE_BINARY_DIR}/carta-page.src.js"
  COMMAND ${CMAKE_COMMAND} -E env NODE_PATH=/usr/share/nodejs
          "${CARTA_TERSER}" "${CMAKE_BINARY_DIR}/carta-page.src.js" --compress --mangle --comments false
          --output "${CMAKE_BINARY_DIR}/carta-page.min.js"
  COMMAND cat "${CMAKE_BINARY_DIR}/carta-page.min.js" "${CMAKE_SOURCE_DIR}/web/carta-end.js" > "${CMAKE_BINARY_DIR}/carta-page.js"
  DEPENDS ${CARTA_PAGE_SOURCES} "${CMAKE_SOURCE_DIR}/web/carta-end.js" VERBATIM)
add_custom_target(carta_page_js DEPENDS "${CMAKE_BINARY_DIR}/carta-page.js")

# carta-text.js, the browser's text stack for scripts the atlas lacks: its own small file,
# fetched only for feeds that need it (web/carta-text.js).
add_custom_command(OUTPUT "${CMAKE_BINARY_DIR}/carta-text.js"
  COMMAND ${CMAKE_COMMAND} -E env NODE_PATH=/usr/share/nodejs
          "${CARTA_TERSER}" "${CMAKE_SOURCE_DIR}/web/carta-text.js" --compress --mangle --comments false
          --output "${CMAKE_BINARY_DIR}/carta-text.js"
  DEPENDS "${CMAKE_SOURCE_DIR}/web/carta-text.js" VERBATIM)
add_custom_target(carta_text_js ALL DEPENDS "${CMAKE_BINARY_DIR}/carta-text.js")
add_dependencies(carta_web carta_text_js)
add_dependencies(carta_web carta_page_js)
set_property(TARGET carta_web APPEND PROPERTY LINK_DEPENDS
  "${CMAKE_SOURCE_DIR}/web/carta-begin.js" "${CMAKE_BINARY_DIR}/carta-page.js")
# Emscripten's glue is whitespace-minified but keeps its long local names (closure is not
# in Debian's emscripten): terser over the whole linked file (19.6 -> 15.8 KB gzip). Only
# locals of the wrapping function are renamed; every property name stays as it is.
function(carta_terse_after_link target file)
  add_custom_command(TARGET ${target} POST_BUILD
    COMMAND ${CMAKE_COMMAND} -E env NODE_PATH=/usr/share/nodejs
            "${CARTA_TERSER}" "${CMAKE_BINARY_DIR}/${file}" --compress --mangle --comments false
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
