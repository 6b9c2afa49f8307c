// The real feeds of other readers' test suites live beside the checkout
// (../shared/conformance/jsonfeed and rss), not in it; CARTA_CONFORMANCE_DIR names the
// jsonfeed folder elsewhere (rss beside it). A run without them fails, unless it says it has
// none (CARTA_CONFORMANCE=none): a missing folder must never pass as a green test.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const conformanceOptional = process.env.CARTA_CONFORMANCE === 'none';
export const jsonfeedDir = process.env.CARTA_CONFORMANCE_DIR || path.join(root, '../shared/conformance/jsonfeed');
export const rssDir = path.join(path.dirname(jsonfeedDir), 'rss');

// Whether the real RSS and Atom feeds are there; throws when they are missing from a run
// that should have them.
export function haveRealRss() {
  if (fs.existsSync(rssDir)) return true;
  if (!conformanceOptional)
    throw new Error(`the real RSS and Atom feeds are missing: no ${rssDir} (CARTA_CONFORMANCE=none if this run has none)`);
  return false;
}
