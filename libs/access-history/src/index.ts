export { accessHistoryProjection } from './access-history.projection.js';
export { AccessHistoryQueries, InvalidCursorError, type AccessHistoryFilter, type AccessHistoryKind, type AccessHistoryLine, type HistoryPage, type Visibility } from './access-history.queries.js';
