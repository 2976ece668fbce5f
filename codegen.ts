import type { CodegenConfig } from '@graphql-codegen/cli';

/** TypeScript types of the GraphQL schema (schema/*.graphql). `npm run graphql:check` fails when they are stale. */
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
  },
  hooks: {},
};

export default config;
