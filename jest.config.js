// @ts-check
/** Four tiers: unit (pure, no I/O), application (one service's handlers, reactions and projections
 *  against real PostgreSQL on the pg-log transport, no broker), integration (one service against
 *  real PostgreSQL and Kafka), e2e (built services as separate processes); and the console driven in
 *  headless Chromium against the built services (browser). */

const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2023',
      },
      module: { type: 'commonjs' },
    },
  ],
};

const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform,
  moduleNameMapper: { '^@lintas/([^/]+)/(.*)$': '<rootDir>/libs/$1/src/$2' },
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
  moduleFileExtensions: ['ts', 'js', 'json'],
};

const withInfrastructure = {
  ...shared,
  globalSetup: '<rootDir>/libs/testing/src/jest/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/jest/global-teardown.ts',
};

/** @type {import('jest').Config} */
module.exports = {
  // jest-circus reads the timeout from the top level only; unit tests finish in milliseconds anyway.
  testTimeout: 60_000,
  reporters: ['default', '<rootDir>/libs/testing/src/jest/infrastructure-log-reporter.js'],
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,deploy}/**/*.spec.ts'] },
    {
      ...withInfrastructure,
      displayName: 'application',
      testMatch: ['<rootDir>/{apps,libs}/**/*.app-spec.ts'],
    },
    {
      ...withInfrastructure,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts', '<rootDir>/test/containers/**/*.int-spec.ts'],
    },
    {
      ...withInfrastructure,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
    },
    {
      ...withInfrastructure,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
    },
  ],
};
