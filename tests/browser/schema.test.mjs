// The published JSON Schema of Carta's feed format (schema/carta-feed.schema.json): it
// compiles under Ajv's strict mode, accepts the demo feed and the specification's example,
// and rejects feeds that break specific rules — each for the reason expected. No browser.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { conformanceOptional, jsonfeedDir } from '../conformance.mjs';

const here = (relative) => fileURLToPath(new URL(relative, import.meta.url));
const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

const schemaPath = here('../../schema/carta-feed.schema.json');
const demoPath = here('../../assets/feeds/demo.json');
// The real-world feeds (tests/conformance.mjs): a run without them fails, unless it says
// it has none.
const specExamplePath = path.join(jsonfeedDir, 'feed-rs_jsonfeed_spec_1.json');
const haveSpecExample = fs.existsSync(specExamplePath);

const schema = readJson(schemaPath);
// strict: true turns every strict check on (unknown keywords, unknown formats, type
// ambiguities, `required` naming undefined properties), so a sloppy schema fails to compile.
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);

const V11 = 'https://jsonfeed.org/version/1.1';

function explain(errors) {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.keyword}: ${e.message}`).join('\n');
}

function assertValid(feed, what) {
  const ok = validate(feed);
  assert.equal(ok, true, `${what} should validate, but:\n${explain(validate.errors)}`);
}

// Rejected, and among the reasons there is `keyword` at `instancePath`.
function assertRejectedFor(feed, instancePath, keyword, what) {
  const ok = validate(feed);
  assert.equal(ok, false, `${what} should be rejected`);
  const hit = validate.errors.some((e) => e.instancePath === instancePath && e.keyword === keyword);
  assert.ok(hit, `${what}: expected a "${keyword}" error at "${instancePath}", got:\n${explain(validate.errors)}`);
}

// A small feed that uses every `_carta` member; each invalid case below changes one thing.
function baseFeed() {
  return {
    version: V11,
    title: 'Schema test feed',
    home_page_url: 'https://example.org/',
    items: [
      {
        id: 'first',
        url: 'https://example.org/first',
        title: 'First story',
        summary: 'What happened first.',
        image: 'images/first.jpg',
        date_published: '2025-07-31T15:20:00+03:00',
        authors: [{ name: 'A. Writer' }],
        tags: ['One'],
        _carta: {
          about: 'https://example.org/carta/extension',
          image_caption: 'A caption',
          image_credit: '© Someone',
          image_alt: 'A description of the picture',
          category: 'News',
          read_time_minutes: 2,
          related: ['second', { url: 'https://example.org/elsewhere', title: 'Elsewhere', category: 'Other', summary: 'More.', image: 'https://example.org/e.jpg' }],
        },
      },
      { id: 'second', title: 'Second story', content_text: 'Text.' },
    ],
  };
}

describe('carta-feed.schema.json', () => {
  test('declares draft 2020-12 and its $id', () => {
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.equal(schema.$id, 'https://carta.invalid/schema/carta-feed.schema.json');
    assert.deepEqual([...schema.required].sort(), ['items', 'title', 'version']);
  });

  test('the demo feeds validate (English, Arabic, mixed)', () => {
    assertValid(readJson(demoPath), 'assets/feeds/demo.json');
    for (const name of ['demo-ar.json', 'demo-mixed.json'])
      assertValid(readJson(here('../../assets/feeds/' + name)), 'assets/feeds/' + name);
  });

  test('what `carta convert` prints for RSS and Atom validates (tests/golden/convert/)', () => {
    const dir = here('../golden/convert/');
    const outputs = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));
    assert.ok(outputs.length >= 2, `golden conversions in ${dir}`);
    for (const name of outputs) assertValid(readJson(path.join(dir, name)), 'tests/golden/convert/' + name);
  });

  test('the JSON Feed specification example validates if it is a 1.1 feed', { skip: !haveSpecExample && conformanceOptional && `no ${specExamplePath}` }, (t) => {
    const feed = readJson(specExamplePath);
    if (feed.version !== V11) {
      // The stored example is the JSON Feed 1.0 one ("https://jsonfeed.org/version/1"); the
      // schema describes 1.1 documents only, so this check does not apply to it.
      t.skip(`spec example is version ${feed.version}, not 1.1`);
      return;
    }
    assertValid(feed, 'the specification example');
  });

  test('the 1.0 specification example differs from a valid feed only in its version', { skip: !haveSpecExample && conformanceOptional && `no ${specExamplePath}` }, () => {
    // Beyond the skip above: its structure (feed-level `author`, `user_comment`, `content_html`
    // items) must be acceptable, so relabelled 1.1 it validates, and as stored the one
    // complaint is the version.
    const feed = readJson(specExamplePath);
    assertValid({ ...feed, version: V11 }, 'the specification example relabelled 1.1');
    if (feed.version !== V11) {
      assertRejectedFor(feed, '/version', 'const', 'the 1.0 specification example');
      assert.equal(validate.errors.length, 1, explain(validate.errors));
    }
  });

  test('the hand-written base feed validates', () => {
    assertValid(baseFeed(), 'base feed');
  });

  test('allowed leniencies: unknown keys, integer ids, deprecated author, fractional read time', () => {
    const feed = baseFeed();
    feed._publisher = { anything: [1, 2, 3] };
    feed.items[0].unknown_key = true;
    feed.items[0]._carta.future_field = { x: 1 };
    feed.items[1].id = 42;
    feed.items[1].author = { name: 'Old-style author' };
    feed.items[0]._carta.read_time_minutes = 1.5;
    assertValid(feed, 'feed with unknown keys and 1.0-era fields');
  });

  describe('rejects', () => {
    test('a feed without items', () => {
      const feed = baseFeed();
      delete feed.items;
      assertRejectedFor(feed, '', 'required', 'missing items');
      assert.ok(validate.errors.some((e) => e.params.missingProperty === 'items'));
    });

    test('items that are not an array', () => {
      const feed = baseFeed();
      feed.items = { id: 'first', title: 'Not in an array' };
      assertRejectedFor(feed, '/items', 'type', 'items as an object');
    });

    test('read_time_minutes of 0', () => {
      const feed = baseFeed();
      feed.items[0]._carta.read_time_minutes = 0;
      assertRejectedFor(feed, '/items/0/_carta/read_time_minutes', 'minimum', 'read time 0');
    });

    test('related with 4 entries', () => {
      const feed = baseFeed();
      feed.items[0]._carta.related = ['second', 'third', 'fourth', { title: 'Fifth' }];
      assertRejectedFor(feed, '/items/0/_carta/related', 'maxItems', '4 related entries');
    });

    test('an image_caption that is a number', () => {
      const feed = baseFeed();
      feed.items[0]._carta.image_caption = 7;
      assertRejectedFor(feed, '/items/0/_carta/image_caption', 'type', 'numeric caption');
    });

    test('a date_published that is not an RFC 3339 date-time', () => {
      const feed = baseFeed();
      feed.items[0].date_published = 'Thu, 31 Jul 2025 15:20:00 +0300';
      assertRejectedFor(feed, '/items/0/date_published', 'format', 'RFC 2822 date');
    });

    test('a date-time without a time-zone offset', () => {
      const feed = baseFeed();
      feed.items[0].date_published = '2025-07-31T15:20:00';
      assertRejectedFor(feed, '/items/0/date_published', 'format', 'date without offset');
    });

    test('a feed without version', () => {
      const feed = baseFeed();
      delete feed.version;
      assertRejectedFor(feed, '', 'required', 'missing version');
      assert.ok(validate.errors.some((e) => e.params.missingProperty === 'version'));
    });

    test('a feed without title', () => {
      const feed = baseFeed();
      delete feed.title;
      assertRejectedFor(feed, '', 'required', 'missing title');
      assert.ok(validate.errors.some((e) => e.params.missingProperty === 'title'));
    });

    test('a related object without a title', () => {
      const feed = baseFeed();
      feed.items[0]._carta.related = [{ url: 'https://example.org/x' }];
      assertRejectedFor(feed, '/items/0/_carta/related/0', 'required', 'related object without title');
    });

    test('a related entry that is neither an id nor an object', () => {
      const feed = baseFeed();
      feed.items[0]._carta.related = [true];
      assertRejectedFor(feed, '/items/0/_carta/related/0', 'anyOf', 'related entry true');
    });

    test('an item link with a non-http scheme', () => {
      const feed = baseFeed();
      feed.items[0].url = 'javascript:alert(1)';
      assertRejectedFor(feed, '/items/0/url', 'pattern', 'javascript: url');
    });

    test('a _carta that is not an object', () => {
      const feed = baseFeed();
      feed.items[0]._carta = 'Syria';
      assertRejectedFor(feed, '/items/0/_carta', 'type', '_carta as a string');
    });
  });
});
