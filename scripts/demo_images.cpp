// Paints the demo feed's pictures: simple illustrated scenes, so no photo is downloaded or
// committed. Each is distinct in palette and shape so cards are easy to tell apart.
// Usage: demo_images OUT_DIR     (writes *.jpg and *.png)
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>

namespace {

struct Rgb {
  float r, g, b;
};

Rgb mix(Rgb a, Rgb b, float t) { return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t}; }
Rgb hex(std::uint32_t v) { return {float((v >> 16) & 255), float((v >> 8) & 255), float(v & 255)}; }

class Canvas {
 public:
  Canvas(int w, int h) : w(w), h(h), px(std::size_t(w) * h, Rgb{0, 0, 0}) {}
  int w, h;
  std::vector<Rgb> px;
  bool lossless = false;  // PNGs stay flat: grain would only bloat them

  void blend(int x, int y, Rgb c, float a) {
    if (x < 0 || y < 0 || x >= w || y >= h || a <= 0) return;
    Rgb& p = px[std::size_t(y) * w + x];
    p = mix(p, c, std::min(1.f, a));
  }
  void vertical_gradient(Rgb top, Rgb bottom, int y0 = 0, int y1 = -1) {
    if (y1 < 0) y1 = h;
    for (int y = y0; y < y1; ++y)
      for (int x = 0; x < w; ++x) blend(x, y, mix(top, bottom, float(y - y0) / std::max(1, y1 - y0 - 1)), 1);
  }
  // Anti-aliased shapes by coverage of a signed distance.
  void shape(const std::function<float(float, float)>& sdf, Rgb c, float alpha = 1, int x0 = 0, int y0 = 0,
             int x1 = -1, int y1 = -1) {
    if (x1 < 0) x1 = w;
    if (y1 < 0) y1 = h;
    for (int y = std::max(0, y0); y < std::min(h, y1); ++y)
      for (int x = std::max(0, x0); x < std::min(w, x1); ++x) {
        float d = sdf(x + 0.5f, y + 0.5f);
        float cover = std::clamp(0.5f - d, 0.f, 1.f);
        if (cover > 0) blend(x, y, c, cover * alpha);
      }
  }
  void rect(float x, float y, float rw, float rh, Rgb c, float alpha = 1, float radius = 0) {
    shape(
        [=](float px, float py) {
          float cx = x + rw / 2, cy = y + rh / 2;
          float dx = std::fabs(px - cx) - (rw / 2 - radius), dy = std::fabs(py - cy) - (rh / 2 - radius);
          float outside = std::hypot(std::max(dx, 0.f), std::max(dy, 0.f));
          return outside + std::min(std::max(dx, dy), 0.f) - radius;
        },
        c, alpha, int(x) - 2, int(y) - 2, int(x + rw) + 3, int(y + rh) + 3);
  }
  void circle(float cx, float cy, float r, Rgb c, float alpha = 1) {
    shape([=](float x, float y) { return std::hypot(x - cx, y - cy) - r; }, c, alpha, int(cx - r) - 2,
          int(cy - r) - 2, int(cx + r) + 3, int(cy + r) + 3);
  }
  // A soft glow (radial falloff), for lights and suns.
  void glow(float cx, float cy, float r, Rgb c, float strength) {
    for (int y = std::max(0, int(cy - r)); y < std::min(h, int(cy + r)); ++y)
      for (int x = std::max(0, int(cx - r)); x < std::min(w, int(cx + r)); ++x) {
        float d = std::hypot(x - cx, y - cy) / r;
        if (d < 1) blend(x, y, c, strength * (1 - d) * (1 - d));
      }
  }
  // A skyline/ridge: heights from a function of x, filled down to the bottom.
  void ridge(const std::function<float(float)>& top, Rgb c, float alpha = 1) {
    shape([&](float x, float y) { return top(x) - y; }, c, alpha);
  }
  void grain(unsigned seed, float amount) {
    if (lossless) return;
    std::uint32_t s = seed * 2654435761u + 1;
    for (Rgb& p : px) {
      s ^= s << 13;
      s ^= s >> 17;
      s ^= s << 5;
      float n = (float(s & 0xFFFF) / 65535.f - 0.5f) * amount;
      p = {p.r + n, p.g + n, p.b + n};
    }
  }
  std::vector<unsigned char> bytes() const {
    std::vector<unsigned char> out(px.size() * 3);
    for (std::size_t i = 0; i < px.size(); ++i) {
      out[i * 3] = static_cast<unsigned char>(std::clamp(px[i].r, 0.f, 255.f));
      out[i * 3 + 1] = static_cast<unsigned char>(std::clamp(px[i].g, 0.f, 255.f));
      out[i * 3 + 2] = static_cast<unsigned char>(std::clamp(px[i].b, 0.f, 255.f));
    }
    return out;
  }
};

float hash(float x) { return std::fmod(std::sin(x * 12.9898f) * 43758.5453f, 1.f); }

// Two speakers at podiums before a flagged backdrop: the Moscow press conference.
void press_conference(Canvas& c) {
  c.vertical_gradient(hex(0x1d2b4a), hex(0x0d1424));
  for (int i = 0; i < 6; ++i) c.rect(90.f + i * 180, 0, 90, c.h * 0.62f, hex(i % 2 ? 0x2a3c66 : 0x22335a), 1);
  c.glow(c.w * 0.3f, c.h * 0.25f, 420, hex(0xfff1c9), 0.35f);
  c.glow(c.w * 0.7f, c.h * 0.25f, 420, hex(0xfff1c9), 0.35f);
  c.rect(0, c.h * 0.62f, c.w, c.h * 0.38f, hex(0x3b2a22));
  for (int k = 0; k < 2; ++k) {
    float x = c.w * (k ? 0.64f : 0.26f);
    c.circle(x + 60, c.h * 0.36f, 46, hex(k ? 0xc9a88a : 0xb88f6e));
    c.rect(x, c.h * 0.43f, 120, 150, hex(k ? 0x1b1f2a : 0x23262f), 1, 26);
    c.rect(x - 30, c.h * 0.56f, 180, c.h * 0.3f, hex(0x6b4b33), 1, 6);
    c.rect(x - 30, c.h * 0.56f, 180, 16, hex(0x8a6446), 1, 4);
    c.rect(x + 50, c.h * 0.49f, 8, 40, hex(0x111111));
  }
  c.grain(1, 10);
}

// A naval harbour on the Mediterranean at dusk: Tartous.
void harbour(Canvas& c) {
  c.vertical_gradient(hex(0xf4b27a), hex(0x7aa6c9), 0, int(c.h * 0.55f));
  c.glow(c.w * 0.78f, c.h * 0.42f, 260, hex(0xfff0c0), 0.8f);
  c.vertical_gradient(hex(0x2f6e96), hex(0x123a57), int(c.h * 0.55f), c.h);
  c.ridge([&](float x) { return c.h * 0.5f - 40 * std::sin(x / 170.f) - 25 * std::sin(x / 61.f); }, hex(0x6d7f8f), 0.6f);
  c.rect(0, c.h * 0.55f - 6, c.w, 12, hex(0x3a4651));
  for (int i = 0; i < 4; ++i) {
    float x = 120.f + i * 260, y = c.h * 0.55f + 30 + i * 18;
    c.rect(x, y, 200, 34, hex(0x59636e), 1, 6);
    c.rect(x + 60, y - 34, 70, 36, hex(0x6b7682), 1, 4);
    c.rect(x + 88, y - 70, 8, 38, hex(0x4d5661));
  }
  for (int y = int(c.h * 0.6f); y < c.h; y += 14) c.rect(0, float(y), float(c.w), 2, hex(0xffffff), 0.06f);
  c.grain(2, 8);
}

// An airfield between sea and hills: Hmeimim.
void airbase(Canvas& c) {
  c.vertical_gradient(hex(0x9fd0ea), hex(0xe9e2cf), 0, int(c.h * 0.5f));
  c.vertical_gradient(hex(0xcdb68a), hex(0xa88c5e), int(c.h * 0.5f), c.h);
  c.ridge([&](float x) { return c.h * 0.5f - 70 - 50 * std::sin(x / 230.f + 1) - 20 * std::sin(x / 47.f); }, hex(0x8b9a7a), 0.9f);
  c.shape([&](float x, float y) {
    float t = (y - c.h * 0.52f) / (c.h * 0.48f);
    float half = 40 + t * 260, cx = c.w * 0.5f + (t - 0.5f) * 120;
    return y < c.h * 0.52f ? 1.f : std::fabs(x - cx) - half;
  }, hex(0x55524c));
  for (int i = 0; i < 8; ++i) {
    float t = i / 8.f, y = c.h * 0.55f + t * t * c.h * 0.45f;
    c.rect(c.w * 0.5f + (t - 0.5f) * 120 - 3 - t * 4, y, 6 + t * 8, 10 + t * 40, hex(0xf2efe6));
  }
  for (int i = 0; i < 3; ++i) c.rect(120.f + i * 120, c.h * 0.5f - 40, 100, 44, hex(0x7e8078), 1, 20);
  c.grain(3, 9);
}

// Peacekeepers' blue: a white vehicle and helmets against a UN-blue field.
void peacekeepers(Canvas& c) {
  c.vertical_gradient(hex(0x4b92db), hex(0x1f5fa8));
  c.glow(c.w * 0.2f, c.h * 0.2f, 500, hex(0xffffff), 0.25f);
  c.rect(0, c.h * 0.72f, c.w, c.h * 0.28f, hex(0xd8cdb4));
  c.rect(c.w * 0.3f, c.h * 0.45f, 420, 170, hex(0xf5f5f2), 1, 22);
  c.rect(c.w * 0.3f + 250, c.h * 0.35f, 170, 100, hex(0xf5f5f2), 1, 18);
  c.rect(c.w * 0.3f + 270, c.h * 0.37f, 130, 50, hex(0x9cc3e6), 1, 8);
  c.rect(c.w * 0.3f + 40, c.h * 0.5f, 120, 40, hex(0x222222), 1, 4);
  c.circle(c.w * 0.3f + 90, c.h * 0.45f + 175, 42, hex(0x2b2b2b));
  c.circle(c.w * 0.3f + 340, c.h * 0.45f + 175, 42, hex(0x2b2b2b));
  for (int i = 0; i < 3; ++i) c.circle(150.f + i * 110, c.h * 0.78f, 34, hex(0x5aa2e8));
  c.grain(4, 7);
}

// Cranes over a half-built block at sunset: reconstruction.
void reconstruction(Canvas& c) {
  c.vertical_gradient(hex(0xf7c77e), hex(0xd9664a), 0, c.h);
  c.glow(c.w * 0.35f, c.h * 0.7f, 380, hex(0xfff3c4), 0.7f);
  for (int i = 0; i < 7; ++i) {
    float x = 60.f + i * 165, hgt = 160 + 110 * std::fabs(hash(i + 1.f));
    c.rect(x, c.h - hgt, 130, hgt, hex(0x5a3a34));
    for (int r = 0; r < int(hgt / 40); ++r)
      for (int k = 0; k < 3; ++k) c.rect(x + 14 + k * 40, c.h - hgt + 16 + r * 40, 22, 20, hex(0xe7a86b), 0.55f);
  }
  for (int k = 0; k < 2; ++k) {
    float x = k ? c.w * 0.72f : c.w * 0.22f;
    c.rect(x, c.h * 0.12f, 14, c.h * 0.6f, hex(0x3b2623));
    c.rect(x - 180, c.h * 0.12f, 420, 12, hex(0x3b2623));
    c.rect(x + 180, c.h * 0.12f + 12, 3, 120, hex(0x3b2623));
    c.rect(x + 168, c.h * 0.12f + 130, 28, 20, hex(0x3b2623));
  }
  c.grain(5, 8);
}

// A stylised map of the eastern Mediterranean coast with marked cities.
void coast_map(Canvas& c) {
  c.vertical_gradient(hex(0xcfe4ef), hex(0xb5d3e6));
  c.shape([&](float x, float y) {
    float coast = c.w * 0.48f + 60 * std::sin(y / 90.f) + 30 * std::sin(y / 37.f) - y * 0.15f;
    return coast - x;
  }, hex(0xeadfc4));
  for (int i = 0; i < 10; ++i) c.rect(0, float(i * 70), float(c.w), 1, hex(0x6f8fa3), 0.25f);
  for (int i = 0; i < 17; ++i) c.rect(float(i * 75), 0, 1, float(c.h), hex(0x6f8fa3), 0.25f);
  const float cities[][2] = {{0.55f, 0.18f}, {0.5f, 0.38f}, {0.47f, 0.62f}, {0.62f, 0.5f}};
  for (auto& p : cities) {
    c.circle(c.w * p[0], c.h * p[1], 16, hex(0xb02026), 0.25f);
    c.circle(c.w * p[0], c.h * p[1], 8, hex(0xb02026));
  }
  c.grain(6, 4);
}

// Beirut's seafront skyline at blue hour, for the correspondent's profile.
void skyline(Canvas& c) {
  c.vertical_gradient(hex(0x27406b), hex(0xc98a7c), 0, int(c.h * 0.7f));
  c.vertical_gradient(hex(0x1b2d4a), hex(0x0d1628), int(c.h * 0.7f), c.h);
  for (int i = 0; i < 22; ++i) {
    float x = i * 58.f, hgt = 90 + 220 * std::fabs(hash(i * 3.1f));
    c.rect(x, c.h * 0.7f - hgt, 50, hgt, hex(0x1a2438));
    for (int r = 0; r < int(hgt / 26); ++r)
      if (hash(i * 7.f + r) > 0.1f) c.rect(x + 10, c.h * 0.7f - hgt + 10 + r * 26, 8, 10, hex(0xffd98a), 0.7f);
  }
  for (int y = int(c.h * 0.72f); y < c.h; y += 10) c.rect(0, float(y), float(c.w), 2, hex(0xffd98a), 0.05f);
  c.grain(7, 6);
}

// Fictional sample: a fish market's striped awnings by a harbour.
void market(Canvas& c) {
  c.vertical_gradient(hex(0x9bd3f0), hex(0xe8f4fa), 0, int(c.h * 0.45f));
  c.rect(0, c.h * 0.45f, c.w, c.h * 0.55f, hex(0xd7c6a5));
  const std::uint32_t colours[] = {0xe0523f, 0x2f8f83, 0xf2b33d, 0x3d6fb6, 0xe0523f};
  for (int i = 0; i < 5; ++i) {
    float x = 40.f + i * 235;
    for (int s = 0; s < 8; ++s) c.rect(x + s * 25, c.h * 0.3f, 25, 70, hex(s % 2 ? 0xffffff : colours[i]));
    c.rect(x + 10, c.h * 0.3f + 70, 8, 200, hex(0x6a5038));
    c.rect(x + 180, c.h * 0.3f + 70, 8, 200, hex(0x6a5038));
    c.rect(x, c.h * 0.62f, 200, 70, hex(0x8f6b45), 1, 6);
    for (int f = 0; f < 5; ++f) c.circle(x + 25 + f * 38, c.h * 0.62f, 14, hex(0xaab7c0));
  }
  c.grain(8, 7);
}

// Fictional sample: rows of olive trees on terraced hills.
void olives(Canvas& c) {
  c.vertical_gradient(hex(0xcfe7f5), hex(0xf6efd9), 0, int(c.h * 0.4f));
  for (int band = 0; band < 5; ++band) {
    float top = c.h * (0.35f + band * 0.13f);
    c.ridge([&](float x) { return top + 18 * std::sin(x / (140.f + band * 30) + band); },
            mix(hex(0xa6b36b), hex(0x5d6b32), band / 4.f));
    for (int t = 0; t < 9; ++t) {
      float x = 40.f + t * 140 + band * 35, y = top + 10 + 18 * std::sin(x / (140.f + band * 30) + band);
      c.circle(x, y - 18, 26 + band * 3, hex(0x4e5f2a), 0.95f);
      c.rect(x - 3, y - 4, 6, 22, hex(0x5b4632));
    }
  }
  c.grain(9, 7);
}

// A columnist's portrait for the fictional sample author: head and shoulders on a plain
// studio background (an author's face beside a byline).
void portrait(Canvas& c) {
  c.vertical_gradient(hex(0x8fb3c9), hex(0x5d8aa6));
  c.glow(c.w * 0.35f, c.h * 0.3f, 160, hex(0xe8f1f6), 0.35f);
  c.rect(c.w * 0.16f, c.h * 0.7f, c.w * 0.68f, c.h * 0.5f, hex(0x2e3a4f), 1, 60);   // shoulders
  c.rect(c.w * 0.43f, c.h * 0.56f, c.w * 0.14f, c.h * 0.18f, hex(0xc49a7c), 1, 10);  // neck
  c.circle(c.w * 0.5f, c.h * 0.36f, c.w * 0.22f, hex(0x3a2a22));                     // hair
  c.circle(c.w * 0.5f, c.h * 0.42f, c.w * 0.18f, hex(0xd2a988));                     // face
  c.rect(c.w * 0.3f, c.h * 0.2f, c.w * 0.4f, c.h * 0.12f, hex(0x3a2a22), 1, 24);     // fringe
  c.grain(9, 6);
}

struct Picture {
  const char* name;
  void (*paint)(Canvas&);
  int width = 1200, height = 675;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: demo_images OUT_DIR\n");
    return 2;
  }
  const std::string dir = argv[1];
  const Picture pictures[] = {
      {"moscow-press-conference.jpg", press_conference}, {"tartous-harbour.jpg", harbour},
      {"hmeimim-airfield.jpg", airbase},                 {"unifil-patrol.png", peacekeepers},
      {"reconstruction-cranes.jpg", reconstruction},     {"levant-coast-map.png", coast_map},
      {"beirut-skyline.jpg", skyline},                   {"sample-fish-market.jpg", market},
      {"sample-olive-terraces.png", olives},             {"sample-portrait.jpg", portrait, 240, 240},
  };
  for (const Picture& p : pictures) {
    std::string path = dir + "/" + p.name;
    bool png = path.size() > 4 && path.compare(path.size() - 4, 4, ".png") == 0;
    Canvas c(p.width, p.height);
    c.lossless = png;
    p.paint(c);
    std::vector<unsigned char> rgb = c.bytes();
    int ok = png ? stbi_write_png(path.c_str(), c.w, c.h, 3, rgb.data(), c.w * 3)
                 : stbi_write_jpg(path.c_str(), c.w, c.h, 3, rgb.data(), 85);
    if (!ok) {
      std::fprintf(stderr, "demo_images: cannot write %s\n", path.c_str());
      return 1;
    }
  }
  return 0;
}
