export { insertRows, type Projection, type SqlTransaction } from './projection.js';
export { ProjectionRunner, checkpointOf, type ProjectionStatus } from './projection-runner.js';
export { rebuildProjection, rebuildProjections, type RebuildOptions, type RebuildProgress } from './projection-rebuild.js';
export { CorrectionLedger, type Correction } from './correction-ledger.js';
export { pendingProjections } from './applied.js';
