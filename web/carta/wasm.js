// Calls into the module with text, bytes and the widget's description in its memory.
import { INPUT_LAYOUT, JSON_KIND, WIDGET_DESC } from './generated/protocol.js';

export function withString(M, text, use) {
  const size = M['lengthBytesUTF8'](text) + 1;
  const ptr = M['_malloc'](size);
  M['stringToUTF8'](text, ptr, size);
  try { return use(ptr); } finally { M['_free'](ptr); }
}

export function withBytes(M, bytes, use) {
  const ptr = M['_malloc'](Math.max(1, bytes.length));
  M['HEAPU8'].set(bytes, ptr);
  try { return use(ptr, bytes.length); } finally { M['_free'](ptr); }
}

// JSON a call returns (a pointer to UTF-8 text the module owns until its next call).
export function readJson(M, ptr) { return JSON.parse(M['UTF8ToString'](ptr)); }

// The widget's JSON of a kind (protocol JSON_KIND: view, items, pagePictures, error, stats).
export function json(M, id, kind, from = 0, count = 0) {
  return readJson(M, M['_carta_json'](id, JSON_KIND[kind], from, count));
}

// `values` (by a generated layout's names) written at `ptr`; text fields are pointers to
// the strings in `strings`, by name.
function writeStruct(M, layout, ptr, values, strings) {
  const view = new DataView(M['HEAPU8'].buffer);
  Object.keys(layout.fields).forEach((name) => {
    const [offset, type] = layout.fields[name], v = values[name], at = ptr + offset;
    if (type === 'f32') view.setFloat32(at, +v || 0, true);
    else if (type === 'f64') view.setFloat64(at, +v || 0, true);
    else if (type === 'i32') view.setInt32(at, v | 0, true);
    else view.setUint32(at, strings[name], true);
  });
}

// `values` (by WIDGET_DESC's names) written as a WidgetDesc in the module's memory for
// `use(pointer)`; its strings and the struct are freed after.
export function withDesc(M, values, use) {
  const fields = WIDGET_DESC.fields, ptr = M['_malloc'](WIDGET_DESC.size), strings = {};
  // Text first: a malloc may grow the heap, which detaches any view made before it.
  Object.keys(fields).forEach((name) => {
    if (fields[name][1] !== 'str') return;
    const text = String(values[name] || ''), size = M['lengthBytesUTF8'](text) + 1;
    strings[name] = M['_malloc'](size);
    M['stringToUTF8'](text, strings[name], size);
  });
  writeStruct(M, WIDGET_DESC, ptr, values, strings);
  try { return use(ptr); } finally { Object.keys(strings).forEach((k) => M['_free'](strings[k])); M['_free'](ptr); }
}

// One Input to widget `id` (protocol INPUT: {kind, code, index, related, cause, x, y, dpr},
// the page's clock added); answers INPUT_RESULT bits. One Input's memory per module, made
// once: the module runs one call at a time.
export function input(M, id, values) {
  if (!M['cartaInput']) M['cartaInput'] = M['_malloc'](INPUT_LAYOUT.size);
  values.ms = performance.now();
  writeStruct(M, INPUT_LAYOUT, M['cartaInput'], values, {});
  return M['_carta_input'](id, M['cartaInput']);
}
