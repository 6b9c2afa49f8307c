// The page layer's shape (issue 39): small modules, small functions. No file in web/ over
// 400 lines and no function over 80, counted from the source as written (the generated
// protocol.js aside). A function's lines include its nested functions': a closure that
// grows into a widget (the old mount()) fails here.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

// Debian's acorn (node-acorn, which terser and emscripten need too): a parser, not a linter.
const require = createRequire(import.meta.url);
const { Parser } = require('/usr/share/nodejs/acorn');
const walk = require('/usr/share/nodejs/acorn-walk');

const WEB = fileURLToPath(new URL('../../web/', import.meta.url));
const MAX_FILE_LINES = 400, MAX_FUNCTION_LINES = 80;

function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'generated' ? [] : sources(path);
    return e.name.endsWith('.js') ? [path] : [];
  });
}

// Each function of `text` longer than `max` lines: "name (line N): L lines".
export function longFunctions(text, max) {
  const parse = (sourceType) => Parser.parse(text, { ecmaVersion: 'latest', sourceType, locations: true, allowReturnOutsideFunction: true });
  let ast;
  try { ast = parse('module'); } catch (e) { ast = parse('script'); }  // the classic scripts around the module
  const found = [];
  const visit = (node, _state, ancestors) => {
    const lines = node.loc.end.line - node.loc.start.line + 1;
    const parent = ancestors[ancestors.length - 2] || {};
    // A classic script's (function () { … })() at its top is the file's scope, not a function.
    const wrapper = parent.type === 'CallExpression' && parent.callee === node && ancestors.length <= 4;
    if (lines <= max || wrapper) return;
    const name = (node.id && node.id.name) || (parent.key && parent.key.name) || (parent.id && parent.id.name) || 'anonymous';
    found.push(name + ' (line ' + node.loc.start.line + '): ' + lines + ' lines');
  };
  walk.ancestor(ast, { FunctionDeclaration: visit, FunctionExpression: visit, ArrowFunctionExpression: visit });
  return found;
}

test('no file of the page layer is over 400 lines', () => {
  const files = sources(WEB);
  assert.ok(files.length > 20, 'the page layer is in web/');
  const long = files.map((f) => [relative(WEB, f), readFileSync(f, 'utf8').split('\n').length])
    .filter(([, n]) => n > MAX_FILE_LINES).map(([f, n]) => f + ': ' + n);
  assert.deepEqual(long, []);
});

// A file's text to parse: NAME-begin.js and NAME-end.js wrap the Emscripten module's code
// (build-wasm.sh puts it between them), so they are read joined, around nothing.
function parseable(file) {
  if (file.endsWith('-end.js')) return null;
  const text = readFileSync(file, 'utf8');
  return file.endsWith('-begin.js') ? text + readFileSync(file.replace(/-begin\.js$/, '-end.js'), 'utf8') : text;
}

test('no function of the page layer is over 80 lines', () => {
  const long = sources(WEB).flatMap((f) => {
    const text = parseable(f);
    return text === null ? [] : longFunctions(text, MAX_FUNCTION_LINES).map((l) => relative(WEB, f) + ' ' + l);
  });
  assert.deepEqual(long, []);
});

test('the count sees a long function, a nested one and an arrow', () => {
  const body = (n) => Array.from({ length: n }, (_, i) => '  x += ' + i + ';').join('\n');
  assert.deepEqual(longFunctions('function short() {\n' + body(10) + '\n}', 80), []);
  assert.deepEqual(longFunctions('export function mount() {\n' + body(81) + '\n}', 80), ['mount (line 1): 83 lines']);
  assert.equal(longFunctions('function outer() {\n  const inner = () => {\n' + body(90) + '\n  };\n}', 80).length, 2);
  assert.deepEqual(longFunctions('var api = { update: function () {\n' + body(85) + '\n} };', 80), ['update (line 1): 87 lines']);
  // A classic script's wrapper is its scope; a function called at once inside is a function.
  assert.deepEqual(longFunctions('(function () {\n' + body(90) + '\n})();', 80), []);
  assert.equal(longFunctions('(function () {\n  (function () {\n' + body(90) + '\n  })();\n})();', 80).length, 1);
});
