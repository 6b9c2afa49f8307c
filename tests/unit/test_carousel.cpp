// Carousel state: transitions, easing, drags with momentum and snap, wheel, autoplay and
// its pauses, and the "when must I draw next" answer that keeps an idle widget at zero cost.
#include <doctest/doctest.h>

#include <initializer_list>

#include "core/carousel.h"

using namespace carta;

namespace {

Carousel make(int count, int per_view = 1, CarouselOptions o = {}) {
  Carousel c(o);
  c.set_layout(count, per_view, 400, 0);
  return c;
}

}  // namespace

TEST_CASE("easing starts at 0, ends at 1 and never overshoots") {
  CHECK(ease_out_cubic(0) == 0);
  CHECK(ease_out_cubic(1) == 1);
  CHECK(ease_out_cubic(-1) == 0);
  CHECK(ease_out_cubic(2) == 1);
  double prev = 0;
  for (int i = 1; i <= 100; ++i) {
    double v = ease_out_cubic(i / 100.0);
    CHECK(v >= prev);
    CHECK(v <= 1);
    prev = v;
  }
  CHECK(ease_out_cubic(0.5) > 0.5);  // decelerates: most of the way early
}

TEST_CASE("next, prev and go move the index and animate the position") {
  Carousel c = make(5);
  CHECK(c.index() == 0);
  CHECK(c.next(1.0));
  CHECK(c.index() == 1);
  CHECK(c.animating(1.0));
  CHECK(c.next_wake(1.0) == 0);
  float mid = c.position(1.1);
  CHECK(mid > 0);
  CHECK(mid < 1);
  CHECK(c.position(5.0) == 1);
  CHECK_FALSE(c.animating(5.0));
  CHECK(c.next_wake(5.0) == Carousel::kNever);  // idle: no frame needed, ever
  CHECK(c.go(4, 6.0));
  CHECK(c.index() == 4);
  CHECK_FALSE(c.next(7.0));  // no loop: stays on the last card
  CHECK(c.index() == 4);
  CHECK(c.go(-3, 8.0));
  CHECK(c.index() == 0);
  CHECK_FALSE(c.prev(9.0));
}

TEST_CASE("with several cards per view the last index leaves no gap") {
  Carousel c = make(5, 2);
  CHECK(c.last_index() == 3);
  c.go(10, 0);
  CHECK(c.index() == 3);
  Carousel few = make(2, 3);
  CHECK(few.last_index() == 0);
  CHECK_FALSE(few.next(0));
}

TEST_CASE("looping wraps at both ends") {
  CarouselOptions o;
  o.loop = true;
  Carousel c = make(3, 1, o);
  CHECK(c.prev(0));
  CHECK(c.index() == 2);
  CHECK(c.next(1));
  CHECK(c.index() == 0);
}

TEST_CASE("a layout change keeps the index in range") {
  Carousel c = make(10);
  c.go(9, 0);
  c.set_layout(4, 1, 400, 10);
  CHECK(c.index() == 3);
  CHECK(c.position(10) == 3);
  c.set_layout(0, 1, 400, 11);
  CHECK(c.index() == 0);
}

TEST_CASE("reduced motion: changes are instant") {
  CarouselOptions o;
  o.reduced_motion = true;
  Carousel c = make(5, 1, o);
  c.next(1.0);
  CHECK_FALSE(c.animating(1.0));
  CHECK(c.position(1.0) == 1);
}

TEST_CASE("slow drags snap to the nearest card") {
  Carousel c = make(5);  // 400 px per card
  c.drag_begin(500, 0);
  c.drag_move(400, 0.5);
  c.drag_move(340, 1.0);  // 160 px: 0.4 of a card, slowly
  CHECK(c.position(1.0) == doctest::Approx(0.4f));
  CHECK_FALSE(c.drag_end(1.5));  // rested before release: no flick
  CHECK(c.index() == 0);
  c.drag_begin(500, 2);
  c.drag_move(400, 2.5);
  c.drag_move(250, 3.0);  // 250 px: past half a card
  CHECK(c.drag_end(3.01));
  CHECK(c.index() == 1);
  CHECK(c.animating(3.02));
  CHECK(c.position(10) == 1);
}

TEST_CASE("a quick flick moves one card even when short") {
  Carousel c = make(5);
  c.drag_begin(500, 0);
  c.drag_move(470, 0.016);
  c.drag_move(440, 0.032);  // 60 px in 32 ms: ~4.7 cards per second
  CHECK(c.drag_end(0.04));
  CHECK(c.index() == 1);
  // ...and back the other way.
  c.drag_begin(100, 2);
  c.drag_move(130, 2.016);
  c.drag_move(160, 2.032);
  CHECK(c.drag_end(2.04));
  CHECK(c.index() == 0);
}

TEST_CASE("a very fast flick moves at most one view") {
  Carousel c = make(20, 2);
  c.drag_begin(900, 0);
  c.drag_move(100, 0.02);  // 800 px in 20 ms
  c.drag_end(0.03);
  CHECK(c.index() <= 2);
  CHECK(c.index() >= 1);
}

TEST_CASE("dragging past the ends resists and springs back") {
  Carousel c = make(3);
  c.drag_begin(100, 0);
  c.drag_move(500, 1);  // a whole card to the right of the first
  float p = c.position(1);
  CHECK(p < 0);
  CHECK(p > -0.5f);  // rubber band
  c.drag_end(2);
  CHECK(c.index() == 0);
  CHECK(c.position(10) == 0);
}

TEST_CASE("a drag catches a card mid-slide") {
  Carousel c = make(5);
  c.next(0);
  float mid = c.position(0.1);
  c.drag_begin(300, 0.1);
  CHECK(c.position(0.1) == doctest::Approx(mid));
  CHECK_FALSE(c.animating(0.1));
}

TEST_CASE("wheel scrolling follows the deltas, then settles on a card") {
  Carousel c = make(5);
  c.wheel(120, 0);
  c.wheel(120, 0.05);  // 240 px: 0.6 card
  CHECK(c.position(0.05) == doctest::Approx(0.6f));
  CHECK(c.next_wake(0.05) > 0);
  CHECK(c.next_wake(0.05) < 0.2);
  CHECK_FALSE(c.update(0.1));  // not settled yet
  CHECK(c.update(0.3));
  CHECK(c.index() == 1);
  CHECK(c.position(5) == 1);
  CHECK(c.next_wake(5) == Carousel::kNever);
}

TEST_CASE("autoplay advances, wraps, and waits while paused") {
  CarouselOptions o;
  o.autoplay_s = 5;
  Carousel c = make(3, 1, o);
  CHECK(c.next_wake(0) == doctest::Approx(5));
  CHECK_FALSE(c.update(4.9));
  CHECK(c.update(5.0));
  CHECK(c.index() == 1);
  CHECK(c.update(10.0));
  CHECK(c.update(15.0));
  CHECK(c.index() == 0);  // came round again

  c.set_paused(pause_hover, true, 16);
  CHECK(c.next_wake(16) == Carousel::kNever);
  CHECK_FALSE(c.update(30));
  c.set_paused(pause_focus, true, 31);
  c.set_paused(pause_hover, false, 32);
  CHECK_FALSE(c.update(50));  // still focused
  c.set_paused(pause_focus, false, 60);
  CHECK_FALSE(c.update(64));  // a full interval after the last pause ends
  CHECK(c.update(65));
  CHECK(c.index() == 1);

  for (PauseReason r : {pause_hidden, pause_offscreen, pause_user}) {
    c.set_paused(r, true, 70);
    CHECK_FALSE(c.autoplay_active());
    c.set_paused(r, false, 70);
  }
  CHECK(c.autoplay_active());
}

TEST_CASE("navigating restarts the autoplay interval") {
  CarouselOptions o;
  o.autoplay_s = 5;
  Carousel c = make(4, 1, o);
  c.next(4);
  CHECK_FALSE(c.update(8));
  CHECK(c.update(9.0));
  CHECK(c.index() == 2);
}

TEST_CASE("no autoplay under reduced motion or when everything fits") {
  CarouselOptions o;
  o.autoplay_s = 5;
  o.reduced_motion = true;
  Carousel c = make(4, 1, o);
  CHECK_FALSE(c.autoplay_active());
  CHECK(c.next_wake(0) == Carousel::kNever);
  CHECK_FALSE(c.update(100));
  o.reduced_motion = false;
  Carousel fits = make(2, 3, o);
  CHECK_FALSE(fits.autoplay_active());
}

TEST_CASE("jump places the view without a slide") {
  Carousel c = make(6, 2);
  c.jump(3);
  CHECK(c.index() == 3);
  CHECK(c.position(0) == 3);
  CHECK_FALSE(c.animating(0));
  c.jump(99);
  CHECK(c.index() == 4);
}
