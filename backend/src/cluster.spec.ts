import { availableParallelism } from 'node:os';
import { processCount } from './cluster';
import { buildConfig } from './config/app-config';
import { parseEnv } from './config/config.schema';

const config = (env: Record<string, string>) =>
  buildConfig(parseEnv({ BETTER_AUTH_SECRET: 'x'.repeat(32), LOG_LEVEL: 'silent', ...env }));
const POSTGRES = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/todo' };

describe('how many backend processes serve the port', () => {
  it('is one per core with PostgreSQL by default, and WEB_CONCURRENCY when set', () => {
    expect(processCount(config(POSTGRES))).toBe(availableParallelism());
    expect(processCount(config({ ...POSTGRES, WEB_CONCURRENCY: '3' }))).toBe(3);
    expect(processCount(config({ ...POSTGRES, WEB_CONCURRENCY: '1' }))).toBe(1);
  });

  it('is always one with the embedded database (one PGlite session in one process)', () => {
    expect(processCount(config({}))).toBe(1);
    expect(processCount(config({ WEB_CONCURRENCY: '4' }))).toBe(1);
  });

  it('refuses a WEB_CONCURRENCY that is not a positive whole number', () => {
    for (const bad of ['0', '-2', 'two', '1.5', '65'])
      expect(() => config({ ...POSTGRES, WEB_CONCURRENCY: bad })).toThrow(/WEB_CONCURRENCY/);
  });
});
