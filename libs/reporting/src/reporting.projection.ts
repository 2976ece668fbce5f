import type { StoredEvent } from '#event-store';
import { eventTypes, parseDomainEvent } from '#vocabulary';
import { insertRows, type Projection, type SqlTransaction } from '#projections';

/**
 * What the report needs that no other read model keeps: the people each dataset covers (対象人数, for the
 * PIA threshold) and My Numbers retired as leaked (for 漏えい等報告). Order-independent (first time = least
 * time), so a rebuild equals live processing.
 */
export const reportingProjection: Projection = {
  name: 'reporting',
  schema: 'reporting',
  tables: ['dataset_subjects', 'identifier_leaks'],
  handles: eventTypes('RecordRegistered', 'IdentifierRetired'),

  async apply(events: StoredEvent[], tx: SqlTransaction, schema: string): Promise<void> {
    const covered = new Map<string, { dataset_id: string; subject_id: string; first_recorded_at: string }>();
    const leaks: object[] = [];
    for (const stored of events) {
      if (stored.type !== 'RecordRegistered' && stored.type !== 'IdentifierRetired') continue;
      const event = parseDomainEvent(stored.type, stored.schemaVersion, stored.data);
      if (event.type === 'RecordRegistered') {
        const { datasetId, subjectId, occurredAt } = event.data;
        const key = `${datasetId} ${subjectId}`;
        const seen = covered.get(key);
        if (!seen || occurredAt < seen.first_recorded_at) covered.set(key, { dataset_id: datasetId, subject_id: subjectId, first_recorded_at: occurredAt });
      } else if (event.type === 'IdentifierRetired' && event.data.reason === 'LEAKED' && event.data.kind === 'MY_NUMBER') {
        const d = event.data;
        leaks.push({ event_id: stored.id, global_position: stored.globalPosition.toString(), subject_id: d.subjectId, retired_by: d.retiredBy, occurred_at: d.occurredAt });
      }
    }
    if (covered.size > 0) {
      await tx.query(
        `INSERT INTO ${schema}.dataset_subjects
         SELECT * FROM jsonb_populate_recordset(NULL::${schema}.dataset_subjects, $1::jsonb)
         ON CONFLICT (dataset_id, subject_id) DO UPDATE SET first_recorded_at = LEAST(dataset_subjects.first_recorded_at, EXCLUDED.first_recorded_at)`,
        [JSON.stringify([...covered.values()])],
      );
    }
    await insertRows(tx, schema, 'identifier_leaks', leaks);
  },
};
