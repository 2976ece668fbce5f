/**
 * `#app/read-models`: what the app keeps in its database, without the modules that serve it. A process that only
 * migrates and rebuilds imports this, not `#app`: Nest, GraphQL and the adapters would sit on its heap, which V8 lets grow in proportion.
 */
export { DATABASE_SCHEMA } from './database-schema.js';
export { PROJECTIONS } from './projections.js';
