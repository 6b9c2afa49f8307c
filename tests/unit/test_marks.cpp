// A news card's marks (core/marks.h): what the feed says of an item, in the reader's words.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/feed.h"
#include "core/marks.h"

using namespace carta;

namespace {

Item item_of(const std::string& json) {
  FeedResult r = parse_feed(R"({"version":"https://jsonfeed.org/version/1.1","title":"T","items":[)" + json + "]}");
  REQUIRE(r.feed.items.size() == 1);
  return r.feed.items[0];
}

std::vector<std::string> texts(const Item& item, const std::string& locale = "en") {
  std::vector<std::string> out;
  for (const CardMark& m : card_marks(item, locale)) out.push_back(m.text);
  return out;
}

}  // namespace

TEST_CASE("marks: live, sponsored, kind, subscribers, video, in that order") {
  const Item it = item_of(R"({"id":"a","title":"A","attachments":[{"url":"https://x.example/a.mp3","mime_type":"audio/mpeg"},
    {"url":"https://x.example/a.mp4","mime_type":"video/mp4","duration_in_seconds":204}],
    "_carta":{"kind":"opinion","access":"subscribers","sponsor":"Acme","live":true}})");
  CHECK(texts(it) == std::vector<std::string>{"Live", "Sponsored by Acme", "Opinion", "Subscribers only", "Video, 3:24"});
  CHECK(texts(it, "fr") == std::vector<std::string>{"En direct", "Sponsorisé par Acme", "Opinion", "Réservé aux abonnés",
                                                    "Vidéo, 3:24"});
  CHECK(card_marks(it, "en")[1].kind == CardMark::Kind::sponsored);
}

TEST_CASE("marks: none for a plain story; a sponsor without a name is still sponsored") {
  CHECK(texts(item_of(R"({"id":"a","title":"A","_carta":{"kind":"news","access":"free","live":false}})")).empty());
  const Item unnamed = item_of(R"({"id":"a","title":"A","_carta":{"sponsor":""}})");
  CHECK(unnamed.sponsored);
  CHECK(texts(unnamed) == std::vector<std::string>{"Sponsored"});
  CHECK(texts(item_of(R"({"id":"a","title":"A","attachments":[{"url":"https://x.example/v","mime_type":"video/webm"}]})")) ==
        std::vector<std::string>{"Video"});
}

TEST_CASE("marks: a video's length as players write it") {
  CHECK(duration_text(0) == "0:00");
  CHECK(duration_text(45) == "0:45");
  CHECK(duration_text(204) == "3:24");
  CHECK(duration_text(3723) == "1:02:03");
}

TEST_CASE("marks: updated when date_modified is at least half an hour after date_published") {
  const std::string base = R"({"id":"a","title":"A","date_published":"2025-08-28T13:00:00+03:00","date_modified":")";
  CHECK_FALSE(was_updated(item_of(base + R"(2025-08-28T13:29:00+03:00"})")));
  CHECK(was_updated(item_of(base + R"(2025-08-28T13:30:00+03:00"})")));
  CHECK_FALSE(was_updated(item_of(R"({"id":"a","title":"A","date_modified":"2025-08-28T13:30:00+03:00"})")));
}
