/**
 * Deterministic generator of malformed requests for the fuzz suites (seeded, so a failure reproduces).
 * Each case is raw bytes plus headers, so it can be invalid JSON, invalid UTF-8 or the wrong content type.
 */
export interface FuzzCase {
  label: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

/** mulberry32: tiny, fast, good enough for test data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function deep(depth: number, leaf: unknown): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

/** Hostile values: wrong types, huge strings, deep nesting, control characters, prototype keys. */
export function hostileValues(r: () => number): unknown[] {
  return [
    null,
    true,
    0,
    -1,
    1.5,
    1e308,
    Number.MAX_SAFE_INTEGER + 2,
    '',
    ' ',
    'x'.repeat(5_000 + Math.floor(r() * 60_000)),
    '\u0000\u0001\u001f',
    '<script>alert(1)</script>',
    "'; DROP TABLE tasks; --",
    '\ud800',
    [],
    [1, 'two', null],
    {},
    { __proto__: { polluted: true } },
    JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}'),
    deep(200, 'deep'),
    deep(1_500, 1),
  ];
}

export function pick<T>(r: () => number, items: readonly T[]): T {
  return items[Math.floor(r() * items.length)];
}

const INVALID_UTF8 = Buffer.from([
  0x7b, 0x22, 0x74, 0x69, 0x74, 0x6c, 0x65, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0xff, 0xfe, 0x22, 0x7d,
]);

/** Raw bodies that are not valid JSON at all. */
export const RAW_BODIES: Array<[string, Buffer]> = [
  ['truncated json', Buffer.from('{"type":"threads.create","params":')],
  ['trailing garbage', Buffer.from('{"a":1} trailing')],
  ['bare string', Buffer.from('"hello"')],
  ['bare number', Buffer.from('42')],
  ['null', Buffer.from('null')],
  ['array', Buffer.from('[{"type":"threads.list"}]')],
  ['invalid utf-8', INVALID_UTF8],
  ['nul bytes', Buffer.from('\u0000\u0000\u0000')],
  ['deep json', Buffer.from('['.repeat(100_000) + ']'.repeat(100_000))],
  ['empty', Buffer.alloc(0)],
];

export function jsonBody(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value) ?? 'null');
}
