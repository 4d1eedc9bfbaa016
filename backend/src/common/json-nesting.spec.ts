import { exceedsJsonNesting } from './json-nesting';

const bytes = (text: string) => Buffer.from(text, 'utf8');
const objects = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const arrays = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('exceedsJsonNesting', () => {
  it.each([
    ['objects', objects],
    ['arrays', arrays],
    ['alternating', (d: number) => `${'[{"a":'.repeat(d / 2)}0${'}]'.repeat(d / 2)}`],
  ])('counts nested %s exactly: max levels pass, one more does not', (_, make) => {
    expect(exceedsJsonNesting(bytes(make(8)), 8)).toBe(false);
    expect(exceedsJsonNesting(bytes(make(10)), 8)).toBe(true);
    expect(exceedsJsonNesting(bytes(make(32)), 32)).toBe(false);
    expect(exceedsJsonNesting(bytes(make(34)), 32)).toBe(true);
  });

  it('counts depth, not the number of containers: wide and long bodies pass', () => {
    const wide = JSON.stringify(Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, {}])));
    const long = JSON.stringify(Array.from({ length: 10_000 }, () => ({ a: [1, { b: [] }] })));
    expect(exceedsJsonNesting(bytes(wide), 2)).toBe(false);
    expect(exceedsJsonNesting(bytes(long), 5)).toBe(false);
    expect(exceedsJsonNesting(bytes(long), 4)).toBe(true);
  });

  it('ignores brackets inside strings, including after escaped quotes and backslashes', () => {
    const inStrings = JSON.stringify({ a: '[[[[{{{{', b: 'say \\"[[[[\\" ok', c: '\\', d: '"{{{{"' });
    expect(exceedsJsonNesting(bytes(inStrings), 1)).toBe(false);
    // A string ending in a backslash must not swallow the brackets that follow it.
    expect(exceedsJsonNesting(bytes(`{"a":"\\\\","b":[[[]]]}`), 3)).toBe(true);
    expect(exceedsJsonNesting(bytes(`{"a":"\\\\","b":[[[]]]}`), 4)).toBe(false);
  });

  it('is not fooled by multi-byte characters and stops at the first level too many', () => {
    expect(exceedsJsonNesting(bytes(`{"ü€😀":["ſ{[", {"x":"😀"}]}`), 3)).toBe(false);
    // Nested 100,000 deep and then broken: answered at level 33, without reading the rest.
    expect(exceedsJsonNesting(bytes(`${'['.repeat(100_000)}garbage`), 32)).toBe(true);
  });
});
