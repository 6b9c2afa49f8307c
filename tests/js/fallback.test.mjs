// The fallback list reads --carta-show with the core's words (web/carta/fallback.js,
// generated SHOW_PARTS from core/style.h).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shownParts } from '../../web/carta/fallback.js';
import { SHOW_PARTS } from '../../web/carta/generated/protocol.js';

test('--carta-show as ShowPart bits: the words said, all when none', () => {
  assert.equal(shownParts(''), SHOW_PARTS.all);
  assert.equal(shownParts(null), SHOW_PARTS.all);
  assert.equal(shownParts('headline summary'), SHOW_PARTS.headline | SHOW_PARTS.summary);
  assert.equal(shownParts(' Headline,  DATE '), SHOW_PARTS.headline | SHOW_PARTS.date);
  assert.equal(shownParts('headline sparkles'), SHOW_PARTS.headline);  // an unknown word adds nothing
  assert.equal(shownParts('all'), SHOW_PARTS.all);
  assert.equal(shownParts('none'), 0);
});
