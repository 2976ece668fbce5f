/** Tests run as ES modules (NestJS 12 is ESM-only), compiled by ts-jest with decorator metadata for Nest. */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/libs', '<rootDir>/apps', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^#migrations$': '<rootDir>/migrations/index.ts',
    '^#event-store-postgres/testing$': '<rootDir>/libs/event-store-postgres/src/testing/index.ts',
    '^#app/read-models$': '<rootDir>/libs/app/src/read-models.ts',
    '^#(.*)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  // Transpile only (tsconfig sets isolatedModules): `npm run typecheck` is where types are checked.
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
  testTimeout: 60_000,
};
