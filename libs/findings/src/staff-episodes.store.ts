import { insertRows, type SqlTransaction } from '#projections';
import { staffEpisodes, type StaffAccess, type StaffRule } from './domain/staff-episodes.js';
import type { FindingRow } from './finding-rows.js';

/** A row of `staff_accesses`: what the staff rules need of an access. */
export interface StaffAccessRow {
  event_id: string;
  global_position: string;
  organization_id: string;
  staff_code: string;
  subject_id: string;
  occurred_at: string;
  denied: boolean;
}

/** One staff code's span to re-decide: window ends from `lo` to `hi` (ms), and the episodes found there so far. */
interface Span {
  organization_id: string;
  staff_code: string;
  lo: number;
  hi: number;
  stale: Set<string>;
}

const ms = (value: Date | string) => new Date(value).getTime();

/**
 * Re-decides the staff rules around a batch's new accesses, a bounded span per staff code: a new access at t
 * changes only the windows ending in [t, t + window]; the span grows to take in every stored episode it could
 * merge with, until none is left half inside. Then the span's episodes are found again from its accesses and
 * replace the stored ones. A set-based statement per step, whatever the number of staff codes.
 */
export async function updateStaffEpisodes(tx: SqlTransaction, schema: string, accesses: readonly StaffAccessRow[], rules: readonly StaffRule[]): Promise<void> {
  for (const rule of rules) {
    const spans = new Map<string, Span>();
    for (const a of accesses) {
      const at = ms(a.occurred_at);
      if (!rule.counts({ eventId: a.event_id, globalPosition: a.global_position, at, subjectId: a.subject_id, denied: a.denied })) continue;
      const key = `${a.organization_id}|${a.staff_code}`;
      const span = spans.get(key) ?? { organization_id: a.organization_id, staff_code: a.staff_code, lo: at, hi: at, stale: new Set<string>() };
      span.lo = Math.min(span.lo, at);
      span.hi = Math.max(span.hi, at + rule.windowMs);
      spans.set(key, span);
    }
    if (spans.size === 0) continue;
    await widenToStoredEpisodes(tx, schema, rule, [...spans.values()]);

    const { rows } = await tx.query<{ organization_id: string; staff_code: string; event_id: string; global_position: string; subject_id: string; occurred_at: Date; denied: boolean }>(
      `SELECT a.organization_id, a.staff_code, a.event_id, a.global_position, a.subject_id, a.occurred_at, a.denied
         FROM jsonb_to_recordset($1::jsonb) AS s(organization_id text, staff_code text, since timestamptz, until timestamptz)
         JOIN ${schema}.staff_accesses a
           ON a.organization_id = s.organization_id AND a.staff_code = s.staff_code AND a.occurred_at >= s.since AND a.occurred_at <= s.until`,
      [JSON.stringify([...spans.values()].map((s) => ({ organization_id: s.organization_id, staff_code: s.staff_code, since: iso(s.lo - rule.windowMs), until: iso(s.hi) })))],
    );
    const byStaff = new Map<string, StaffAccess[]>();
    for (const row of rows) {
      const key = `${row.organization_id}|${row.staff_code}`;
      const list = byStaff.get(key) ?? [];
      list.push({ eventId: row.event_id, globalPosition: String(row.global_position), at: ms(row.occurred_at), subjectId: row.subject_id, denied: row.denied });
      byStaff.set(key, list);
    }

    const found: FindingRow[] = [];
    for (const [key, span] of spans) {
      for (const episode of staffEpisodes(byStaff.get(key) ?? [], rule, { from: span.lo, to: span.hi })) {
        const first = episode.accesses[0]!;
        const subjectIds = [...new Set(episode.accesses.map((a) => a.subjectId))].sort();
        found.push({
          finding_id: `${rule.rule}:${first.eventId}`, rule: rule.rule, organization_id: span.organization_id,
          subject_id: subjectIds.length === 1 ? subjectIds[0]! : null, subject_ids: subjectIds,
          staff_code: span.staff_code, occurred_at: iso(first.at), detected_at: iso(episode.detectedAt), last_at: iso(episode.accesses.at(-1)!.at),
          event_ids: episode.accesses.map((a) => a.eventId), global_positions: episode.accesses.map((a) => a.globalPosition),
          detail: { accesses: episode.accesses.length, subjects: subjectIds.length, windowHours: rule.windowMs / 3_600_000 },
        });
      }
    }
    const stale = [...spans.values()].flatMap((s) => [...s.stale]);
    if (stale.length > 0) await tx.query(`DELETE FROM ${schema}.findings WHERE finding_id = ANY($1)`, [stale]);
    await insertRows(tx, schema, 'findings', found);
  }
}

/** Grows each span over the stored episodes within a window of it, until no span grows. */
async function widenToStoredEpisodes(tx: SqlTransaction, schema: string, rule: StaffRule, spans: Span[]): Promise<void> {
  for (let growing = spans; growing.length > 0; ) {
    const { rows } = await tx.query<{ i: number; finding_id: string; occurred_at: Date; last_at: Date }>(
      `SELECT s.i, f.finding_id, f.occurred_at, f.last_at
         FROM jsonb_to_recordset($2::jsonb) AS s(i int, organization_id text, staff_code text, since timestamptz, until timestamptz)
         JOIN ${schema}.findings f
           ON f.rule = $1 AND f.organization_id = s.organization_id AND f.staff_code = s.staff_code AND f.occurred_at <= s.until AND f.last_at >= s.since`,
      [rule.rule, JSON.stringify(growing.map((s, i) => ({ i, organization_id: s.organization_id, staff_code: s.staff_code, since: iso(s.lo - rule.windowMs), until: iso(s.hi + rule.windowMs) })))],
    );
    const grown = new Set<Span>();
    for (const row of rows) {
      const span = growing[row.i]!;
      if (span.stale.has(row.finding_id)) continue;
      span.stale.add(row.finding_id);
      span.lo = Math.min(span.lo, ms(row.occurred_at));
      span.hi = Math.max(span.hi, ms(row.last_at));
      grown.add(span);
    }
    growing = [...grown];
  }
}

const iso = (at: number) => new Date(at).toISOString();
