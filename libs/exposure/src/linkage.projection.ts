import type { StoredEvent } from '#event-store';
import { eventTypes, parseDomainEvent } from '#vocabulary';
import { insertRows, type Projection, type SqlTransaction } from '#projections';

const HANDLED = eventTypes('RecordRegistered', 'RecordsLinked', 'RecordsUnlinked', 'IdentifierIssued', 'IdentifierRetired', 'IdentifierSucceeded');

/**
 * 紐付け — each subject's records, the ties made and cut between them, and the identifiers that key them, with
 * their times; what is live, overdue or past its lifetime is decided at query time, as of a given time.
 */
export const linkageProjection: Projection = {
  name: 'linkage',
  schema: 'linkage',
  tables: ['records', 'identifier_records', 'ties', 'identifiers'],
  handles: HANDLED,

  async apply(events: StoredEvent[], tx: SqlTransaction, schema: string): Promise<void> {
    const records: object[] = [];
    const held: object[] = [];
    const ties: object[] = [];
    const identifiers: object[] = [];
    const cuts: object[] = [];
    const retirements: object[] = [];
    const successions: object[] = [];
    for (const stored of events) {
      if (!HANDLED.has(stored.type)) continue;
      const event = parseDomainEvent(stored.type, stored.schemaVersion, stored.data);
      const position = stored.globalPosition.toString();
      switch (event.type) {
        case 'RecordRegistered': {
          const d = event.data;
          records.push({ record_id: d.recordId, dataset_id: d.datasetId, subject_id: d.subjectId, identifiers: d.identifiers, registered_at: d.occurredAt });
          for (const fingerprint of new Set(d.identifiers)) held.push({ fingerprint, record_id: d.recordId });
          break;
        }
        case 'RecordsLinked': {
          const d = event.data;
          ties.push({
            link_id: d.linkId, record_a: d.records[0], record_b: d.records[1], dataset_a: d.datasets[0], dataset_b: d.datasets[1],
            subject_a: d.subjects[0], subject_b: d.subjects[1], key_by: d.key.by, identifier_kind: d.key.by === 'IDENTIFIER' ? d.key.identifierKind : null,
            organization_id: d.organizationId, staff_code: d.staffCode, purpose: d.purpose, legal_basis: d.legalBasis,
            linked_at: d.occurredAt, expected_cut_off_at: d.expectedCutOffAt, linked_position: position,
          });
          break;
        }
        case 'RecordsUnlinked':
          cuts.push({ link_id: event.data.linkId, unlinked_at: event.data.occurredAt, unlink_reason: event.data.reason, unlinked_position: position });
          break;
        case 'IdentifierIssued': {
          const d = event.data;
          identifiers.push({ fingerprint: d.fingerprint, subject_id: d.subjectId, kind: d.kind, scope: d.scope, issued_at: d.occurredAt, valid_until: d.validUntil });
          break;
        }
        case 'IdentifierRetired':
          retirements.push({ fingerprint: event.data.fingerprint, retired_at: event.data.occurredAt, retired_reason: event.data.reason });
          break;
        case 'IdentifierSucceeded':
          successions.push({ fingerprint: event.data.fingerprint, successor_fingerprint: event.data.successorFingerprint, succession_consent: event.data.consentReference });
          break;
      }
    }
    // Rows first, then what happened to them: a tie made and cut in one batch is inserted, then cut. Each
    // tie is cut at most once and each identifier retired or succeeded at most once (the deciders see to it).
    await insertRows(tx, schema, 'records', records);
    await insertRows(tx, schema, 'identifier_records', held);
    await insertRows(tx, schema, 'ties', ties);
    await insertRows(tx, schema, 'identifiers', identifiers);
    if (cuts.length) {
      await tx.query(
        `UPDATE ${schema}.ties t SET unlinked_at = c.unlinked_at, unlink_reason = c.unlink_reason, unlinked_position = c.unlinked_position
           FROM jsonb_populate_recordset(NULL::${schema}.ties, $1::jsonb) c WHERE t.link_id = c.link_id`,
        [JSON.stringify(cuts)],
      );
    }
    if (retirements.length) {
      await tx.query(
        `UPDATE ${schema}.identifiers i SET retired_at = r.retired_at, retired_reason = r.retired_reason
           FROM jsonb_populate_recordset(NULL::${schema}.identifiers, $1::jsonb) r WHERE i.fingerprint = r.fingerprint`,
        [JSON.stringify(retirements)],
      );
    }
    if (successions.length) {
      await tx.query(
        `UPDATE ${schema}.identifiers i SET successor_fingerprint = s.successor_fingerprint, succession_consent = s.succession_consent
           FROM jsonb_populate_recordset(NULL::${schema}.identifiers, $1::jsonb) s WHERE i.fingerprint = s.fingerprint`,
        [JSON.stringify(successions)],
      );
    }
  },
};
