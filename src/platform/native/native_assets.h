// Where the native build gets bytes, fonts and images: files on disk, Debian's font
// packages, stb_image for decoding.
#pragma once
#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/app.h"

namespace carta::native {

std::optional<std::string> read_file(const std::string& path);

// A partner's look from a style sheet (carta shot/view --style): its --carta-* declarations,
// with their warnings on stderr. `css` holds the sheets read before (shot takes several
// --style, later declarations over earlier ones, as in CSS); the file's text is added to it
// and `style` is read from all of it. False when the file cannot be read.
bool read_style(const std::string& path, std::string& css, Style& style);

// The TrueType file of a face in Debian's fonts-noto-core (or $CARTA_FONT_DIR): Noto Sans
// and Noto Serif for the base (whole files, so Latin Extended-A comes with them), Noto Sans
// Arabic and Noto Naskh Arabic for Arabic, Noto Sans and Serif Hebrew for Hebrew.
std::string font_path(Face face, FontPart part = FontPart::base);

// Loads the base faces into the app. Returns false (and names the file) when one is missing.
// Right-to-left paragraphs and every script the base faces lack are Pango's (PangoText), so
// the atlas takes no Arabic or Hebrew part here; `carta bench` loads them for its own
// figure of atlas-drawn Arabic.
bool load_fonts(App& app, std::string& error);

// "file:///abs/path" for a local path, so relative image URLs in the feed resolve beside it.
std::string file_url(const std::string& path);

// Decodes the image behind a file:// URL and uploads it as a texture scaled down to cover
// `want_w` x `want_h` pixels (never enlarged, never above `max_side`). Only a file inside
// the folder `root` is read (a feed's "../../etc/…" reaches nothing else on the disk);
// http(s) images are not fetched natively.
std::optional<Texture> load_texture(const std::string& url, int want_w, int want_h, int max_side,
                                    const std::string& root, std::string& error);

// The folder a feed file is in, resolved ("" when it cannot be).
std::string folder_of(const std::string& path);

// The images a frame asked for (AppHooks::request_image), loaded from disk between frames.
class ImageRequests {
 public:
  // Images are read only from inside this folder (see load_texture).
  explicit ImageRequests(std::string root) : root_(std::move(root)) {}
  std::function<void(const std::string&, int, int, int)> hook();
  bool empty() const { return wanted_.empty(); }
  // Loads every request into `app` and forgets them; failures are printed to `log` when
  // it is not null.
  void load_into(App& app, std::FILE* log);

 private:
  struct Request {
    std::string url;
    int width, height, max_side;
  };
  std::vector<Request> wanted_;
  std::string root_;
};

// Writes top-down RGBA pixels as a PNG.
bool write_png(const std::string& path, int width, int height, const std::vector<unsigned char>& rgba);

}  // namespace carta::native
