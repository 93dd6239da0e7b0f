/**
 * The whitespace and character normalisation every reader applies to titles and abstracts, so that
 * the extractor's offsets refer to exactly the text stored for a paper:
 * 1. Unicode NFC (composed accents), then the typographic ligatures ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ are spelt out.
 *    NFKC is deliberately not used: it would turn `10²` into `102` and `½` into `1⁄2`.
 * 2. Control characters (C0/C1 except whitespace), zero-width characters, soft hyphens, the BOM
 *    and lone surrogates are removed.
 * 3. Every run of whitespace (spaces, tabs, newlines, NBSP, the Unicode spaces) becomes one space,
 *    and the result is trimmed.
 * Nothing else changes: LaTeX such as `\%` or `{g(1)}` is kept as written.
 */
const LIGATURES: Record<string, string> = {
  '\uFB00': 'ff',
  '\uFB01': 'fi',
  '\uFB02': 'fl',
  '\uFB03': 'ffi',
  '\uFB04': 'ffl',
  '\uFB05': 'st',
  '\uFB06': 'st',
};

const INVISIBLE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u200B-\u200D\u2060\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const WHITESPACE = /[\s\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g;

export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\uFB00-\uFB06]/g, (c) => LIGATURES[c] ?? c)
    .replace(INVISIBLE, '')
    .replace(WHITESPACE, ' ')
    .trim();
}
