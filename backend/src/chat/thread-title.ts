const TITLE_MAX = 60;

/**
 * A thread title from the first user message: one line, at most 60 characters cut at a word boundary,
 * first letter capitalized ("add buy milk tomorrow" → "Add buy milk tomorrow").
 */
export function titleFromMessage(text: string): string | null {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!flat) return null;
  const chars = Array.from(flat); // code points: never split a surrogate pair
  let title = flat;
  if (chars.length > TITLE_MAX) {
    const head = chars.slice(0, TITLE_MAX - 1).join('');
    const wholeWord = chars[TITLE_MAX - 1] === ' ';
    const space = head.lastIndexOf(' ');
    title = `${(wholeWord || space <= TITLE_MAX / 2 ? head : head.slice(0, space)).trimEnd()}…`;
  }
  return title.charAt(0).toLocaleUpperCase() + title.slice(1);
}
