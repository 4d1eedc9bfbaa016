import { languageFor } from './language';

describe('languageFor (the best of our languages for an Accept-Language header)', () => {
  it.each([
    ['ur-PK,ur;q=0.9,en;q=0.8', 'ur'],
    ['de-DE,de;q=0.9,en;q=0.8', 'de'],
    ['es-419,es;q=0.9', 'es'],
    ['fr-CA', 'fr'],
    ['ar-EG,ar;q=0.9', 'ar'],
    ['AR', 'ar'],
    ['en-US,en;q=0.9,ur;q=0.8', 'en'],
    // a language we do not write is skipped for the next one the client accepts
    ['ja-JP,ja;q=0.9,de;q=0.5', 'de'],
    ['zh-Hant-TW, fr ; q=0.4', 'fr'],
    // q-values decide, not the order; ties keep the header's order
    ['en;q=0.5,ur;q=0.9', 'ur'],
    ['de;q=0.8,fr;q=0.8', 'de'],
    // q=0 means "not this one"
    ['ur;q=0,de', 'de'],
    ['ur;q=0', 'en'],
    // none of ours, anything, malformed or nothing: English
    ['ja,zh;q=0.9', 'en'],
    ['*', 'en'],
    ['ur;q=2,de;q=abc,fr;q=0.3', 'fr'],
    ['', 'en'],
    [';;;,,,', 'en'],
    [undefined, 'en'],
  ])('%p → %s', (header, expected) => {
    expect(languageFor(header)).toBe(expected);
  });

  it('reads at most the first 20 entries of a header', () => {
    expect(languageFor(`${Array(20).fill('ja').join(',')},de`)).toBe('en');
    expect(languageFor(`${Array(19).fill('ja').join(',')},de`)).toBe('de');
  });
});
