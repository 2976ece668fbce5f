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
