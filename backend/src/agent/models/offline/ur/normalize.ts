/**
 * Urdu text as the rules read it, in either script: one spelling for letters that look alike (Arabic ي ك ه typed
 * for Urdu ی ک ہ), no vowel marks or invisible joiners, ASCII digits and punctuation, lower-case Latin, single
 * spaces, and "iska" / "اسکا" written apart ("is ka" / "اس کا"). Each character remembers where it came from, so a
 * title cut out of the normalized text is given back as the person wrote it (`restore`).
 */

export interface Normalized {
  /** The text the rules read. */
  text: string;
  /** The message as written. */
  source: string;
  /** For each character of `text`, the index in `source` it came from. */
  at: number[];
}

/** Vowel marks, tatweel and invisible marks: dropped. */
const DROPPED = /[\u064B-\u065F\u0670\u0640\u200B-\u200F\u061C\uFEFF]/u;

const LETTERS: Readonly<Record<string, string>> = {
  '\u064A': 'ی', // Arabic yeh
  '\u0649': 'ی', // alef maksura
  '\u0643': 'ک', // Arabic kaf
  '\u0647': 'ہ', // Arabic heh
  '۔': '.',
  '؟': '?',
  '،': ',',
  '؛': ';',
  '٪': '%',
  '’': "'",
  '‘': "'",
};

function mapChar(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0); // Urdu digits
  if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660); // Arabic digits
  const mapped = LETTERS[c];
  if (mapped) return mapped;
  const lower = c.toLowerCase();
  return lower.length === 1 ? lower : c;
}

/** Possessives and objects of "this"/"that"/"these" typed as one word: "iska", "usko", "اسکا", "انکو". */
const FUSED =
  /(?<![\p{L}\p{M}\p{N}])(is|us|iss|uss|in|un|اس|ان)(ka|ki|ke|ko|کا|کی|کے|کو)(?![\p{L}\p{M}\p{N}])/gu;

export function normalize(message: string): Normalized {
  let text = '';
  const at: number[] = [];
  for (let i = 0; i < message.length; i++) {
    const c = message[i];
    if (DROPPED.test(c)) continue;
    if (/\s/.test(c)) {
      if (text.length > 0 && !text.endsWith(' ')) {
        text += ' ';
        at.push(i);
      }
      continue;
    }
    text += mapChar(c);
    at.push(i);
  }
  if (text.endsWith(' ')) {
    text = text.slice(0, -1);
    at.pop();
  }
  return splitFused({ text, source: message, at });
}

function splitFused(n: Normalized): Normalized {
  let text = '';
  const at: number[] = [];
  let from = 0;
  for (const m of n.text.matchAll(FUSED)) {
    const index = m.index;
    const cut = index + m[1].length;
    text += n.text.slice(from, cut) + ' ';
    at.push(...n.at.slice(from, cut), n.at[cut]);
    from = cut;
  }
  text += n.text.slice(from);
  at.push(...n.at.slice(from));
  return { text, source: n.source, at };
}

/**
 * The words of a piece of the normalized text as the person wrote them (their capitals, their letters). A piece
 * that is not one stretch of the text (words taken out of its middle) stays as it is.
 */
export function restore(n: Normalized, piece: string): string {
  if (piece === '') return piece;
  const start = n.text.indexOf(piece);
  if (start < 0) return piece;
  let end = n.at[start + piece.length - 1] + 1;
  // Vowel marks after the last letter belong to it.
  while (end < n.source.length && DROPPED.test(n.source[end])) end++;
  return n.source.slice(n.at[start], end);
}
