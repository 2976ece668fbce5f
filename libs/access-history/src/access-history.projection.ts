import type { StoredEvent } from '#event-store';
import { type DomainEvent, eventTypes, parseDomainEvent } from '#vocabulary';
import type { Projection, SqlTransaction } from '#projections';
import type { AccessHistoryKind } from './access-history-entry.entity.js';

interface EntryRow {
  subject_id: string;
  event_id: string;
  global_position: string;
  kind: AccessHistoryKind;
  occurred_at: string;
  organization_id: string;
  staff_code: string | null;
  counterparty_id: string | null;
  dataset_ids: string[];
  items: string[];
  purpose: string | null;
  legal_basis: string | null;
  outcome: string | null;
  non_disclosure: boolean;
  source_id: string;
  detail: Record<string, unknown>;
}

const RECORDED = eventTypes('InformationProvided', 'InformationAccessed', 'RecordsLinked', 'RecordsUnlinked', 'NonDisclosureReleased', 'AuditorQueried');

/**
 * 情報提供等記録 — the access history: one line per subject for each provision, access, tie and cut that
 * touched them, and each auditor's query of them (who audits the auditors); a release of non-disclosure
 * uncovers the provision's line. Writes a batch in two statements.
 */
export const accessHistoryProjection: Projection = {
  name: 'access-history',
  schema: 'access_history',
  tables: ['entries'],
  handles: RECORDED,

  async apply(events: StoredEvent[], tx: SqlTransaction, schema: string): Promise<void> {
    const rows: EntryRow[] = [];
    const released: { subject_id: string; source_id: string }[] = [];
    for (const stored of events) {
      if (!RECORDED.has(stored.type)) continue;
      const event = parseDomainEvent(stored.type, stored.schemaVersion, stored.data);
      if (event.type === 'NonDisclosureReleased') released.push({ subject_id: event.data.subjectId, source_id: event.data.provisionId });
      else rows.push(...entriesOf(event, stored));
    }
    if (rows.length > 0) {
      await tx.query(
        `INSERT INTO ${schema}.entries
         SELECT * FROM jsonb_populate_recordset(NULL::${schema}.entries, $1::jsonb)`,
        [JSON.stringify(rows)],
      );
    }
    if (released.length > 0) {
      await tx.query(
        `UPDATE ${schema}.entries e SET non_disclosure = false
           FROM jsonb_to_recordset($1::jsonb) AS r(subject_id uuid, source_id text)
          WHERE e.subject_id = r.subject_id AND e.source_id = r.source_id AND e.kind = 'PROVISION'`,
        [JSON.stringify(released)],
      );
    }
  },
};

function entriesOf(event: Exclude<DomainEvent, { type: 'NonDisclosureReleased' }>, stored: StoredEvent): EntryRow[] {
  const base = { event_id: stored.id, global_position: stored.globalPosition.toString(), occurred_at: event.data.occurredAt } as const;
  switch (event.type) {
    case 'InformationProvided': {
      const d = event.data;
      return [{
        ...base, subject_id: d.subjectId, kind: 'PROVISION', organization_id: d.requesterId, staff_code: null, counterparty_id: d.providerId,
        dataset_ids: [], items: d.items, purpose: d.procedure, legal_basis: d.legalBasis, outcome: d.outcome, non_disclosure: d.nonDisclosure,
        source_id: d.provisionId, detail: { requestedAt: d.requestedAt, providedAt: d.providedAt },
      }];
    }
    case 'InformationAccessed': {
      const d = event.data;
      return [{
        ...base, subject_id: d.subjectId, kind: 'ACCESS', organization_id: d.organizationId, staff_code: d.staffCode, counterparty_id: null,
        dataset_ids: [d.datasetId], items: d.items, purpose: d.purpose, legal_basis: null, outcome: d.outcome, non_disclosure: false,
        source_id: d.accessId, detail: { channel: d.channel },
      }];
    }
    case 'RecordsLinked': {
      const d = event.data;
      return distinct(d.subjects).map((subject_id) => ({
        ...base, subject_id, kind: 'LINK' as const, organization_id: d.organizationId, staff_code: d.staffCode, counterparty_id: null,
        dataset_ids: [...d.datasets], items: [], purpose: d.purpose, legal_basis: d.legalBasis, outcome: null, non_disclosure: false,
        source_id: d.linkId, detail: { key: d.key, records: d.records, expectedCutOffAt: d.expectedCutOffAt },
      }));
    }
    case 'RecordsUnlinked': {
      const d = event.data;
      return distinct(d.subjects).map((subject_id) => ({
        ...base, subject_id, kind: 'UNLINK' as const, organization_id: d.organizationId, staff_code: d.staffCode, counterparty_id: null,
        dataset_ids: [], items: [], purpose: d.reason, legal_basis: null, outcome: null, non_disclosure: false,
        source_id: d.linkId, detail: { records: d.records },
      }));
    }
    case 'AuditorQueried': {
      const d = event.data;
      return distinct(d.subjectIds).map((subject_id) => ({
        ...base, subject_id, kind: 'AUDIT' as const, organization_id: d.organizationId, staff_code: d.auditorId, counterparty_id: null,
        dataset_ids: [], items: [], purpose: d.operation, legal_basis: null, outcome: null, non_disclosure: false,
        source_id: stored.id, detail: {},
      }));
    }
    default:
      return [];
  }
}

const distinct = (values: readonly string[]) => [...new Set(values)];
