/**
 * The API's driving adapters: the GraphQL API (schema-first, schema/*.graphql), bearer-token auth, /health and
 * /metrics. Wired together with the rest by the composition root (`#app`).
 */
export { GraphQLApiModule } from './graphql/graphql-api.module.js';
export { InFlightOperations } from './graphql/in-flight-operations.js';
export { IDE_ASSETS_PATH } from './graphql/ide.js';
export { HealthController, type HealthReport } from './health/health.controller.js';
export { EVENT_STORE_NAME, type EventStoreName } from './health/event-store-name.js';
export { MetricsModule } from './metrics/metrics.js';
export { TokenService } from './auth/token.service.js';
export type { Principal } from './auth/principal.js';
export { useStrictJsonBodies } from './graphql/strict-body.js';
export { CONSOLE_PATH, consoleRouter } from './console/console-static.js';
export { JOURNAL_HEALTH, registerJournalMetrics, type JournalHealthCheck, type JournalHealthReport } from './journal/journal-health.js';
export { JournalTilesController } from './journal/tiles.controller.js';
