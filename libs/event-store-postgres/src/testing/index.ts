/**
 * The PostgreSQL adapter's test kit (`#event-store-postgres/testing`): what tests do to the log's tables, named,
 * so that no test names them. Tests only: the boundary check keeps libs, apps and benchmarks off this entry.
 */
export { LOG_TABLE, LogInsider, type ForgedRow, type LogPlace, type OpenAppend, type Partition, type StoredFilter, type StoredRow } from './log-insider.js';
