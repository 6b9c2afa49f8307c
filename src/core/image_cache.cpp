#include "core/image_cache.h"

#include <algorithm>
#include <cmath>

namespace carta {

bool opaque_rgba(const unsigned char* rgba, std::size_t count) {
  for (std::size_t i = 0; i < count; ++i)
    if (rgba[i * 4 + 3] != 255) return false;
  return true;
}

const CachedImage* ImageCache::use(const std::string& url) {
  auto it = entries_.find(url);
  if (it == entries_.end()) return nullptr;
  order_.splice(order_.begin(), order_, it->second);
  return &*it->second;
}

std::vector<CachedImage> ImageCache::insert(CachedImage image) {
  std::vector<CachedImage> evicted;
  if (auto it = entries_.find(image.url); it != entries_.end()) {
    bytes_ -= it->second->bytes();
    evicted.push_back(*it->second);  // the old texture for this URL goes too
    order_.erase(it->second);
    entries_.erase(it);
  }
  bytes_ += image.bytes();
  order_.push_front(std::move(image));
  entries_[order_.front().url] = order_.begin();
  while (bytes_ > budget_ && order_.size() > 1) {
    CachedImage& last = order_.back();
    bytes_ -= last.bytes();
    entries_.erase(last.url);
    evicted.push_back(std::move(last));
    order_.pop_back();
  }
  return evicted;
}

std::vector<CachedImage> ImageCache::clear() {
  std::vector<CachedImage> all(order_.begin(), order_.end());
  order_.clear();
  entries_.clear();
  bytes_ = 0;
  return all;
}

void fit_decode_size(int image_w, int image_h, int want_w, int want_h, int max_side, int& out_w, int& out_h) {
  out_w = std::max(1, image_w);
  out_h = std::max(1, image_h);
  if (image_w <= 0 || image_h <= 0) return;
  // Cover: the smaller of the two scales that fill the rectangle; never enlarge.
  double scale = 1;
  if (want_w > 0 && want_h > 0)
    scale = std::min(1.0, std::max(static_cast<double>(want_w) / image_w, static_cast<double>(want_h) / image_h));
  if (max_side > 0) scale = std::min(scale, static_cast<double>(max_side) / std::max(image_w, image_h));
  out_w = std::max(1, static_cast<int>(std::lround(image_w * scale)));
  out_h = std::max(1, static_cast<int>(std::lround(image_h * scale)));
}

}  // namespace carta
