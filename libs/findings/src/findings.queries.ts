import type pg from 'pg';
import { FINDING_RULES, SEVERITIES, type FindingRule, type Severity } from './domain/finding-rules.js';

/** Which findings: those standing as of an instant, narrowed by the other conditions (all must hold). */
export interface FindingsQuery {
  /** The instant the findings are judged at (time-based rules: a tie is past its cut-off as of this). */
  asOf: string;
  /** Findings detected at or after this instant. */
  from?: string | null;
  /** Findings detected before this instant. */
  to?: string | null;
  organizationId?: string | null;
  rule?: FindingRule | null;
  severity?: Severity | null;
  /** Findings concerning this subject (among others, for a staff episode). */
  subjectId?: string | null;
  /**
   * Leave out findings pointing at a provision about this subject still under a non-disclosure flag (不開示): what
   * the citizen may see. The flag is the access history's (set by the provision, cleared by its release).
   */
  disclosedTo?: string | null;
}

export interface Finding {
  id: string;
  rule: FindingRule;
  severity: Severity;
  organizationId: string;
  subjectId: string | null;
  subjectIds: string[];
  staffCode: string | null;
  occurredAt: Date;
  detectedAt: Date;
  /** When the last event that broke it happened (a staff episode spans many accesses). */
  lastAt: Date;
  /** The events that broke the rule, in log order. */
  events: { eventId: string; globalPosition: string }[];
  detail: Record<string, unknown>;
}

export interface FindingsPage {
  findings: { cursor: string; finding: Finding }[];
  hasNextPage: boolean;
  totalCount: number;
}

/** What findings can be counted by, for a report. */
export const FINDING_DIMENSIONS = { rule: 'rule', severity: 'severity', organization: 'organization_id' } as const;
export type FindingDimension = keyof typeof FINDING_DIMENSIONS;

/** A query a caller got wrong: names the field and the reason. */
export class InvalidFindingsQueryError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

interface Row {
  finding_id: string;
  rule: FindingRule;
  severity: Severity;
  organization_id: string;
  subject_id: string | null;
  subject_ids: string[];
  staff_code: string | null;
  occurred_at: Date;
  detected_at: Date;
  last_at: Date;
  event_ids: string[];
  global_positions: string[];
  detail: Record<string, unknown>;
}

/**
 * Reads of the findings, newest detection first: the stored findings detected by `asOf`, and the ties past their
 * cut-off as of `asOf` (a tie is overdue once its expected cut-off is before `asOf` and it was not cut by then; a cut
 * made late still leaves the finding, since the tie was kept too long). The report counts with `countsBy`.
 */
export class FindingQueries {
  constructor(private readonly pool: pg.Pool) {}

  async list(query: FindingsQuery & { first: number; after?: string | null }): Promise<FindingsPage> {
    if (!Number.isInteger(query.first) || query.first < 1) throw new InvalidFindingsQueryError('first', 'must be a whole number of at least 1');
    const { sql, values } = this.matching(query);
    const counted = this.pool.query<{ n: string }>(`SELECT count(*) AS n FROM (${sql}) f`, [...values]);
    let page = `SELECT * FROM (${sql}) f`;
    if (query.after) {
      const [detectedAt, id] = decodeCursor(query.after);
      values.push(detectedAt, id);
      page += ` WHERE (f.detected_at, f.finding_id) < ($${values.length - 1}::timestamptz, $${values.length})`;
    }
    values.push(query.first + 1);
    page += ` ORDER BY f.detected_at DESC, f.finding_id DESC LIMIT $${values.length}`;
    const [{ rows }, total] = await Promise.all([this.pool.query<Row>(page, values), counted]);
    const findings = rows.slice(0, query.first).map((row) => ({ cursor: encodeCursor(row), finding: findingOf(row) }));
    return { findings, hasNextPage: rows.length > query.first, totalCount: Number(total.rows[0]!.n) };
  }

  /** How many findings stand, per rule, severity or organization (keys in order; only keys with findings). */
  async countsBy(query: FindingsQuery, dimension: FindingDimension): Promise<{ key: string; count: number }[]> {
    const column = FINDING_DIMENSIONS[dimension];
    if (!column) throw new InvalidFindingsQueryError('dimension', `must be one of ${Object.keys(FINDING_DIMENSIONS).join(', ')}`);
    const { sql, values } = this.matching(query);
    const { rows } = await this.pool.query<{ key: string; n: string }>(`SELECT f.${column} AS key, count(*) AS n FROM (${sql}) f GROUP BY 1 ORDER BY 1`, values);
    return rows.map((row) => ({ key: row.key, count: Number(row.n) }));
  }

  /** The findings standing as of `asOf` that match the query, as one SELECT and its parameters. */
  private matching(query: FindingsQuery): { sql: string; values: unknown[] } {
    const values: unknown[] = [instant(query.asOf, 'asOf'), JSON.stringify(Object.fromEntries(Object.entries(FINDING_RULES).map(([rule, r]) => [rule, r.severity])))];
    const where: string[] = [];
    const add = (condition: (p: string) => string, value: unknown) => {
      values.push(value);
      where.push(condition(`$${values.length}`));
    };
    if (query.from) add((p) => `f.detected_at >= ${p}::timestamptz`, instant(query.from, 'from'));
    if (query.to) add((p) => `f.detected_at < ${p}::timestamptz`, instant(query.to, 'to'));
    if (query.organizationId) add((p) => `f.organization_id = ${p}`, query.organizationId);
    if (query.rule) add((p) => `f.rule = ${p}`, oneOf(query.rule, Object.keys(FINDING_RULES), 'rule'));
    if (query.severity) add((p) => `s.severity = ${p}`, oneOf(query.severity, SEVERITIES, 'severity'));
    if (query.subjectId) add((p) => `f.subject_ids @> ARRAY[${p}::uuid]`, uuid(query.subjectId, 'subjectId'));
    if (query.disclosedTo) {
      add((p) => `NOT EXISTS (SELECT 1 FROM access_history.entries e WHERE e.subject_id = ${p}::uuid AND e.event_id = ANY(f.event_ids) AND e.non_disclosure)`, uuid(query.disclosedTo, 'subjectId'));
    }
    const sql = `
      SELECT f.finding_id, f.rule, s.severity, f.organization_id, f.subject_id, f.subject_ids, f.staff_code, f.occurred_at, f.detected_at, f.last_at,
             f.event_ids, f.global_positions, f.detail
        FROM (
          SELECT finding_id, rule, organization_id, subject_id, subject_ids, staff_code, occurred_at, detected_at, last_at, event_ids, global_positions, detail
            FROM findings.findings
           WHERE detected_at <= $1::timestamptz
          UNION ALL
          SELECT 'TIE_PAST_CUT_OFF:' || link_event_id, 'TIE_PAST_CUT_OFF', organization_id, subject_id, subject_ids, staff_code, linked_at, expected_cut_off_at, linked_at,
                 ARRAY[link_event_id], ARRAY[link_position],
                 jsonb_build_object('linkId', link_id, 'expectedCutOffAt', expected_cut_off_at, 'cutAt', CASE WHEN cut_at <= $1::timestamptz THEN cut_at END)
            FROM findings.ties
           WHERE expected_cut_off_at < $1::timestamptz AND linked_at <= $1::timestamptz AND (cut_at IS NULL OR cut_at > expected_cut_off_at)
        ) f
        JOIN jsonb_each_text($2::jsonb) AS s(rule, severity) ON s.rule = f.rule
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
    return { sql, values };
  }
}

function findingOf(row: Row): Finding {
  return {
    id: row.finding_id, rule: row.rule, severity: row.severity, organizationId: row.organization_id, subjectId: row.subject_id, subjectIds: row.subject_ids,
    staffCode: row.staff_code, occurredAt: row.occurred_at, detectedAt: row.detected_at, lastAt: row.last_at,
    events: row.event_ids.map((eventId, i) => ({ eventId, globalPosition: String(row.global_positions[i]) })), detail: row.detail,
  };
}

function instant(value: string, field: string): string {
  if (Number.isNaN(Date.parse(value))) throw new InvalidFindingsQueryError(field, 'must be an ISO 8601 date-time, e.g. 2025-04-01T00:00:00+09:00');
  return new Date(value).toISOString();
}

function oneOf<T extends string>(value: string, allowed: readonly T[], field: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new InvalidFindingsQueryError(field, `must be one of ${allowed.join(', ')}`);
  return value as T;
}

function uuid(value: string, field: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) throw new InvalidFindingsQueryError(field, 'must be a subject id (a UUID)');
  return value.toLowerCase();
}

function encodeCursor(row: Row): string {
  return Buffer.from(JSON.stringify([row.detected_at.toISOString(), row.finding_id])).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const [detectedAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof detectedAt === 'string' && !Number.isNaN(Date.parse(detectedAt)) && typeof id === 'string') return [detectedAt, id];
  } catch {
    // falls through to the error below
  }
  throw new InvalidFindingsQueryError('after', 'is not a cursor this API gave out');
}
