import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * TypeScript types of the GraphQL schema (schema/*.graphql) for the server, and typed documents of the console's
 * operations (apps/console). `npm run graphql:check` fails when either is stale.
 */
const config: CodegenConfig = {
  schema: 'schema/*.graphql',
  generates: {
    'libs/api/src/graphql/generated/schema.types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        scalars: { DateTime: 'string', BigInt: 'string', JSON: 'unknown' },
        enumsAsTypes: true,
        useTypeImports: true,
        avoidOptionals: { field: true, inputValue: false, object: false },
      },
    },
    'apps/console/src/gql/': {
      documents: ['apps/console/src/**/*.{ts,tsx}', '!apps/console/src/gql/**'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        scalars: { DateTime: 'string', BigInt: 'string', JSON: 'unknown' },
        enumsAsTypes: true,
        useTypeImports: true,
      },
    },
  },
  hooks: {},
};

export default config;
