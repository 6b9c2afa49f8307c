// The GPU image cache: least recently used goes first, the byte budget holds, and images
// are decoded no larger than they are drawn.
#include <doctest/doctest.h>

#include <vector>

#include "core/image_cache.h"

using namespace carta;

namespace {
CachedImage image(const char* url, std::uint64_t handle, int side) { return {url, handle, side, side}; }
}  // namespace

TEST_CASE("evicts the least recently used image past the budget") {
  ImageCache cache(3 * 100 * 100 * 4);  // room for three 100x100 images
  CHECK(cache.insert(image("a", 1, 100)).empty());
  CHECK(cache.insert(image("b", 2, 100)).empty());
  CHECK(cache.insert(image("c", 3, 100)).empty());
  REQUIRE(cache.use("a"));  // a is now the most recent; b the least
  auto evicted = cache.insert(image("d", 4, 100));
  REQUIRE(evicted.size() == 1);
  CHECK(evicted[0].url == "b");
  CHECK(evicted[0].handle == 2);
  CHECK(cache.use("b") == nullptr);
  CHECK(cache.use("a")->handle == 1);
  CHECK(cache.bytes() == 3u * 40000);
}

TEST_CASE("one image larger than the budget stays, alone") {
  ImageCache cache(1000);
  cache.insert(image("small", 1, 10));
  auto evicted = cache.insert(image("huge", 2, 100));
  REQUIRE(evicted.size() == 1);
  CHECK(evicted[0].url == "small");
  CHECK(cache.size() == 1);
  CHECK(cache.use("huge"));
}

TEST_CASE("replacing an image hands back the old texture") {
  ImageCache cache;
  cache.insert(image("a", 1, 10));
  auto evicted = cache.insert(image("a", 7, 20));
  REQUIRE(evicted.size() == 1);
  CHECK(evicted[0].handle == 1);
  CHECK(cache.use("a")->handle == 7);
  CHECK(cache.bytes() == 20u * 20 * 4);
}

TEST_CASE("clear returns everything") {
  ImageCache cache;
  cache.insert(image("a", 1, 10));
  cache.insert(image("b", 2, 10));
  CHECK(cache.clear().size() == 2);
  CHECK(cache.size() == 0);
  CHECK(cache.bytes() == 0);
}

TEST_CASE("decode size covers the display rectangle without upscaling") {
  int w, h;
  fit_decode_size(1200, 675, 376, 182, 0, w, h);  // a card image at DPR 1
  CHECK(w == 376);
  CHECK(h == 212);  // width decides: 376/1200 > 182/675
  fit_decode_size(1200, 675, 752, 364, 0, w, h);  // the same at DPR 2
  CHECK(w == 752);
  fit_decode_size(300, 200, 752, 364, 0, w, h);  // small images are never enlarged
  CHECK(w == 300);
  CHECK(h == 200);
  fit_decode_size(20000, 10000, 0, 0, 4096, w, h);  // capped at the texture limit
  CHECK(w == 4096);
  CHECK(h == 2048);
}

TEST_CASE("opaque_rgba: every pixel's alpha 255, or not") {
  std::vector<unsigned char> rgba(16 * 4, 255);
  CHECK(opaque_rgba(rgba.data(), 16));
  rgba[7 * 4 + 3] = 254;  // one pixel barely see-through
  CHECK_FALSE(opaque_rgba(rgba.data(), 16));
  CHECK(opaque_rgba(rgba.data(), 7));  // the pixels before it
  rgba[7 * 4 + 3] = 255;
  rgba[7 * 4] = 0;  // colour alone does not matter
  CHECK(opaque_rgba(rgba.data(), 16));
}
