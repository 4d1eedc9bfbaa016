/**
 * Text PostgreSQL can store as it was sent. `text` columns refuse NUL, and `jsonb` also refuses unpaired UTF-16
 * surrogates (`\ud800`), which have no UTF-8 form at all; `text` would silently turn them into U+FFFD. Such
 * strings are refused at each boundary with a 400 naming the field, instead of failing in SQL (a 500) or being
 * stored altered.
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what must be refused
export const STORABLE_TEXT = /^(?:[^\u0000\ud800-\udfff]|[\ud800-\udbff][\udc00-\udfff])*$/;

export const UNSTORABLE_TEXT_MESSAGE = 'must not contain NUL characters or unpaired surrogates';

export function isStorableText(value: string): boolean {
  return STORABLE_TEXT.test(value);
}

/**
 * The path (`a.b.0.c`) of the first string or object key in a JSON value that is not storable text, or
 * undefined when there is none. Iterative, so any depth the parser accepted is fine.
 */
export function findUnstorableText(value: unknown, root: string): string | undefined {
  const stack: Array<[unknown, string]> = [[value, root]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (!isStorableText(v)) return path;
    } else if (typeof v === 'object' && v !== null) {
      for (const [key, child] of Object.entries(v)) {
        if (!isStorableText(key)) return path;
        stack.push([child, `${path}.${key}`]);
      }
    }
  }
  return undefined;
}
