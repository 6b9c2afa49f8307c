// Compares two PNGs the way emscripten's reftests do: a per-channel tolerance and a cap on
// the share of pixels that may differ over the whole image. That cap alone (0.2 %, 720 px
// at 800x450) lets a whole missing line of text through, so with --boxes each line of text
// is checked on its own too: the boxes `carta shot --boxes` wrote (role, x, y, w, h in
// device px, text; `#` lines are comments; a box given twice counts once), and no more than
// --box-max-fraction of a box's pixels may differ beyond the tolerance. A line that is gone
// changes 11 % or more of its box (15-22 % for a byline and date line); on the references
// no pixel of any box differs beyond the tolerance (tests/shots/check-shots.sh).
// Writes a diff image (differing pixels in red over a faded copy of the expected one,
// failing boxes outlined in blue) when they do not match.
//   image_diff EXPECTED.png ACTUAL.png DIFF.png [--tolerance 24] [--max-fraction 0.002]
//              [--boxes BOXES.tsv]... [--box-max-fraction 0.02]
// Prints a line (the whole image, then the worst box and the largest difference inside any
// box), then one for each failing box.
// Exit 0 when they match, 1 when not, 2 on usage or I/O errors.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <stb/stb_image.h>
#include <stb/stb_image_write.h>

namespace {

struct Box {
  std::string role, text;
  int x = 0, y = 0, w = 0, h = 0;
  long differing = 0;
  int largest = 0;  // the largest channel difference inside it
  double fraction() const { return static_cast<double>(differing) / (static_cast<double>(w) * h); }
};

bool read_boxes(const char* path, std::vector<Box>& boxes) {
  std::ifstream in(path);
  if (!in) return false;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    Box b;
    if (!std::getline(fields, b.role, '\t') || !(fields >> b.x >> b.y >> b.w >> b.h)) return false;
    fields.get();  // the tab before the text
    std::getline(fields, b.text);
    const bool known = std::any_of(boxes.begin(), boxes.end(), [&](const Box& o) {
      return o.x == b.x && o.y == b.y && o.w == b.w && o.h == b.h;
    });
    if (b.w > 0 && b.h > 0 && !known) boxes.push_back(b);  // the same line in both runs: once
  }
  return true;
}

int usage() {
  std::fprintf(stderr,
               "usage: image_diff EXPECTED ACTUAL DIFF [--tolerance N] [--max-fraction F] [--boxes FILE]... "
               "[--box-max-fraction F]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) return usage();
  int tolerance = 24;
  double max_fraction = 0.002, box_max_fraction = 0.02;
  std::vector<Box> boxes;
  for (int i = 4; i < argc; i += 2) {
    if (i + 1 >= argc) return usage();
    if (!std::strcmp(argv[i], "--tolerance")) tolerance = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--max-fraction")) max_fraction = std::atof(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--box-max-fraction")) box_max_fraction = std::atof(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--boxes")) {
      if (!read_boxes(argv[i + 1], boxes)) {
        std::fprintf(stderr, "image_diff: cannot read the boxes in %s\n", argv[i + 1]);
        return 2;
      }
    } else return usage();
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
  std::vector<unsigned char> bad(static_cast<std::size_t>(ew) * eh), delta(bad.size());
  long differing = 0;
  int worst = 0;
  for (long p = 0; p < static_cast<long>(ew) * eh; ++p) {
    int d = 0;
    for (int c = 0; c < 3; ++c) d = std::max(d, std::abs(e[p * 4 + c] - a[p * 4 + c]));
    worst = std::max(worst, d);
    delta[p] = static_cast<unsigned char>(d);
    bad[p] = d > tolerance;
    differing += bad[p];
    unsigned char grey = static_cast<unsigned char>(200 + (e[p * 4] + e[p * 4 + 1] + e[p * 4 + 2]) / 3 * 55 / 255);
    diff[p * 4 + 0] = bad[p] ? 230 : grey;
    diff[p * 4 + 1] = bad[p] ? 20 : grey;
    diff[p * 4 + 2] = bad[p] ? 20 : grey;
    diff[p * 4 + 3] = 255;
  }
  double fraction = static_cast<double>(differing) / (static_cast<double>(ew) * eh);
  std::printf("%ld of %ld pixels differ by more than %d (%.4f%%; limit %.4f%%), largest difference %d", differing,
              static_cast<long>(ew) * eh, tolerance, fraction * 100, max_fraction * 100, worst);
  bool match = fraction <= max_fraction;

  // Each line of text on its own. A box reaching past the image is cut to it.
  const Box* worst_box = nullptr;
  int largest_in_boxes = 0;
  std::vector<const Box*> failing;
  for (Box& b : boxes) {
    b.w = std::min(b.x + b.w, ew) - std::max(b.x, 0);
    b.h = std::min(b.y + b.h, eh) - std::max(b.y, 0);
    b.x = std::max(b.x, 0);
    b.y = std::max(b.y, 0);
    if (b.w <= 0 || b.h <= 0) continue;
    for (int y = b.y; y < b.y + b.h; ++y)
      for (int x = b.x; x < b.x + b.w; ++x) {
        b.differing += bad[static_cast<std::size_t>(y) * ew + x];
        b.largest = std::max<int>(b.largest, delta[static_cast<std::size_t>(y) * ew + x]);
      }
    largest_in_boxes = std::max(largest_in_boxes, b.largest);
    if (!worst_box || b.fraction() > worst_box->fraction() ||
        (b.fraction() == worst_box->fraction() && b.largest > worst_box->largest))
      worst_box = &b;
    if (b.fraction() > box_max_fraction) failing.push_back(&b);
  }
  if (worst_box)
    std::printf("; %zu text boxes, worst %s at %d,%d %dx%d: %ld px (%.2f%%; limit %.2f%%), largest difference in "
                "a box %d",
                boxes.size(), worst_box->role.c_str(), worst_box->x, worst_box->y, worst_box->w, worst_box->h,
                worst_box->differing, worst_box->fraction() * 100, box_max_fraction * 100, largest_in_boxes);
  std::printf("\n");
  for (const Box* b : failing) {
    std::printf("     text box differs: %s at %d,%d %dx%d: %ld of %d px (%.2f%%) \"%s\"\n", b->role.c_str(), b->x, b->y,
                b->w, b->h, b->differing, b->w * b->h, b->fraction() * 100, b->text.c_str());
    for (int x = b->x; x < b->x + b->w; ++x)
      for (int y : {b->y, b->y + b->h - 1}) {
        unsigned char* px = &diff[(static_cast<std::size_t>(y) * ew + x) * 4];
        px[0] = 20, px[1] = 60, px[2] = 230;
      }
    for (int y = b->y; y < b->y + b->h; ++y)
      for (int x : {b->x, b->x + b->w - 1}) {
        unsigned char* px = &diff[(static_cast<std::size_t>(y) * ew + x) * 4];
        px[0] = 20, px[1] = 60, px[2] = 230;
      }
  }
  match = match && failing.empty();
  if (!match) stbi_write_png(argv[3], ew, eh, 4, diff.data(), ew * 4);
  stbi_image_free(e);
  stbi_image_free(a);
  return match ? 0 : 1;
}
