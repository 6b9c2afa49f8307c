// What a feed's text needs beyond the base fonts, read from its bytes before the module
// runs, with the core's own tables (generated/protocol.js): `ext` for Latin Extended-A,
// `rtl` for right-to-left characters, `other` for any character the atlas lacks (other
// scripts, emoji). Right-to-left and other text is set by the browser's own text stack
// (carta-text.js); ext fetches the Latin Extended-A fonts.
import { ATLAS_RANGES, CONTROL_RANGES, EXTENDED_RANGES, RTL_RANGES } from './generated/protocol.js';

function inRanges(ranges, c) {
  for (let i = 0; i < ranges.length; i += 2) if (c >= ranges[i] && c <= ranges[i + 1]) return true;
  return false;
}

function classify(found, c) {
  if (c !== c || c < 0x20) return;  // a \u not followed by four hex digits; a control
  if (inRanges(RTL_RANGES, c)) found.rtl = true;
  else if (inRanges(EXTENDED_RANGES, c)) found.ext = true;
  else if (!inRanges(ATLAS_RANGES, c) && !inRanges(CONTROL_RANGES, c)) found.other = true;
}

// One pass over UTF-8 bytes (and the \u escapes of JSON).
export function scriptsIn(bytes) {
  const found = { ext: false, rtl: false, other: false };
  const n = bytes.length;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b < 0x80) {
      if (b === 0x5C && bytes[i + 1] === 0x75 && i + 5 < n) {  // \u
        const hex = String.fromCharCode(bytes[i + 2], bytes[i + 3], bytes[i + 4], bytes[i + 5]);
        let c = parseInt(hex, 16);
        // A surrogate pair, \uD83D\uDE00: the code point it stands for.
        if (c >= 0xD800 && c <= 0xDBFF && bytes[i + 6] === 0x5C && bytes[i + 7] === 0x75 && i + 11 < n) {
          const low = parseInt(String.fromCharCode(bytes[i + 8], bytes[i + 9], bytes[i + 10], bytes[i + 11]), 16);
          if (low >= 0xDC00 && low <= 0xDFFF) { c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00); i += 6; }
        }
        classify(found, c);
        i += 5;
      }
    } else if (b >= 0xF0 && i + 3 < n) {
      classify(found, ((b & 0x07) << 18) | ((bytes[i + 1] & 0x3F) << 12) | ((bytes[i + 2] & 0x3F) << 6) | (bytes[i + 3] & 0x3F));
      i += 3;
    } else if (b >= 0xE0 && i + 2 < n) {
      classify(found, ((b & 0x0F) << 12) | ((bytes[i + 1] & 0x3F) << 6) | (bytes[i + 2] & 0x3F));
      i += 2;
    } else if (b >= 0xC0 && i + 1 < n) {
      classify(found, ((b & 0x1F) << 6) | (bytes[i + 1] & 0x3F));
      i += 1;
    }
  }
  return found;
}

// Whether a feed (scriptsIn's answer) needs the browser's text stack.
export function needsTextStack(found) { return !!(found && (found.rtl || found.other)); }

// The languages a feed names (its own, its items'), from its bytes, without parsing it.
export function languagesIn(bytes) {
  const found = [], re = /"language"\s*:\s*"([A-Za-z]{2,3})/g;
  const text = new TextDecoder().decode(bytes);
  let m;
  while ((m = re.exec(text))) if (found.indexOf(m[1]) < 0) found.push(m[1]);
  return found;
}
