export { AccessHistoryEntry, type AccessHistoryKind } from './access-history-entry.entity.js';
export { accessHistoryProjection } from './access-history.projection.js';
