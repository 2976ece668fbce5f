export { FINDING_RULES, FINDING_RULE_NAMES, SEVERITIES, severityOf, type FindingRule, type Severity } from './domain/finding-rules.js';
export { DEFAULT_STAFF_THRESHOLDS, staffEpisodes, staffRules, type StaffAccess, type StaffThresholds } from './domain/staff-episodes.js';
export { FINDINGS_PROJECTION, findingsProjection } from './findings.projection.js';
export {
  FINDING_DIMENSIONS,
  FindingQueries,
  InvalidFindingsQueryError,
  type Finding,
  type FindingDimension,
  type FindingsPage,
  type FindingsQuery,
} from './findings.queries.js';
