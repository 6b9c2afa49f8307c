// What the page knows of a feed before the core reads it (web/carta/scripts.js,
// feed-source.js): which scripts it needs, whether it is XML, its charset, its size.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { needsTextStack, scriptsIn, languagesIn } from '../../web/carta/scripts.js';
import { MAX_FEED_BYTES, charsetOf, isXml, readLimited, tooLarge } from '../../web/carta/feed-source.js';

const utf8 = (text) => new TextEncoder().encode(text);
const needs = (text) => scriptsIn(typeof text === 'string' ? utf8(text) : text);

test('Latin needs nothing; Latin Extended-A the ext fonts', () => {
  assert.deepEqual(needs('{"title":"Café — “news” 5€ ™"}'), { ext: false, rtl: false, other: false });
  assert.deepEqual(needs('{"title":"Beşiktaş, Łódź"}'), { ext: true, rtl: false, other: false });
  assert.deepEqual(needs('{"title":"Be\\u015fikta\\u015f"}'), { ext: true, rtl: false, other: false });
});

test('right-to-left text, controls and the supplementary planes take the text stack, as the core decides', () => {
  for (const text of ['مرحبا', 'שלום', '\u200F', '\u202B', '\u202E', '\u2067', '\u{10900}', '\u{1E900}', '\\u0627']) {
    const found = needs('{"title":"a ' + text + '"}');
    assert.equal(found.rtl, true, JSON.stringify(text));
    assert.equal(needsTextStack(found), true);
  }
  // The invisible controls the atlas takes are no reason to fetch anything.
  assert.deepEqual(needs('{"title":"a\u200Cb\u2066c\u2069"}'), { ext: false, rtl: false, other: false });
});

test('other scripts and emoji, in UTF-8 or as \\u escapes (a surrogate pair too), take the text stack', () => {
  for (const text of ['Привет', '漢字', 'नमस्ते', '🙂', '\\ud83d\\ude42', '\\u4e2d']) {
    const found = needs('{"title":"' + text + '"}');
    assert.equal(found.other, true, text);
    assert.equal(found.rtl, false, text);
  }
});

test('the languages a feed names', () => {
  assert.deepEqual(languagesIn(utf8('{"language":"ar","items":[{"language":"en"},{"language":"ar"}]}')), ['ar', 'en']);
});

test('XML by content, as carta::sniff_feed', () => {
  assert.equal(isXml(utf8('  \n<?xml version="1.0"?><rss/>')), true);
  assert.equal(isXml(new Uint8Array([0xEF, 0xBB, 0xBF, 0x3C, 0x72])), true);
  assert.equal(isXml(new Uint8Array([0xFF, 0xFE, 0x3C, 0x00])), true);  // UTF-16
  assert.equal(isXml(utf8('{"version":"https://jsonfeed.org/version/1.1"}')), false);
  assert.equal(isXml(utf8('')), false);
});

test('the charset of a Content-Type', () => {
  assert.equal(charsetOf('application/rss+xml; charset=windows-1256'), 'windows-1256');
  assert.equal(charsetOf('text/xml;charset="ISO-8859-6"'), 'iso-8859-6');
  assert.equal(charsetOf('application/json'), '');
  assert.equal(charsetOf(null), '');
});

test('a body is read up to the limit and refused beyond it, streamed or declared', async () => {
  const body = (chunks, length) => ({
    headers: { get: (h) => h === 'Content-Length' ? length : null },
    body: new ReadableStream({ start(c) { chunks.forEach((x) => c.enqueue(x)); c.close(); } })
  });
  const small = await readLimited(body([utf8('{"a":'), utf8('1}')]), 100);
  assert.equal(new TextDecoder().decode(small), '{"a":1}');
  await assert.rejects(readLimited(body([new Uint8Array(60), new Uint8Array(60)]), 100), /more than 8388608 bytes/);
  await assert.rejects(readLimited(body([], String(MAX_FEED_BYTES + 1))), /the feed is 8388609 bytes; the limit is 8192 KiB/);
  assert.match(tooLarge(0).message, /^the feed is more than 8388608 bytes; the limit is 8192 KiB \(8388608 bytes\)$/);
});
