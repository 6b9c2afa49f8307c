// doctest's runner for the core's unit tests, natively and under Node (wasm).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
