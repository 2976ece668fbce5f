import type { SqlTransaction } from '#projections';
import type { FindingRule } from './domain/finding-rules.js';

/** A row of `findings.findings`, as the projection writes it. */
export interface FindingRow {
  finding_id: string;
  rule: FindingRule;
  organization_id: string;
  subject_id: string | null;
  subject_ids: string[];
  staff_code: string | null;
  occurred_at: string;
  detected_at: string;
  last_at: string;
  event_ids: string[];
  global_positions: string[];
  detail: Record<string, unknown>;
}

/** Inserts rows into a table of the read model in one statement. */
export async function insert(tx: SqlTransaction, schema: string, table: string, rows: readonly object[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(`INSERT INTO ${schema}.${table} SELECT * FROM jsonb_populate_recordset(NULL::${schema}.${table}, $1::jsonb)`, [JSON.stringify(rows)]);
}
