// `carta`, the native tool: shot (headless PNG), validate (feed diagnostics), view (window),
// convert (any feed to JSON Feed). Every command reads JSON Feed, RSS and Atom, by content.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

#include <sys/resource.h>

#include "app/app.h"
#include "bench/feed_bench.h"
#include "bench/frame_bench.h"
#include "bench/xml_bench.h"
#include "core/datetime.h"
#include "core/feed.h"
#include "core/html_cards.h"
#include "core/json_reader.h"
#include "core/url.h"
#include "platform/native/headless_gl.h"
#include "platform/native/native_assets.h"
#include "platform/native/pango_text.h"
#include "xml/xml_feed.h"

namespace carta::native {
int run_view(int argc, char** argv);  // window.cpp
}

namespace {

using namespace carta;
using namespace carta::native;

constexpr int kExitOk = 0, kExitInvalid = 1, kExitUsage = 2;

void usage(FILE* out) {
  std::fputs(
      "usage: carta <command> [options]\n"
      "  shot FEED -o OUT.png [--size WxH] [--dpr N] [--card N] [--theme light|dark]\n"
      "                       [--accent #RRGGBB] [--style FILE.css ...] [--now RFC3339] [--debug]\n"
      "                       [--image-root DIR] [--boxes BOXES.tsv]\n"
      "      render the carousel headless (no display needed) to a PNG; --debug puts a\n"
      "      broken feed's diagnostic on its error card instead of the readers' sentence;\n"
      "      pictures are read only from inside the feed's folder, or --image-root;\n"
      "      --style reads a partner's look: the --carta-* custom properties in CSS files (later over earlier);\n"
      "      --boxes writes where each line of text went (role, x, y, w, h in device px, text)\n"
      "  validate FEED        print each problem with its JSON pointer (element path for XML);\n"
      "                       exit 0 valid (warnings allowed), 1 invalid, 2 usage or I/O error\n"
      "  convert FEED         print the feed (RSS, Atom or JSON Feed) as JSON Feed 1.1 + _carta;\n"
      "                       problems on stderr; exit as validate\n"
      "  html FEED [--base URL] [--json-ld] [--locale L] [--heading-level N] [--label TEXT] [--now RFC3339]\n"
      "      print the cards as plain HTML for a page to carry before JavaScript (classes of\n"
      "      web/carta-cards.css); --base: the feed's public address, which its relative links\n"
      "      resolve against; --json-ld adds a schema.org ItemList; exit as validate\n"
      "  view FEED [--size WxH] [--theme light|dark] [--style FILE.css]\n"
      "      open a window; reloads when the feed file changes\n"
      "  bench [--json]       frame cost by feed size, parse speed against bare nlohmann::json,\n"
      "                       RSS read speed, model size and peak memory\n",
      out);
}

struct ShotOptions {
  std::string feed, output;
  int width = 800, height = 450;
  float dpr = 1;
  int card = 0;
  bool dark = false;
  bool debug = false;
  std::string image_root;  // images are read only from inside it; default the feed's folder
  std::string boxes;       // where each line of text went, for the golden shots' per-line check
  std::optional<Color> accent;
  Style style;
  std::string style_css;  // every --style sheet's text, in order
  std::int64_t now = static_cast<std::int64_t>(std::time(nullptr));
};

bool parse_size(const char* text, int& w, int& h) {
  return std::sscanf(text, "%dx%d", &w, &h) == 2 && w >= 100 && h >= 100 && w <= 8192 && h <= 8192;
}

int fail_usage(const std::string& message) {
  std::fprintf(stderr, "carta: %s\n", message.c_str());
  usage(stderr);
  return kExitUsage;
}

const char* role_name(TextRole role) {
  switch (role) {
    case TextRole::caption: return "caption";
    case TextRole::category: return "category";
    case TextRole::headline: return "headline";
    case TextRole::meta: return "meta";
    case TextRole::body: return "body";
    case TextRole::related_category: return "related_category";
    case TextRole::related_title: return "related_title";
    case TextRole::status: return "status";
    case TextRole::count: break;
  }
  return "text";
}

// Every line of text the frame drew, as the box of its glyphs in device pixels (the line
// box's height, the line's own width from its start edge), inside the framebuffer: what
// tests/shots/image_diff checks line by line. Lines wholly outside it are left out.
bool write_text_boxes(const std::string& path, const App& app, PangoText& platform, int fb_w, int fb_h) {
  std::ofstream out(path);
  if (!out) return false;
  out << "# role\tx\ty\tw\th\ttext (device px; carta shot --boxes)\n";
  const float dpr = app.fonts().dpr();
  for (const Shape& s : app.scene().shapes) {
    if (s.kind != Shape::Kind::text && s.kind != Shape::Kind::text_image) continue;
    // The atlas draws a line from its box's left edge (a mirrored line's box is already its
    // own width); the platform's image of a right-to-left line ends at the box's right edge.
    const float width = s.kind == Shape::Kind::text ? app.fonts().width(s.role, s.text)
                                                    : platform.width(s.text, app.theme().style(s.role), s.language);
    const float left = s.kind == Shape::Kind::text_image && s.language.rtl ? s.rect.right() - width : s.rect.x;
    const int x0 = std::max(0, static_cast<int>(std::floor(left * dpr)));
    const int x1 = std::min(fb_w, static_cast<int>(std::ceil((left + width) * dpr)));
    const int y0 = std::max(0, static_cast<int>(std::floor(s.rect.y * dpr)));
    const int y1 = std::min(fb_h, static_cast<int>(std::ceil(s.rect.bottom() * dpr)));
    if (x1 <= x0 || y1 <= y0) continue;
    std::string text = s.text;
    for (char& c : text)
      if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    out << role_name(s.role) << '\t' << x0 << '\t' << y0 << '\t' << x1 - x0 << '\t' << y1 - y0 << '\t' << text << '\n';
  }
  return static_cast<bool>(out.flush());
}

int run_shot(int argc, char** argv) {
  ShotOptions o;
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
    const char* v = nullptr;
    if (a == "-o" || a == "--output") {
      if (!(v = value())) return fail_usage("-o needs a file name");
      o.output = v;
    } else if (a == "--size") {
      if (!(v = value()) || !parse_size(v, o.width, o.height)) return fail_usage("--size takes WxH, e.g. 800x450");
    } else if (a == "--dpr") {
      if (!(v = value()) || (o.dpr = std::strtof(v, nullptr)) < 0.5f || o.dpr > 4) return fail_usage("--dpr takes 0.5 to 4");
    } else if (a == "--card") {
      if (!(v = value())) return fail_usage("--card takes an index");
      o.card = std::atoi(v);
    } else if (a == "--theme") {
      if (!(v = value()) || (std::strcmp(v, "light") && std::strcmp(v, "dark"))) return fail_usage("--theme is light or dark");
      o.dark = std::strcmp(v, "dark") == 0;
    } else if (a == "--accent") {
      if (!(v = value()) || !(o.accent = parse_hex_color(v))) return fail_usage("--accent takes #RRGGBB");
    } else if (a == "--style") {
      if (!(v = value()) || !read_style(v, o.style_css, o.style)) return fail_usage("--style takes a readable CSS file");
    } else if (a == "--image-root") {
      if (!(v = value())) return fail_usage("--image-root takes a folder");
      o.image_root = v;
    } else if (a == "--boxes") {
      if (!(v = value())) return fail_usage("--boxes takes a file name");
      o.boxes = v;
    } else if (a == "--debug") {
      o.debug = true;
    } else if (a == "--now") {
      auto t = (v = value()) ? parse_rfc3339(v) : std::nullopt;
      if (!t) return fail_usage("--now takes an RFC 3339 time");
      o.now = t->unix_seconds;
    } else if (!a.empty() && a[0] == '-') {
      return fail_usage("unknown option " + a);
    } else if (o.feed.empty()) {
      o.feed = a;
    } else {
      return fail_usage("one feed at a time");
    }
  }
  if (o.feed.empty() || o.output.empty()) return fail_usage("shot needs a FEED and -o OUT.png");

  const int fb_w = static_cast<int>(o.width * o.dpr + 0.5f), fb_h = static_cast<int>(o.height * o.dpr + 0.5f);
  HeadlessGl gl;
  std::string error;
  if (!gl.open(fb_w, fb_h, error)) {
    std::fprintf(stderr, "carta shot: %s\n", error.c_str());
    return kExitUsage;
  }
  AppDesc desc;
  desc.width = static_cast<float>(o.width);
  desc.height = static_cast<float>(o.height);
  desc.dpr = o.dpr;
  desc.dark = o.dark;
  desc.accent = o.accent;
  desc.style = o.style;
  desc.start_index = o.card;
  desc.debug = o.debug;
  ImageRequests images(o.image_root.empty() ? folder_of(o.feed) : folder_of(o.image_root + "/."));
  AppHooks hooks;
  hooks.request_image = images.hook();
  hooks.read_feed = read_any_feed;
  App app(desc, hooks);
  PangoText text;  // other scripts than the atlas has, and emoji
  app.set_platform_text(&text);
  app.set_now(o.now);
  if (!load_fonts(app, error)) {
    std::fprintf(stderr, "carta shot: %s\n", error.c_str());
    return kExitUsage;
  }
  auto bytes = read_file(o.feed);
  if (!bytes) {
    std::fprintf(stderr, "carta shot: cannot read %s\n", o.feed.c_str());
    return kExitUsage;
  }
  app.set_feed(*bytes, file_url(o.feed));
  for (const Diagnostic& d : app.last_diagnostics()) std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());

  // Draw, load what the frame asked for, and draw again until nothing new is wanted.
  for (int pass = 0; pass < 4; ++pass) {
    app.frame(pass / 60.0);
    if (images.empty()) break;
    images.load_into(app, stderr);
  }
  if (!write_png(o.output, fb_w, fb_h, gl.read_pixels())) {
    std::fprintf(stderr, "carta shot: cannot write %s\n", o.output.c_str());
    return kExitUsage;
  }
  if (!o.boxes.empty() && !write_text_boxes(o.boxes, app, text, fb_w, fb_h)) {
    std::fprintf(stderr, "carta shot: cannot write %s\n", o.boxes.c_str());
    return kExitUsage;
  }
  return kExitOk;
}

int run_validate(int argc, char** argv) {
  std::string path;
  bool json = false;
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--json") json = true;
    else if (!a.empty() && a[0] == '-') return fail_usage("unknown option " + a);
    else if (path.empty()) path = a;
    else return fail_usage("one feed at a time");
  }
  if (path.empty()) return fail_usage("validate needs a FEED");
  auto bytes = read_file(path);
  if (!bytes) {
    std::fprintf(stderr, "carta validate: cannot read %s\n", path.c_str());
    return kExitUsage;
  }
  FeedResult result = read_any_feed(*bytes, file_url(path));
  int errors = 0, warnings = 0;
  for (const Diagnostic& d : result.diagnostics) (d.severity == Severity::error ? errors : warnings)++;
  if (json) {
    Json out;
    out["valid"] = result.ok();
    out["items"] = result.feed.items.size();
    out["diagnostics"] = Json::array();
    for (const Diagnostic& d : result.diagnostics) {
      Json j{{"severity", severity_name(d.severity)}, {"pointer", d.pointer}, {"message", d.message}};
      if (d.line > 0) {
        j["line"] = d.line;
        j["column"] = d.column;
      }
      out["diagnostics"].push_back(std::move(j));
    }
    std::printf("%s\n", out.dump(2, ' ', false, Json::error_handler_t::replace).c_str());
  } else {
    for (const Diagnostic& d : result.diagnostics) std::printf("%s\n", format_diagnostic(d).c_str());
    std::printf("%s: %s, %zu item%s, %d error%s, %d warning%s\n", path.c_str(), result.ok() ? "valid" : "invalid",
                result.feed.items.size(), result.feed.items.size() == 1 ? "" : "s", errors, errors == 1 ? "" : "s",
                warnings, warnings == 1 ? "" : "s");
  }
  return result.ok() ? kExitOk : kExitInvalid;
}

int run_convert(int argc, char** argv) {
  if (argc != 3 || argv[2][0] == '-') return fail_usage("convert needs one FEED");
  const std::string path = argv[2];
  auto bytes = read_file(path);
  if (!bytes) {
    std::fprintf(stderr, "carta convert: cannot read %s\n", path.c_str());
    return kExitUsage;
  }
  // The JSON printed is what the reader reads; a JSON Feed is printed as it is.
  std::string json;
  FeedResult result;
  if (sniff_feed(*bytes) == FeedFormat::xml) {
    XmlConversion xml = convert_xml_feed(*bytes);
    result = read_converted(xml, file_url(path));
    json = std::move(xml.json);
  } else {
    json = *bytes;
    result = parse_feed(json, file_url(path));
  }
  for (const Diagnostic& d : result.diagnostics) std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());
  if (!json.empty()) std::fwrite(json.data(), 1, json.size(), stdout);
  if (!json.empty() && json.back() != '\n') std::fputc('\n', stdout);
  return result.ok() ? kExitOk : kExitInvalid;
}

// The cards as plain HTML (core/html_cards.h), for a page to carry before JavaScript.
int run_html(int argc, char** argv) {
  HtmlOptions o;
  o.now_unix = static_cast<std::int64_t>(std::time(nullptr));
  std::string path, base;
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
    const char* v = nullptr;
    if (a == "--json-ld") {
      o.json_ld = true;
    } else if (a == "--locale") {
      if (!(v = value())) return fail_usage("--locale takes a language, e.g. ar");
      o.locale = v;
    } else if (a == "--now") {
      auto t = (v = value()) ? parse_rfc3339(v) : std::nullopt;
      if (!t) return fail_usage("--now takes an RFC 3339 time");
      o.now_unix = t->unix_seconds;
    } else if (a == "--heading-level") {
      if (!(v = value()) || (o.heading_level = std::atoi(v)) < 1 || o.heading_level > 6)
        return fail_usage("--heading-level takes 1 to 6");
    } else if (a == "--base") {
      if (!(v = value()) || !is_http_url(v)) return fail_usage("--base takes the feed's http(s) address");
      base = v;
    } else if (a == "--label") {
      if (!(v = value())) return fail_usage("--label takes the list's name");
      o.label = v;
    } else if (!a.empty() && a[0] == '-') {
      return fail_usage("unknown option " + a);
    } else if (path.empty()) {
      path = a;
    } else {
      return fail_usage("one feed at a time");
    }
  }
  if (path.empty()) return fail_usage("html needs a FEED");
  auto bytes = read_file(path);
  if (!bytes) {
    std::fprintf(stderr, "carta html: cannot read %s\n", path.c_str());
    return kExitUsage;
  }
  FeedResult result = read_any_feed(*bytes, base.empty() ? file_url(path) : base);
  for (const Diagnostic& d : result.diagnostics) std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());
  if (!result.ok()) return kExitInvalid;
  const std::string html = cards_html(result.feed, o);
  std::fwrite(html.data(), 1, html.size(), stdout);
  return kExitOk;
}

int run_bench(int argc, char** argv) {
  bool json = false;
  for (int i = 2; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--json")) json = true;
    else return fail_usage(std::string("unknown option ") + argv[i]);
  }
  FontParts files;
  for (int f = 0; f < static_cast<int>(Face::count); ++f) {
    for (FontPart part : {FontPart::base, FontPart::arabic, FontPart::hebrew}) {
      const std::string path = font_path(static_cast<Face>(f), part);
      auto bytes = read_file(path);
      if (!bytes) {
        std::fprintf(stderr, "carta bench: cannot read %s\n", path.c_str());
        return kExitUsage;
      }
      files[static_cast<int>(part)][f].assign(bytes->begin(), bytes->end());
    }
  }
  const int sizes[] = {10, 1000, 100000};
  bench::FrameFigures frames[3];
  for (int i = 0; i < 3; ++i) frames[i] = bench::measure_frame(files, sizes[i], 400);
  // The same view with Arabic cards: what shaping and reordering add to a frame.
  bench::FrameFigures arabic = bench::measure_frame(files, 1000, 400, true);
  double frame_ratio = frames[2].median_us / frames[0].median_us;
  bench::ParseFigures parse = bench::measure_parse(10000, 9);
  bench::XmlParseFigures xml = bench::measure_xml_parse(5000, 5);
  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  double peak_mib = usage.ru_maxrss / 1024.0;  // Linux reports KiB
  if (json) {
    Json out = {{"frame_us", {{"10", frames[0].median_us}, {"1000", frames[1].median_us}, {"100000", frames[2].median_us}}},
                {"frame_ratio_100000_10", frame_ratio},
                {"frame_vertices", frames[0].vertices},
                {"frame_us_arabic_1000", arabic.median_us},
                {"parse_items", parse.items},
                {"parse_bytes", parse.bytes},
                {"parse_mb_s", parse.carta_mb_s},
                {"nlohmann_parse_mb_s", parse.nlohmann_mb_s},
                {"parse_ratio", parse.ratio},
                {"model_bytes_per_item", parse.model_bytes_per_item},
                {"xml_parse_items", xml.items},
                {"xml_parse_bytes", xml.bytes},
                {"xml_parse_mb_s", xml.carta_mb_s},
                {"xml_parse_ms", xml.seconds * 1e3},
                {"xml_same_items_json_mb_s", xml.json_mb_s},
                {"peak_rss_mib", peak_mib}};
    std::printf("%s\n", out.dump(2).c_str());
  } else {
    std::printf("%-34s %12s\n", "benchmark", "value");
    for (int i = 0; i < 3; ++i)
      std::printf("frame_us, %6d items %17.1f   (%d vertices)\n", sizes[i], frames[i].median_us, frames[i].vertices);
    std::printf("%-34s %12.2f   (goal <= 1.2)\n", "frame ratio 100000 / 10", frame_ratio);
    std::printf("frame_us, %6d Arabic items %10.1f   (%d vertices)\n", 1000, arabic.median_us, arabic.vertices);
    std::printf("%-34s %12.1f   (%d items, %.1f MB)\n", "parse_mb_s (carta: bytes to model)", parse.carta_mb_s, parse.items,
                parse.bytes / 1e6);
    std::printf("%-34s %12.1f\n", "nlohmann_parse_mb_s (bare DOM)", parse.nlohmann_mb_s);
    std::printf("%-34s %12.2f   (goal >= 0.8)\n", "parse ratio", parse.ratio);
    std::printf("%-34s %12.0f\n", "model_bytes_per_item", parse.model_bytes_per_item);
    std::printf("%-34s %12.1f   (%d items, %.1f MB of RSS: %.0f ms)\n", "xml_parse_mb_s (RSS to model)", xml.carta_mb_s,
                xml.items, xml.bytes / 1e6, xml.seconds * 1e3);
    std::printf("%-34s %12.1f\n", "the same items as JSON, MB/s", xml.json_mb_s);
    std::printf("%-34s %12.1f\n", "peak RSS, MiB (whole run)", peak_mib);
  }
  return kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || !std::strcmp(argv[1], "-h") || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "help")) {
    usage(argc < 2 ? stderr : stdout);
    return argc < 2 ? kExitUsage : kExitOk;
  }
  std::string command = argv[1];
  if (command == "shot") return run_shot(argc, argv);
  if (command == "validate") return run_validate(argc, argv);
  if (command == "view") return carta::native::run_view(argc, argv);
  if (command == "bench") return run_bench(argc, argv);
  if (command == "convert") return run_convert(argc, argv);
  if (command == "html") return run_html(argc, argv);
  return fail_usage("unknown command " + command);
}
