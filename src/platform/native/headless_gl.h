// An OpenGL ES 3 context with no display: EGL on Mesa's surfaceless platform, drawing into
// a framebuffer object whose pixels can be read back. Used by `carta shot` and the tests.
#pragma once
#include <string>
#include <vector>

namespace carta::native {

class HeadlessGl {
 public:
  HeadlessGl() = default;
  ~HeadlessGl();
  HeadlessGl(const HeadlessGl&) = delete;
  HeadlessGl& operator=(const HeadlessGl&) = delete;

  // Creates the context and a width x height RGBA framebuffer, and makes them current.
  bool open(int width, int height, std::string& error);
  // Top-down RGBA rows of the framebuffer.
  std::vector<unsigned char> read_pixels() const;

 private:
  void* display_ = nullptr;
  void* context_ = nullptr;
  unsigned framebuffer_ = 0, colour_ = 0;
  int width_ = 0, height_ = 0;
};

}  // namespace carta::native
