/**
 * The composition root: the one place where ports meet their adapters and the modules are wired. The server
 * (apps/api), the CLI (apps/cli) and the tests all build the app from here.
 */
export { AppModule, type AppOptions } from './app.module.js';
export { createApp } from './create-app.js';
export { serve } from './serve.js';
export { openRuntime, fingerprintKeyFromEnv, type Runtime } from './runtime.js';
export { eventStoreKindFromEnv, eventStoreName, type EventStoreKind } from './event-store-choice.js';
export { DATABASE_SCHEMA } from './database-schema.js';
export { PROJECTIONS } from './projections.js';
export { RUN_PROJECTOR } from './projections.module.js';
export { JournalModule, JournalSealing, JOURNAL_KEY } from './journal.module.js';
export { renderCommandsDoc, writeCommandsDoc } from './commands-doc.js';
