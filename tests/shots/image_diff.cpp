// Compares two PNGs the way emscripten's reftests do: a per-channel tolerance and a cap on
// the share of pixels that may differ. Writes a diff image (differing pixels in red over a
// faded copy of the expected one) when they do not match.
//   image_diff EXPECTED.png ACTUAL.png DIFF.png [--tolerance 24] [--max-fraction 0.002]
// Exit 0 when they match, 1 when not, 2 on usage or I/O errors.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include <stb/stb_image.h>
#include <stb/stb_image_write.h>

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: image_diff EXPECTED ACTUAL DIFF [--tolerance N] [--max-fraction F]\n");
    return 2;
  }
  int tolerance = 24;
  double max_fraction = 0.002;
  for (int i = 4; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--tolerance")) tolerance = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--max-fraction")) max_fraction = std::atof(argv[i + 1]);
  }
  int ew, eh, aw, ah, n;
  unsigned char* e = stbi_load(argv[1], &ew, &eh, &n, 4);
  unsigned char* a = stbi_load(argv[2], &aw, &ah, &n, 4);
  if (!e || !a) {
    std::fprintf(stderr, "image_diff: cannot read %s\n", !e ? argv[1] : argv[2]);
    return 2;
  }
  if (ew != aw || eh != ah) {
    std::printf("size differs: expected %dx%d, got %dx%d\n", ew, eh, aw, ah);
    return 1;
  }
  std::vector<unsigned char> diff(static_cast<std::size_t>(ew) * eh * 4);
  long differing = 0;
  int worst = 0;
  for (long p = 0; p < static_cast<long>(ew) * eh; ++p) {
    int d = 0;
    for (int c = 0; c < 3; ++c) d = std::max(d, std::abs(e[p * 4 + c] - a[p * 4 + c]));
    worst = std::max(worst, d);
    bool bad = d > tolerance;
    differing += bad;
    unsigned char grey = static_cast<unsigned char>(200 + (e[p * 4] + e[p * 4 + 1] + e[p * 4 + 2]) / 3 * 55 / 255);
    diff[p * 4 + 0] = bad ? 230 : grey;
    diff[p * 4 + 1] = bad ? 20 : grey;
    diff[p * 4 + 2] = bad ? 20 : grey;
    diff[p * 4 + 3] = 255;
  }
  double fraction = static_cast<double>(differing) / (static_cast<double>(ew) * eh);
  std::printf("%ld of %ld pixels differ by more than %d (%.4f%%; limit %.4f%%), largest difference %d\n", differing,
              static_cast<long>(ew) * eh, tolerance, fraction * 100, max_fraction * 100, worst);
  bool match = fraction <= max_fraction;
  if (!match) stbi_write_png(argv[3], ew, eh, 4, diff.data(), ew * 4);
  stbi_image_free(e);
  stbi_image_free(a);
  return match ? 0 : 1;
}
