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

/** Every route must refuse a body nested deeper than this (src/common/json-nesting.ts) with this message. */
export const TOO_DEEP = /nested too deeply/;

/** A body shaped to stress recursion in parsers, validators and serializers; always well under the body limit. */
export interface StressBody {
  label: string;
  body: Buffer;
  /** Nested past the limit: must be a 400 saying so. Otherwise (wide, long) any refusal will do. */
  tooDeep: boolean;
}

/** JSON text nested `depth` levels (built without recursion, so any depth). */
function nestedText(depth: number, shape: 'objects' | 'arrays' | 'mixed'): string {
  const open = { objects: '{"a":', arrays: '[', mixed: '[{"a":' }[shape];
  const close = { objects: '}', arrays: ']', mixed: '}]' }[shape];
  const levels = shape === 'mixed' ? Math.ceil(depth / 2) : depth;
  return `${open.repeat(levels)}${shape === 'arrays' ? '' : '1'}${close.repeat(levels)}`;
}

/**
 * A hostile value in `slot` (JSON text with one `$` where it goes, e.g. `{"title":$}`), or alone as the body:
 * nested a few levels past the limit up to many thousands deep, as objects, arrays or both; or shallow but
 * very wide objects and long arrays of objects.
 */
export function stressBody(r: () => number, slot: string): StressBody {
  const at = r() < 0.25 ? '$' : slot;
  const fill = (label: string, value: string, tooDeep: boolean): StressBody => ({
    label: `${label} in ${at.slice(0, 60)}`,
    body: Buffer.from(at.split('$').join(value)),
    tooDeep,
  });
  const kind = Math.floor(r() * 5);
  if (kind < 3) {
    const shape = (['objects', 'arrays', 'mixed'] as const)[kind];
    const depth = pick(r, [33, 40, 100, 1_000, 3_000, 12_000]) + Math.floor(r() * 8);
    return fill(`${shape} nested ${depth} deep`, nestedText(depth, shape), true);
  }
  const bytes = 20_000 + Math.floor(r() * 60_000); // of the value: the limit is 100kb
  if (kind === 3) {
    const value = pick(r, ['1', '{}', '[]', '"v"', '{"a":[1]}']);
    const keys = Math.floor(bytes / `"k9999":${value},`.length);
    const wide = `{${Array.from({ length: keys }, (_, i) => `"k${i}":${value}`).join(',')}}`;
    return fill(`object of ${keys} keys`, wide, false);
  }
  const item = pick(r, ['{}', '{"a":{}}', '[{}]', '{"type":"input_text","text":"a"}']);
  const items = Math.floor(bytes / (item.length + 1));
  return fill(`array of ${items} objects`, `[${Array(items).fill(item).join(',')}]`, false);
}

/** The problem with a stress body's answer, or undefined when it is right. `message` is the error text. */
export function stressFailure(c: StressBody, status: number, message: unknown): string | undefined {
  if (c.tooDeep) {
    if (status !== 400 || typeof message !== 'string' || !TOO_DEEP.test(message))
      return `${c.label} → ${status} ${String(message).slice(0, 120)} (wanted 400 "nested too deeply")`;
  } else if (status < 400 || status >= 500 || typeof message !== 'string') {
    return `${c.label} → ${status} ${String(message).slice(0, 120)}`;
  }
  return undefined;
}
