/**
 * The architecture's boundaries, checked in CI (`npm run lint:boundaries`). A rule names what may not depend
 * on what; docs/architecture.md says why each boundary is there.
 */
const READ_SIDE = '^libs/(access-history|registry|exposure|findings|reporting|journal|projections)/';
/** A package, wherever node_modules resolves: `../../main/node_modules/` in a worktree that links the main checkout's. */
const PACKAGE = '(^|/)node_modules/';
/** What a domain may use: its own lib, the published language, schemas and hashing. Nothing that does I/O. */
const FRAMEWORKS_AND_IO = [
  `${PACKAGE}(@nestjs|typeorm|pg|pg-[^/]+|express|@electric-sql|@apollo|graphql|prom-client|jose|fast-jwt|@kurrent|@grpc|cli-progress)/`,
  '^(fs|fs/promises|net|http|https|http2|child_process|worker_threads|cluster|dgram|dns|tls|readline|os)$',
  '^node:(fs|fs/promises|net|http|https|http2|child_process|worker_threads|cluster|dgram|dns|tls|readline|os)$',
];

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'domain/ code imports no framework and does no I/O: it decides, adapters act',
      severity: 'error',
      from: { path: '^libs/[^/]+/src/domain/' },
      to: {
        path: [
          ...FRAMEWORKS_AND_IO,
          '^libs/[^/]+/src/(infrastructure|application|commands)/',
          '^libs/(database|event-store-postgres|event-store-kurrentdb|api|app)/',
        ],
      },
    },
    {
      name: 'published-language-is-small',
      comment: 'libs/vocabulary is what every context shares: schemas and types, depending on nothing of ours',
      severity: 'error',
      from: { path: '^libs/vocabulary/' },
      to: { path: [`^(libs/(?!vocabulary/)|apps/)`, `${PACKAGE}(?!zod/)`] },
    },
    {
      name: 'port-depends-on-nothing',
      comment: 'the event-store port is the contract the adapters implement: no adapter, no framework behind it',
      severity: 'error',
      from: { path: '^libs/event-store/' },
      to: { path: ['^(libs/(?!event-store/)|apps/)', PACKAGE] },
    },
    {
      name: 'read-side-reads-the-published-language',
      comment: 'read models know events from libs/vocabulary, never from the write side and its Nest module',
      severity: 'error',
      from: { path: READ_SIDE },
      to: { path: '^libs/ingestion/' },
    },
    {
      name: 'read-models-speak-sql',
      comment: 'read models read and write with plain parameterized SQL on the database\'s pg pool; TypeORM runs migrations only',
      severity: 'error',
      from: { path: READ_SIDE },
      to: { path: `${PACKAGE}(typeorm|@nestjs/typeorm)/` },
    },
    {
      name: 'only-the-root-picks-adapters',
      comment: 'libs depend on the EventStore port; which adapter runs is the composition root\'s choice',
      severity: 'error',
      // The sealer's thread entry point wires its own store: a composition root of its own thread.
      from: { path: '^libs/', pathNot: ['^libs/(app|event-store-postgres|event-store-kurrentdb)/', '^libs/journal/src/infrastructure/sealer-worker\.ts$'] },
      to: { path: '^libs/(event-store-postgres|event-store-kurrentdb)/' },
    },
    {
      name: 'test-kit-is-for-tests',
      comment: 'the adapter\'s test kit rewrites the log as an insider would: tests use it, nothing that runs does',
      severity: 'error',
      from: { path: '^(libs|apps|bench)/', pathNot: '^libs/event-store-postgres/src/testing/' },
      to: { path: '^libs/event-store-postgres/src/testing/' },
    },
    {
      name: 'libs-never-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-never-import-apps',
      comment: 'what two apps share lives in a lib (the composition root is libs/app)',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'no-cycles-between-libs',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { circular: true, path: '^libs/', pathNot: '^libs/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|\\.spec\\.ts$|/generated/)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['types', 'import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js', '.json'],
    },
  },
};
