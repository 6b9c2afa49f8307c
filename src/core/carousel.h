// Carousel state: which card leads the view, the slide between cards (eased), drags with
// momentum that snap to a card, wheel scrolling, and autoplay with pause reasons. Pure and
// clock-free: every call takes the time, and next_wake() tells a platform when it must
// draw again, so nothing runs while nothing moves.
#pragma once
#include <limits>

namespace carta {

enum PauseReason : unsigned {
  pause_hover = 1,      // pointer over the widget
  pause_focus = 2,      // keyboard focus inside the widget
  pause_hidden = 4,     // the tab is hidden
  pause_offscreen = 8,  // scrolled out of view
  pause_user = 16,      // the reader pressed pause or navigated
};

struct CarouselOptions {
  bool loop = false;              // next on the last card wraps to the first
  double transition_s = 0.45;     // slide duration for one card
  double autoplay_s = 0;          // 0: no autoplay
  bool reduced_motion = false;    // no autoplay, no sliding: changes are instant
};

// Smooth deceleration, 0 → 1 (cubic ease-out).
double ease_out_cubic(double t);

class Carousel {
 public:
  static constexpr double kNever = std::numeric_limits<double>::infinity();

  explicit Carousel(CarouselOptions options = {}) : options_(options) {}

  // The number of cards and how many fit in the view; keeps the index in range.
  void set_layout(int count, int per_view, float stride_css, double now);
  void set_options(const CarouselOptions& options, double now);
  const CarouselOptions& options() const { return options_; }

  int count() const { return count_; }
  int per_view() const { return per_view_; }
  int last_index() const { return count_ > per_view_ ? count_ - per_view_ : 0; }
  int index() const { return index_; }      // the card at the start of the view (target)
  float position(double now) const;         // fractional card position to draw at

  // Moves to `index` (clamped, or wrapped when looping). Returns true when it changed.
  bool go(int index, double now);
  bool next(double now);
  bool prev(double now);
  // Places the view at `index` at once, with no slide (a new feed, a start index).
  void jump(int index);

  // Pointer drags, in CSS px along the carousel's axis.
  void drag_begin(float x, double now);
  void drag_move(float x, double now);
  bool drag_end(double now);  // snaps with momentum; true when the index changed
  bool dragging() const { return dragging_; }
  float drag_distance() const { return drag_max_distance_; }

  // Horizontal wheel / trackpad scroll, in CSS px; settles on a card shortly after it stops.
  void wheel(float dx, double now);

  void set_paused(PauseReason reason, bool paused, double now);
  unsigned pause_reasons() const { return pause_reasons_; }
  bool autoplay_active() const;

  // Advances timers; returns true when the index changed (autoplay or a settled wheel).
  bool update(double now);
  // Whether the last update's change was autoplay's (false: the reader's settled wheel).
  bool autoplayed() const { return autoplayed_; }
  bool animating(double now) const;
  // Seconds from `now` until a frame is needed: 0 while animating, kNever when idle.
  double next_wake(double now) const;

 private:
  void animate_to(float target, double now);
  void restart_autoplay(double now) { autoplay_due_ = now + options_.autoplay_s; }
  float clamp_position(float p) const;

  CarouselOptions options_;
  int count_ = 0;
  int per_view_ = 1;
  float stride_ = 1;  // CSS px per card
  int index_ = 0;

  // Animation from `from_` to `to_` between `start_` and `start_ + duration_`.
  float from_ = 0, to_ = 0;
  double start_ = 0, duration_ = 0;

  bool dragging_ = false;
  bool autoplayed_ = false;
  float drag_origin_x_ = 0, drag_origin_pos_ = 0, drag_pos_ = 0, drag_max_distance_ = 0;
  float last_x_ = 0;
  double last_t_ = 0;
  float velocity_ = 0;  // cards per second, smoothed

  double wheel_settle_at_ = kNever;
  float wheel_pos_ = 0;

  unsigned pause_reasons_ = 0;
  double autoplay_due_ = kNever;
};

}  // namespace carta
