import { VerifiedTokens } from './verified-tokens';

describe('VerifiedTokens', () => {
  let now = 1_000_000_000_000;
  const clock = () => now;

  it('answers a verified token until its expiry, then forgets it', () => {
    const tokens = new VerifiedTokens<string>(10, clock);
    tokens.set('a.b.c', 'user-1', now / 1000 + 60);
    expect(tokens.get('a.b.c')).toBe('user-1');
    expect(tokens.get('a.b.x')).toBeUndefined();
    now += 59_999;
    expect(tokens.get('a.b.c')).toBe('user-1');
    now += 1;
    expect(tokens.get('a.b.c')).toBeUndefined();
  });

  it('never answers a token that had already expired', () => {
    const tokens = new VerifiedTokens<string>(10, clock);
    tokens.set('old', 'user-1', now / 1000 - 1);
    expect(tokens.get('old')).toBeUndefined();
  });

  it('keeps at most `max` tokens, dropping the oldest', () => {
    const tokens = new VerifiedTokens<number>(3, clock);
    for (let i = 0; i < 4; i++) tokens.set(`t${i}`, i, now / 1000 + 60);
    expect(['t0', 't1', 't2', 't3'].map((t) => tokens.get(t))).toEqual([undefined, 1, 2, 3]);
    tokens.set('t1', 1, now / 1000 + 60); // already there: nothing else is dropped
    expect(tokens.get('t2')).toBe(2);
  });
});
