// Which decoded images stay on the GPU: a least-recently-used cache with a byte budget.
// Pure bookkeeping — the platform owns the textures and releases what evict() hands back.
#pragma once
#include <cstddef>
#include <cstdint>
#include <list>
#include <string>
#include <map>
#include <vector>

namespace carta {

struct CachedImage {
  std::string url;
  std::uint64_t handle = 0;  // the platform's texture name
  int width = 0, height = 0;
  bool opaque = false;  // every pixel (Texture::opaque)
  std::size_t bytes() const { return static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4; }
};

// Where a picture is: asked for, decoded into a texture, shown by the page under the canvas,
// or failed.
enum class ImageState { requested, loaded, in_page, failed };

// Whether all `count` pixels of packed RGBA have alpha 255.
bool opaque_rgba(const unsigned char* rgba, std::size_t count);

class ImageCache {
 public:
  explicit ImageCache(std::size_t budget_bytes = 48u << 20) : budget_(budget_bytes) {}

  // The image for `url`, marked as just used; nullptr when not cached.
  const CachedImage* use(const std::string& url);
  // Adds (or replaces) an image. Returns the images evicted to stay within the budget,
  // least recently used first; never the one just added, even when it alone is larger.
  std::vector<CachedImage> insert(CachedImage image);
  // Removes everything (e.g. the GL context was lost) and returns it.
  std::vector<CachedImage> clear();

  std::size_t bytes() const { return bytes_; }
  std::size_t size() const { return entries_.size(); }
  std::size_t budget() const { return budget_; }

 private:
  std::size_t budget_;
  std::size_t bytes_ = 0;
  std::list<CachedImage> order_;  // front: most recently used
  std::map<std::string, std::list<CachedImage>::iterator> entries_;
};

// The size to decode an image to so it covers a display rectangle of `want_w` x `want_h`
// device pixels without upscaling, capped at `max_side` (e.g. GL_MAX_TEXTURE_SIZE).
void fit_decode_size(int image_w, int image_h, int want_w, int want_h, int max_side, int& out_w, int& out_h);

}  // namespace carta
