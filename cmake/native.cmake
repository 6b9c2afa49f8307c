# Native build: the `carta` tool (shot, validate, view) on GLFW / EGL with OpenGL ES 3.
find_package(PkgConfig REQUIRED)
pkg_check_modules(GLFW REQUIRED IMPORTED_TARGET glfw3)
pkg_check_modules(EGL REQUIRED IMPORTED_TARGET egl)
pkg_check_modules(GLES REQUIRED IMPORTED_TARGET glesv2)
pkg_check_modules(PANGOCAIRO REQUIRED IMPORTED_TARGET pangocairo)

target_link_libraries(carta_app PUBLIC PkgConfig::GLES)
# Natively the bidi engine is always linked in.
target_link_libraries(carta_core PUBLIC carta_bidi carta_words_all)

add_executable(carta
  src/platform/native/main.cpp
  src/platform/native/window.cpp
  src/platform/native/headless_gl.cpp
  src/platform/native/native_assets.cpp
  src/platform/native/pango_text.cpp
  src/platform/native/stb_impl.cpp
  bench/feed_bench.cpp
  bench/frame_bench.cpp
  bench/xml_bench.cpp)
target_include_directories(carta PRIVATE "${CMAKE_SOURCE_DIR}")
target_link_libraries(carta PRIVATE carta_app carta_xml PkgConfig::GLFW PkgConfig::EGL PkgConfig::GLES PkgConfig::PANGOCAIRO)
target_compile_options(carta PRIVATE ${CARTA_WARNINGS})
set_source_files_properties(src/platform/native/stb_impl.cpp PROPERTIES COMPILE_OPTIONS "-w")

# The golden and smoke tests of the tool itself.
add_test(NAME shot-demo
         COMMAND carta shot "${CMAKE_SOURCE_DIR}/assets/feeds/demo.json" -o "${CMAKE_BINARY_DIR}/shot-demo.png")
# Every demo feed, the fourteen-script corpus included, is valid with no warning at all:
# text in any script is shown, so nothing in it is worth a warning.
# tests/expect.sh checks the exit status as well as the output (PASS_REGULAR_EXPRESSION
# alone would pass a crash after the right words).
set(CARTA_EXPECT "${CMAKE_SOURCE_DIR}/tests/expect.sh")
foreach(feed demo demo-ar demo-mixed demo-world demo-kinds)
  add_test(NAME validate-${feed} COMMAND "${CARTA_EXPECT}" 0 "valid, [0-9]+ items, 0 errors, 0 warnings"
           "$<TARGET_FILE:carta>" validate "${CMAKE_SOURCE_DIR}/assets/feeds/${feed}.json")
endforeach()
# A feed's relative image URL reaches nothing outside the feed's folder.
add_test(NAME shot-image-outside-feed-folder
         COMMAND "${CARTA_EXPECT}" 0 "outside the feed's folder" "$<TARGET_FILE:carta>" shot
                 "${CMAKE_SOURCE_DIR}/tests/shots/feeds/image-outside.json" -o "${CMAKE_BINARY_DIR}/shot-outside.png")
# The negative control: the right words, then a crash, must fail.
add_test(NAME expect-fails-a-crash-after-the-message
         COMMAND "${CARTA_EXPECT}" 0 "no failure" sh -c "echo 'inputs, no failure'; kill -SEGV $$")
set_tests_properties(expect-fails-a-crash-after-the-message PROPERTIES WILL_FAIL TRUE)

# The demo feed's pictures, painted by a project script (nothing downloaded or committed).
add_custom_target(demo_images ALL
  COMMAND "${CMAKE_SOURCE_DIR}/scripts/make-demo-images.sh"
  COMMENT "Painting the demo feed's pictures into assets/feeds/images"
  VERBATIM)

if(CARTA_SANITIZE)
  # Mesa's EGL loader (dlopen of the llvmpipe driver) leaves a few bytes that LeakSanitizer
  # cannot even unwind; memory errors are still caught in these runs, leaks are checked by
  # the unit tests and the fuzzer, which never touch GL.
  set_tests_properties(shot-demo shot-image-outside-feed-folder PROPERTIES ENVIRONMENT "ASAN_OPTIONS=detect_leaks=0")
endif()

# Hostile and malformed feeds against the exact diagnostics expected (tests/golden/).
add_test(NAME golden-feeds COMMAND "${CMAKE_SOURCE_DIR}/tests/golden/check-feeds.sh" "$<TARGET_FILE:carta>")
# `carta convert`: RSS and Atom printed as the JSON Feed expected, itself valid (tests/golden/convert/).
add_test(NAME golden-convert COMMAND "${CMAKE_SOURCE_DIR}/tests/golden/check-convert.sh" "$<TARGET_FILE:carta>")
# The time limits catch hangs and blow-ups (a flood read in seconds instead of minutes), not
# speed: on a loaded 2-core machine the plain build gets three times the nominal 5 s (a
# flood's 1 s row becomes 3 s), the sanitizers' build six times.
if(CARTA_SANITIZE)
  set_tests_properties(golden-feeds PROPERTIES ENVIRONMENT "CARTA_GOLDEN_TIMEOUT=30")
else()
  set_tests_properties(golden-feeds PROPERTIES ENVIRONMENT "CARTA_GOLDEN_TIMEOUT=15")
endif()

# Golden screenshots: `carta shot` images compared with checked-in references.
add_executable(image_diff tests/shots/image_diff.cpp src/platform/native/stb_impl.cpp)
target_compile_options(image_diff PRIVATE -w)
add_test(NAME golden-shots
         COMMAND "${CMAKE_SOURCE_DIR}/tests/shots/check-shots.sh" "$<TARGET_FILE:carta>" "$<TARGET_FILE:image_diff>")
# The negative control of the per-line check: look-magazine-dark-960x460 with its byline and
# date line drawn in the card's colour, as if it were missing. The whole image is within
# the global cap (693 px, 0.16%); the line's box is not (22%).
add_test(NAME golden-shots-hidden-meta-shot
         COMMAND carta shot "${CMAKE_SOURCE_DIR}/assets/feeds/demo.json" -o "${CMAKE_BINARY_DIR}/shot-hidden-meta.png"
                 --now 2025-08-10T12:00:00Z --size 960x460 --card 2
                 --style "${CMAKE_SOURCE_DIR}/web/looks/magazine.css"
                 --style "${CMAKE_SOURCE_DIR}/tests/shots/feeds/magazine-meta-hidden.css")
set_tests_properties(golden-shots-hidden-meta-shot PROPERTIES FIXTURES_SETUP hidden_meta)
add_test(NAME golden-shots-catch-a-missing-line
         COMMAND "${CARTA_EXPECT}" 1 "\\(0\\.1[0-9]*%; limit 0\\.2000%\\).*worst meta at .*: [0-9]+ px \\([1-9][0-9]\\."
                 "$<TARGET_FILE:image_diff>" "${CMAKE_SOURCE_DIR}/tests/shots/expected/look-magazine-dark-960x460.png"
                 "${CMAKE_BINARY_DIR}/shot-hidden-meta.png" "${CMAKE_BINARY_DIR}/shot-hidden-meta.diff.png"
                 --boxes "${CMAKE_SOURCE_DIR}/tests/shots/expected/look-magazine-dark-960x460.boxes.tsv")
set_tests_properties(golden-shots-catch-a-missing-line PROPERTIES FIXTURES_REQUIRED hidden_meta)
if(CARTA_SANITIZE)
  set_tests_properties(golden-shots golden-shots-hidden-meta-shot PROPERTIES
                       ENVIRONMENT "ASAN_OPTIONS=detect_leaks=0")  # Mesa, as above
endif()

# The App driven on a headless GL context (refresh, click against drag, pictures, context
# loss, shared fonts); under ASan and UBSan in the sanitize preset.
# The fuzz target's own checks over its seeds, the golden feeds and the demo feeds, in every
# native run (scripts/fuzz.sh runs the same target under libFuzzer to find new inputs).
add_executable(carta_fuzz_replay tests/fuzz/replay_main.cpp tests/fuzz/feed_fuzzer.cpp)
target_include_directories(carta_fuzz_replay PRIVATE "${CMAKE_SOURCE_DIR}/src")
target_link_libraries(carta_fuzz_replay PRIVATE carta_core carta_xml carta_bidi carta_words_all)
add_test(NAME fuzz-replay COMMAND "${CARTA_EXPECT}" 0 "inputs, no failure" "$<TARGET_FILE:carta_fuzz_replay>"
         "${CMAKE_SOURCE_DIR}/tests/fuzz/corpus" "${CMAKE_SOURCE_DIR}/tests/golden/feeds" "${CMAKE_SOURCE_DIR}/assets/feeds")

add_executable(carta_app_tests
  tests/unit/main.cpp
  tests/app/test_app.cpp
  src/platform/native/headless_gl.cpp
  src/platform/native/native_assets.cpp
  src/platform/native/pango_text.cpp
  src/platform/native/stb_impl.cpp)
target_include_directories(carta_app_tests PRIVATE "${CMAKE_SOURCE_DIR}")
target_link_libraries(carta_app_tests PRIVATE carta_app PkgConfig::EGL PkgConfig::GLES PkgConfig::PANGOCAIRO)
target_compile_options(carta_app_tests PRIVATE ${CARTA_WARNINGS})
add_test(NAME app COMMAND carta_app_tests)
if(CARTA_SANITIZE)
  # Mesa's driver (unloaded at exit, so its frames cannot be named in a suppression) leaks
  # a few hundred bytes; ASan's other checks stay on.
  set_tests_properties(app PROPERTIES ENVIRONMENT "ASAN_OPTIONS=detect_leaks=0")
endif()
