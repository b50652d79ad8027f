// Jest runs in native ESM mode (NODE_OPTIONS=--experimental-vm-modules): Nest 12 is ESM-only and
// Jest's CommonJS mode cannot load it on Node 20. @swc/jest compiles TypeScript with decorator
// metadata, which the GraphQL schema builder needs.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'es6' },
  },
];
/*
 * Integration and e2e hooks boot a gateway or hash a dozen passwords: 1–3 s on an idle machine,
 * far longer on a busy shared one (CI, several runs at once). Jest's 5 s default then failed
 * `beforeAll` hooks, and the boot that finished after the environment was torn down crashed the
 * whole run. Jest reads this from the top level only (a project's own value is ignored); tests
 * that need longer still say so themselves.
 */
const TEST_TIMEOUT_MS = 30_000;
const common = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: { '^@simpul/(.*)$': '<rootDir>/libs/$1/src/index.ts' },
  testEnvironment: 'node',
  // Evaluates Nest before nestjs-cls (CommonJS) require()s it: test/support/preload-nest.ts.
  setupFiles: ['<rootDir>/test/support/preload-nest.ts'],
};
export default {
  testTimeout: TEST_TIMEOUT_MS,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts', '<rootDir>/test/unit/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.integration-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
