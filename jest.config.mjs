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
const common = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: { '^@simpul/(.*)$': '<rootDir>/libs/$1/src/index.ts' },
  testEnvironment: 'node',
  // Evaluates Nest before nestjs-cls (CommonJS) require()s it: test/support/preload-nest.ts.
  setupFiles: ['<rootDir>/test/support/preload-nest.ts'],
};
export default {
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
