#include "core/carousel.h"

#include <algorithm>
#include <cmath>

namespace carta {
namespace {

constexpr double kWheelSettle = 0.16;  // s after the last wheel event
constexpr float kMomentum = 0.22f;     // s of travel a flick adds before snapping
constexpr float kRubber = 0.3f;        // resistance past the first and last card

}  // namespace

double ease_out_cubic(double t) {
  t = std::clamp(t, 0.0, 1.0);
  double u = 1 - t;
  return 1 - u * u * u;
}

void Carousel::set_layout(int count, int per_view, float stride_css, double now) {
  count_ = std::max(0, count);
  per_view_ = std::max(1, per_view);
  stride_ = std::max(1.f, stride_css);
  int clamped = std::clamp(index_, 0, last_index());
  if (clamped != index_ || (!animating(now) && !dragging_ && to_ != static_cast<float>(index_))) {
    index_ = clamped;
    from_ = to_ = static_cast<float>(index_);
    duration_ = 0;
  }
  if (options_.autoplay_s > 0 && autoplay_due_ == kNever) restart_autoplay(now);
}

void Carousel::set_options(const CarouselOptions& options, double now) {
  options_ = options;
  if (options_.reduced_motion && animating(now)) {
    from_ = to_;
    duration_ = 0;
  }
  autoplay_due_ = kNever;
  if (options_.autoplay_s > 0) restart_autoplay(now);
}

float Carousel::clamp_position(float p) const {
  const float lo = 0, hi = static_cast<float>(last_index());
  if (p < lo) return lo - (lo - p) * kRubber;
  if (p > hi) return hi + (p - hi) * kRubber;
  return p;
}

float Carousel::position(double now) const {
  if (dragging_) return drag_pos_;
  if (wheel_settle_at_ != kNever) return wheel_pos_;
  if (duration_ <= 0 || now >= start_ + duration_) return to_;
  double t = (now - start_) / duration_;
  return static_cast<float>(from_ + (to_ - from_) * ease_out_cubic(t));
}

void Carousel::animate_to(float target, double now) {
  float current = position(now);
  from_ = current;
  to_ = target;
  start_ = now;
  if (options_.reduced_motion) {
    duration_ = 0;  // instant: no sliding for readers who asked for less motion
    from_ = to_;
  } else {
    // Longer jumps take a little longer, but never drag on.
    double distance = std::fabs(target - current);
    duration_ = distance < 1e-4 ? 0 : options_.transition_s * std::min(1.6, 0.6 + 0.4 * std::sqrt(distance));
  }
}

bool Carousel::go(int index, double now) {
  if (count_ == 0) return false;
  int target = index;
  if (options_.loop) {
    int span = last_index() + 1;
    target = ((index % span) + span) % span;
  } else {
    target = std::clamp(index, 0, last_index());
  }
  wheel_settle_at_ = kNever;
  bool changed = target != index_;
  index_ = target;
  animate_to(static_cast<float>(target), now);
  if (options_.autoplay_s > 0) restart_autoplay(now);
  return changed;
}

void Carousel::jump(int index) {
  index_ = std::clamp(index, 0, last_index());
  from_ = to_ = static_cast<float>(index_);
  duration_ = 0;
  dragging_ = false;
  wheel_settle_at_ = kNever;
}

bool Carousel::next(double now) { return go(index_ + 1, now); }
bool Carousel::prev(double now) { return go(index_ - 1, now); }

void Carousel::drag_begin(float x, double now) {
  drag_origin_pos_ = drag_pos_ = position(now);  // catch a card mid-slide
  dragging_ = true;
  drag_origin_x_ = last_x_ = x;
  drag_max_distance_ = 0;
  velocity_ = 0;
  last_t_ = now;
  wheel_settle_at_ = kNever;
  duration_ = 0;
}

void Carousel::drag_move(float x, double now) {
  if (!dragging_) return;
  drag_max_distance_ = std::max(drag_max_distance_, std::fabs(x - drag_origin_x_));
  drag_pos_ = clamp_position(drag_origin_pos_ - (x - drag_origin_x_) / stride_);
  double dt = now - last_t_;
  if (dt > 1e-4) {
    float v = static_cast<float>(-(x - last_x_) / stride_ / dt);
    velocity_ = dt > 0.1 ? v : 0.6f * v + 0.4f * velocity_;  // light smoothing of pointer jitter
    last_x_ = x;
    last_t_ = now;
  }
}

bool Carousel::drag_end(double now) {
  if (!dragging_) return false;
  dragging_ = false;
  if (now - last_t_ > 0.1) velocity_ = 0;  // the pointer rested before release: no flick
  float projected = drag_pos_ + velocity_ * kMomentum;
  // A flick always moves at least one card in its direction, at most one view.
  float target = std::round(projected);
  if (std::fabs(velocity_) > 1.2f && std::fabs(target - drag_origin_pos_) < 1)
    target = std::round(drag_origin_pos_) + (velocity_ > 0 ? 1 : -1);
  target = std::clamp(target, std::round(drag_origin_pos_) - per_view_, std::round(drag_origin_pos_) + per_view_);
  target = std::clamp(target, 0.f, static_cast<float>(last_index()));
  from_ = to_ = drag_pos_;  // animate from where the finger left it
  duration_ = 0;
  int before = index_;
  index_ = static_cast<int>(target);
  animate_to(target, now);
  if (options_.autoplay_s > 0) restart_autoplay(now);
  return index_ != before;
}

void Carousel::wheel(float dx, double now) {
  if (dragging_ || count_ == 0) return;
  if (wheel_settle_at_ == kNever) wheel_pos_ = position(now);
  duration_ = 0;
  wheel_pos_ = std::clamp(wheel_pos_ + dx / stride_, -0.25f, static_cast<float>(last_index()) + 0.25f);
  from_ = to_ = wheel_pos_;
  wheel_settle_at_ = now + kWheelSettle;
}

void Carousel::set_paused(PauseReason reason, bool paused, double now) {
  unsigned before = pause_reasons_;
  if (paused) pause_reasons_ |= reason;
  else pause_reasons_ &= ~static_cast<unsigned>(reason);
  // Leaving the last pause starts a full interval: a card never flips the moment the
  // pointer leaves.
  if (before != 0 && pause_reasons_ == 0 && options_.autoplay_s > 0) restart_autoplay(now);
}

bool Carousel::autoplay_active() const {
  return options_.autoplay_s > 0 && !options_.reduced_motion && pause_reasons_ == 0 && count_ > per_view_;
}

bool Carousel::update(double now) {
  bool changed = false;
  autoplayed_ = false;
  if (wheel_settle_at_ != kNever && now >= wheel_settle_at_) {
    float target = std::clamp(std::round(wheel_pos_), 0.f, static_cast<float>(last_index()));
    wheel_settle_at_ = kNever;
    from_ = to_ = wheel_pos_;
    int before = index_;
    index_ = static_cast<int>(target);
    animate_to(target, now);
    changed = index_ != before;
  }
  if (autoplay_active() && !dragging_ && wheel_settle_at_ == kNever && now >= autoplay_due_) {
    int target = index_ >= last_index() ? 0 : index_ + 1;  // autoplay always comes round again
    int before = index_;
    index_ = target;
    animate_to(static_cast<float>(target), now);
    restart_autoplay(now);
    autoplayed_ = !changed && index_ != before;
    changed = changed || index_ != before;
  }
  return changed;
}

// A drag is not an animation: pointer events drive its frames, so an idle finger costs
// nothing.
bool Carousel::animating(double now) const { return duration_ > 0 && now < start_ + duration_; }

double Carousel::next_wake(double now) const {
  if (animating(now)) return 0;
  double wake = kNever;
  if (wheel_settle_at_ != kNever) wake = std::min(wake, std::max(0.0, wheel_settle_at_ - now));
  if (autoplay_active()) wake = std::min(wake, std::max(0.0, autoplay_due_ - now));
  return wake;
}

}  // namespace carta
