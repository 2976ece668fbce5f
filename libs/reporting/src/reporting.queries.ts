import type pg from 'pg';
import type { ActivityKind, OverdueTie, ReportParty } from './domain/compliance-report.js';
import { TIE_LIFETIME_EDGES_DAYS } from './domain/tie-lifetimes.js';

export interface RegisteredParty extends ReportParty {
  kind: string | null;
}

export interface ActivityFigure {
  organizationId: string;
  counterpartyId: string | null;
  kind: ActivityKind;
  procedure: string | null;
  month: string;
  count: number;
  refused: number;
  noData: number;
  nonDisclosed: number;
}

export interface TieFigures {
  made: number;
  cut: number;
  live: number;
  overdue: number;
  liveThroughMyNumber: number;
  /** Index i counts ties whose lifetime falls in bucket i of TIE_LIFETIME_EDGES_DAYS (0 = under the first edge). */
  buckets: { bucket: number; cutInPeriod: number; live: number }[];
  overdueTies: (Omit<OverdueTie, 'organization'> & { organizationId: string })[];
}

export interface DatasetFigure {
  id: string;
  name: string;
  holderId: string;
  keyedByMyNumber: boolean;
  peopleCovered: number;
  staffWithAccess: number;
}

export interface LeakFigure {
  position: string;
  subjectId: string;
  retiredBy: string;
  occurredAt: string;
}

type Scope = { from: Date; to: Date; organizationId: string | null };

const iso = (value: string | Date) => new Date(value).toISOString();

/**
 * The SQL that gathers a report's figures from the read models (access history, registry, reporting), each a
 * set-based statement over an index on time: a quarter's report is a handful of round trips whatever the log size.
 */
export class ReportingQueries {
  constructor(private readonly pool: pg.Pool) {}

  async parties(): Promise<Map<string, RegisteredParty>> {
    const { rows } = await this.pool.query<{ id: string; name: string; kind: string }>(`SELECT id, name, kind FROM registry.organizations`);
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** Provisions, ties, cuts and accesses of the period per actor, counterparty, kind, procedure and month (Japan time). */
  async activity({ from, to, organizationId }: Scope): Promise<ActivityFigure[]> {
    const { rows } = await this.pool.query<{
      organization_id: string; counterparty_id: string | null; kind: ActivityKind; procedure: string | null; month: string;
      count: string; refused: string; no_data: string; non_disclosed: string;
    }>(
      `SELECT organization_id, counterparty_id, kind, purpose AS procedure,
              to_char(occurred_at AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM') AS month,
              count(DISTINCT event_id) AS count,
              count(DISTINCT event_id) FILTER (WHERE outcome IN ('REFUSED', 'DENIED')) AS refused,
              count(DISTINCT event_id) FILTER (WHERE outcome = 'NO_DATA') AS no_data,
              count(DISTINCT event_id) FILTER (WHERE non_disclosure) AS non_disclosed
         FROM access_history.entries
        WHERE kind IN ('PROVISION', 'LINK', 'UNLINK', 'ACCESS') AND occurred_at >= $1 AND occurred_at < $2
          AND ($3::text IS NULL OR organization_id = $3 OR counterparty_id = $3)
        GROUP BY 1, 2, 3, 4, 5
        ORDER BY 5, 1, 3, 2, 4`,
      [from, to, organizationId],
    );
    return rows.map((r) => ({
      organizationId: r.organization_id, counterpartyId: r.counterparty_id, kind: r.kind, procedure: r.procedure, month: r.month,
      count: Number(r.count), refused: Number(r.refused), noData: Number(r.no_data), nonDisclosed: Number(r.non_disclosed),
    }));
  }

  /**
   * Every tie made before the end of the period, with its cut if one came before the end: what was made and
   * cut in the period, what is live at its end, overdue (past its expected cut-off), and how long ties live.
   */
  async ties({ from, to, organizationId }: Scope): Promise<TieFigures> {
    const { rows } = await this.pool.query<{ totals: Record<string, number>; buckets: { bucket: number; cut_in_period: number; live: number }[]; overdue: Record<string, unknown>[] }>(
      `WITH ties AS (
         SELECT DISTINCT ON (l.source_id) l.source_id AS tie_id, l.organization_id, l.dataset_ids, l.occurred_at AS linked_at,
                (l.detail->>'expectedCutOffAt')::timestamptz AS cut_off_at,
                coalesce(l.detail->'key'->>'identifierKind', l.detail->'key'->>'by') AS key
           FROM access_history.entries l
          WHERE l.kind = 'LINK' AND l.occurred_at < $2 AND ($3::text IS NULL OR l.organization_id = $3)
          ORDER BY l.source_id
       ), cuts AS (
         SELECT source_id, min(occurred_at) AS cut_at FROM access_history.entries WHERE kind = 'UNLINK' AND occurred_at < $2 GROUP BY source_id
       ), hygiene AS MATERIALIZED (
         SELECT t.*, c.cut_at FROM ties t LEFT JOIN cuts c ON c.source_id = t.tie_id
       )
       SELECT
         (SELECT json_build_object(
            'made', count(*) FILTER (WHERE linked_at >= $1),
            'cut', count(*) FILTER (WHERE cut_at >= $1),
            'live', count(*) FILTER (WHERE cut_at IS NULL),
            'overdue', count(*) FILTER (WHERE cut_at IS NULL AND cut_off_at < $2),
            'liveThroughMyNumber', count(*) FILTER (WHERE cut_at IS NULL AND key = 'MY_NUMBER')) FROM hygiene) AS totals,
         (SELECT coalesce(json_agg(b ORDER BY b.bucket), '[]') FROM (
            SELECT width_bucket(extract(epoch FROM coalesce(cut_at, $2) - linked_at) / 86400, $4::float8[]) AS bucket,
                   count(*) FILTER (WHERE cut_at IS NOT NULL) AS cut_in_period, count(*) FILTER (WHERE cut_at IS NULL) AS live
              FROM hygiene WHERE cut_at IS NULL OR cut_at >= $1 GROUP BY 1) b) AS buckets,
         (SELECT coalesce(json_agg(o ORDER BY o.days_overdue DESC, o.tie_id), '[]') FROM (
            SELECT tie_id, organization_id, dataset_ids, linked_at, cut_off_at, key, floor(extract(epoch FROM $2 - cut_off_at) / 86400) AS days_overdue
              FROM hygiene WHERE cut_at IS NULL AND cut_off_at < $2) o) AS overdue`,
      [from, to, organizationId, TIE_LIFETIME_EDGES_DAYS],
    );
    const { totals, buckets, overdue } = rows[0]!;
    return {
      made: Number(totals.made), cut: Number(totals.cut), live: Number(totals.live), overdue: Number(totals.overdue), liveThroughMyNumber: Number(totals.liveThroughMyNumber),
      buckets: buckets.map((b) => ({ bucket: Number(b.bucket), cutInPeriod: Number(b.cut_in_period), live: Number(b.live) })),
      overdueTies: overdue.map((o) => ({
        tieId: String(o.tie_id), organizationId: String(o.organization_id), datasets: o.dataset_ids as string[], linkedAt: iso(o.linked_at as string),
        expectedCutOffAt: iso(o.cut_off_at as string), daysOverdue: Number(o.days_overdue), key: String(o.key),
      })),
    };
  }

  /** Per registered dataset: people covered at the end of the period, and staff who used it in the year before. */
  async datasets({ to, organizationId, staffSince }: Scope & { staffSince: Date }): Promise<DatasetFigure[]> {
    const { rows } = await this.pool.query<{ id: string; name: string; holder_id: string; keyed_by_my_number: boolean; people: string | null; staff: string | null }>(
      `WITH people AS (
         SELECT dataset_id, count(*) AS people FROM reporting.dataset_subjects WHERE first_recorded_at < $2 GROUP BY dataset_id
       ), staff AS (
         SELECT dataset_ids[1] AS dataset_id, count(DISTINCT (organization_id, staff_code)) AS staff
           FROM access_history.entries
          WHERE kind = 'ACCESS' AND outcome = 'GRANTED' AND occurred_at >= $1 AND occurred_at < $2
          GROUP BY 1
       )
       SELECT d.id, d.name, d.holder_id, 'MY_NUMBER' = ANY(d.keyed_by) AS keyed_by_my_number, p.people, s.staff
         FROM registry.datasets d LEFT JOIN people p ON p.dataset_id = d.id LEFT JOIN staff s ON s.dataset_id = d.id
        WHERE $3::text IS NULL OR d.holder_id = $3
        ORDER BY d.id`,
      [staffSince, to, organizationId],
    );
    return rows.map((r) => ({
      id: r.id, name: r.name, holderId: r.holder_id, keyedByMyNumber: r.keyed_by_my_number, peopleCovered: Number(r.people ?? 0), staffWithAccess: Number(r.staff ?? 0),
    }));
  }

  /** My Numbers retired as leaked in [from, to). */
  async leaks({ from, to, organizationId }: Scope): Promise<LeakFigure[]> {
    const { rows } = await this.pool.query<{ global_position: string; subject_id: string; retired_by: string; occurred_at: Date }>(
      `SELECT global_position, subject_id, retired_by, occurred_at FROM reporting.identifier_leaks
        WHERE occurred_at >= $1 AND occurred_at < $2 AND ($3::text IS NULL OR retired_by = $3) ORDER BY global_position`,
      [from, to, organizationId],
    );
    return rows.map((r) => ({ position: String(r.global_position), subjectId: r.subject_id, retiredBy: r.retired_by, occurredAt: iso(r.occurred_at) }));
  }
}
