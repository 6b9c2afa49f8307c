// The README's <amp-iframe> snippet, put in an AMP page, passes the AMP validator: npm's
// amphtml-validator (the AMP project's Node wrapper) running the validator engine that
// amphtml-validator-rules 2.0.0 carries — a 2019 build of the AMP project's validator, since
// the current one is fetched from cdn.ampproject.org at run time and that is not reachable
// from every machine that runs these tests. The same page with the snippet spoiled fails.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// The test tooling's npm packages (scripts/deps.sh installs them).
const require = createRequire(path.join(root, 'tests/browser/package.json'));

// The snippet: the README's html block that holds an <amp-iframe>.
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const snippet = (readme.match(/```html\n(<amp-iframe[\s\S]*?<\/amp-iframe>)\n```/) || [])[1];

// An AMP page around it: what every AMP page must have (the AMP runtime, the boilerplate
// style AMP requires word for word), the amp-iframe extension, a heading before the widget.
const BOILERPLATE = 'body{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal both;' +
  '-moz-animation:-amp-start 8s steps(1,end) 0s 1 normal both;-ms-animation:-amp-start 8s steps(1,end) 0s 1 normal both;' +
  'animation:-amp-start 8s steps(1,end) 0s 1 normal both}' +
  ['-webkit-keyframes', '-moz-keyframes', '-ms-keyframes', '-o-keyframes', 'keyframes']
    .map((k) => `@${k} -amp-start{from{visibility:hidden}to{visibility:visible}}`).join('');
const NOSCRIPT = 'body{-webkit-animation:none;-moz-animation:none;-ms-animation:none;animation:none}';
const ampPage = (body) => `<!doctype html>
<html ⚡ lang="en">
<head>
<meta charset="utf-8">
<title>The Levant, today</title>
<link rel="canonical" href="https://news.example/levant/">
<meta name="viewport" content="width=device-width">
<style amp-boilerplate>${BOILERPLATE}</style><noscript><style amp-boilerplate>${NOSCRIPT}</style></noscript>
<script async src="https://cdn.ampproject.org/v0.js"></script>
<script async custom-element="amp-iframe" src="https://cdn.ampproject.org/v0/amp-iframe-0.1.js"></script>
</head>
<body>
<h1>The Levant, today</h1>
${body}
</body>
</html>
`;

let validator;
before(async () => {
  const amphtml = require('amphtml-validator');
  // The engine is a CommonJS build; the wrapper runs a script that defines a global `amp`.
  const engine = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'carta-amp-')), 'validator.js');
  fs.writeFileSync(engine, 'var global = this, module = {exports: {}}, exports = module.exports;\n' +
    fs.readFileSync(require.resolve('amphtml-validator-rules/dist/index.js'), 'utf8') + '\nvar amp = module.exports.amp;\n');
  validator = await amphtml.getInstance(engine);
});

const validate = (html) => {
  const r = validator.validateString(html);
  return { status: r.status, errors: r.errors.map((e) => `${e.line}:${e.col} ${e.code} ${e.message}`) };
};

test('the README has the <amp-iframe> snippet, asking embed.html for AMP\'s resize protocol', () => {
  assert.ok(snippet, 'an ```html block with <amp-iframe> in README.md');
  assert.match(snippet, /embed\.html\?amp=1&amp;feed=/);
  assert.match(snippet, /\bresizable\b/);
  assert.match(snippet, /allow-popups-to-escape-sandbox/);
});

test('an AMP page with the snippet passes the AMP validator', () => {
  assert.deepEqual(validate(ampPage(snippet)), { status: 'PASS', errors: [] });
});

test('spoiled, it fails: the validator is really reading the page', () => {
  for (const [what, spoil] of [
    ['an http: src', (s) => s.replace('src="https:', 'src="http:')],
    ['no height', (s) => s.replace(' height="420"', '')],
    ['a plain iframe', (s) => s.replace(/amp-iframe/g, 'iframe')],
  ]) {
    const r = validate(ampPage(spoil(snippet)));
    assert.equal(r.status, 'FAIL', what + ': ' + r.errors.join('; '));
    assert.ok(r.errors.length > 0, what);
  }
});
