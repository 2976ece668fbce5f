import type { StoredEvent } from '#event-store';
import { type DomainEvent, eventTypes, parseDomainEvent } from '#vocabulary';
import { insertRows, type Projection, type SqlTransaction } from '#projections';
import type { AccessHistoryKind } from './access-history.queries.js';
import { auditPurpose } from './domain/audit-purposes.js';

/** A row of `access_history.entries`, as the projection writes it. */
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
  /** The tie a LINK or UNLINK line made or cut. */
  tie_id: string | null;
  /** The purpose in English, where the platform words it (an auditor's query). */
  purpose_en: string | null;
}

const RECORDED = eventTypes('InformationProvided', 'InformationAccessed', 'RecordsLinked', 'RecordsUnlinked', 'NonDisclosureReleased', 'AuditorQueried', 'EventCorrected');

/**
 * 情報提供等記録 — the access history: one line per subject for each provision, access, tie and cut that
 * touched them, and each auditor's query of them (who audits the auditors); a release of non-disclosure
 * uncovers the provision's line. An operator's correction of an event that concerned a subject is a line of
 * its own (CORRECTION: who corrected, why, and what), so the person sees that their record was corrected. Writes a batch in two statements.
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
    await nameTheCutTies(rows, tx, schema);
    await insertRows(tx, schema, 'entries', rows);
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
        source_id: d.provisionId, detail: { requestedAt: d.requestedAt, providedAt: d.providedAt }, tie_id: null, purpose_en: null,
      }];
    }
    case 'InformationAccessed': {
      const d = event.data;
      return [{
        ...base, subject_id: d.subjectId, kind: 'ACCESS', organization_id: d.organizationId, staff_code: d.staffCode, counterparty_id: null,
        dataset_ids: [d.datasetId], items: d.items, purpose: d.purpose, legal_basis: null, outcome: d.outcome, non_disclosure: false,
        source_id: d.accessId, detail: { channel: d.channel }, tie_id: null, purpose_en: null,
      }];
    }
    case 'RecordsLinked': {
      const d = event.data;
      return distinct(d.subjects).map((subject_id) => ({
        ...base, subject_id, kind: 'LINK' as const, organization_id: d.organizationId, staff_code: d.staffCode, counterparty_id: null,
        dataset_ids: [...d.datasets], items: [], purpose: d.purpose, legal_basis: d.legalBasis, outcome: null, non_disclosure: false,
        source_id: d.linkId, detail: { key: d.key, records: d.records, expectedCutOffAt: d.expectedCutOffAt }, tie_id: d.linkId, purpose_en: null,
      }));
    }
    case 'RecordsUnlinked': {
      const d = event.data;
      return distinct(d.subjects).map((subject_id) => ({
        ...base, subject_id, kind: 'UNLINK' as const, organization_id: d.organizationId, staff_code: d.staffCode, counterparty_id: null,
        dataset_ids: [], items: [], purpose: d.reason, legal_basis: null, outcome: null, non_disclosure: false,
        source_id: d.linkId, detail: { records: d.records }, tie_id: d.linkId, purpose_en: null,
      }));
    }
    case 'AuditorQueried': {
      const d = event.data;
      const purpose = auditPurpose(d.operation);
      return distinct(d.subjectIds).map((subject_id) => ({
        ...base, subject_id, kind: 'AUDIT' as const, organization_id: d.organizationId, staff_code: d.auditorId, counterparty_id: null,
        dataset_ids: [], items: [], purpose: purpose.ja, legal_basis: null, outcome: null, non_disclosure: false,
        source_id: stored.id, detail: { operation: d.operation }, tie_id: null, purpose_en: purpose.en,
      }));
    }
    case 'EventCorrected': {
      const d = event.data;
      const organizationId = d.organizationId;
      if (organizationId === null) return [];
      return distinct(d.subjectIds).map((subject_id) => ({
        ...base, subject_id, kind: 'CORRECTION' as const, organization_id: organizationId, staff_code: d.correctedBy, counterparty_id: null,
        dataset_ids: [], items: [], purpose: d.reason, legal_basis: null, outcome: d.action, non_disclosure: d.nonDisclosure,
        source_id: d.eventId, detail: { eventType: d.eventType, globalPosition: d.globalPosition, correctedBy: d.correctedBy }, tie_id: null, purpose_en: null,
      }));
    }
    default:
      return [];
  }
}

/**
 * An unlink names only the tie it cuts: its line takes the datasets of the tie's LINK line, from this batch or
 * from the table (a tie is made before it is cut, in the log's order). A cut of a tie never seen names none.
 */
async function nameTheCutTies(rows: EntryRow[], tx: SqlTransaction, schema: string): Promise<void> {
  const cuts = rows.filter((r) => r.kind === 'UNLINK');
  if (cuts.length === 0) return;
  const tied = new Map<string, string[]>();
  for (const r of rows) if (r.kind === 'LINK') tied.set(r.tie_id!, r.dataset_ids);
  const missing = [...new Set(cuts.map((r) => r.tie_id!).filter((id) => !tied.has(id)))];
  if (missing.length > 0) {
    const { rows: found } = await tx.query<{ source_id: string; dataset_ids: string[] }>(
      `SELECT DISTINCT ON (source_id) source_id, dataset_ids FROM ${schema}.entries WHERE source_id = ANY($1::text[]) AND kind = 'LINK'`,
      [missing],
    );
    for (const f of found) tied.set(f.source_id, f.dataset_ids);
  }
  for (const cut of cuts) cut.dataset_ids = [...(tied.get(cut.tie_id!) ?? [])];
}

const distinct = (values: readonly string[]) => [...new Set(values)];
