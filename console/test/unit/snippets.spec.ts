import { expiryOf } from '../../src/api/session';
import { LANGUAGES, tokenRoute } from '../../src/snippets';

describe('the token route, in each language', () => {
  it.each(LANGUAGES.map((l) => l.id))(
    '%s: signs for the site (aud), with the secret from the environment',
    (lang) => {
      const code = tokenRoute(lang, 'acme-shop');
      expect(code).toContain('acme-shop');
      expect(code).toContain('TODO_ASSISTANT_SECRET');
      expect(code).toMatch(/HS256/);
    },
  );

  it('never lets a site id out of its string literal', () => {
    for (const { id } of LANGUAGES) expect(tokenRoute(id, `x');alert(1)//"`)).toContain('xalert1');
  });
});

describe('the bearer token of the console', () => {
  const jwt = (claims: object) => `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

  it('is refreshed by its expiry (read, not verified)', () => {
    expect(expiryOf(jwt({ exp: 1_900_000_000 }))).toBe(1_900_000_000);
  });

  it('counts as expired when it cannot be read', () => {
    expect(expiryOf('garbage')).toBe(0);
    expect(expiryOf(jwt({ exp: 'soon' }))).toBe(0);
  });
});
