import { normalizeOrigin } from '../../../backend/src/sites/site.model';
import { checkOrigin, checkOrigins } from '../../src/origins';

/** What the backend answers for an origin: the normalized origin, or its refusal. */
function backend(raw: string): { ok: true; origin: string } | { ok: false; message: string } {
  try {
    return { ok: true, origin: normalizeOrigin(raw) };
  } catch (err) {
    return { ok: false, message: (err as Error).message };
  }
}

describe('origins, as the add-a-site form checks them while they are typed', () => {
  it.each([
    'https://shop.example.com',
    'https://shop.example.com/',
    'HTTPS://Shop.Example.com',
    'http://localhost:3000',
    'https://shop.example.com:443',
    'https://*.example.com',
    'http://*.example.com:8080',
    'https://shop.example.com/checkout',
    'shop.example.com',
    'ftp://files.example.com',
    'https://user:pw@example.com',
    '*',
    'null',
    'https://*',
    'https://**.example.com',
    'not a url',
  ])('%s: the same answer, in the same words, as the backend', (raw) => {
    expect(checkOrigin(raw)).toEqual(backend(raw));
  });

  it('reads one origin a line (commas and spaces too), drops duplicates, and lists every problem', () => {
    expect(checkOrigins('https://a.example\n\nhttps://a.example/, https://b.example  shop.example')).toEqual({
      origins: ['https://a.example', 'https://b.example'],
      problems: ['"shop.example" is not an origin: write it as https://shop.example.com.'],
    });
  });

  it('says so past 50 origins, as the backend does', () => {
    const many = Array.from({ length: 51 }, (_, i) => `https://s${i}.example`).join('\n');
    expect(checkOrigins(many).problems).toEqual(['A site lists at most 50 origins.']);
  });
});
