export { AccessHistoryEntry, type AccessHistoryKind } from './access-history-entry.entity.js';
export { accessHistoryProjection } from './access-history.projection.js';
export { AccessHistoryQueries, InvalidCursorError, type AccessHistoryFilter, type AccessHistoryLine, type HistoryPage, type Visibility } from './access-history.queries.js';
