// Types of carta-carousel/html (Node only): the cards as plain HTML for a server-side render.

/** Settings of renderHtml, as `carta html`'s options. */
export interface RenderHtmlOptions {
  /** The feed's URL: the items' relative links and pictures resolve against it. Without
   * one, a relative link is left out (with a warning). */
  base?: string;
  /** The words' language (BCP 47, one of Carta's 13); '' (default) follows the feed. */
  locale?: string;
  /** The list's accessible name; '' (default) is the feed's title. */
  label?: string;
  /** The headlines' element: 2 (default) is <h2>, under the page's <h1>. */
  headingLevel?: 1 | 2 | 3 | 4 | 5 | 6;
  /** Also a <script type="application/ld+json">, a schema.org ItemList of NewsArticle. */
  jsonLd?: boolean;
  /** The time relative dates ("2 h ago") count from: a Date, milliseconds or an RFC 3339
   * string; now by default. */
  now?: Date | number | string;
  /** Each warning about the feed (a field left out, and where), one line each. */
  onWarning?: (message: string) => void;
}

/** The feed's cards as HTML, to put inside <carta-carousel> with carta-cards.css. Rejects
 * with an Error listing the problems when the feed cannot be read. */
export function renderHtml(feed: string | Uint8Array, options?: RenderHtmlOptions): Promise<string>;
