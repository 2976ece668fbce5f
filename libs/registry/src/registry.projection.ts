import type { StoredEvent } from '#event-store';
import { eventTypes, parseDomainEvent } from '#vocabulary';
import { insertRows, type Projection, type SqlTransaction } from '#projections';

const HANDLED = eventTypes('OrganizationRegistered', 'DatasetRegistered', 'PermittedProvisionRegistered', 'InformationProvided');

/**
 * The registry: organizations and datasets as registered, for names and purposes in answers and reports, and
 * which organizations deal with which (counterparties: the two parties of a provision or of a permitted row),
 * for what an organization may list of the others.
 */
export const registryProjection: Projection = {
  name: 'registry',
  schema: 'registry',
  tables: ['organizations', 'datasets', 'counterparties'],
  handles: HANDLED,

  async apply(events: StoredEvent[], tx: SqlTransaction, schema: string): Promise<void> {
    const organizations: object[] = [];
    const datasets: object[] = [];
    const pairs: { organization_id: string; counterparty_id: string }[] = [];
    const dealt = (a: string, b: string) => {
      if (a !== b) pairs.push({ organization_id: a, counterparty_id: b }, { organization_id: b, counterparty_id: a });
    };
    for (const stored of events) {
      if (!HANDLED.has(stored.type)) continue;
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
      } else if (event.type === 'PermittedProvisionRegistered' || event.type === 'InformationProvided') {
        dealt(event.data.requesterId, event.data.providerId);
      }
    }
    await insertRows(tx, schema, 'organizations', organizations);
    await insertRows(tx, schema, 'datasets', datasets);
    if (pairs.length > 0) {
      await tx.query(
        `INSERT INTO ${schema}.counterparties SELECT DISTINCT * FROM jsonb_populate_recordset(NULL::${schema}.counterparties, $1::jsonb) ON CONFLICT DO NOTHING`,
        [JSON.stringify(pairs)],
      );
    }
  },
};
