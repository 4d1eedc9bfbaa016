// Jest 30 cannot require() ESM before Node 24.9 (and Node 22 is supported), so the ESM-only packages are compiled to CommonJS as well.
const esmOnly = [
  'better-auth',
  '@better-auth',
  'better-call',
  'jose',
  '@noble',
  'nanostores',
  'rou3',
  '@standard-schema',
  'pg-boss',
  'serialize-error',
  'non-error',
  'rrule-temporal',
  'cron-parser',
  'luxon',
];

const base = {
  testEnvironment: 'node',
  rootDir: __dirname,
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  transform: {
    '^.+\\.(t|j|mj)s$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  // Networking is off for every test process: only loopback sockets may open.
  setupFiles: ['<rootDir>/test/support/no-network.ts'],
};

/**
 * Two runs of the suites on two databases:
 * - `postgres`: every spec, on a fresh database of a real PostgreSQL (embedded PGlite when none is reachable);
 * - `embedded`: the foundation specs again on the embedded PGlite that `npm start` uses without DATABASE_URL.
 */
module.exports = {
  // A global option: Jest ignores it inside a project's config.
  testTimeout: 30_000,
  projects: [
    {
      ...base,
      displayName: 'postgres',
      testMatch: ['<rootDir>/test/**/*.spec.ts', '<rootDir>/src/**/*.spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.postgres.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      globals: { TEST_DB_KIND: 'postgres' },
    },
    {
      ...base,
      displayName: 'embedded',
      testMatch: ['<rootDir>/test/foundation/**/*.spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.embedded.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      globals: { TEST_DB_KIND: 'embedded' },
    },
  ],
};
