/**
 * How deep a request body's JSON may nest. Real bodies of this API are shallow (a ChatKit client-tool result, the
 * deepest, is capped at 16 levels inside a 3-level envelope); parsers, validators and serializers downstream
 * recurse once per level, so a deeper body is refused before any of them sees it.
 */
export const JSON_NESTING_MAX = 32;

export const JSON_TOO_DEEP_MESSAGE = `The body is nested too deeply: JSON objects and arrays may nest at most ${JSON_NESTING_MAX} levels.`;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/**
 * True when the UTF-8 JSON text nests objects/arrays more than `max` levels. One pass over the bytes, no
 * recursion and no parse, stopping at the first level too many. Brackets inside strings do not count; bytes of
 * multi-byte UTF-8 characters are all >= 0x80, so they never look like brackets or quotes. Text that is not
 * JSON at all is left to the parser.
 */
export function exceedsJsonNesting(text: Uint8Array, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === BACKSLASH)
        i++; // the escaped character cannot end the string
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > max) return true;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
    }
  }
  return false;
}
