// Generated from src/app/protocol.h by src/platform/web/protocol_js.cpp: do not edit.
// Update with: cmake --build --preset wasm --target protocol_js_update
// Keys the widget takes, by KeyboardEvent.key (an Input of kind key).
export const KEY = {ArrowLeft: 0, ArrowRight: 1, Home: 2, End: 3, Enter: 4};
// What the page tells a widget (carta_input): the Input's kind.
export const INPUT = {pointerDown: 0, pointerMove: 1, pointerUp: 2, pointerLeave: 3, wheel: 4, key: 5, go: 6, step: 7, focus: 8, pause: 9, reducedMotion: 10, resize: 11, contextLost: 12, contextRestored: 13, replaceContext: 14, prepare: 15};
// carta_input's answer, as bits.
export const INPUT_RESULT = {redraw: 1, overLink: 2, taken: 4, more: 8};
// What the page hands a widget besides its feed (carta_asset).
export const ASSET = {font: 0, words: 1, browserText: 2};
// What became of a picture the widget asked for (carta_image).
export const IMAGE = {loaded: 1, inPage: 2, failed: 3};
// What carta_json answers with.
export const JSON_KIND = {view: 0, items: 1, pagePictures: 2, error: 3, stats: 4};
// carta_frame's answer, as bits.
export const FRAME = {drew: 1, headlineVisible: 2, wantsNext: 4, pagePictures: 8};
// What a mirror element stands for (data-kind; an Input of kind focus).
export const HIT_KIND = {card: 0, related: 1, prev: 2, next: 3, dot: 4};
// Why autoplay waits (an Input of kind pause).
export const PAUSE = {hover: 1, focus: 2, hidden: 4, offscreen: 8, user: 16};
// Rounded corners of a picture the page shows, as bits (carta_json pagePictures).
export const CORNER = {topLeft: 1, topRight: 2, bottomLeft: 4, bottomRight: 8};
// The faces of a font part, in the order of its files (carta_asset font).
export const FACE = {sans: 0, sansBold: 1, serifBold: 2};
// The font parts (carta_asset font).
export const FONT_PART = {base: 0, ext: 1};
// Why the card in view changed (an Input's cause, and the changed callback).
export const CHANGE_CAUSE = {reader: 0, autoplay: 1, feed: 2, api: 3};
// The core's feed size limit and its refusal (carta::too_large_message): {size} is the size.
export const FEED_LIMIT = {bytes: 8388608, message: 'the feed is {size} bytes; the limit is 8192 KiB (8388608 bytes)'};
// The partner's look: the host's custom properties handed to carta_set_theme.
export const STYLE_PROPERTIES = ['--carta-font-headline', '--carta-font-text', '--carta-color-background', '--carta-color-card', '--carta-color-text', '--carta-color-muted', '--carta-color-accent', '--carta-color-category', '--carta-radius', '--carta-gap', '--carta-padding', '--carta-image-ratio', '--carta-cards', '--carta-show'];
// --carta-show's words and the parts (bits) each stands for (core/style.h).
export const SHOW_PARTS = {'category': 1, 'headline': 2, 'byline': 4, 'date': 8, 'read-time': 16, 'summary': 32, 'related': 64, 'caption': 128, 'credit': 256, 'dots': 512, 'arrows': 1024, 'tags': 2048, 'all': 4095, 'none': 0};
// WidgetDesc (carta_create): its size and each field's [offset, type] in the module's memory.
export const WIDGET_DESC = {size: 56, fields: {width: [0, 'f32'], height: [4, 'f32'], dpr: [8, 'f32'], dark: [12, 'i32'], accent: [16, 'i32'], start: [20, 'i32'], autoplayMs: [24, 'f64'], reducedMotion: [32, 'i32'], loop: [36, 'i32'], debug: [40, 'i32'], locale: [44, 'str'], linkParams: [48, 'str']}};
// Input (carta_input): its size and each field's [offset, type].
export const INPUT_LAYOUT = {size: 40, fields: {kind: [0, 'i32'], code: [4, 'i32'], index: [8, 'i32'], related: [12, 'i32'], cause: [16, 'i32'], x: [20, 'f32'], y: [24, 'f32'], dpr: [28, 'f32'], ms: [32, 'f64']}};
// Right-to-left characters, as pairs of first and last code point (core/bidi.cpp).
export const RTL_RANGES = [0x0590, 0x08FF, 0xFB1D, 0xFDFF, 0xFE70, 0xFEFE, 0x10800, 0x10FFF, 0x1E800, 0x1EFFF, 0x200F, 0x200F, 0x202B, 0x202B, 0x202E, 0x202E, 0x2067, 0x2067];
// What the atlas's base fonts draw (draw/fonts.cpp).
export const ATLAS_RANGES = [0x0020, 0x00FF, 0x2010, 0x2027, 0x2030, 0x2030, 0x2032, 0x2033, 0x2039, 0x203A, 0x2044, 0x2044, 0x20AC, 0x20AC, 0x2122, 0x2122];
// What the Latin Extended-A fonts add.
export const EXTENDED_RANGES = [0x0100, 0x017F];
// Invisible controls the atlas takes.
export const CONTROL_RANGES = [0x200C, 0x200F, 0x202A, 0x202E, 0x2066, 0x2069, 0x061C, 0x061C];
