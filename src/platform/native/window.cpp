// `carta view FEED`: the carousel in a GLFW window (OpenGL ES 3 context). Draws only when
// something changed — input, a resize, or the feed file being saved — and otherwise sleeps.
#include <sys/stat.h>

#include <cstdio>
#include <cstring>
#include <ctime>
#include <string>
#include <vector>

#define GLFW_INCLUDE_ES3
#include <GLFW/glfw3.h>

#include "app/app.h"
#include "core/carousel.h"
#include "xml/xml_feed.h"
#include "platform/native/native_assets.h"
#include "platform/native/pango_text.h"

namespace carta::native {
namespace {

struct ViewState {
  App* app = nullptr;
  bool dirty = true;
};

ViewState& state_of(GLFWwindow* w) { return *static_cast<ViewState*>(glfwGetWindowUserPointer(w)); }

// GLFW reports positions in window coordinates, which are CSS-like logical pixels.
void on_cursor(GLFWwindow* w, double x, double y) {
  ViewState& s = state_of(w);
  if (s.app->pointer_move(static_cast<float>(x), static_cast<float>(y), glfwGetTime())) s.dirty = true;
}

void on_button(GLFWwindow* w, int button, int action, int) {
  if (button != GLFW_MOUSE_BUTTON_LEFT) return;
  ViewState& s = state_of(w);
  double x, y;
  glfwGetCursorPos(w, &x, &y);
  if (action == GLFW_PRESS) s.app->pointer_down(static_cast<float>(x), static_cast<float>(y), glfwGetTime());
  else s.app->pointer_up(static_cast<float>(x), static_cast<float>(y), glfwGetTime());
  s.dirty = true;
}

void on_enter(GLFWwindow* w, int entered) {
  if (!entered && state_of(w).app->pointer_leave(glfwGetTime())) state_of(w).dirty = true;
}

void on_scroll(GLFWwindow* w, double dx, double dy) {
  // A wheel notch is about 40 px of travel in a browser; touchpads send fractions.
  if (state_of(w).app->wheel(static_cast<float>(-dx * 40), static_cast<float>(-dy * 40), glfwGetTime()))
    state_of(w).dirty = true;
}

void on_key(GLFWwindow* w, int key, int, int action, int) {
  if (action == GLFW_RELEASE) return;
  ViewState& s = state_of(w);
  switch (key) {
    case GLFW_KEY_LEFT: s.dirty |= s.app->key(Key::left, glfwGetTime()); break;
    case GLFW_KEY_RIGHT: s.dirty |= s.app->key(Key::right, glfwGetTime()); break;
    case GLFW_KEY_HOME: s.dirty |= s.app->key(Key::home, glfwGetTime()); break;
    case GLFW_KEY_END: s.dirty |= s.app->key(Key::end, glfwGetTime()); break;
    case GLFW_KEY_ENTER: s.app->key(Key::enter, glfwGetTime()); break;
    case GLFW_KEY_ESCAPE: glfwSetWindowShouldClose(w, GLFW_TRUE); break;
    default: break;
  }
}

long long modification_time(const std::string& path) {
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) return -1;
  return static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
}

}  // namespace

int run_view(int argc, char** argv) {
  std::string feed;
  int width = 960, height = 460;
  bool dark = false;
  std::string style_path;
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--size" && i + 1 < argc) std::sscanf(argv[++i], "%dx%d", &width, &height);
    else if (a == "--theme" && i + 1 < argc) dark = std::strcmp(argv[++i], "dark") == 0;
    else if (a == "--style" && i + 1 < argc) style_path = argv[++i];
    else if (feed.empty() && !a.empty() && a[0] != '-') feed = a;
    else {
      std::fprintf(stderr, "carta view: unexpected %s\n", a.c_str());
      return 2;
    }
  }
  if (feed.empty()) {
    std::fprintf(stderr, "usage: carta view FEED [--size WxH] [--theme light|dark] [--style FILE.css]\n");
    return 2;
  }
  if (!glfwInit()) {
    std::fprintf(stderr, "carta view: no display (try `carta shot`)\n");
    return 2;
  }
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_CREATION_API, GLFW_EGL_CONTEXT_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
  GLFWwindow* window = glfwCreateWindow(width, height, ("Carta — " + feed).c_str(), nullptr, nullptr);
  if (!window) {
    std::fprintf(stderr, "carta view: cannot open an OpenGL ES 3 window\n");
    glfwTerminate();
    return 2;
  }
  glfwMakeContextCurrent(window);
  glfwSwapInterval(1);

  AppDesc desc;
  desc.debug = true;  // a developer's window: the error card names the problem
  desc.dark = dark;
  ImageRequests images(folder_of(feed));
  int exit_code = 0;
  {
    AppHooks hooks;
    hooks.request_image = images.hook();
    hooks.read_feed = read_any_feed;  // JSON Feed, RSS or Atom, by content
    hooks.changed = [](int index, const std::string& id, carta::ChangeCause) {
      std::printf("card %d: %s\n", index, id.c_str());
      std::fflush(stdout);  // a viewer's log is read as it happens
    };
    // The native viewer does not open a browser; it says what a reader would have opened.
    hooks.open = [](const std::string& url, const std::string&, const char* kind) {
      std::printf("open %s: %s\n", kind, url.c_str());
      std::fflush(stdout);
    };
    App app(desc, hooks);
    PangoText text;  // other scripts than the atlas has, and emoji
    app.set_platform_text(&text);
    ViewState state{&app, true};
    glfwSetWindowUserPointer(window, &state);
    glfwSetCursorPosCallback(window, on_cursor);
    glfwSetMouseButtonCallback(window, on_button);
    glfwSetCursorEnterCallback(window, on_enter);
    glfwSetScrollCallback(window, on_scroll);
    glfwSetKeyCallback(window, on_key);
    std::string error;
    if (!load_fonts(app, error)) {
      std::fprintf(stderr, "carta view: %s\n", error.c_str());
      exit_code = 2;
    }
    long long loaded_mtime = -2, style_mtime = -2;
    while (exit_code == 0 && !glfwWindowShouldClose(window)) {
      // The partner's look, applied again whenever its file is saved.
      if (!style_path.empty() && modification_time(style_path) != style_mtime) {
        style_mtime = modification_time(style_path);
        Style style;
        std::string css;
        if (read_style(style_path, css, style)) app.set_theme(styled_theme(dark, std::nullopt, style));
        state.dirty = true;
      }
      long long mtime = modification_time(feed);
      if (mtime != loaded_mtime) {
        loaded_mtime = mtime;
        if (auto bytes = read_file(feed)) {
          // A broken save keeps the last good feed on screen; the terminal says why.
          if (!app.set_feed(*bytes, file_url(feed)))
            for (const Diagnostic& d : app.last_diagnostics()) std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());
        } else {
          app.set_feed_failure("cannot read " + feed);
        }
        state.dirty = true;
      }
      int fw, fh, ww, wh;
      glfwGetFramebufferSize(window, &fw, &fh);
      glfwGetWindowSize(window, &ww, &wh);
      float dpr = ww > 0 ? static_cast<float>(fw) / ww : 1.f;
      if (app.framebuffer_width() != fw || app.framebuffer_height() != fh) {
        app.resize(static_cast<float>(ww), static_cast<float>(wh), dpr);
        state.dirty = true;
      }
      if (state.dirty || !images.empty()) {
        app.set_now(static_cast<std::int64_t>(std::time(nullptr)));
        FrameResult r = app.frame(glfwGetTime());
        glfwSwapBuffers(window);
        state.dirty = r.wants_next_frame;
        if (!images.empty()) {
          images.load_into(app, nullptr);
          state.dirty = true;
        }
      }
      // Sleep until input arrives, the carousel's next timer (autoplay, a settling wheel) is
      // due, or half a second has passed (to notice the feed file changing).
      if (state.dirty) {
        glfwPollEvents();
      } else {
        double wake = app.next_wake(glfwGetTime());
        glfwWaitEventsTimeout(wake < 0.5 ? (wake <= 0 ? 0.001 : wake) : 0.5);
        if (wake <= 0.5) state.dirty = true;
      }
    }
  }
  glfwDestroyWindow(window);
  glfwTerminate();
  return exit_code;
}

}  // namespace carta::native
