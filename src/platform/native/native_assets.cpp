#include "platform/native/native_assets.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include <GLES3/gl3.h>

#include "core/image_cache.h"
#include "draw/gl_renderer.h"

#include <stb/stb_image.h>
#include <stb/stb_image_resize.h>
#include <stb/stb_image_write.h>

namespace carta::native {

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return out.str();
}

bool read_style(const std::string& path, std::string& css, Style& style) {
  auto text = read_file(path);
  if (!text) return false;
  std::vector<std::string> warnings;
  parse_style(*text, &warnings);  // this file's warnings, named by it
  for (const std::string& w : warnings) std::fprintf(stderr, "warning %s: %s\n", path.c_str(), w.c_str());
  css.append(text->begin(), text->end()).append("\n");
  style = parse_style(css, nullptr);
  return true;
}

std::string font_path(Face face, FontPart part) {
  const char* dir = std::getenv("CARTA_FONT_DIR");
  std::string base = dir && *dir ? dir : "/usr/share/fonts/truetype/noto";
  // Per face (sans, sans bold, serif bold) and part; no file of its own for Latin Extended-A.
  static const char* const kFiles[][3] = {
      {"NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSerif-Bold.ttf"},
      {"NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSerif-Bold.ttf"},
      {"NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf", "NotoNaskhArabic-Bold.ttf"},
      {"NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf", "NotoSerifHebrew-Bold.ttf"},
  };
  static_assert(sizeof(kFiles) / sizeof(kFiles[0]) == static_cast<int>(FontPart::count), "one row per part");
  if (face == Face::count || part == FontPart::count) return {};
  return base + "/" + kFiles[static_cast<int>(part)][static_cast<int>(face)];
}

bool load_fonts(App& app, std::string& error) {
  for (int f = 0; f < static_cast<int>(Face::count); ++f) {
    const std::string path = font_path(static_cast<Face>(f), FontPart::base);
    auto bytes = read_file(path);
    if (!bytes) {
      error = "cannot read font " + path + " (install fonts-noto-core, or set CARTA_FONT_DIR)";
      return false;
    }
    app.set_font(static_cast<Face>(f), std::vector<unsigned char>(bytes->begin(), bytes->end()), FontPart::base);
  }
  return true;
}

std::string file_url(const std::string& path) {
  std::string absolute = path;
  if (absolute.empty() || absolute[0] != '/') {
    char* cwd = std::getenv("PWD");
    absolute = std::string(cwd ? cwd : ".") + "/" + path;
  }
  std::string out = "file://";
  for (char c : absolute) {
    if (c == ' ') out += "%20";
    else out += c;
  }
  return out;
}

namespace {

std::string path_from_file_url(const std::string& url) {
  std::string path = url.substr(7);
  std::string out;
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '%' && i + 2 < path.size()) {
      out += static_cast<char>(std::strtol(path.substr(i + 1, 2).c_str(), nullptr, 16));
      i += 2;
    } else if (path[i] == '?' || path[i] == '#') {
      break;
    } else {
      out += path[i];
    }
  }
  return out;
}

}  // namespace

std::string folder_of(const std::string& path) {
  char* resolved = realpath(path.c_str(), nullptr);
  if (!resolved) return {};
  std::string out(resolved);
  std::free(resolved);
  const auto slash = out.rfind('/');
  return slash == std::string::npos ? std::string() : out.substr(0, slash);
}

std::optional<Texture> load_texture(const std::string& url, int want_w, int want_h, int max_side,
                                    const std::string& root, std::string& error) {
  if (url.rfind("file://", 0) != 0) {
    error = "the native tool does not fetch " + url;
    return std::nullopt;
  }
  std::string path = path_from_file_url(url);
  char* real = realpath(path.c_str(), nullptr);
  const std::string resolved = real ? real : "";
  std::free(real);
  if (resolved.empty()) {
    error = "cannot read " + path + ": " + std::strerror(errno);
    return std::nullopt;
  }
  if (root.empty() || resolved.compare(0, root.size() + 1, root + "/") != 0) {
    error = path + " is outside the feed's folder " + (root.empty() ? "(unknown)" : root) + "; not read";
    return std::nullopt;
  }
  int w = 0, h = 0, channels = 0;
  unsigned char* pixels = stbi_load(path.c_str(), &w, &h, &channels, 4);
  if (!pixels) {
    error = "cannot decode " + path + ": " + stbi_failure_reason();
    return std::nullopt;
  }
  const bool opaque = channels == 1 || channels == 3 || opaque_rgba(pixels, static_cast<std::size_t>(w) * h);
  std::vector<unsigned char> scaled;
  const unsigned char* upload = pixels;
  int tw = w, th = h;
  fit_decode_size(w, h, want_w, want_h, max_side, tw, th);
  if (tw != w || th != h) {
    scaled.resize(static_cast<std::size_t>(tw) * th * 4);
    stbir_resize_uint8_srgb(pixels, w, h, 0, scaled.data(), tw, th, 0, 4, 3, 0);
    upload = scaled.data();
  }
  const GLuint tex = upload_rgba_texture(0, upload, tw, th);
  stbi_image_free(pixels);
  Texture t;
  t.id = reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(tex));
  t.width = tw;
  t.height = th;
  t.opaque = opaque;
  return t;
}

std::function<void(const std::string&, int, int, int)> ImageRequests::hook() {
  return [this](const std::string& url, int w, int h, int max_side) { wanted_.push_back({url, w, h, max_side}); };
}

void ImageRequests::load_into(App& app, std::FILE* log) {
  std::string error;
  for (const Request& r : wanted_) {
    if (auto tex = load_texture(r.url, r.width, r.height, r.max_side, root_, error)) {
      app.image_loaded(r.url, *tex);
    } else {
      if (log) std::fprintf(log, "carta: image: %s\n", error.c_str());
      app.image_failed(r.url);
    }
  }
  wanted_.clear();
}

bool write_png(const std::string& path, int width, int height, const std::vector<unsigned char>& rgba) {
  return stbi_write_png(path.c_str(), width, height, 4, rgba.data(), width * 4) != 0;
}

}  // namespace carta::native
