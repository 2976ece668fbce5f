import type { StoredEvent } from '#event-store';
import { eventTypes, parseDomainEvent } from '#vocabulary';
import type { Projection, SqlTransaction } from '#projections';

/** The registry: organizations and datasets as registered, for names and purposes in answers and reports. */
export const registryProjection: Projection = {
  name: 'registry',
  schema: 'registry',
  tables: ['organizations', 'datasets'],
  handles: eventTypes('OrganizationRegistered', 'DatasetRegistered'),

  async apply(events: StoredEvent[], tx: SqlTransaction, schema: string): Promise<void> {
    const organizations: unknown[] = [];
    const datasets: unknown[] = [];
    for (const stored of events) {
      if (stored.type !== 'OrganizationRegistered' && stored.type !== 'DatasetRegistered') continue;
      const event = parseDomainEvent(stored.type, stored.schemaVersion, stored.data);
      if (event.type === 'OrganizationRegistered') {
        const d = event.data;
        organizations.push({ id: d.organizationId, name: d.name, kind: d.kind, domains: d.domains, registered_at: d.occurredAt });
      } else if (event.type === 'DatasetRegistered') {
        const d = event.data;
        datasets.push({
          id: d.datasetId, holder_id: d.holderId, name: d.name, purpose: d.purpose, domain: d.domain, legal_basis: d.legalBasis,
          keyed_by: d.keyedBy, basic4_fields: d.basic4Fields, registered_at: d.occurredAt,
        });
      }
    }
    if (organizations.length > 0) {
      await tx.query(`INSERT INTO ${schema}.organizations SELECT * FROM jsonb_populate_recordset(NULL::${schema}.organizations, $1::jsonb)`, [JSON.stringify(organizations)]);
    }
    if (datasets.length > 0) {
      await tx.query(`INSERT INTO ${schema}.datasets SELECT * FROM jsonb_populate_recordset(NULL::${schema}.datasets, $1::jsonb)`, [JSON.stringify(datasets)]);
    }
  },
};
